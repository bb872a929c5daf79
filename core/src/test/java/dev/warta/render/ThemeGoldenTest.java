package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files of the default theme: one page of each kind, byte for byte, from a small bilingual
 * site. A change to the theme, the page models or Markdown rendering shows here as a diff of
 * {@code src/test/resources/dev/warta/golden/}, reviewed like code.
 *
 * <p>After a change meant to alter pages, write the files again and review the diff:
 *
 * <pre>
 * ./mvnw -B -q -pl core test -Dtest=ThemeGoldenTest -Dwarta.golden.update=true
 * git diff core/src/test/resources/dev/warta/golden/
 * </pre>
 */
class ThemeGoldenTest {
  /** The property that writes the golden files instead of comparing with them. */
  static final String UPDATE = "warta.golden.update";

  /** Where the golden files live, from the module folder (where Maven runs tests). */
  private static final Path GOLDEN = Path.of("src/test/resources/dev/warta/golden");

  /** Each page kind of the theme, and the file of the output that shows it. */
  private static final Map<String, String> PAGES = new java.util.LinkedHashMap<>();

  static {
    PAGES.put("article", "2023/09/harga-cabai-naik/index.html");
    PAGES.put("home", "index.html");
    PAGES.put("section", "ekonomi/index.html");
    PAGES.put("tag", "tag/pangan/index.html");
    PAGES.put("author", "author/sri-wahyuni/index.html");
    PAGES.put("year", "2023/index.html");
    PAGES.put("month", "2023/09/index.html");
    PAGES.put("404", "404.html");
    PAGES.put("redirect", "lama/cabai/index.html");
  }

  @TempDir Path dir;

  private TestSite site() {
    return TestSite.of(dir, """
        -- warta.yml --
        title: Kabar Kota
        description: Berita kota dan sekitarnya.
        baseUrl: https://kabar.example/
        language: id
        timeZone: Asia/Jakarta
        -- static/img/cabai.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        """
        + SitePagesTest.article("content/ekonomi/cabai.md", "Harga Cabai Naik", "2023-09-05T08:30:00+07:00",
            "authors: [Sri Wahyuni]\ntags: [pangan, pasar]\naliases: [/lama/cabai/]\n"
                + "image: { src: /img/cabai.svg, alt: Cabai merah di pasar, credit: Dok. Kabar Kota }\n",
            "Harga cabai rawit di pasar tradisional naik tajam pekan ini.\n\n"
                + "Baca juga: Inflasi Pangan Mulai Terkendali\n\n"
                + "Pedagang mengeluh **pasokan** dari petani berkurang & pembeli <em>menahan</em> belanja.\n\n"
                + "| Pasar | Harga |\n| --- | ---: |\n| Johar | 80.000 |\n\n"
                + "Lihat [berita inflasi](inflasi.md).")
        + SitePagesTest.article("content/ekonomi/inflasi.md", "Inflasi Pangan Mulai Terkendali", "2023-09-01T10:00:00+07:00",
            "authors: [Sri Wahyuni]\ntags: [pangan]\ntranslationKey: inflasi\n",
            "Inflasi pangan turun untuk bulan kedua berturut-turut.")
        + SitePagesTest.article("content/business/inflation.md", "Food Inflation Eases", "2023-09-02T10:00:00+07:00",
            "lang: en\ntranslationKey: inflasi\nauthor: John Doe\n", "Food inflation fell for a second month.")
        + SitePagesTest.article("content/nasional/banjir.md", "Banjir di Semarang", "2024-01-02T06:00:00+07:00",
            "tags: [banjir]\n", "Air naik setinggi lutut di tiga kelurahan."));
  }

  @Test
  void eachPageKindOfTheDefaultThemeIsItsGoldenFile() throws IOException {
    TestSite site = site();
    site.build();
    boolean update = Boolean.getBoolean(UPDATE);
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> page : PAGES.entrySet()) {
      Path built = site.output().resolve(page.getValue());
      assertTrue(Files.isRegularFile(built), page.getKey() + " page missing: " + page.getValue());
      String actual = Files.readString(built, StandardCharsets.UTF_8);
      Path golden = GOLDEN.resolve(page.getKey() + ".html");
      if (update) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      } else if (!Files.isRegularFile(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(actual)) {
        differ.add(page.getKey());
      }
    }
    if (!differ.isEmpty()) {
      // the first difference in full, as JUnit shows it; the others by name
      String first = differ.get(0);
      Path golden = GOLDEN.resolve(first + ".html");
      String expected = Files.isRegularFile(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
      assertEquals(expected, Files.readString(site.output().resolve(PAGES.get(first)), StandardCharsets.UTF_8),
          "pages differing from their golden files: " + differ + "; if the change is meant, run with -D" + UPDATE
              + "=true and review the diff of " + GOLDEN);
    }
  }
}
