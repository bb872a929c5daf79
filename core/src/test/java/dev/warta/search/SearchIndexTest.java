package dev.warta.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index as a reader meets it: queries with known answers, on files a real build wrote. */
class SearchIndexTest {
  @TempDir Path dir;

  private static String article(String title, String date, String section, String body) {
    return "---\ntitle: \"" + title + "\"\ndate: " + date + "\nsection: " + section + "\n---\n" + body + "\n";
  }

  private TestSite small() {
    TestSite site = TestSite.of(dir, """
        -- warta.yml --
        title: Uji
        language: id
        search: true
        """);
    site.write("-- content/a.md --\n" + article("Pembangunan Jembatan Kali Brantas Dimulai", "2023-01-05T08:00:00+07:00", "nasional",
        "Pemerintah kabupaten memulai pembangunan jembatan baru di atas sungai. Warga menyambut gembira."));
    site.write("-- content/b.md --\n" + article("Sekolah Dibangun Kembali Setelah Gempa", "2023-02-05T08:00:00+07:00", "nasional",
        "Gedung sekolah dibangun ulang dengan rangka baja tahan gempa. Murid belajar di tenda sementara."));
    site.write("-- content/c.md --\n" + article("Koperasi Nelayan Membangun Gudang Es", "2023-03-05T08:00:00+07:00", "ekonomi",
        "Koperasi membangun gudang es agar tangkapan ikan tetap segar sampai ke pasar."));
    site.write("-- content/d.md --\n" + article("Harga Cabai Rawit Turun di Pasar Induk", "2024-04-05T08:00:00+07:00", "ekonomi",
        "Pedagang di pasar induk menyebut pasokan cabai dari Temanggung melimpah. Harga cabai rawit turun."));
    site.write("-- content/e.md --\n" + article("Festival Layang-Layang Pangandaran Meriah", "2024-05-05T08:00:00+07:00", "budaya",
        "Ratusan layang-layang raksasa menghiasi langit pantai. Pengunjung datang dari berbagai kota di pasar malam."));
    return site;
  }

  @Test
  void everyInflectedFormFindsTheArticlesWithTheOthers() {
    TestSite site = small();
    site.build();
    for (String query : List.of("pembangunan", "dibangun", "membangun")) {
      List<String> urls = new StaticSearch(site.output()).search("id", query, 10).stream().map(StaticSearch.Result::title).toList();
      assertEquals(3, urls.size(), query + ": " + urls);
      assertTrue(urls.containsAll(List.of("Pembangunan Jembatan Kali Brantas Dimulai", "Sekolah Dibangun Kembali Setelah Gempa",
          "Koperasi Nelayan Membangun Gudang Es")), query + ": " + urls);
    }
  }

  @Test
  void aTitlesRareWordsFindThatArticleFirstAndAllWordsComeFirst() {
    TestSite site = small();
    site.build();
    List<StaticSearch.Result> results = new StaticSearch(site.output()).search("id", "layang pangandaran", 10);
    assertEquals("Festival Layang-Layang Pangandaran Meriah", results.get(0).title());
    results = new StaticSearch(site.output()).search("id", "pasar cabai", 10);
    // "pasar" is in three articles, "cabai" in one: the one with both leads
    assertEquals("Harga Cabai Rawit Turun di Pasar Induk", results.get(0).title());
    assertEquals(2, results.get(0).words());
    assertEquals(3, results.size());
    assertTrue(results.stream().skip(1).allMatch(r -> r.words() == 1));
  }

  @Test
  void aWordNoArticleHasStandsForTheWordsItBeginsOrTheLongestItBeginsWith() {
    TestSite site = small();
    site.build();
    // the last word, being typed: the words it begins ("temangg" for "temanggung")
    assertEquals(List.of("Harga Cabai Rawit Turun di Pasar Induk"), titles(site, "cabai temangg"));
    // an inflection the archive lacks: the longest word of the archive it begins with, at least half of it
    assertEquals(List.of("Harga Cabai Rawit Turun di Pasar Induk"), titles(site, "temanggungnya"));
    List<String> built = titles(site, "pembangunannya");
    assertEquals(3, built.size(), "pembangunan, and with it its stem's other forms: " + built);
    // too little of it known: "pem" is not half of "pemkabnya", and no word begins with it
    assertEquals(List.of(), titles(site, "pemkabnya"));
  }

  private static List<String> titles(TestSite site, String query) {
    return new StaticSearch(site.output()).search("id", query, 10).stream().map(StaticSearch.Result::title).toList();
  }

  @Test
  void aResultShowsTitleUrlDateSectionAndAShortLede() {
    TestSite site = small();
    site.write("-- content/f.md --\n" + article("Gerhana Bulan Total Terlihat Jelas", "2024-06-05T08:00:00+07:00", "sains",
        "Langit cerah. " + "Pengamat di observatorium mencatat setiap tahap gerhana dengan teleskop. ".repeat(10)));
    site.build();
    StaticSearch.Result r = new StaticSearch(site.output()).search("id", "gerhana", 5).get(0);
    assertEquals("Gerhana Bulan Total Terlihat Jelas", r.title());
    assertEquals("/2024/06/gerhana-bulan-total-terlihat-jelas/", r.url());
    assertEquals("2024-06-05", r.date());
    assertEquals("sains", r.section());
    assertTrue(r.lede().length() <= SearchIndex.LEDE_CHARS && r.lede().endsWith("…"), r.lede());
  }

  @Test
  void theExampleArchiveFindsEveryFormOfBangun() throws IOException {
    Path example = Path.of("../example-site/src/site/warta").toAbsolutePath().normalize();
    Path copy = dir.resolve("example");
    try (Stream<Path> files = Files.walk(example)) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(example.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path out = dir.resolve("out");
    dev.warta.Warta.site(copy).set("search", "true").output(out).buildTime(TestSite.NOW).build();
    StaticSearch search = new StaticSearch(out);
    for (String query : List.of("pembangunan", "membangun")) {
      List<String> urls = search.search("id", query, 10).stream().map(StaticSearch.Result::url).toList();
      assertTrue(urls.stream().anyMatch(u -> u.contains("banjir-rob")), query + ": " + urls);
      assertTrue(urls.stream().anyMatch(u -> u.contains("rantai-pasok-cabai")), query + ": " + urls);
    }
    List<StaticSearch.Result> rob = search.search("id", "rob semarang", 3);
    assertTrue(rob.get(0).url().contains("banjir-rob"), rob.toString());
    List<StaticSearch.Result> nickel = search.search("en", "nickel morowali", 3);
    assertTrue(nickel.get(0).url().contains("nickel"), nickel.toString());
  }

  @Test
  void aRebuildIsByteIdenticalAndAnEditRewritesFewShards() throws IOException {
    TestSite site = small();
    for (int i = 0; i < 300; i++) {
      site.write("-- content/gen/" + i + ".md --\n" + article("Berita Nomor " + i + " Kata" + i, String.format("2022-%02d-%02dT08:00:00+07:00",
          1 + i % 12, 1 + i % 28), "umum", "Isi berita ke " + i + " tentang kata" + i + " dan kata" + (i * 7 % 300) + " serta topik" + (i % 17) + "."));
    }
    site.build();
    Map<String, byte[]> first = searchFiles(site.output());
    Map<String, FileTime> times = new TreeMap<>();
    for (String f : first.keySet()) {
      FileTime old = FileTime.fromMillis(1_000_000_000_000L);
      Files.setLastModifiedTime(site.output().resolve(f), old);
      times.put(f, old);
    }
    site.build();
    Map<String, byte[]> second = searchFiles(site.output());
    assertEquals(first.keySet(), second.keySet());
    for (String f : first.keySet()) {
      assertTrue(java.util.Arrays.equals(first.get(f), second.get(f)), f);
      assertEquals(times.get(f), Files.getLastModifiedTime(site.output().resolve(f)), f);
    }
    // one article's body changes: its postings and vocabulary shards change, most others keep their bytes
    site.write("-- content/gen/5.md --\n" + article("Berita Nomor 5 Kata5", "2022-06-06T08:00:00+07:00", "umum", "Isi baru tentang zebra."));
    site.build();
    Map<String, byte[]> third = searchFiles(site.output());
    long kept = third.keySet().stream().filter(first::containsKey).count();
    assertTrue(kept >= third.size() * 3 / 4, kept + " of " + third.size() + " kept");
    assertFalse(new StaticSearch(site.output()).search("id", "zebra", 5).isEmpty());
  }

  @Test
  void articlePagesCarryPagefindsAttributes() {
    TestSite site = small();
    site.write("-- content/g.md --\n---\ntitle: Hujan Es di Bandung\ndate: 2024-07-01T08:00:00+07:00\nsection: nasional\ntags: [cuaca]\n---\n"
        + "Hujan es turun.\n\nBaca juga: Festival Layang-Layang Pangandaran Meriah\n\nWarga berlindung.\n");
    site.build();
    org.jsoup.nodes.Document page = site.page("/2024/07/hujan-es-di-bandung/");
    assertEquals(1, page.select("article[data-pagefind-body]").size());
    assertEquals("Nasional", page.selectFirst("[data-pagefind-filter=section]").text());
    assertEquals("cuaca", page.selectFirst("[data-pagefind-filter=tag]").text());
    assertEquals("2024-07-01T08:00:00+07:00", page.selectFirst("[data-pagefind-sort='date[datetime]']").attr("datetime"));
    assertEquals(1, page.select("aside.read-also[data-pagefind-ignore]").size());
  }

  @Test
  void searchFalseWritesNoIndex() {
    TestSite site = small();
    site.write("""
        -- warta.yml --
        title: Uji
        language: id
        search: false
        """);
    site.build();
    assertFalse(site.has("search/id/manifest.json"));
  }

  private static Map<String, byte[]> searchFiles(Path output) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(output.resolve("search"))) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.put(output.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }
}
