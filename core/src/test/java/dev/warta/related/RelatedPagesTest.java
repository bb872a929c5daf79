package dev.warta.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related articles as readers see them: the end section, hand-picked links, inserted read also links. */
class RelatedPagesTest {
  @TempDir Path dir;

  private static final String FLOODS = """
      -- content/nasional/rob-1.md --
      ---
      title: Banjir Rob Rendam Pesisir Semarang
      date: 2023-01-10T08:00:00+07:00
      tags: [banjir, semarang]
      ---
      Banjir rob merendam kawasan pesisir Semarang. Badan Penanggulangan Bencana Daerah Kota Semarang mengerahkan pompa air.

      Warga Tambak Lorok memindahkan barang ke loteng karena air laut pasang.
      -- content/nasional/rob-2.md --
      ---
      title: Rob Kembali Genangi Tambak Lorok
      date: 2023-02-10T08:00:00+07:00
      tags: [banjir]
      ---
      Air laut pasang kembali menggenangi Tambak Lorok di pesisir Semarang. Badan Penanggulangan Bencana Daerah Kota Semarang menyiagakan pompa.

      Warga pesisir Semarang mengeluhkan banjir rob yang makin sering.
      -- content/ekonomi/cabai.md --
      ---
      title: Harga Cabai Rawit Naik di Pasar Johar
      date: 2023-02-11T08:00:00+07:00
      tags: [cabai]
      ---
      Harga cabai rawit di Pasar Johar naik menjadi Rp80.000 per kilogram. Pedagang menyebut pasokan dari petani berkurang.

      Dinas Perdagangan memantau harga cabai setiap hari.
      -- content/nasional/rob-3.md --
      ---
      title: Pompa Baru untuk Atasi Rob di Semarang Utara
      date: 2023-03-10T08:00:00+07:00
      tags: [banjir, semarang]
      related: [harga-cabai-rawit-naik-di-pasar-johar]
      ---
      Pemerintah Kota Semarang memasang pompa baru untuk mengatasi banjir rob di pesisir Semarang Utara.

      Badan Penanggulangan Bencana Daerah Kota Semarang menyebut Tambak Lorok paling sering tergenang rob.

      Paragraf ketiga tentang tanggul laut di pesisir Semarang.

      Paragraf keempat tentang warga Tambak Lorok.

      Paragraf kelima tentang air laut pasang.

      Paragraf keenam tentang pompa.

      Paragraf ketujuh, penutup.
      """;

  @Test
  void theRelatedSectionListsHandPickedFirstThenTheBestOlderMatches() {
    TestSite site = TestSite.of(dir, FLOODS);
    site.build();
    Document page = site.page("/2023/03/pompa-baru-untuk-atasi-rob-di-semarang-utara/");
    assertEquals("Berita terkait", page.select(".related h2").text());
    assertEquals(List.of("Harga Cabai Rawit Naik di Pasar Johar", "Rob Kembali Genangi Tambak Lorok", "Banjir Rob Rendam Pesisir Semarang"),
        page.select(".related-list a").eachText());
    Document oldest = site.page("/2023/01/banjir-rob-rendam-pesisir-semarang/");
    assertTrue(oldest.select(".related").isEmpty(), "by default an article links only to older ones");
  }

  @Test
  void newerArticlesOnRequest() {
    TestSite site = TestSite.of(dir, FLOODS);
    site.site().set("related.allowNewer", "true").build();
    Document oldest = site.page("/2023/01/banjir-rob-rendam-pesisir-semarang/");
    assertEquals(List.of("Rob Kembali Genangi Tambak Lorok", "Pompa Baru untuk Atasi Rob di Semarang Utara"),
        oldest.select(".related-list a").eachText());
  }

  @Test
  void insertedReadAlsoLinksFollowTheChosenParagraphsOnlyInLongArticles() {
    TestSite site = TestSite.of(dir, FLOODS + "-- warta.yml --\nrelated:\n  insertAfter: [2, 5]\n  insertMinParagraphs: 6\n");
    site.build();
    Document page = site.page("/2023/03/pompa-baru-untuk-atasi-rob-di-semarang-utara/");
    var body = page.select(".article-body > *");
    assertEquals("aside", body.get(2).tagName(), body.toString());
    assertEquals("Baca juga Harga Cabai Rawit Naik di Pasar Johar", body.get(2).text());
    assertEquals("aside", body.get(6).tagName());
    assertEquals("Baca juga Rob Kembali Genangi Tambak Lorok", body.get(6).text());
    assertEquals(List.of("Banjir Rob Rendam Pesisir Semarang"), page.select(".related-list a").eachText(),
        "the related section does not repeat the inserted links");
    Document shortOne = site.page("/2023/02/rob-kembali-genangi-tambak-lorok/");
    assertTrue(shortOne.select(".article-body aside").isEmpty(), "no inserted links in short articles");
  }

  @Test
  void aHandPickedArticleThatDoesNotExistIsAWarning() {
    TestSite site = TestSite.of(dir, FLOODS.replace("related: [harga-cabai-rawit-naik-di-pasar-johar]", "related: [tidak-ada]"));
    var warnings = site.build().warnings().stream().map(Problem::toString).toList();
    assertEquals(List.of("content/nasional/rob-3.md:5:1: warning: 'related' names no article of this archive: 'tidak-ada'; use a slug such as harga-cabai-naik or a path such as ekonomi/harga-cabai.md"), warnings);
  }

  @Test
  void theReportExplainsEveryLink() throws Exception {
    TestSite site = TestSite.of(dir, FLOODS);
    site.site().set("related.report", "true").build();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.text("related.json"));
    assertEquals(List.of("/2023/03/pompa-baru-untuk-atasi-rob-di-semarang-utara/", "/2023/02/harga-cabai-rawit-naik-di-pasar-johar/",
        "/2023/02/rob-kembali-genangi-tambak-lorok/", "/2023/01/banjir-rob-rendam-pesisir-semarang/"),
        toList(json.fieldNames()));
    var links = json.get("/2023/03/pompa-baru-untuk-atasi-rob-di-semarang-utara/");
    assertEquals("/2023/02/rob-kembali-genangi-tambak-lorok/", links.get(0).get("url").asText());
    var parts = links.get(0).get("parts");
    double sum = parts.get("text").asDouble() + parts.get("names").asDouble() + parts.get("tags").asDouble() + parts.get("time").asDouble();
    assertEquals(links.get(0).get("score").asDouble(), sum, 0.05, "the parts add up to the score");
    assertTrue(links.get(0).get("score").asDouble() >= links.get(1).get("score").asDouble());
    assertEquals(0, json.get("/2023/01/banjir-rob-rendam-pesisir-semarang/").size());
  }

  private static List<String> toList(java.util.Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
