package dev.warta.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.warta.TestSite;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** A small bilingual archive and real parsers for what is built from it. */
final class Archives {
  private Archives() {}

  /**
   * Four articles: three Indonesian, one English translation; sections ekonomi and politik. The
   * build time (TestSite.NOW) is 2025-06-30T12:00+07:00.
   */
  static final String SMALL = """
      -- warta.yml --
      title: Kabar Uji
      description: Arsip berita uji.
      baseUrl: https://news.example.org/
      language: id
      timeZone: Asia/Jakarta
      paginate: 2
      publisher:
        name: PT Kabar Uji
        logo: /img/logo.png
      feeds:
        items: 2
      -- content/ekonomi/harga-cabai.md --
      ---
      title: Harga Cabai Naik
      date: 2025-06-29T08:00:00+07:00
      updated: 2025-06-29T10:30:00+07:00
      authors: [Rina Marlina]
      tags: [pangan, harga]
      summary: Harga cabai naik tajam.
      image: { src: /img/cabai.jpg, alt: Cabai merah }
      translationKey: cabai
      aliases: [/lama/cabai/]
      ---
      Paragraf pertama dengan [tautan](/tentang/) dan ![foto](/img/pasar.jpg).
      -- content/ekonomi/chili-prices.md --
      ---
      title: Chili Prices Rise
      date: 2025-06-29T09:00:00+07:00
      authors: [Rina Marlina]
      summary: Chili prices rose sharply.
      lang: en
      translationKey: cabai
      ---
      First paragraph.
      -- content/ekonomi/ekspor.md --
      ---
      title: Ekspor Tumbuh
      date: 2025-06-20T07:00:00+07:00
      summary: Ekspor tumbuh lima persen.
      ---
      Isi.
      -- content/politik/pemilu.md --
      ---
      title: Jadwal Pemilu
      date: 2025-06-10T07:00:00+07:00
      tags: [pemilu]
      summary: Jadwal pemilu diumumkan.
      ---
      Isi.
      """;

  static SyndFeed feed(TestSite site, String path) throws Exception {
    try (InputStream in = Files.newInputStream(file(site, path)); XmlReader reader = new XmlReader(in)) {
      return new SyndFeedInput().build(reader);
    }
  }

  static JsonNode json(TestSite site, String path) throws Exception {
    return new ObjectMapper().readTree(Files.readAllBytes(file(site, path)));
  }

  static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  /** A namespace-aware DOM of an XML output file; a parse error fails the test. */
  static Document xml(TestSite site, String path) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = Files.newInputStream(file(site, path))) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  static Path file(TestSite site, String path) {
    return site.output().resolve(path.startsWith("/") ? path.substring(1) : path);
  }
}
