package dev.warta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFilesTest {
  @Test
  void decodesUtf8WithoutTheByteOrderMarkAndKeepsAReplacementCharacterTheTextHolds() throws Exception {
    assertEquals("Harga naik – 5 €", TextFiles.decode("\uFEFFHarga naik – 5 €".getBytes(StandardCharsets.UTF_8)));
    assertEquals("rusak \uFFFD di sumber", TextFiles.decode("rusak \uFFFD di sumber".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesMalformedBytes() {
    assertThrows(CharacterCodingException.class, () -> TextFiles.decode(new byte[] {'a', (byte) 0xE9, 'b'})); // Latin-1 é
    assertThrows(CharacterCodingException.class, () -> TextFiles.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})); // a lone surrogate
    assertThrows(CharacterCodingException.class, () -> TextFiles.decode(new byte[] {(byte) 0xC0, (byte) 0xAF})); // overlong '/'
  }
}
