package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page kind of the theme, checked by the W3C Nu HTML Checker: no errors, no warnings. */
class HtmlValidityTest {
  @TempDir Path dir;

  @Test
  void everyPageOfABilingualSiteIsValidHtml5() throws Exception {
    TestSite site = TestSite.of(dir, """
        -- warta.yml --
        title: "Kabar & Warta"
        baseUrl: https://kabar.example/
        paginate: 2
        publisher: { name: Kabar, logo: /img/logo.svg }
        related: { insertAfter: [2], insertMinParagraphs: 3 }
        -- static/img/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- content/ekonomi/cabai.md --
        ---
        title: "Harga Cabai \\"Rawit\\" Naik <50%>"
        date: 2023-09-05T08:30:00+07:00
        updated: 2023-09-06T08:30:00+07:00
        authors: [Sri Wahyuni, Budi]
        tags: [cabai, pangan]
        image: { src: /img/logo.svg, alt: Cabai, caption: Pasar, credit: Warta }
        translationKey: cabai
        aliases: [/lama/cabai/]
        ---
        Harga cabai rawit naik di Pasar Johar menurut pedagang cabai.

        Baca juga: Inflasi Pangan Terkendali

        | Komoditas | Harga |
        | --- | ---: |
        | Cabai | Rp80.000 |

        Data BPS[^1] dan ~~koreksi~~ https://bps.go.id.

        > Kutipan pejabat soal harga cabai.

        - satu
        - dua

        Paragraf terakhir tentang pasokan cabai.

        [^1]: Badan Pusat Statistik.
        -- content/ekonomi/inflasi.md --
        ---
        title: Inflasi Pangan Terkendali
        date: 2022-03-06
        tags: [pangan]
        ---
        Inflasi pangan turun; harga cabai stabil.

        Kedua.

        Ketiga.
        -- content/business/chili.md --
        ---
        title: Chilli Prices Rise
        date: 2023-09-05T09:00:00+07:00
        lang: en
        translationKey: cabai
        ---
        Chilli prices rose at Johar market.

        <p>Raw <b>HTML</b> <script>alert(1)</script></p>
        -- content/nasional/banjir.md --
        ---
        title: Banjir
        date: 2024-01-02
        ---
        Air naik.
        """);
    site.build();
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
    validator.setNoLangDetect(true);
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(site.output().toRealPath())) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() >= 25, "all page kinds: " + pages.size());
    List<String> problems = new ArrayList<>();
    for (Path page : pages) {
      for (String line : validator.validate(page).split("\n")) {
        if (!line.isBlank() && !line.contains(": info")) {
          problems.add(line);
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
