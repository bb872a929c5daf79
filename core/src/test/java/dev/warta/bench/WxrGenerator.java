package dev.warta.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a WordPress export (WXR 1.2) of N posts for the import benchmark, streaming, so that
 * 100,000 posts take no more memory than 1,000.
 *
 * <p>The posts are {@link CorpusGenerator}'s articles (Indonesian and English, eight sections,
 * 2005–2025) written as WordPress stores them: every other post from the classic editor (no
 * {@code <p>}, single line breaks inside paragraphs), the others from the block editor (with its
 * {@code <!-- wp:… -->} comments); with {@code [caption]} shortcodes and featured images (each with
 * its attachment item), {@code [gallery]}s, bare YouTube URLs and embed blocks, {@code [embed]}ed
 * posts, {@code <span>} wrappers, and the corpus's read also lines as {@code <strong>BACA JUGA: <a
 * href="OLD PERMALINK">…</a></strong>}, linking earlier posts by their WordPress permalink.
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.WxrGenerator -Dexec.args="10000 core/target/bench/wxr-10000.xml"
 * </pre>
 */
public final class WxrGenerator {
  private static final String HOST = "https://arsip.example.id";
  private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private WxrGenerator() {}

  /** {@code WxrGenerator N FILE [SEED]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: WxrGenerator N FILE [SEED]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    long start = System.nanoTime();
    write(n, seed, Path.of(args[1]));
    System.out.printf(Locale.ROOT, "%,d posts written to %s in %.1f s%n", n, args[1], (System.nanoTime() - start) / 1e9);
  }

  /** Writes the export of {@code n} posts to {@code file}. */
  public static void write(int n, long seed, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    // the permalink of each title written so far: read also lines name earlier posts by title
    Map<String, String> permalinks = new HashMap<>();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("""
          <?xml version="1.0" encoding="UTF-8" ?>
          <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
          \txmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
          <channel>
          \t<title>Arsip Benchmark</title>
          \t<link>%s</link>
          \t<language>id-ID</language>
          \t<wp:wxr_version>1.2</wp:wxr_version>
          \t<wp:base_site_url>%s</wp:base_site_url>
          """.formatted(HOST, HOST));
      int[] index = {0};
      new CorpusGenerator().stream(n, seed).forEachOrdered(a -> {
        try {
          post(out, a, index[0]++, permalinks);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      out.write("</channel>\n</rss>\n");
    }
  }

  private static void post(BufferedWriter out, GeneratedArticle a, int i, Map<String, String> permalinks) throws IOException {
    long id = 10L * i + 1;
    String slug = a.relativePath().substring(a.relativePath().lastIndexOf('/') + 1).replace(".md", "");
    String link = HOST + a.date().format(DateTimeFormatter.ofPattern("/yyyy/MM/dd/", Locale.ROOT)) + slug + "/";
    boolean classic = i % 2 == 0;
    String image = HOST + "/wp-content/uploads/" + a.date().getYear() + "/" + slug + ".jpg";
    StringBuilder body = new StringBuilder();
    String[] paragraphs = a.body().split("\n\n");
    for (int k = 0; k < paragraphs.length; k++) {
      String p = paragraphs[k].strip();
      String html;
      if (p.startsWith("Baca juga: ") || p.startsWith("Read also: ")) {
        String label = p.startsWith("Baca") ? "BACA JUGA" : "READ ALSO";
        String title = p.substring(p.indexOf(": ") + 2);
        String target = permalinks.getOrDefault(title, HOST + "/?p=1");
        html = "<strong>" + label + ": <a href=\"" + escape(target) + "\">" + escape(title) + "</a></strong>";
      } else if (p.startsWith("## ")) {
        html = "<h2>" + escape(p.substring(3)) + "</h2>";
      } else {
        html = escape(p);
        if (k == 0) {
          html = "<span style=\"font-weight:400\">" + html + "</span>";
        } else if (classic && k == 1) {
          // a line break inside a paragraph, as the classic editor keeps it
          int dot = html.indexOf(". ");
          html = dot > 0 ? html.substring(0, dot + 1) + "\n" + html.substring(dot + 2) : html;
        }
      }
      if (classic) {
        body.append(html).append("\n\n");
      } else if (html.startsWith("<h2>")) {
        body.append("<!-- wp:heading -->\n").append(html.replace("<h2>", "<h2 class=\"wp-block-heading\">")).append("\n<!-- /wp:heading -->\n\n");
      } else {
        body.append("<!-- wp:paragraph -->\n<p>").append(html).append("</p>\n<!-- /wp:paragraph -->\n\n");
      }
      if (k == 1) {
        body.append(media(classic, i, id, image, a.title()));
      }
    }
    permalinks.put(a.title(), link);

    out.write("\t<item>\n\t\t<title><![CDATA[" + a.title() + "]]></title>\n\t\t<link>" + link + "</link>\n");
    out.write("\t\t<dc:creator><![CDATA[" + a.authors().get(0) + "]]></dc:creator>\n");
    out.write("\t\t<content:encoded><![CDATA[" + body.toString().strip().replace("]]>", "]]]]><![CDATA[>") + "]]></content:encoded>\n");
    out.write("\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n");
    String gmt = a.date().withOffsetSameInstant(ZoneOffset.UTC).format(WP);
    out.write("\t\t<wp:post_id>" + id + "</wp:post_id>\n\t\t<wp:post_date><![CDATA[" + a.date().format(WP) + "]]></wp:post_date>\n");
    out.write("\t\t<wp:post_date_gmt><![CDATA[" + gmt + "]]></wp:post_date_gmt>\n");
    out.write("\t\t<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]></wp:status>\n");
    out.write("\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n");
    out.write("\t\t<category domain=\"category\" nicename=\"" + a.section() + "\"><![CDATA[" + a.section() + "]]></category>\n");
    for (String tag : a.tags()) {
      out.write("\t\t<category domain=\"post_tag\" nicename=\"" + escape(tag) + "\"><![CDATA[" + tag + "]]></category>\n");
    }
    if (i % 3 == 0) {
      out.write("\t\t<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[" + (id + 1)
          + "]]></wp:meta_value></wp:postmeta>\n");
    }
    out.write("\t</item>\n");
    if (i % 3 == 0 || i % 7 == 0) {
      attachment(out, id + 1, id, image, a.title());
      attachment(out, id + 2, id, image.replace(".jpg", "-2.jpg"), "");
    }
  }

  /** Media after the second paragraph: captions, galleries, embeds, by the post's number. */
  private static String media(boolean classic, int i, long id, String image, String title) {
    String alt = escape(title);
    if (i % 3 == 0) {
      String figure = classic
          ? "[caption id=\"attachment_" + (id + 1) + "\" align=\"aligncenter\" width=\"800\"]<img class=\"size-large\" src=\"" + image
              + "\" alt=\"" + alt + "\" width=\"800\" height=\"533\" /> Foto: " + alt + "[/caption]"
          : "<!-- wp:image -->\n<figure class=\"wp-block-image size-large\"><img src=\"" + image + "\" alt=\"" + alt
              + "\"/><figcaption class=\"wp-element-caption\">Foto: " + alt + "</figcaption></figure>\n<!-- /wp:image -->";
      return figure + "\n\n";
    }
    if (i % 5 == 0) {
      String video = "https://www.youtube.com/watch?v=" + String.format(Locale.ROOT, "v%010d", i);
      return classic ? video + "\n\n"
          : "<!-- wp:embed {\"url\":\"" + video + "\",\"providerNameSlug\":\"youtube\"} -->\n<figure class=\"wp-block-embed is-provider-youtube"
              + " wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\n" + video + "\n</div></figure>\n<!-- /wp:embed -->\n\n";
    }
    if (i % 7 == 0) {
      return "[gallery ids=\"" + (id + 1) + "," + (id + 2) + "\"]\n\n";
    }
    if (i % 11 == 0) {
      return "[embed]https://twitter.com/arsip/status/" + (1_700_000_000_000_000_000L + i) + "[/embed]\n\n";
    }
    return "";
  }

  private static void attachment(BufferedWriter out, long id, long parent, String url, String alt) throws IOException {
    out.write("\t<item>\n\t\t<title>foto-" + id + "</title>\n\t\t<wp:post_id>" + id + "</wp:post_id>\n\t\t<wp:post_parent>" + parent
        + "</wp:post_parent>\n\t\t<wp:post_type>attachment</wp:post_type>\n\t\t<wp:status>inherit</wp:status>\n\t\t<wp:attachment_url>" + url
        + "</wp:attachment_url>\n");
    if (!alt.isEmpty()) {
      out.write("\t\t<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[" + alt
          + "]]></wp:meta_value></wp:postmeta>\n");
    }
    out.write("\t</item>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
