package dev.warta.publish;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The images Warta draws for a site that has none of its own: a 1200×630 share card (the size Open
 * Graph and Google's article results ask for) with the site's title, and a 512×512 publisher logo,
 * both in the theme's colours, with the theme's mark.
 *
 * <p>They are drawn with the JDK's own imaging (Java 2D, ImageIO's PNG writer), once per build,
 * from the title and the stylesheet's light colours only, so the bytes are the same at every build
 * and with any number of threads. The text is drawn with the JDK's logical {@code SansSerif} font,
 * which the operating system's fonts supply: another machine may draw the same title with other
 * glyphs. Where the JDK finds no font at all (a container without fontconfig's fonts), the card is
 * drawn without its title rather than failing the build.
 */
final class ShareImages {
  static final int CARD_WIDTH = 1200;
  static final int CARD_HEIGHT = 630;
  static final int LOGO_SIZE = 512;

  private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\\s*;");

  /**
   * Images drawn in this process, by what they are drawn from: the first drawing costs about a
   * second (Java 2D and its fonts start), a warm site's next builds nothing. Bounded: a key holds a
   * title, and a process sees few.
   */
  private static final java.util.Map<String, byte[]> DRAWN = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
      return size() > 16;
    }
  });

  private ShareImages() {}

  /** The card, drawn once per process for the same title, host and colours. */
  static byte[] cachedCard(String title, String host, Colours colours) {
    return DRAWN.computeIfAbsent("card\0" + title + "\0" + host + "\0" + colours, k -> card(title, host, colours)).clone();
  }

  /** The logo, drawn once per process for the same colours. */
  static byte[] cachedLogo(Colours colours) {
    return DRAWN.computeIfAbsent("logo\0" + colours, k -> logo(colours)).clone();
  }

  /**
   * The colours of a theme, from the first (light) values of its stylesheet's custom properties
   * {@code --bg}, {@code --fg}, {@code --muted}, {@code --accent} and {@code --accent-fg}; the
   * default theme's where a stylesheet does not set one.
   */
  record Colours(Color background, Color text, Color muted, Color accent, Color onAccent) {
    static final Colours DEFAULT = new Colours(new Color(0xfdfcfa), new Color(0x1d1d1f), new Color(0x5f6368), new Color(0xb3261e), Color.WHITE);

    static Colours of(String css) {
      java.util.Map<String, Color> found = new java.util.HashMap<>();
      Matcher m = VARIABLE.matcher(css);
      while (m.find()) {
        // the first value wins: the light scheme, before any media query for dark
        found.putIfAbsent(m.group(1), parse(m.group(2)));
      }
      return new Colours(found.getOrDefault("bg", DEFAULT.background), found.getOrDefault("fg", DEFAULT.text),
          found.getOrDefault("muted", DEFAULT.muted), found.getOrDefault("accent", DEFAULT.accent), found.getOrDefault("accent-fg", DEFAULT.onAccent));
    }

    private static Color parse(String hex) {
      String h = hex.substring(1);
      if (h.length() == 3) {
        h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
      }
      return new Color(Integer.parseInt(h, 16));
    }
  }

  /** The share card: the theme's background, an accent band, the mark, and the site's title. */
  static byte[] card(String title, String host, Colours colours) {
    return png(CARD_WIDTH, CARD_HEIGHT, colours, g -> {
      g.setColor(colours.accent());
      g.fillRect(0, CARD_HEIGHT - 24, CARD_WIDTH, 24);
      mark(g, 96, 96, 128, colours);
      text(g, title, host, colours);
    });
  }

  /** The publisher logo: the theme's mark, filling the square. */
  static byte[] logo(Colours colours) {
    return png(LOGO_SIZE, LOGO_SIZE, colours, g -> mark(g, 0, 0, LOGO_SIZE, colours));
  }

  /** An image of the theme's background, smoothly drawn on by {@code painter}, as PNG bytes. */
  private static byte[] png(int width, int height, Colours colours, java.util.function.Consumer<Graphics2D> painter) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      smooth(g);
      g.setColor(colours.background());
      g.fillRect(0, 0, width, height);
      painter.accept(g);
    } finally {
      g.dispose();
    }
    return png(image);
  }

  private static void smooth(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  /** The theme's mark, as its favicon draws it in a 64-unit square: a W on a rounded accent tile. */
  private static void mark(Graphics2D g, double x, double y, double size, Colours colours) {
    AffineTransform before = g.getTransform();
    g.translate(x, y);
    g.scale(size / 64, size / 64);
    g.setColor(colours.accent());
    g.fill(new RoundRectangle2D.Double(0, 0, 64, 64, 28, 28));
    double[] w = {12, 18, 20, 18, 25, 40, 31, 18, 37, 18, 43, 40, 48, 18, 56, 18, 47, 48, 39, 48, 34, 29, 29, 48, 21, 48};
    Path2D.Double path = new Path2D.Double();
    path.moveTo(w[0], w[1]);
    for (int i = 2; i < w.length; i += 2) {
      path.lineTo(w[i], w[i + 1]);
    }
    path.closePath();
    g.setColor(colours.onAccent());
    g.fill(path);
    g.setTransform(before);
  }

  /**
   * The title in up to three lines, as large as fits, and the site's host below it. Without fonts
   * the JDK throws errors of several kinds from deep in its font code; the card then has no text.
   */
  private static void text(Graphics2D g, String title, String host, Colours colours) {
    try {
      int left = 96;
      int width = CARD_WIDTH - 2 * left;
      List<String> lines = List.of();
      Font font = null;
      // between the mark (which ends at 224) and the host line: the largest size that fits
      int top = 264;
      int bottom = CARD_HEIGHT - 130;
      for (int size = 88; size >= 40; size -= 8) {
        font = new Font(Font.SANS_SERIF, Font.BOLD, size);
        lines = wrap(title, g.getFontMetrics(font), width);
        if (lines.size() <= 3 && lines.size() * g.getFontMetrics(font).getHeight() <= bottom - top) {
          break;
        }
      }
      if (lines.size() > 3) {
        lines = new ArrayList<>(lines.subList(0, 3));
        lines.set(2, lines.get(2) + "…");
      }
      g.setFont(font);
      g.setColor(colours.text());
      FontMetrics metrics = g.getFontMetrics();
      // the last line sits on the bottom edge; a short title stands lower, nearer its host
      int y = bottom - metrics.getDescent() - (lines.size() - 1) * metrics.getHeight();
      for (String line : lines) {
        g.drawString(line, left, y);
        y += metrics.getHeight();
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
      g.setColor(colours.muted());
      g.drawString(host.toLowerCase(Locale.ROOT), left, CARD_HEIGHT - 64);
    } catch (RuntimeException | Error e) {
      // no usable font on this machine: the card keeps its colours and mark
    }
  }

  /** Words into lines no wider than {@code width}; a word wider than a line gets a line of its own. */
  private static List<String> wrap(String text, FontMetrics metrics, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String next = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && metrics.stringWidth(next) > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(next);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("this JDK has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
