package dev.warta.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.Warta;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WordPress import, on hand-written exports of a fictional regional daily (original text). */
class WordPressImportTest {
  @TempDir Path dir;

  static List<Path> fixtures() {
    try {
      Path folder = Path.of(WordPressImportTest.class.getResource("kabarlembah.wordpress.2024-02-01.000.xml").toURI()).getParent();
      return List.of(folder.resolve("kabarlembah.wordpress.2024-02-01.000.xml"), folder.resolve("kabarlembah.wordpress.2024-02-01.001.xml"));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private ImportReport importFixtures(Path site) {
    return Warta.importWordPress(fixtures(), site);
  }

  private static String read(Path site, String file) throws IOException {
    return Files.readString(site.resolve(file), StandardCharsets.UTF_8);
  }

  private static String body(String markdownFile) {
    return markdownFile.substring(markdownFile.indexOf("\n---\n") + 5);
  }

  @Test
  void classicPostWithoutParagraphTagsComesOutAsSeparateParagraphs() throws IOException {
    Path site = dir.resolve("site");
    importFixtures(site);
    assertEquals("""
        Badan Penanggulangan Bencana Daerah menyiagakan dua belas perahu karet menjelang puncak musim hujan.

        Perahu ditempatkan di Kecamatan Cisarua, Leuwiliang, dan Pamijahan, wilayah yang tahun lalu paling sering tergenang.\\
        Setiap perahu dijaga empat relawan terlatih.

        * Cisarua: empat perahu
        * Leuwiliang: lima perahu
        * Pamijahan: tiga perahu

        Warga diminta melapor ke nomor darurat 112 bila air mulai naik.
        """.replace("\\\n", "  \n"), body(read(site, "content/daerah/2023/bpbd-siagakan-perahu-karet.md")));
  }

  @Test
  void frontMatterIsMappedFromTheExport() throws IOException {
    Path site = dir.resolve("site");
    importFixtures(site);
    String flood = read(site, "content/daerah/2023/sungai-cibeureum-meluap.md");
    assertEquals("""
        ---
        title: Sungai Cibeureum Meluap, Dua Dusun Terendam
        date: '2023-11-02T07:15:00+07:00'
        updated: '2023-11-02T10:40:00+07:00'
        slug: sungai-cibeureum-meluap
        authors:
        - Sari Wulandari
        section: Daerah
        tags:
        - Bencana
        - banjir
        - Sukamaju
        summary: Sungai Cibeureum meluap dan merendam 140 rumah di dua dusun Desa Sukamaju.
        image:
          src: https://kabarlembah.example/wp-content/uploads/2023/11/banjir-cikaret.jpg
          alt: Warga mengungsikan barang
        aliases:
        - /2023/11/02/sungai-cibeureum-meluap/
        wordpress_id: 101
        ---
        """, flood.substring(0, flood.indexOf("\n---\n") + 5), "post_date_gmt in the site's zone, display names, Yoast description, featured image");
    String coffee = read(site, "content/gaya-hidup/2023/warung-kopi-pojok-pasar.md");
    assertTrue(coffee.startsWith("---\ntitle: Warung Kopi “Pojok Pasar” Bertahan 40 Tahun\n"), "entities decoded: " + coffee);
    String english = read(site, "content/travel/2023/terraced-rice-fields-record-visitors.md");
    assertTrue(english.contains("\nlang: en\n"), "Polylang's language term");
    assertTrue(english.contains("\nsummary: More than 9,000 visitors came in one week.\n"), "the excerpt");
    String market = read(site, "content/daerah/2024/pasar-malam-kembali.md");
    assertTrue(market.contains("\nslug: pasar-malam-kembali\n"), "a percent-encoded post_name, decoded and made a safe slug");
    assertTrue(market.contains("\n- /2024/01/20/pasar-malam-–-kembali/\n"), "the old permalink, decoded as a server finds the file");
    String draft = read(site, "content/2024/rencana-jalan-lingkar-utara.md");
    assertTrue(draft.contains("\ndraft: true\n") && draft.contains("\ndate: '2024-01-25T10:00:00+07:00'\n") && draft.contains("\nsection: ''\n"),
        "a draft without GMT date, in the site's zone, without category: " + draft);
    assertFalse(draft.contains("aliases"), "?p=106 is no path");
    assertFalse(Files.exists(site.resolve("content/2021/tentang-kami.md")), "pages are skipped by default");
    assertEquals("title: Kabar Lembah\nbaseUrl: https://kabarlembah.example/\nlanguage: id\ntimeZone: Asia/Jakarta\n", read(site, "warta.yml"));
  }

  @Test
  void shortcodesEmbedsAndBlockCommentsBecomeFiguresAndEmbedBlocks() throws IOException {
    Path site = dir.resolve("site");
    importFixtures(site);
    String flood = body(read(site, "content/daerah/2023/sungai-cibeureum-meluap.md"));
    assertTrue(flood.contains("\n\n<figure class=\"aligncenter\"><img src=\"https://kabarlembah.example/wp-content/uploads/2023/11/banjir-cikaret.jpg\""
        + " alt=\"Warga mengungsikan barang\" width=\"800\" height=\"533\"><figcaption>Warga Dusun Cikaret mengungsikan barang ke tempat yang lebih"
        + " tinggi.</figcaption></figure>\n\n"), flood);
    assertTrue(flood.contains("\n\n<figure class=\"embed embed-youtube\"><iframe src=\"https://www.youtube-nocookie.com/embed/Xy12abCD34e\""), flood);
    assertTrue(flood.contains("\n\n<!--more-->\n\n"), flood);
    assertFalse(flood.contains("trackView") || flood.contains("span"), "scripts dropped, spans unwrapped");
    assertTrue(flood.contains("\n\nWarga berharap pemerintah kabupaten segera menormalisasi sungai yang dangkal akibat sedimentasi.\n"), flood);

    String coffee = body(read(site, "content/gaya-hidup/2023/warung-kopi-pojok-pasar.md"));
    assertFalse(coffee.contains("wp:"), "block comments removed");
    assertTrue(coffee.contains("\n\n## Resep yang tak berubah\n\n"), "ATX headings");
    assertTrue(coffee.contains("lereng *Gunung Salak*. \"Kalau disangrai orang lain, rasanya **beda**,\""), "emphasis, no typographic change");
    assertTrue(coffee.contains("\n\n<figure class=\"embed embed-youtube\"><iframe src=\"https://www.youtube-nocookie.com/embed/Qq98zzTT11a\""
        + " title=\"youtube\" loading=\"lazy\" allowfullscreen></iframe><figcaption><a href=\"https://www.youtube.com/watch?v=Qq98zzTT11a\">"
        + "https://www.youtube.com/watch?v=Qq98zzTT11a</a></figcaption></figure>\n\n"), coffee);

    String english = body(read(site, "content/travel/2023/terraced-rice-fields-record-visitors.md"));
    assertTrue(english.contains("<figure class=\"gallery\"><img src=\"https://kabarlembah.example/wp-content/uploads/2023/12/terasering-1.jpg\""
        + " alt=\"Kabut di atas sawah\"><img src=\"https://kabarlembah.example/wp-content/uploads/2023/12/terasering-2.jpg\" alt=\"\"></figure>"), english);
    assertTrue(english.contains("<figure class=\"embed embed-twitter\"><figcaption><a href=\"https://twitter.com/kabarlembah/status/1731000000000000001\">"),
        english);
    assertTrue(english.contains("\n\n> We did not expect so many people."), english);
  }

  @Test
  void readAlsoLinesToImportedPostsBecomeWartaReadAlsoLines() throws IOException {
    Path site = dir.resolve("site");
    importFixtures(site);
    assertTrue(body(read(site, "content/daerah/2023/sungai-cibeureum-meluap.md"))
        .contains("\n\nBACA JUGA: [BPBD Siagakan Perahu Karet di Tiga Kecamatan](bpbd-siagakan-perahu-karet.md)\n\n"), "by permalink");
    String coffee = body(read(site, "content/gaya-hidup/2023/warung-kopi-pojok-pasar.md"));
    assertTrue(coffee.contains("\n\nBaca juga: [banjir di Sukamaju](../../daerah/2023/sungai-cibeureum-meluap.md)\n\n"), "by ?p=ID");
    assertTrue(coffee.contains("\n\nBaca juga: [Kopi Lereng Gunung di Pasar Ekspor](https://lain.example.net/kopi-lereng)\n"), "another site's: kept");
    assertTrue(body(read(site, "content/travel/2023/terraced-rice-fields-record-visitors.md"))
        .contains("\n\nRead also: [A coffee stall that has stayed open for forty years](../../gaya-hidup/2023/warung-kopi-pojok-pasar.md)\n\n"));
  }

  @Test
  void theFixturesLoseNothingAndTheReportSaysSo() throws IOException {
    Path site = dir.resolve("site");
    ImportReport report = importFixtures(site);
    assertEquals(List.of(), report.losses());
    assertEquals(12, report.items());
    assertEquals(6, report.articles());
    assertEquals(6, report.written());
    assertEquals(Map.of("attachment", 4, "nav_menu_item", 1, "page", 1), report.skipped());
    assertTrue(read(site, "import/report.json").contains("\"lostText\": 0"), read(site, "import/report.json"));
    assertTrue(read(site, "import/report.txt").contains("loss check: 0 articles lost text, 0 lost links, 0 lost images or embeds"));
  }

  @Test
  void reimportIsByteIdenticalAndKeepsFilesEditedSince() throws IOException {
    Path site = dir.resolve("site");
    importFixtures(site);
    Map<String, byte[]> first = files(site);
    ImportReport again = importFixtures(site);
    assertEquals(0, again.written());
    assertEquals(6, again.unchanged());
    Map<String, byte[]> second = files(site);
    assertEquals(first.keySet(), second.keySet());
    // the report says what this import did (written or unchanged); every other file is the same
    first.keySet().stream().filter(f -> !f.startsWith("import/report")).forEach(f -> assertArrayEquals(first.get(f), second.get(f), f));

    Path edited = site.resolve("content/daerah/2023/bpbd-siagakan-perahu-karet.md");
    Files.writeString(edited, Files.readString(edited) + "\nKoreksi: jumlah relawan enam orang per perahu.\n");
    String state = read(site, WordPressImport.STATE);
    ImportReport third = importFixtures(site);
    assertEquals(List.of("content/daerah/2023/bpbd-siagakan-perahu-karet.md"), third.keptFiles());
    assertTrue(Files.readString(edited).contains("Koreksi"), "the edit survives");
    assertEquals(state, read(site, WordPressImport.STATE), "the digest of the import's own version stays, so the file stays protected");
    assertTrue(read(site, "import/report.txt").contains("kept content/daerah/2023/bpbd-siagakan-perahu-karet.md"));

    Files.delete(edited);
    assertEquals(1, importFixtures(site).written(), "a deleted file is imported again");
  }

  @Test
  void mediaUrlsAreRebasedAndListedWhenAsked() throws IOException {
    Path site = dir.resolve("site");
    Warta.importWordPress(fixtures(), Warta.site(site), ImportOptions.defaults().mediaBase("https://media.kabarlembah.example/arsip").mediaList(true));
    String flood = read(site, "content/daerah/2023/sungai-cibeureum-meluap.md");
    assertTrue(flood.contains("src: https://media.kabarlembah.example/arsip/2023/11/banjir-cikaret.jpg\n"), flood);
    assertTrue(flood.contains("<img src=\"https://media.kabarlembah.example/arsip/2023/11/banjir-cikaret.jpg\""), flood);
    assertTrue(read(site, "content/daerah/2024/pasar-malam-kembali.md").contains("(https://media.kabarlembah.example/arsip/2024/01/denah.pdf)"));
    List<String> media = Files.readAllLines(site.resolve("import/media.txt"));
    assertTrue(media.contains("https://kabarlembah.example/wp-content/uploads/2023/11/banjir-cikaret.jpg\thttps://media.kabarlembah.example/arsip/2023/11/banjir-cikaret.jpg"),
        media.toString());
    assertEquals(media.stream().sorted().distinct().toList(), media);
  }

  @Test
  void pagesAndDraftsFollowTheOptions() throws IOException {
    Path site = dir.resolve("site");
    ImportReport report = Warta.importWordPress(fixtures(), Warta.site(site),
        ImportOptions.defaults().drafts(ImportOptions.Keep.SKIP).pages(ImportOptions.Keep.PUBLISH));
    assertFalse(Files.exists(site.resolve("content/2024/rencana-jalan-lingkar-utara.md")));
    assertEquals(1, report.skipped().get("draft"));
    String page = read(site, "content/2021/tentang-kami.md");
    assertFalse(page.contains("draft"), page);
    assertTrue(page.contains("\n- /tentang-kami/\n"), page);
  }

  @Test
  void anUntitledPostGetsATitleAndAWarningWithItsLine() throws IOException {
    Path export = dir.resolve("untitled.xml");
    Files.writeString(export, HEAD + """
        <item><title></title><link>https://kabarlembah.example/2024/02/02/tanpa-judul/</link>
        <content:encoded><![CDATA[Catatan singkat dari lapangan.]]></content:encoded>
        <wp:post_id>7</wp:post_id><wp:post_date_gmt>2024-02-02 01:00:00</wp:post_date_gmt>
        <wp:post_name>tanpa-judul</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
        </channel></rss>
        """);
    ImportReport report = Warta.importWordPress(List.of(export), dir.resolve("site"));
    assertEquals("untitled.xml:5: warning: post 7 has no title; it is written as 'Untitled 7': give it one in content/2024/tanpa-judul.md",
        report.warnings().get(0).toString());
    assertTrue(read(dir.resolve("site"), "content/2024/tanpa-judul.md").startsWith("---\ntitle: Untitled 7\n"));
  }

  @Test
  void shapesOfRealExportsComeThroughWithoutLoss() throws IOException {
    // shapes met in WordPress's own theme test data: items without <wp:post_id>, categories without
    // domain, definition lists, links inside preformatted text, abbreviations, an empty post, and a
    // permalink where Warta writes a list page
    Path export = dir.resolve("shapes.xml");
    Files.writeString(export, HEAD + """
        <item><title>Glosarium Pemilu</title><link>https://kabarlembah.example/author/</link>
        <guid isPermaLink="false">https://kabarlembah.example/?p=31</guid>
        <content:encoded><![CDATA[<dl><dt>TPS</dt><dd>Tempat pemungutan suara.</dd></dl>
        <pre class="wp-block-code"><code><a href="https://kpu.example/">kpu.example</a> memuat
        daftar pemilih</code></pre>
        <p>Rekapitulasi dimulai pukul <abbr title="Waktu Indonesia Barat">WIB</abbr> 13.00.</p>]]></content:encoded>
        <wp:post_date_gmt>2024-02-10 02:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
        <category><![CDATA[Politik]]></category></item>
        <item><title>Kosong</title><content:encoded><![CDATA[ ]]></content:encoded><wp:post_id>32</wp:post_id>
        <wp:post_date_gmt>2024-02-10 03:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
        </channel></rss>
        """);
    Path site = dir.resolve("site");
    ImportReport report = Warta.importWordPress(List.of(export), site);
    assertEquals(List.of(), report.losses());
    String glossary = read(site, "content/politik/2024/glosarium-pemilu.md");
    assertTrue(glossary.contains("\nwordpress_id: 31\n"), "the id from the guid's ?p=31");
    assertTrue(glossary.contains("\nsection: Politik\n"), "a category without domain");
    assertFalse(glossary.contains("aliases"), "/author/ is Warta's index of authors");
    assertTrue(body(glossary).startsWith("<dl> <dt>TPS</dt> <dd>Tempat pemungutan suara.</dd> </dl>\n\n<pre><code><a href=\"https://kpu.example/\">"),
        glossary);
    assertTrue(glossary.contains("\n\nRekapitulasi dimulai pukul WIB 13.00.\n"), glossary);
    assertEquals(1, report.skipped().get("empty"));
    assertEquals(List.of(
            "shapes.xml:5: warning: the old permalink /author/ of post 31 is not kept as an alias: the built site has one of Warta's own list pages there",
            "shapes.xml:13: warning: post 32 'Kosong' has no text; it is skipped, as a Warta article needs some"),
        report.warnings().stream().map(Object::toString).toList());
  }

  @Test
  void theFilesAreTheSameWhateverTheThreadCount() throws IOException {
    // a generated export, so that posts finish out of order on several threads
    Path export = dir.resolve("generated.xml");
    dev.warta.bench.WxrGenerator.write(120, 7, export);
    Path one = dir.resolve("one");
    Path four = dir.resolve("four");
    Warta.importWordPress(List.of(export), Warta.site(one), ImportOptions.defaults().threads(1));
    Warta.importWordPress(List.of(export), Warta.site(four), ImportOptions.defaults().threads(4));
    Map<String, byte[]> serial = files(one);
    Map<String, byte[]> parallel = files(four);
    assertEquals(serial.keySet(), parallel.keySet());
    assertTrue(serial.size() > 120, serial.keySet().toString());
    serial.keySet().forEach(f -> assertArrayEquals(serial.get(f), parallel.get(f), f));
  }

  @Test
  void permalinksOnWartasSearchPageOrOldPostRedirectsAreNotKeptAsAliases() throws IOException {
    Path export = dir.resolve("paths.xml");
    Files.writeString(export, HEAD + """
        <item><title>Cari Arsip</title><link>https://kabarlembah.example/search/</link>
        <content:encoded><![CDATA[Gunakan kotak pencarian untuk menelusuri arsip.]]></content:encoded>
        <wp:post_id>41</wp:post_id><wp:post_date_gmt>2024-02-11 02:00:00</wp:post_date_gmt>
        <wp:post_name>cari-arsip</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
        <item><title>Pindah Alamat</title><link>https://kabarlembah.example/p/12/</link>
        <content:encoded><![CDATA[Redaksi pindah ke Jalan Merdeka.]]></content:encoded>
        <wp:post_id>42</wp:post_id><wp:post_date_gmt>2024-02-11 03:00:00</wp:post_date_gmt>
        <wp:post_name>pindah-alamat</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
        </channel></rss>
        """);
    Path site = dir.resolve("site");
    ImportReport report = Warta.importWordPress(List.of(export), site);
    assertFalse(read(site, "content/2024/cari-arsip.md").contains("aliases"));
    assertFalse(read(site, "content/2024/pindah-alamat.md").contains("aliases"));
    assertEquals(List.of(
            "paths.xml:5: warning: the old permalink /search/ of post 41 is not kept as an alias: the built site has its search page there",
            "paths.xml:9: warning: the old permalink /p/12/ of post 42 is not kept as an alias: the built site has the redirect of an old ?p= link there"),
        report.warnings().stream().map(Object::toString).toList());
  }

  private static Map<String, byte[]> files(Path site) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(site.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  // ---- bad input ----

  private ImportException importBroken(String xml) throws IOException {
    Path export = dir.resolve("broken.xml");
    Files.writeString(export, xml);
    Path site = dir.resolve("site");
    ImportException e = assertThrows(ImportException.class, () -> Warta.importWordPress(List.of(export, fixtures().get(0)), site));
    assertFalse(Files.exists(site), "nothing written, not even from the good export");
    return e;
  }

  private static final String HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel>
      <wp:wxr_version>1.2</wp:wxr_version>
      """;

  @Test
  void malformedXmlIsReportedWithFileAndLine() throws IOException {
    ImportException e = importBroken(HEAD + "<item><title>Judul</title>\n<content:encoded>teks</content>\n</item></channel></rss>\n");
    assertEquals(1, e.problems().size());
    String message = e.problems().get(0).toString();
    assertTrue(message.startsWith("broken.xml:6:"), message);
    assertTrue(message.contains("error: the export is not well-formed XML: "), message);
  }

  @Test
  void entityDeclarationsAreRefused() throws IOException {
    ImportException e = importBroken("""
        <?xml version="1.0"?>
        <!DOCTYPE rss [
          <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY secret SYSTEM "file:///etc/passwd">
        ]>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&c;&secret;</title></item></channel></rss>
        """);
    String message = e.problems().get(0).toString();
    assertTrue(message.startsWith("broken.xml:"), message);
    assertTrue(message.contains("declares a document type"), message);
  }

  @Test
  void aWordPressPrefixBoundToAnUnknownNamespaceIsRefused() throws IOException {
    ImportException e = importBroken(HEAD.replace("http://wordpress.org/export/1.2/", "http://example.com/wp/") + "</channel></rss>\n");
    assertEquals("broken.xml:2:111: error: the prefix 'wp' is bound to the unknown namespace 'http://example.com/wp/'; a WordPress export binds it to"
        + " http(s)://wordpress.org/export/1.2/ (or 1.0, 1.1)", e.problems().get(0).toString());
  }

  @Test
  void anExportWithoutChannelOrWithoutWordPressIsRefused() throws IOException {
    assertTrue(importBroken("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>\n").problems().get(0).message().contains("has no <channel>"));
    assertTrue(importBroken("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Feed</title></channel></rss>\n")
        .problems().get(0).message().contains("it is an RSS feed, not a WordPress export"));
    assertTrue(importBroken("<?xml version=\"1.0\"?>\n<feed/>\n").problems().get(0).message().contains("not <rss>"));
  }
}
