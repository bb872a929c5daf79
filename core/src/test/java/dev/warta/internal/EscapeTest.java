package dev.warta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class EscapeTest {
  @Test
  void htmlEscapesMarkupCharactersAndDropsControlCharacters() {
    assertEquals("Harga &lt;naik&gt; &amp; &#39;turun&#39; &quot;lagi&quot;\tÉ€\n",
        Escape.html("Harga <naik> & 'turun' \"lagi\"\u0001\tÉ\u0085€\uffff\n"));
    assertEquals("Judul~ [1] {x} é", Escape.html("Judul~ [1] {x}\u007f é"));
  }

  @Test
  void htmlReturnsTextThatNeedsNothingAsItIs() {
    String text = "Kim Jong Un dan Putin Bahas Kerja Sama Senjata, 2023: naik 5% (lagi)?";
    assertSame(text, Escape.html(text));
  }
}
