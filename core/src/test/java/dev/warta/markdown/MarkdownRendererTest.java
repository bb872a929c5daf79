package dev.warta.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warta.shared.SiteConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer(SiteConfig.RawHtml.SANITIZE,
      ReadAlsoLine.of(List.of("Baca juga", "Read also")), SiteConfig.DEFAULT_CHECKS);

  private static final MarkdownRenderer.Resolver NONE = new MarkdownRenderer.Resolver() {
    @Override
    public Optional<MarkdownRenderer.Target> bySource(String source) {
      return Optional.empty();
    }

    @Override
    public Optional<MarkdownRenderer.Target> byTitle(String title) {
      return Optional.empty();
    }
  };

  private static String html(String markdown) {
    return RENDERER.render(MarkdownRenderer.Request.plain("content/a.md", 5, markdown), NONE).html();
  }

  @Test
  void textIsEscapedExactlyAsFlexmarkEscapesIt() {
    // Warta writes most text itself (PlainTextRenderer); parsed back, the HTML must be flexmark's own
    MarkdownRenderer warta = new MarkdownRenderer(SiteConfig.RawHtml.ALLOW, ReadAlsoLine.of(List.of("Baca juga")), SiteConfig.DEFAULT_CHECKS);
    com.vladsch.flexmark.util.data.MutableDataSet options = Flexmark.options();
    options.set(com.vladsch.flexmark.html.HtmlRenderer.SOFT_BREAK, "\n");
    com.vladsch.flexmark.html.HtmlRenderer stock = com.vladsch.flexmark.html.HtmlRenderer.builder(options).build();
    for (String markdown : List.of(
        "\"Kami tidak akan mundur,\" kata Bupati, 'sebelum jalan selesai'.",
        "Suhu > 40 derajat, tekanan < 1 atm, dan \"panas\" sekali.",
        "Judul *\"miring\"* dan **\"tebal\"** dan [\"tautan\"](https://kabar.example/a?x=1&y=2 \"judul\").",
        "# Kutipan \"Presiden\"\n\n> \"Kami siap,\" ujarnya.\n> Baris kedua \"lagi\".",
        "AT&T, &amp; &quot;entitas&quot;, \\*bukan miring\\*, dan \"campuran\" & lainnya.",
        "- \"satu\"\n- dua > tiga\n- 5 < 6 \"tujuh\"",
        "Tanda kutip “lengkung” dan ‘tunggal’, em—dash, café \"résumé\".")) {
      String expected = stock.render(Flexmark.parse(markdown));
      assertEquals(expected, warta.render(MarkdownRenderer.Request.plain("content/a.md", 5, markdown), NONE).html(), markdown);
    }
  }

  @Test
  void rendersGfmTablesStrikethroughFootnotesAndAutolinks() {
    assertEquals("<p>Lihat <a href=\"https://bmkg.go.id/cuaca\">https://bmkg.go.id/cuaca</a> dan <a href=\"http://www.bmkg.go.id\">www.bmkg.go.id</a>.</p>\n",
        html("Lihat https://bmkg.go.id/cuaca dan www.bmkg.go.id."));
    assertEquals("<p>Tulis ke <a href=\"mailto:redaksi@kabar.example\">redaksi@kabar.example</a>.</p>\n", html("Tulis ke redaksi@kabar.example."));
    assertEquals("<p>Tanpa tautan: www atau http saja.</p>\n", html("Tanpa tautan: www atau http saja."));
    assertEquals("<p>Lihat <a href=\"https://www.bmkg.go.id\">situs</a> lalu https://bmkg.go.id</p>\n".replace("lalu https://bmkg.go.id", "lalu <a href=\"https://bmkg.go.id\">https://bmkg.go.id</a>"),
        html("Lihat [situs](https://www.bmkg.go.id) lalu https://bmkg.go.id"));
    assertEquals("<p>Lihat <a href=\"https://www.bmkg.go.id\">situs</a> dan <a href=\"https://bmkg.go.id\">https://bmkg.go.id</a></p>\n",
        html("Lihat [situs](https://www.bmkg.go.id) dan <https://bmkg.go.id>"));
    assertEquals("<p><del>52 RT</del> 42 RT</p>\n", html("~~52 RT~~ 42 RT"));
    String table = html("| Komoditas | Harga |\n| --- | ---: |\n| Cabai | Rp80.000 |\n");
    assertEquals(true, table.startsWith("<table>\n<thead>\n<tr><th>Komoditas</th><th class=\"align-right\">Harga</th></tr>"), table);
    String note = html("Data BPS[^1].\n\n[^1]: Badan Pusat Statistik.\n");
    assertEquals(true, note.contains("<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>"), note);
  }

  @Test
  void onlyTextThatMayHoldABareLinkNeedsTheAutolinkParser() {
    assertEquals(false, Flexmark.mayHaveBareLink("Lihat [situs](https://www.bmkg.go.id) dan <https://x.org>."));
    assertEquals(true, Flexmark.mayHaveBareLink("Lihat [situs](https://x.org) dan https://y.org."));
    assertEquals(true, Flexmark.mayHaveBareLink("Kunjungi www.bmkg.go.id."));
    assertEquals(true, Flexmark.mayHaveBareLink("Surel redaksi@kabar.example."));
    assertEquals(false, Flexmark.mayHaveBareLink("Tidak ada tautan di sini."));
  }

  @Test
  void textWithEscapesEntitiesOrSpecialCharactersRendersAsFlexmarkRendersIt() {
    assertEquals("<p>Kata &quot;naik&quot;, 5 &gt; 3 &lt; 9 &amp; AT&amp;T *bukan miring* \u00a9 2023\nbaris</p>\n",
        html("Kata \"naik\", 5 > 3 < 9 & AT&amp;T \\*bukan miring\\* &copy; 2023\r\nbaris"));
    assertEquals("<p>Prosa biasa tanpa apa-apa, <em>miring</em> dan <strong>tebal</strong>.</p>\n",
        html("Prosa biasa tanpa apa-apa, *miring* dan **tebal**."));
  }
}
