package dev.warta.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {
  @Test
  void foldsWhiteSpaceRunsAsTheRegularExpressionDoes() {
    for (String text : List.of("", " ", "a", " a ", "a  b\t\tc\r\nd", "\n\u000b\fx\u00a0y\u2003z\u001c ", "satu dua tiga")) {
      assertEquals(text.replaceAll("\\s+", " "), PlainText.foldWhiteSpace(text), text);
    }
  }

  @Test
  void dropsMarkupFootnoteReferencesAndFoldsWhiteSpace() {
    assertEquals("Paragraf pertama di sini, tautan dan kode.", PlainText.of("Paragraf **pertama**[^1]\ndi  sini, [tautan](https://x.org) dan `kode`."));
  }
}
