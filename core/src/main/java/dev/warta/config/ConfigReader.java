package dev.warta.config;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import dev.warta.shared.SiteConfig.Feeds;
import dev.warta.shared.SiteConfig.Publisher;
import dev.warta.shared.SiteConfig.RawHtml;
import dev.warta.shared.SiteConfig.Related;
import dev.warta.internal.Dates;
import dev.warta.internal.SitePaths;
import dev.warta.internal.YamlReader;
import dev.warta.shared.RelatedSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a site's settings: the defaults, then {@code warta.yml}, then overrides by setting name.
 *
 * <p>Every setting is read from a YAML node, whether it came from the file or from an override, so
 * both get the same validation; a problem in the file names its line and column, a problem in an
 * override names the override ({@code warta.paginate}).
 */
public final class ConfigReader {
  /** The settings file at the root of a site folder. */
  public static final String FILE = "warta.yml";

  private static final Pattern PERMALINK_TOKEN = Pattern.compile(":([a-z]+)");
  private static final Set<String> PERMALINK_TOKENS = Set.of("year", "month", "day", "slug", "section", "lang");

  /** Known settings with nested maps flattened to dotted names; {@code params} and {@code readAlso} are read whole. */
  private static final Set<String> KNOWN =
      Set.of(
          "title", "description", "baseUrl", "language", "timeZone", "permalink", "paginate", "drafts",
          "future", "buildTime", "publisher.name", "publisher.logo", "image", "related.count", "related.minScore",
          "related.minShareOfBest",
          "related.allowNewer", "related.weights.text", "related.weights.names", "related.weights.tags",
          "related.weights.section", "related.weights.time", "related.halfLifeDays", "related.report",
          "related.insertAfter", "related.insertMinParagraphs", "feeds.items", "feeds.fullContent",
          "feeds.tags", "rawHtml", "readAlso", "sitemapLimit", "relativeUrls", "search", "checks.links", "checks.readAlso",
          "checks.unsafeUrls", "paths.section", "paths.tag", "paths.author", "params");

  private static final Set<String> NESTED = Set.of("publisher", "related", "related.weights", "feeds", "checks", "paths");

  private ConfigReader() {}

  /** The names of all settings, as accepted by {@link #read} overrides. */
  public static Set<String> settingNames() {
    return KNOWN;
  }

  /**
   * Reads the settings of the site in {@code siteDir}.
   *
   * @param overrides values by setting name, winning over {@code warta.yml}
   * @param problems where problems go
   * @return the settings; when a problem was reported, the offending setting keeps its default
   */
  public static SiteConfig read(Path siteDir, Map<String, String> overrides, List<Problem> problems) {
    Map<String, Setting> settings = new TreeMap<>();
    Path file = siteDir.resolve(FILE);
    String text = null;
    try {
      text = dev.warta.internal.TextFiles.readUtf8(file);
    } catch (NoSuchFileException e) {
      // a folder of Markdown alone is a site: all defaults
    } catch (CharacterCodingException e) {
      problems.add(Problem.error(FILE, 0, 0, "the file is not valid UTF-8; save it as UTF-8"));
    } catch (IOException e) {
      problems.add(Problem.error(FILE, 0, 0, "cannot read the file: " + e.getMessage()));
    }
    if (text != null) {
      YamlReader yaml = new YamlReader(FILE, 0, problems);
      yaml.readMapping(text).ifPresent(root -> flatten(yaml, root, "", settings));
    }
    for (Map.Entry<String, String> override : new TreeMap<>(overrides).entrySet()) {
      String name = override.getKey();
      YamlReader yaml = new YamlReader("warta." + name, -1, problems);
      if (!KNOWN.contains(name) || name.equals("params") || name.equals("readAlso")) {
        problems.add(Problem.error("warta." + name, 0, 0, "unknown setting '" + name + "'" + suggestion(name)));
        continue;
      }
      Mark mark = new Mark("override", 0, 0, 0, new int[0], 0);
      settings.put(name, new Setting(yaml, new ScalarNode(Tag.STR, override.getValue(), mark, mark, DumperOptions.ScalarStyle.PLAIN)));
    }
    return new Reading(settings).config();
  }

  private static void flatten(YamlReader yaml, MappingNode mapping, String prefix, Map<String, Setting> settings) {
    for (Map.Entry<String, NodeTuple> entry : yaml.entries(mapping).entrySet()) {
      String name = prefix + entry.getKey();
      Node value = entry.getValue().getValueNode();
      if (NESTED.contains(name)) {
        if (value instanceof MappingNode nested) {
          flatten(yaml, nested, name + ".", settings);
        } else {
          yaml.error(value, "'" + name + "' must be a map of settings, found " + YamlReader.describe(value));
        }
      } else if (KNOWN.contains(name)) {
        settings.put(name, new Setting(yaml, value));
      } else {
        yaml.warning(entry.getValue().getKeyNode(), "unknown setting '" + name + "' is ignored" + suggestion(name) + "; put your own values under 'params'");
      }
    }
  }

  private static String suggestion(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : new java.util.TreeSet<>(KNOWN)) {
      int d = distance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best != null && bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private record Setting(YamlReader yaml, Node node) {}

  /** Reads each setting from its node, falling back to the default on a problem. */
  private static final class Reading {
    private final Map<String, Setting> settings;

    Reading(Map<String, Setting> settings) {
      this.settings = settings;
    }

    SiteConfig config() {
      SiteConfig d = SiteConfig.defaults();
      Related r = d.related();
      Feeds f = d.feeds();
      return new SiteConfig(
          string("title").orElse(d.title()),
          string("description").orElse(d.description()),
          baseUrl().orElse(d.baseUrl()),
          language().orElse(d.language()),
          timeZone().orElse(d.timeZone()),
          permalink().orElse(d.permalink()),
          new SiteConfig.TermPaths(
              termPath("paths.section").orElse(d.termPaths().section()),
              termPath("paths.tag").orElse(d.termPaths().tag()),
              termPath("paths.author").orElse(d.termPaths().author())),
          integer("paginate", 1, 10_000).orElse(d.paginate()),
          bool("drafts").orElse(d.drafts()),
          bool("future").orElse(d.future()),
          buildTime().orElseGet(Instant::now),
          new Publisher(string("publisher.name").orElse(""), image("publisher.logo").orElse("")),
          image("image").orElse(d.image()),
          new Related(
              scoring(r.scoring()),
              bool("related.report").orElse(r.report()),
              insertAfter().orElse(r.insertAfter()),
              integer("related.insertMinParagraphs", 0, 1000).orElse(r.insertMinParagraphs())),
          new Feeds(
              integer("feeds.items", 1, 10_000).orElse(f.items()),
              bool("feeds.fullContent").orElse(f.fullContent()),
              bool("feeds.tags").orElse(f.tags())),
          rawHtml().orElse(d.rawHtml()),
          readAlso().orElse(d.readAlsoLabels()),
          integer("sitemapLimit", 1, 50_000).orElse(d.sitemapLimit()),
          checks(),
          bool("relativeUrls").orElse(d.relativeUrls()),
          bool("search").orElse(d.search()),
          params().orElse(d.params()));
    }

    /** The index's settings; weights that are all 0 are an error, and the default weights stay. */
    private RelatedSettings scoring(RelatedSettings d) {
      double text = decimal("related.weights.text", 0, 100).orElse(d.textWeight());
      double names = decimal("related.weights.names", 0, 100).orElse(d.namesWeight());
      double tags = decimal("related.weights.tags", 0, 100).orElse(d.tagsWeight());
      double section = decimal("related.weights.section", 0, 100).orElse(d.sectionWeight());
      double time = decimal("related.weights.time", 0, 100).orElse(d.timeWeight());
      if (text + names + tags + section + time == 0) {
        Setting s = settings.get("related.weights.text");
        s.yaml().error(s.node(), "at least one of the related.weights must be above 0");
        text = d.textWeight();
        names = d.namesWeight();
        tags = d.tagsWeight();
        section = d.sectionWeight();
        time = d.timeWeight();
      }
      return new RelatedSettings(
          integer("related.count", 0, 50).orElse(d.count()),
          decimal("related.minScore", 0, 100).orElse(d.minScore()),
          decimal("related.minShareOfBest", 0, 1).orElse(d.minShareOfBest()),
          bool("related.allowNewer").orElse(d.allowNewer()),
          text, names, tags, section, time,
          decimal("related.halfLifeDays", 1, 100_000).orElse(d.timeHalfLifeDays()));
    }

    private Optional<Setting> get(String name) {
      return Optional.ofNullable(settings.get(name));
    }

    private Optional<String> string(String name) {
      return get(name).flatMap(s -> s.yaml().string(s.node(), name));
    }

    private Optional<Integer> integer(String name, int min, int max) {
      return get(name).flatMap(s -> s.yaml().integer(s.node(), name, min, max));
    }

    private Optional<Double> decimal(String name, double min, double max) {
      return get(name).flatMap(s -> s.yaml().decimal(s.node(), name, min, max));
    }

    private Optional<Boolean> bool(String name) {
      return get(name).flatMap(s -> s.yaml().bool(s.node(), name));
    }

    private Optional<URI> baseUrl() {
      return get("baseUrl").flatMap(s -> s.yaml().string(s.node(), "baseUrl").flatMap(text -> {
        try {
          URI uri = new URI(text.strip());
          String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
          if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
              && uri.getQuery() == null && uri.getFragment() == null) {
            return Optional.of(uri.toString().endsWith("/") ? uri : new URI(uri + "/"));
          }
        } catch (URISyntaxException e) {
          // reported below
        }
        s.yaml().error(s.node(), "'baseUrl' must be an absolute http or https URL such as https://news.example.org/, found '" + text + "'");
        return Optional.empty();
      }));
    }

    /** An image setting ({@code image}, {@code publisher.logo}): a safe site path, or an http(s) URL. */
    private Optional<String> image(String name) {
      return get(name).flatMap(s -> s.yaml().string(s.node(), name).flatMap(text -> {
        String t = text.strip();
        if (t.startsWith("/") && !t.startsWith("//") && SitePaths.whyUnsafe(t).isEmpty()) {
          return Optional.of(t);
        }
        try {
          URI uri = new URI(t);
          String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
          if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
            return Optional.of(uri.toString());
          }
        } catch (URISyntaxException e) {
          // reported below
        }
        s.yaml().error(s.node(), "'" + name + "' must be a path in the site such as /img/share.png, or an http or https URL, found '" + text + "'");
        return Optional.empty();
      }));
    }

    private Optional<String> language() {
      return get("language").flatMap(s -> s.yaml().string(s.node(), "language").flatMap(text -> {
        String tag = text.strip();
        if (tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
          return Optional.of(Locale.forLanguageTag(tag).toLanguageTag());
        }
        s.yaml().error(s.node(), "'language' must be a language tag such as id or en, found '" + text + "'");
        return Optional.empty();
      }));
    }

    private Optional<ZoneId> timeZone() {
      return get("timeZone").flatMap(s -> s.yaml().string(s.node(), "timeZone").flatMap(text -> {
        try {
          return Optional.of(ZoneId.of(text.strip()));
        } catch (DateTimeException e) {
          s.yaml().error(s.node(), "'timeZone' must be a zone such as Asia/Jakarta or UTC, found '" + text + "'");
          return Optional.empty();
        }
      }));
    }

    private Optional<String> permalink() {
      return get("permalink").flatMap(s -> s.yaml().string(s.node(), "permalink").flatMap(text -> {
        String pattern = text.strip();
        Optional<String> unsafe = SitePaths.whyUnsafe(pattern.replaceAll(":[a-z]+", "x"));
        if (unsafe.isPresent() || !pattern.endsWith("/")) {
          s.yaml().error(s.node(), "'permalink' must be a path such as /:year/:month/:slug/ starting and ending with '/' ("
              + unsafe.orElse("it does not end with '/'") + ")");
          return Optional.empty();
        }
        var tokens = PERMALINK_TOKEN.matcher(pattern);
        boolean slug = false;
        while (tokens.find()) {
          if (!PERMALINK_TOKENS.contains(tokens.group(1))) {
            s.yaml().error(s.node(), "'permalink' has an unknown part ':" + tokens.group(1) + "'; use :year, :month, :day, :section, :lang and :slug");
            return Optional.empty();
          }
          slug |= tokens.group(1).equals("slug");
        }
        if (!slug) {
          s.yaml().error(s.node(), "'permalink' must contain :slug, or every article would get the same URL");
          return Optional.empty();
        }
        return Optional.of(pattern);
      }));
    }

    private Optional<String> termPath(String name) {
      return get(name).flatMap(s -> s.yaml().string(s.node(), name).flatMap(text -> {
        String pattern = text.strip();
        Optional<String> unsafe = SitePaths.whyUnsafe(pattern.replace(":slug", "x"));
        if (unsafe.isPresent() || !pattern.endsWith("/") || !pattern.contains(":slug") || pattern.indexOf(':') != pattern.indexOf(":slug")
            || pattern.indexOf(":slug") != pattern.lastIndexOf(":slug")) {
          s.yaml().error(s.node(), "'" + name + "' must be a path with :slug once, starting and ending with '/', such as /topik/:slug/"
              + unsafe.map(u -> " (" + u + ")").orElse(""));
          return Optional.empty();
        }
        return Optional.of(pattern);
      }));
    }

    private Optional<Instant> buildTime() {
      return get("buildTime").flatMap(s -> s.yaml().string(s.node(), "buildTime").flatMap(text -> {
        Optional<Instant> time = Dates.instant(text);
        if (time.isEmpty()) {
          s.yaml().error(s.node(), "'buildTime' must be a date-time with offset such as 2024-01-31T12:00:00Z, found '" + text + "'");
        }
        return time;
      }));
    }

    private Optional<List<Integer>> insertAfter() {
      return get("related.insertAfter").map(s -> {
        List<Integer> values = new ArrayList<>();
        for (String item : s.yaml().strings(s.node(), "related.insertAfter")) {
          for (String part : item.split(",")) {
            try {
              int n = Integer.parseInt(part.strip());
              if (n >= 1) {
                values.add(n);
                continue;
              }
            } catch (NumberFormatException e) {
              // reported below
            }
            s.yaml().error(s.node(), "'related.insertAfter' must list paragraph numbers such as [3, 7], found '" + part.strip() + "'");
          }
        }
        return values.stream().distinct().sorted().toList();
      });
    }

    private Map<String, Problem.Severity> checks() {
      Map<String, Problem.Severity> checks = new TreeMap<>(SiteConfig.DEFAULT_CHECKS);
      for (String check : SiteConfig.DEFAULT_CHECKS.keySet()) {
        get("checks." + check).flatMap(s -> s.yaml().string(s.node(), "checks." + check).flatMap(text -> {
          String v = text.strip().toUpperCase(Locale.ROOT);
          if (v.equals("ERROR") || v.equals("WARNING")) {
            return Optional.of(Problem.Severity.valueOf(v));
          }
          s.yaml().error(s.node(), "'checks." + check + "' must be error or warning, found '" + text + "'");
          return Optional.empty();
        })).ifPresent(severity -> checks.put(check, severity));
      }
      return checks;
    }

    private Optional<RawHtml> rawHtml() {
      return get("rawHtml").flatMap(s -> s.yaml().string(s.node(), "rawHtml").flatMap(text -> {
        try {
          return Optional.of(RawHtml.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          s.yaml().error(s.node(), "'rawHtml' must be escape, sanitize or allow, found '" + text + "'");
          return Optional.empty();
        }
      }));
    }

    private Optional<Map<String, List<String>>> readAlso() {
      return get("readAlso").flatMap(s -> {
        if (!(s.node() instanceof MappingNode mapping)) {
          s.yaml().error(s.node(), "'readAlso' must map languages to labels, such as id: [Baca juga]");
          return Optional.empty();
        }
        Map<String, List<String>> labels = new LinkedHashMap<>(SiteConfig.defaults().readAlsoLabels());
        for (Map.Entry<String, NodeTuple> e : s.yaml().entries(mapping).entrySet()) {
          List<String> values = s.yaml().strings(e.getValue().getValueNode(), "readAlso." + e.getKey());
          labels.put(e.getKey(), values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        }
        return Optional.of(labels);
      });
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> params() {
      return get("params").flatMap(s -> {
        if (!(s.node() instanceof MappingNode)) {
          s.yaml().error(s.node(), "'params' must be a map of your own values");
          return Optional.empty();
        }
        return s.yaml().value(s.node()).map(v -> (Map<String, Object>) v);
      });
    }
  }
}
