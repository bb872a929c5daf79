package dev.warta.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  @Test
  void takesPlainSentencesAsProseAndLeavesAnythingMarkdownCouldChangeToTheParser() {
    assertTrue(PlainText.isProse("Harga beras naik 5% pada 2023, kata Menteri (Senin).\nIa menambahkan: \"stok cukup\"!"));
    for (String markup : List.of("**tebal**", "a_b", "[x](y)", "`kode`", "a &amp; b", "a\\b", "<b>", "~~x~~", "a | b", "#1",
        "- daftar", "+ daftar", "1. butir", "12) butir", "judul\n===", "judul\n---", "    kode", "lihat https://x.org",
        "lihat www.x.org", "surat@x.org", "a\tb", "a\u0000b", "> kutip")) {
      assertFalse(PlainText.isProse(markup), markup);
    }
  }

  /** The shortcut must give what the parser gives, whenever it is taken. */
  @Property(tries = 3000)
  void proseGivesWhatTheParserGives(@ForAll("markdownish") String text) {
    if (PlainText.isProse(text)) {
      assertEquals(PlainText.parsed(text), PlainText.of(text), text);
    }
  }

  @Provide
  Arbitrary<String> markdownish() {
    Arbitrary<String> pieces = Arbitraries.of(
        "Harga", "beras", "naik", "5%", "2023.", "1.", "3)", "-", "+", "=", "==", "---", "*", "_", ":", "://", "www.", "@",
        "!", "?", "\"", "'", "(", ")", "#", ">", "<", "&", "&amp;", "\\", "`", "~", "|", "[", "]", "é", "\u00a0", "\u2003",
        "…", " ", "  ", "    ", "\n", "\n\n", "\r\n", "\t", "\u0001", "\u0000", "WIB", "08.30", "Rp1.000");
    return pieces.list().ofMinSize(1).ofMaxSize(14).map(list -> String.join("", list));
  }
}
