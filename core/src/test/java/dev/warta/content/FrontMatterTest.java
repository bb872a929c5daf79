package dev.warta.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import dev.warta.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontMatterTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  private static Article read(String source, String text, List<Problem> problems) {
    ArticleReader reader = new ArticleReader(SiteConfig.defaults());
    ArticleReader.Result result = reader.read(source, Path.of("/site").resolve(source), text);
    problems.addAll(result.problems());
    return result.article().orElse(null);
  }

  private static Article read(String text) {
    List<Problem> problems = new ArrayList<>();
    Article a = read("content/nasional/a.md", text, problems);
    assertEquals(List.of(), problems);
    return a;
  }

  @Test
  void readsEveryKnownKey() {
    Article a = read("""
        ---
        title: "Kim Jong Un dan Putin Bahas Kerja Sama Senjata"
        date: 2023-09-05T08:30:00+07:00
        updated: 2023-09-05T12:00:00+07:00
        authors: [Rina Marlina, Budi Santoso]
        section: internasional
        tags: [korea utara, rusia, Korea Utara, diplomasi]
        summary: Pertemuan kedua pemimpin dijadwalkan bulan ini.
        image: { src: /img/kim-putin.jpg, alt: "Dua pemimpin", credit: "Ilustrasi" }
        lang: id
        canonical: https://asal.example/berita/1
        aliases: [/lama/kim-putin/]
        related: [korea-utara-luncurkan-rudal]
        translationKey: kim-putin
        rubrik_cetak: A1
        halaman: 3
        ---
        Paragraf pertama.
        """);
    assertEquals("Kim Jong Un dan Putin Bahas Kerja Sama Senjata", a.title());
    assertEquals("kim-jong-un-dan-putin-bahas-kerja-sama-senjata", a.slug());
    assertEquals(ZonedDateTime.of(2023, 9, 5, 8, 30, 0, 0, JAKARTA), a.date());
    assertEquals(ZonedDateTime.of(2023, 9, 5, 12, 0, 0, 0, JAKARTA), a.updated());
    assertTrue(a.isUpdated());
    assertEquals(List.of("Rina Marlina", "Budi Santoso"), a.authors());
    assertEquals("internasional", a.section());
    assertEquals(List.of("korea utara", "rusia", "diplomasi"), a.tags());
    assertEquals("Pertemuan kedua pemimpin dijadwalkan bulan ini.", a.summary());
    assertEquals(Optional.of(new Image("/img/kim-putin.jpg", "Dua pemimpin", "", "Ilustrasi")), a.image());
    assertEquals("https://asal.example/berita/1", a.canonical());
    assertEquals(List.of("/lama/kim-putin/"), a.aliases());
    assertEquals(List.of("korea-utara-luncurkan-rudal"), a.related());
    assertEquals("kim-putin", a.translationKey());
    assertEquals(Map.of("rubrik_cetak", "A1", "halaman", 3L), a.params());
    assertEquals(18, a.bodyLine());
    assertEquals(7, a.lineOf("tags"));
  }

  @Test
  void readsDatesWrittenEveryCommonWay() {
    String[][] cases = {
        {"2023-09-05", "2023-09-05T00:00+07:00[Asia/Jakarta]"},
        {"\"2023-09-05\"", "2023-09-05T00:00+07:00[Asia/Jakarta]"},
        {"2023-09-05T08:30:00", "2023-09-05T08:30+07:00[Asia/Jakarta]"},
        {"2023-09-05T01:30:00Z", "2023-09-05T08:30+07:00[Asia/Jakarta]"},
        {"'2023-09-05T08:30:00+07:00'", "2023-09-05T08:30+07:00[Asia/Jakarta]"},
        {"2023-09-05 08:30:00 +0700", "2023-09-05T08:30+07:00[Asia/Jakarta]"},
        {"2023-09-05 10:30:00 +9", "2023-09-05T08:30+07:00[Asia/Jakarta]"},
        {"2023-09-05 08:30", "2023-09-05T08:30+07:00[Asia/Jakarta]"},
        {"2023-09-05T08:30:00.250+07:00", "2023-09-05T08:30:00.250+07:00[Asia/Jakarta]"},
    };
    for (String[] c : cases) {
      Article a = read("---\ntitle: A\ndate: " + c[0] + "\n---\nText.\n");
      assertEquals(c[1], a.date().toString(), c[0]);
    }
  }

  @Test
  void acceptsByteOrderMarkAndWindowsLineEnds(@TempDir Path dir) {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String text = "---\r\ntitle: Berita CRLF\r\ndate: 2023-01-02\r\n---\r\nBaris satu.\r\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    TestSite site = TestSite.of(dir, "").put("content/a.md", all);
    site.build();
    assertEquals("Berita CRLF", site.page("/2023/01/berita-crlf/").select("h1").text());
    assertEquals("Baris satu.", site.page("/2023/01/berita-crlf/").select(".article-body p").text());
  }

  @Test
  void readsHugoAndJekyllArchives() {
    List<Problem> problems = new ArrayList<>();
    Article jekyll = read("content/_posts/2021-03-14-harga-cabai-naik.md", """
        ---
        title: Harga Cabai Merah Merangkak Naik
        categories: [ekonomi, pasar]
        author: Sri Wahyuni
        keywords: [cabai]
        ---
        Harga cabai naik lagi.
        """, problems);
    assertEquals(List.of(), problems);
    assertEquals("harga-cabai-naik", jekyll.slug());
    assertEquals(ZonedDateTime.of(2021, 3, 14, 0, 0, 0, 0, JAKARTA), jekyll.date());
    assertEquals("ekonomi", jekyll.section());
    assertEquals(List.of("Sri Wahyuni"), jekyll.authors());
    assertEquals(List.of("cabai"), jekyll.tags());

    Article hugo = read("content/berita/rapat.en.md", """
        ---
        title: Council Meeting
        date: 2022-05-10
        lastmod: 2022-05-11
        draft: true
        description: The council met.
        ---
        Text.
        """, problems);
    assertEquals(List.of(), problems);
    assertEquals("en", hugo.lang());
    assertTrue(hugo.draft());
    assertEquals("The council met.", hugo.summary());
    assertEquals("berita", hugo.section());
    assertEquals(ZonedDateTime.of(2022, 5, 11, 0, 0, 0, 0, JAKARTA), hugo.updated());
  }

  @Test
  void summaryIsTheTextBeforeMoreOrTheFirstParagraph() {
    Article more = read("---\ntitle: A\ndate: 2023-01-01\n---\n# Judul\n\nSatu *dua*.\n\nTiga.\n<!--more-->\nEmpat.\n");
    assertEquals("Judul Satu dua. Tiga.", more.summary());
    Article first = read("---\ntitle: A\ndate: 2023-01-01\n---\n![foto](/a.jpg)\n\nBaca juga: Sesuatu\n\nParagraf **pertama**[^1] di sini.\n\nKedua.\n\n[^1]: Catatan.\n");
    assertEquals("Paragraf pertama di sini.", first.summary());
  }

  @Test
  void summaryBlocksEndAtLinesOfWhiteSpaceAndFoldSoftBreaksAndTabs() {
    Article a = read("---\ntitle: A\ndate: 2023-01-01\n---\n\n \t\n## Judul\n \n\n\t\nBaca juga: Sesuatu\r\n\r\n\u000b\nBaris  satu\ndan\tdua,\r\n  tiga.  \n\nEmpat.");
    assertEquals("Baris satu dan dua, tiga.", a.summary());
    Article last = read("---\ntitle: A\ndate: 2023-01-01\n---\n# Judul\n\nSatu-satunya paragraf\n");
    assertEquals("Satu-satunya paragraf", last.summary());
  }

  @Test
  void leavesDraftsAndFutureArticlesOutUnlessAsked(@TempDir Path dir) {
    TestSite site = TestSite.of(dir, """
        -- content/a.md --
        ---
        title: Terbit
        date: 2024-01-01
        ---
        Ada.
        -- content/b.md --
        ---
        title: Draf
        date: 2024-01-02
        draft: true
        ---
        Belum.
        -- content/c.md --
        ---
        title: Nanti
        date: 2030-01-01
        ---
        Nanti.
        """);
    assertEquals(1, site.build().articles());
    assertFalse(site.has("2024/01/draf/index.html"));
    assertEquals(3, site.site().drafts(true).future(true).build().articles());
    assertTrue(site.has("2030/01/nanti/index.html"));
  }
}
