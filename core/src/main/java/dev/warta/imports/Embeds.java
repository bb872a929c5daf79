package dev.warta.imports;

import dev.warta.internal.Escape;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a URL that WordPress would embed (oEmbed) into an embed block: a {@code <figure
 * class="embed embed-PROVIDER">} holding, for video players that take an address, an {@code
 * <iframe>}, and always a link to the original, so that a site whose {@code rawHtml} setting drops
 * frames still shows where the video or post is.
 */
final class Embeds {
  private static final Pattern YOUTUBE = Pattern.compile(
      "https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:[^#\\s]*&)?v=|shorts/|embed/)|youtu\\.be/)([A-Za-z0-9_-]{6,20}).*");
  private static final Pattern VIMEO = Pattern.compile("https?://(?:www\\.)?vimeo\\.com/(\\d+).*");
  private static final Pattern DAILYMOTION = Pattern.compile("https?://(?:www\\.)?dailymotion\\.com/video/([A-Za-z0-9]+).*");
  /** Hosts that WordPress embeds, by the provider name used in the class. */
  private static final String[][] PROVIDERS = {
    {"twitter.com", "twitter"}, {"x.com", "twitter"}, {"instagram.com", "instagram"}, {"facebook.com", "facebook"},
    {"tiktok.com", "tiktok"}, {"soundcloud.com", "soundcloud"}, {"open.spotify.com", "spotify"}, {"flickr.com", "flickr"},
    {"flic.kr", "flickr"}, {"scribd.com", "scribd"}, {"slideshare.net", "slideshare"}, {"reddit.com", "reddit"},
    {"tumblr.com", "tumblr"}, {"imgur.com", "imgur"}, {"issuu.com", "issuu"}, {"mixcloud.com", "mixcloud"},
    {"ted.com", "ted"}, {"pinterest.com", "pinterest"}, {"threads.net", "threads"}, {"youtube.com", "youtube"},
    {"youtu.be", "youtube"}, {"vimeo.com", "vimeo"}, {"dailymotion.com", "dailymotion"},
  };

  private Embeds() {}

  /** The provider WordPress would embed this URL from, e.g. {@code youtube}; empty for other URLs. */
  static Optional<String> provider(String url) {
    String host;
    try {
      URI uri = new URI(url.strip());
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return Optional.empty();
      }
      host = uri.getHost().toLowerCase(Locale.ROOT);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
    for (String[] p : PROVIDERS) {
      if (host.equals(p[0]) || host.endsWith("." + p[0])) {
        return Optional.of(p[1]);
      }
    }
    return Optional.empty();
  }

  /** The embed block for a URL of a known provider, or for any http(s) URL given in an {@code [embed]}. */
  static String html(String url) {
    String u = url.strip();
    String provider = provider(u).orElse("link");
    String player = player(u);
    StringBuilder out = new StringBuilder(200);
    out.append("<figure class=\"embed embed-").append(provider).append("\">");
    if (!player.isEmpty()) {
      out.append("<iframe src=\"").append(Escape.html(player)).append("\" title=\"").append(provider)
          .append("\" loading=\"lazy\" allowfullscreen></iframe>");
    }
    out.append("<figcaption><a href=\"").append(Escape.html(u)).append("\">").append(Escape.html(u)).append("</a></figcaption></figure>");
    return out.toString();
  }

  /** The address of a video player for the URL, for the providers whose player takes one; empty otherwise. */
  private static String player(String url) {
    Matcher m = YOUTUBE.matcher(url);
    if (m.matches()) {
      return "https://www.youtube-nocookie.com/embed/" + m.group(1);
    }
    m = VIMEO.matcher(url);
    if (m.matches()) {
      return "https://player.vimeo.com/video/" + m.group(1);
    }
    m = DAILYMOTION.matcher(url);
    if (m.matches()) {
      return "https://www.dailymotion.com/embed/video/" + m.group(1);
    }
    return "";
  }
}
