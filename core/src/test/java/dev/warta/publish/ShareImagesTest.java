package dev.warta.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every article page has an image to share, and the publisher a logo, even on a site that has neither. */
class ShareImagesTest {
  @TempDir Path dir;

  private static final String ARTICLES = """
      -- content/a.md --
      ---
      title: Tanpa Gambar
      date: 2025-06-01T08:00:00+07:00
      ---
      Isi tanpa gambar.
      -- content/b.md --
      ---
      title: Dengan Gambar
      date: 2025-06-02T08:00:00+07:00
      image: { src: /img/b.jpg, alt: Gambar B }
      ---
      Isi dengan gambar.
      -- static/img/b.jpg --
      x
      """;

  private static String meta(Document page, String property) {
    return page.select("meta[property=" + property + "], meta[name=" + property + "]").attr("content");
  }

  private static JsonNode ld(Document page) throws IOException {
    return new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
  }

  private static BufferedImage png(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void aSiteWithoutImagesGetsACardAndALogoDrawnFromItsTheme() throws IOException {
    TestSite site = TestSite.of(dir, "-- warta.yml --\ntitle: Kabar Lembah Hijau\nbaseUrl: https://kabar.example/\n" + ARTICLES);
    site.build();
    Document plain = site.page("/2025/06/tanpa-gambar/");
    assertEquals("https://kabar.example/warta-card.png", meta(plain, "og:image"));
    assertEquals("https://kabar.example/warta-card.png", meta(plain, "twitter:image"));
    assertEquals("summary_large_image", meta(plain, "twitter:card"));
    assertEquals("https://kabar.example/warta-card.png", ld(plain).get("image").get(0).asText());
    assertEquals("https://kabar.example/warta-logo.png", ld(plain).get("publisher").get("logo").get("url").asText());
    Document own = site.page("/2025/06/dengan-gambar/");
    assertEquals("https://kabar.example/img/b.jpg", meta(own, "og:image"), "an article's own image comes first");
    assertEquals("https://kabar.example/img/b.jpg", ld(own).get("image").get(0).asText());

    BufferedImage card = png(site.output().resolve("warta-card.png"));
    assertEquals(List.of(1200, 630), List.of(card.getWidth(), card.getHeight()));
    assertEquals(0xfdfcfa, card.getRGB(4, 4) & 0xffffff, "the theme's background");
    assertEquals(0xb3261e, card.getRGB(600, 625) & 0xffffff, "the theme's accent");
    BufferedImage logo = png(site.output().resolve("warta-logo.png"));
    assertEquals(List.of(512, 512), List.of(logo.getWidth(), logo.getHeight()));
    assertEquals(0xb3261e, logo.getRGB(40, 256) & 0xffffff);
    assertEquals(0xffffff, logo.getRGB(256, 150) & 0xffffff, "the mark's W");

    // the same bytes whatever the thread count, and again at the next build
    byte[] bytes = Files.readAllBytes(site.output().resolve("warta-card.png"));
    Path other = dir.resolve("one-thread");
    site.site().output(other).threads(1).build();
    assertArrayEquals(bytes, Files.readAllBytes(other.resolve("warta-card.png")));
    var again = site.build();
    assertEquals(0, again.pagesWritten(), again.summary());
  }

  @Test
  void theCardTakesTheColoursOfTheSitesStylesheet() throws IOException {
    TestSite site = TestSite.of(dir, "-- warta.yml --\ntitle: Kabar\n-- static/css/warta.css --\n:root { --bg: #102030; --accent: #0a0; }\n"
        + "@media (prefers-color-scheme: dark) { :root { --bg: #000000; } }\n" + ARTICLES);
    site.build();
    BufferedImage card = png(site.output().resolve("warta-card.png"));
    assertEquals(0x102030, card.getRGB(4, 4) & 0xffffff, "the light scheme's background");
    assertEquals(0x00aa00, card.getRGB(600, 625) & 0xffffff);
  }

  @Test
  void theSitesOwnImageAndLogoComeBeforeTheDrawnOnes() throws IOException {
    TestSite site = TestSite.of(dir, "-- warta.yml --\ntitle: Kabar\nbaseUrl: https://kabar.example/\nimage: /img/situs.png\n"
        + "publisher: { logo: /img/logo.png }\n-- static/img/situs.png --\nx\n-- static/img/logo.png --\nx\n" + ARTICLES);
    site.build();
    Document plain = site.page("/2025/06/tanpa-gambar/");
    assertEquals("https://kabar.example/img/situs.png", meta(plain, "og:image"));
    assertEquals("https://kabar.example/img/logo.png", ld(plain).get("publisher").get("logo").get("url").asText());
    assertFalse(site.has("warta-card.png"));
    assertFalse(site.has("warta-logo.png"));
  }

  @Test
  void aStaticFileAtTheCardsPathIsTheCard() throws IOException {
    TestSite site = TestSite.of(dir, "-- warta.yml --\ntitle: Kabar\n-- static/warta-card.png --\nmine\n" + ARTICLES);
    site.build();
    assertEquals("mine\n", site.text("warta-card.png"));
    assertTrue(site.has("warta-logo.png"));
  }

  @Test
  void anImageSettingThatIsNoPathOrWebUrlIsAnError() {
    TestSite site = TestSite.of(dir, "-- warta.yml --\ntitle: Kabar\nimage: javascript:alert(1)\n" + ARTICLES);
    List<String> errors = site.failingBuild().stream().filter(Problem::isError).map(Problem::toString).toList();
    assertEquals(List.of("warta.yml:2:8: error: 'image' must be a path in the site such as /img/share.png, or an http or https URL, found 'javascript:alert(1)'"), errors);
  }
}
