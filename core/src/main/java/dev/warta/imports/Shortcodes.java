package dev.warta.imports;

import dev.warta.internal.Escape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress shortcodes and bare embed URLs turned into the HTML WordPress would show: {@code
 * [caption]} into a figure with its caption, {@code [gallery]} into a figure of images, {@code
 * [embed]}, {@code [video]}, {@code [audio]} and a URL of an oEmbed provider alone on its line
 * into embed blocks. Each result is a block set apart by blank lines, so that the paragraph rules
 * leave it whole. Other shortcodes are left as text, where the loss check and the reader see them.
 */
final class Shortcodes {
  private static final Pattern CAPTION = Pattern.compile("\\[(caption|wp_caption)\\b([^\\]]*)\\](.*?)\\[/\\1\\]", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern EMBED = Pattern.compile("\\[embed\\b[^\\]]*\\](.*?)\\[/embed\\]", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern GALLERY = Pattern.compile("\\[gallery\\b([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern MEDIA = Pattern.compile("\\[(video|audio)\\b([^\\]]*)\\](?:\\s*\\[/\\1\\])?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s'\"]+))");
  /** A URL alone on its line (maybe inside a paragraph of its own), as WordPress's auto-embed finds it. */
  private static final Pattern BARE_URL = Pattern.compile("(?m)^\\s*(?:<p>\\s*)?(https?://[^\\s<>\"]+)\\s*(?:</p>)?\\s*$");
  private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  /** An attachment: its file's URL, alternative text and caption. */
  record Attachment(String url, String alt, String caption) {}

  private Shortcodes() {}

  /**
   * The content with the shortcodes WordPress's editors write turned into HTML.
   *
   * @param attachment an attachment by its post id
   * @param children the attachments of a post, for a {@code [gallery]} without {@code ids}
   * @param bareUrls whether a provider's URL alone on its line is embedded: in classic content; the
   *     block editor writes embed blocks instead, whose URL also stands alone on its line
   */
  static String apply(String content, LongFunction<Optional<Attachment>> attachment, List<Attachment> children, boolean bareUrls) {
    String text = content;
    // each pattern runs only over a body that names its shortcode: most bodies name one or none
    if (opens(text, "caption") || opens(text, "wp_caption")) {
      text = replace(CAPTION, text, m -> caption(m.group(2), m.group(3)));
    }
    if (opens(text, "embed")) {
      text = replace(EMBED, text, m -> block(Embeds.html(htmlText(m.group(1)))));
    }
    if (opens(text, "gallery")) {
      text = replace(GALLERY, text, m -> gallery(attributes(m.group(1)), attachment, children));
    }
    if (opens(text, "video") || opens(text, "audio")) {
      text = replace(MEDIA, text, m -> media(m.group(1).toLowerCase(Locale.ROOT), attributes(m.group(2))));
    }
    if (bareUrls && text.contains("://")) {
      text = replace(BARE_URL, text, m -> Embeds.provider(m.group(1)).isPresent() ? block(Embeds.html(htmlText(m.group(1)))) : m.group());
    }
    return text;
  }

  /** Whether {@code [name} appears, in any case. */
  static boolean opens(String text, String name) {
    for (int i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
      if (text.regionMatches(true, i + 1, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 256);
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private static String block(String html) {
    return "\n\n" + html + "\n\n";
  }

  /** {@code [caption id=".." align="aligncenter"]<img …> Caption text[/caption]}; older ones put the text in {@code caption=""}. */
  private static String caption(String attributeText, String inner) {
    Map<String, String> attributes = attributes(attributeText);
    Matcher img = IMG.matcher(inner);
    String image;
    String caption;
    if (img.find()) {
      // the image, with the link around it if there is one
      int start = img.start();
      int end = img.end();
      int open = inner.lastIndexOf("<a", start);
      int close = inner.indexOf("</a>", end);
      if (open >= 0 && close >= 0 && inner.substring(0, start).strip().startsWith("<a") && inner.substring(end, close).isBlank()) {
        start = open;
        end = close + 4;
      }
      image = inner.substring(start, end);
      caption = (inner.substring(0, start) + inner.substring(end)).strip();
    } else {
      image = "";
      caption = inner.strip();
    }
    if (caption.isEmpty()) {
      caption = Escape.html(attributes.getOrDefault("caption", ""));
    }
    String align = attributes.getOrDefault("align", "");
    return block("<figure" + (align.isEmpty() ? "" : " class=\"" + Escape.html(align) + "\"") + ">" + image
        + (caption.isEmpty() ? "" : "<figcaption>" + caption.replace('\n', ' ') + "</figcaption>") + "</figure>");
  }

  private static String gallery(Map<String, String> attributes, LongFunction<Optional<Attachment>> attachment, List<Attachment> children) {
    List<Attachment> images = new ArrayList<>();
    String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
    if (ids.isBlank()) {
      images.addAll(children);
    } else {
      for (String id : ids.split(",")) {
        try {
          attachment.apply(Long.parseLong(id.strip())).ifPresent(images::add);
        } catch (NumberFormatException e) {
          // not an id: nothing WordPress would show either
        }
      }
    }
    if (images.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<figure class=\"gallery\">");
    for (Attachment a : images) {
      out.append("<img src=\"").append(Escape.html(a.url())).append("\" alt=\"").append(Escape.html(a.alt())).append("\">");
    }
    return block(out.append("</figure>").toString());
  }

  private static String media(String kind, Map<String, String> attributes) {
    String src = attributes.getOrDefault("src", "");
    if (src.isEmpty()) {
      for (String format : kind.equals("video") ? List.of("mp4", "m4v", "webm", "ogv", "flv") : List.of("mp3", "m4a", "ogg", "wav")) {
        src = attributes.getOrDefault(format, "");
        if (!src.isEmpty()) {
          break;
        }
      }
    }
    if (src.isEmpty()) {
      return "";
    }
    String url = Escape.html(src);
    return block("<figure class=\"embed embed-" + kind + "\"><" + kind + " src=\"" + url + "\" controls></" + kind + "><figcaption><a href=\""
        + url + "\">" + url + "</a></figcaption></figure>");
  }

  /** Text that was HTML ({@code &amp;} in a URL) as it reads. */
  private static String htmlText(String html) {
    return org.jsoup.parser.Parser.unescapeEntities(html.strip(), false);
  }

  static Map<String, String> attributes(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      out.put(m.group(1).toLowerCase(Locale.ROOT), value);
    }
    return out;
  }
}
