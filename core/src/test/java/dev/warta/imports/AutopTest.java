package dev.warta.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** WordPress's paragraph rules, applied to classic-editor content stored without {@code <p>}. */
class AutopTest {
  @Test
  void blankLinesSeparateParagraphsAndSingleBreaksStayBreaks() {
    assertEquals("<p>Hujan turun sejak sore.</p>\n<p>Air naik ke jalan.<br>Warga mengungsi.</p>\n",
        Autop.apply("Hujan turun sejak sore.\n\nAir naik ke jalan.\nWarga mengungsi."));
  }

  @Test
  void blocksAreLeftWholeAndTextInContainersGetsParagraphs() {
    assertEquals("<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n<blockquote><p>Kata dia.</p></blockquote>\n",
        Autop.apply("<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n<blockquote>Kata dia.</blockquote>"));
  }

  @Test
  void preformattedTextAndFiguresKeepTheirLineBreaks() {
    String out = Autop.apply("Kode:\n\n<pre>a = 1\n\nb = 2</pre>\n\n<figure><img src=\"a.jpg\">\n<figcaption>Foto</figcaption></figure>");
    assertTrue(out.contains("<pre>a = 1\n\nb = 2</pre>"), out);
    assertTrue(out.contains("<figure><img src=\"a.jpg\">\n<figcaption>Foto</figcaption></figure>"), out);
    assertFalse(out.contains("<br>"), out);
  }

  @Test
  void anExistingBreakIsNotDoubled() {
    assertEquals("<p>baris satu<br />\nbaris dua</p>\n", Autop.apply("baris satu<br />\nbaris dua"));
  }

  @Test
  void blockEditorContentIsRecognised() {
    assertTrue(Autop.isBlockEditor("<!-- wp:paragraph -->\n<p>a</p>\n<!-- /wp:paragraph -->"));
    assertFalse(Autop.isBlockEditor("a\n\nb"));
  }
}
