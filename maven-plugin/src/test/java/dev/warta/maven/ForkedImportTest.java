package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.imports.ImportOptions;
import dev.warta.shared.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forked import: its request carries every option, and it answers with the report or the export's errors. */
class ForkedImportTest {

  private static final String EXPORT = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:wp="http://wordpress.org/export/1.2/">
      <channel>
        <title>Kabar Hulu</title>
        <link>http://kabarhulu.example</link>
        <language>id</language>
        <wp:wxr_version>1.2</wp:wxr_version>
        <item>
          <title>Jembatan Gantung Desa Hulu Diresmikan</title>
          <link>http://kabarhulu.example/2023/05/02/jembatan-gantung/</link>
          <content:encoded><![CDATA[Warga menyeberang sungai tanpa perahu mulai pekan ini.

      Jembatan sepanjang 80 meter itu dibangun dengan dana desa.]]></content:encoded>
          <wp:post_id>7</wp:post_id>
          <wp:post_date>2023-05-02 09:00:00</wp:post_date>
          <wp:post_date_gmt>2023-05-02 02:00:00</wp:post_date_gmt>
          <wp:post_name>jembatan-gantung</wp:post_name>
          <wp:status>publish</wp:status>
          <wp:post_type>post</wp:post_type>
          <category domain="category" nicename="desa"><![CDATA[Desa]]></category>
        </item>
        <item>
          <title>Rencana Pasar Apung</title>
          <link>http://kabarhulu.example/?p=8</link>
          <content:encoded><![CDATA[Pedagang diajak berunding soal lokasi.]]></content:encoded>
          <wp:post_id>8</wp:post_id>
          <wp:post_date>2023-05-03 10:00:00</wp:post_date>
          <wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
          <wp:post_name></wp:post_name>
          <wp:status>draft</wp:status>
          <wp:post_type>post</wp:post_type>
        </item>
      </channel>
      </rss>
      """;

  @Test
  void theRequestCarriesEveryOption(@TempDir Path dir) throws Exception {
    ImportOptions options = ImportOptions.defaults().drafts(ImportOptions.Keep.SKIP).pages(ImportOptions.Keep.PUBLISH)
        .mediaBase("https://media.example.org/up/").mediaList(true).postDateZone(ZoneId.of("Asia/Makassar")).threads(3);
    Path file = dir.resolve("request.properties");
    ForkProtocol.write(file, ForkedImport.request(List.of(dir.resolve("a.xml"), dir.resolve("b.xml")),
        ForkProtocol.request(dir.resolve("site"), dir.resolve("cache"), 2, Map.of()), options));
    Properties request = ForkProtocol.read(file);
    assertEquals(options, ForkedImport.options(request));
    assertEquals(List.of(dir.resolve("a.xml"), dir.resolve("b.xml")), ForkedImport.exports(request));
    assertEquals(ImportOptions.defaults().threads(1), ForkedImport.options(ForkedImport.request(List.of(),
        ForkProtocol.request(dir, dir, 0, Map.of()), ImportOptions.defaults().threads(1))));
  }

  @Test
  void importsAndAnswersWithTheReport(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("hulu.wordpress.xml");
    Files.writeString(export, EXPORT);
    Path site = dir.resolve("site");
    Properties request = ForkedImport.request(List.of(export), ForkProtocol.request(site, dir.resolve("cache"), 1, Map.of()),
        ImportOptions.defaults().drafts(ImportOptions.Keep.SKIP));
    List<List<String>> lines = run(request, 0);

    assertTrue(Files.readString(site.resolve("content/desa/2023/jembatan-gantung.md")).contains("title: Jembatan Gantung Desa Hulu Diresmikan"));
    assertFalse(Files.exists(site.resolve("content/desa/2023/rencana-pasar-apung.md")), "drafts skipped, as asked");
    assertTrue(lines.contains(List.of("lost", "0")), lines.toString());
    String summary = lines.stream().filter(f -> f.get(0).equals("summary")).findFirst().orElseThrow().get(1);
    assertTrue(summary.contains("loss check: 0 articles lost text"), summary);
  }

  @Test
  void aBrokenExportIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("hulu.wordpress.xml");
    Files.writeString(export, EXPORT.replace("</item>\n  <item>", "</itm>\n  <item>"));
    Path site = dir.resolve("site");
    List<List<String>> lines = run(ForkedImport.request(List.of(export), ForkProtocol.request(site, dir.resolve("cache"), 1, Map.of()),
        ImportOptions.defaults()), ForkProtocol.PROBLEMS);

    assertTrue(lines.contains(List.of("refused")), lines.toString());
    Problem p = lines.stream().filter(f -> f.get(0).equals("problem")).map(f -> ForkProtocol.problem(f.subList(1, f.size())))
        .findFirst().orElseThrow();
    assertTrue(p.isError());
    assertTrue(p.file().endsWith("hulu.wordpress.xml"), p.toString());
    assertEquals(22, p.line(), "the line of the wrong end tag: " + p);
    assertFalse(Files.exists(site.resolve("content")), "nothing written");
  }

  private static List<List<String>> run(Properties request, int status) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertEquals(status, ForkedImport.run(request, new PrintStream(bytes, true, StandardCharsets.UTF_8)), bytes.toString(StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().map(ForkProtocol::fields).filter(f -> !f.isEmpty()).toList();
  }
}
