package dev.warta.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The loss check finds what the Markdown lost, and only that. */
class LossCheckTest {
  private final LossCheck check = new LossCheck(List.of("Baca juga"), file -> Optional.empty());

  private LossCheck.Loss loss(String html, String markdown) {
    return check.check("content/a.md", LossCheck.Seen.of(Jsoup.parseBodyFragment(html).body()), markdown);
  }

  @Test
  void theSameTextLinksAndImagesLoseNothing() {
    LossCheck.Loss loss = loss("<p>Harga <em>cabai</em> naik.</p><p><a href=\"https://a.example/\">Pasar</a> <img src=\"x.jpg\" alt=\"\"></p>",
        "Harga *cabai* naik.\n\n[Pasar](https://a.example/) ![](x.jpg)\n");
    assertTrue(loss.isEmpty(), loss.toString());
  }

  @Test
  void lostTextIsReportedWhereItDiffers() {
    LossCheck.Loss loss = loss("<p>Harga cabai naik tajam.</p>", "Harga cabai naik.\n");
    assertEquals(List.of("at character 17: expected \"Harga cabai naik tajam.\", the Markdown shows \"Harga cabai naik.\""), loss.text());
  }

  @Test
  void lostLinksImagesAndEmbedsAreListedOneByOne() {
    LossCheck.Loss loss = loss("<p><a href=\"https://a.example/1\">satu</a> <a href=\"https://a.example/2\">dua</a></p><img src=\"y.jpg\">"
        + "<figure><iframe src=\"https://player.example/v\"></iframe></figure>", "[satu](https://a.example/1) dua\n");
    assertEquals(List.of("https://a.example/2"), loss.links());
    assertEquals(List.of("y.jpg"), loss.images());
    assertEquals(List.of("https://player.example/v"), loss.embeds());
  }
}
