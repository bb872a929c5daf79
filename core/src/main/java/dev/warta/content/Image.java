package dev.warta.content;

import java.util.Objects;

/**
 * An article's lead image.
 *
 * @param src URL of the image, absolute or site-relative
 * @param alt text for readers who cannot see it; empty means decorative
 * @param caption shown under the image; may be empty
 * @param credit photographer or agency; may be empty
 */
public record Image(String src, String alt, String caption, String credit) {
  /** Validates. */
  public Image {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(alt, "alt");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(credit, "credit");
  }
}
