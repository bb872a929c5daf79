package dev.warta.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads text files strictly: invalid UTF-8 is an error, never replacement characters. */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The text of a UTF-8 file, without a leading byte order mark.
   *
   * @throws CharacterCodingException when the bytes are not valid UTF-8
   */
  public static String readUtf8(Path file) throws IOException {
    return decode(Files.readAllBytes(file));
  }

  /** Decodes UTF-8 strictly, dropping a leading byte order mark. */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    // String's own decoding is several times faster than a decoder's (no char buffer to copy and
    // compress again) but puts U+FFFD where bytes are malformed instead of failing; valid bytes
    // decode the same either way. So only text holding a U+FFFD is decoded again, strictly: that
    // reports malformed bytes, and keeps a U+FFFD the file really holds.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
