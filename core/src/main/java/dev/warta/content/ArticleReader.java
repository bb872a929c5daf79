package dev.warta.content;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import dev.warta.internal.Dates;
import dev.warta.internal.Slugs;
import dev.warta.internal.YamlReader;
import dev.warta.internal.Urls;
import dev.warta.markdown.PlainText;
import dev.warta.markdown.ReadAlsoLine;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Turns one file's text into an {@link Article}, reporting every problem of its front matter. */
final class ArticleReader {
  /** Jekyll's post names: {@code 2021-03-14-harga-cabai-naik.md}. */
  private static final Pattern JEKYLL_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(.+)\\.(?:md|markdown)");
  /** Hugo's language suffix: {@code berita.en.md}. */
  private static final Pattern LANG_SUFFIX = Pattern.compile(".+\\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\\.(?:md|markdown)");

  /** What 'lang' may hold. */
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /** The gap between Markdown blocks. */
  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

  private static final int SUMMARY_LIMIT = 320;
  private static final int MAX_TAGS = 100;

  /** Front matter keys Warta reads; every other key goes to {@code params}. */
  private static final Set<String> KNOWN =
      Set.of(
          "title", "date", "updated", "lastmod", "modified", "slug", "authors", "author", "section",
          "categories", "category", "tags", "keywords", "summary", "description", "image", "lang",
          "language", "draft", "published", "canonical", "aliases", "redirect_from", "related",
          "translationKey", "layout", "permalink", "url");

  private final SiteConfig config;
  private final ReadAlsoLine readAlso;
  private final SummaryCache summaries;

  ArticleReader(SiteConfig config) {
    this(config, SummaryCache.none());
  }

  ArticleReader(SiteConfig config, SummaryCache summaries) {
    this.config = config;
    this.readAlso = ReadAlsoLine.of(ReadAlsoLine.allLabels(config.readAlsoLabels()));
    this.summaries = summaries;
  }

  /** The outcome for one file: the article (unless an error made it unusable) and its body. */
  record Result(Optional<Article> article, String body, List<Problem> problems) {}

  Result read(String source, Path file, String text) {
    List<Problem> problems = new ArrayList<>();
    if (text.isBlank()) {
      problems.add(Problem.error(source, 1, 1, "the file is empty; an article starts with front matter between '---' lines, holding at least title and date"));
      return new Result(Optional.empty(), "", problems);
    }
    if (text.indexOf('\0') >= 0) {
      int line = (int) text.substring(0, text.indexOf('\0')).chars().filter(c -> c == '\n').count() + 1;
      problems.add(Problem.error(source, line, 0, "the file contains NUL bytes: it is binary, not Markdown; remove it from content/ or rename it"));
      return new Result(Optional.empty(), "", problems);
    }
    FrontMatter.Split split = FrontMatter.split(text);
    if (split.frontMatter().isEmpty()) {
      String message =
          split.failure() == FrontMatter.Failure.MISSING
              ? "no front matter: start the file with a line '---', then YAML with at least title and date, then '---'"
              : "the front matter is not closed: add a line '---' after the YAML";
      problems.add(Problem.error(source, 1, 1, message));
      return new Result(Optional.empty(), "", problems);
    }
    FrontMatter fm = split.frontMatter().get();
    if (fm.body().isBlank()) {
      problems.add(Problem.error(source, fm.bodyLine() - 1, 1, "the article has no text after its front matter; write the body below the closing '---'"));
    }
    YamlReader yaml = new YamlReader(source, fm.yamlLine() - 1, problems);
    Optional<MappingNode> root = yaml.readMapping(fm.yaml());
    if (root.isEmpty()) {
      return new Result(Optional.empty(), fm.body(), problems);
    }
    Fields fields = new Fields(yaml, yaml.entries(root.get()));
    Optional<Article> article = toArticle(source, file, fm, fields, yaml, problems);
    return new Result(article, fm.body(), problems);
  }

  private Optional<Article> toArticle(String source, Path file, FrontMatter fm, Fields f, YamlReader yaml, List<Problem> problems) {
    int errorsBefore = errors(problems);
    String fileName = file.getFileName().toString();
    Matcher jekyll = JEKYLL_NAME.matcher(fileName);
    boolean jekyllName = jekyll.matches();

    String title = f.string("title").map(String::strip).orElse("");
    if (title.isEmpty()) {
      problems.add(Problem.error(source, f.line("title", fm.yamlLine()), 1, f.has("title") ? "'title' is empty; give the article a headline" : "'title' is missing; add a line such as title: \"Harga Cabai Naik\""));
    }

    Optional<ZonedDateTime> date = f.date("date", config);
    if (date.isEmpty() && !f.has("date") && jekyllName) {
      date = Dates.parse(jekyll.group(1), config.timeZone());
    }
    if (date.isEmpty() && !f.has("date")) {
      problems.add(Problem.error(source, fm.yamlLine(), 1, "'date' is missing; add a line such as date: 2023-09-05T08:30:00+07:00 (or name the file YYYY-MM-DD-slug.md)"));
    }
    Optional<ZonedDateTime> updated = f.date("updated", config).or(() -> f.date("lastmod", config)).or(() -> f.date("modified", config));

    String slug;
    if (f.has("slug")) {
      slug = f.string("slug").map(String::strip).orElse("");
      if (!Slugs.isSafeSegment(slug)) {
        f.error("slug", "'slug' must be one URL segment of letters, digits, '-', '_' or '.', not starting with a dot, found '" + slug + "'");
        slug = "";
      }
    } else if (jekyllName) {
      slug = Slugs.slugify(jekyll.group(2));
    } else {
      slug = Slugs.slugify(title);
      if (slug.isEmpty() && !title.isEmpty()) {
        problems.add(Problem.error(source, f.line("title", fm.yamlLine()), 1, "the title gives no URL slug (it has no letter or digit in a–z, 0–9); add a line slug: some-name"));
      }
    }

    List<String> authors = f.has("authors") ? f.strings("authors") : f.strings("author");
    String section = f.string("section").map(String::strip).orElse("");
    List<String> categories = f.has("categories") ? f.strings("categories") : f.strings("category");
    if (section.isEmpty() && !categories.isEmpty()) {
      section = categories.get(0).strip();
    }
    if (section.isEmpty() && !f.has("section")) {
      section = folderSection(source);
    }
    List<String> tags = dedupe(f.has("tags") ? f.strings("tags") : f.strings("keywords"));
    if (tags.size() > MAX_TAGS) {
      f.error(f.has("tags") ? "tags" : "keywords", "an article may have at most " + MAX_TAGS + " tags, this one has " + tags.size());
      tags = tags.subList(0, MAX_TAGS);
    }
    String lang = f.string("lang").or(() -> f.string("language")).map(String::strip).orElse("");
    if (lang.isEmpty()) {
      Matcher suffix = LANG_SUFFIX.matcher(fileName);
      lang = suffix.matches() && config.readAlsoLabels().containsKey(suffix.group(1)) ? suffix.group(1) : config.language();
    } else if (!LANGUAGE_TAG.matcher(lang).matches()) {
      f.error(f.has("lang") ? "lang" : "language", "'lang' must be a language tag such as id or en, found '" + lang + "'");
      lang = config.language();
    } else {
      lang = Locale.forLanguageTag(lang).toLanguageTag();
    }
    boolean draft = f.bool("draft").orElse(false) || !f.bool("published").orElse(true);
    String canonical = f.string("canonical").map(String::strip).orElse("");
    if (!canonical.isEmpty() && !(canonical.startsWith("https://") || canonical.startsWith("http://") || canonical.startsWith("/"))) {
      f.error("canonical", "'canonical' must be an absolute http(s) URL or a path starting with '/', found '" + canonical + "'");
      canonical = "";
    }
    if (f.has(Article.WORDPRESS_ID)) {
      String id = f.string(Article.WORDPRESS_ID).map(String::strip).orElse("");
      if (!isPostId(id)) {
        f.error(Article.WORDPRESS_ID, "'wordpress_id' must be the number of the WordPress post, digits only (such as 1234), found '" + id
            + "'; it makes the redirect /p/ID/ that old ?p=ID links reach");
      }
    }
    List<String> aliases = new ArrayList<>(f.strings("aliases"));
    aliases.addAll(f.strings("redirect_from"));
    String summary = f.string("summary").or(() -> f.string("description")).map(s -> WHITE_SPACE.matcher(s).replaceAll(" ").strip()).orElse("");
    if (summary.isEmpty()) {
      summary = summaryOf(fm.body());
    }
    Optional<Image> image = f.image();
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new HashMap<>();
    for (Map.Entry<String, NodeTuple> e : f.entries.entrySet()) {
      keyLines.put(e.getKey(), yaml.line(e.getValue().getKeyNode()));
      if (!KNOWN.contains(e.getKey())) {
        yaml.value(e.getValue().getValueNode()).ifPresent(v -> params.put(e.getKey(), v));
      }
    }
    if (errors(problems) > errorsBefore || date.isEmpty()) {
      return Optional.empty();
    }
    ZonedDateTime published = date.get();
    ZonedDateTime changed = updated.filter(u -> !u.isBefore(published)).orElse(published);
    if (updated.isPresent() && updated.get().isBefore(published)) {
      problems.add(Problem.warning(source, f.line("updated", fm.yamlLine()), 1, "the update time is before the publication date; it is ignored"));
    }
    return Optional.of(
        new Article(
            source, file, title, slug, published, changed, authors.stream().map(String::strip).filter(a -> !a.isEmpty()).toList(),
            section, tags, summary, image, lang, draft, canonical, aliases, f.strings("related"),
            f.string("translationKey").map(String::strip).orElse(""), params, fm.bodyLine(), keyLines));
  }

  /** Digits only, no leading zero (two spellings of one post would be two redirects), at most 18. */
  static boolean isPostId(String id) {
    if (id.isEmpty() || id.length() > 18 || id.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int errors(List<Problem> problems) {
    return (int) problems.stream().filter(Problem::isError).count();
  }

  private static String folderSection(String source) {
    String[] parts = source.split("/");
    // content/<section>/…/file.md; a file right under content/ has none, nor has a folder like _posts
    if (parts.length >= 3 && !parts[1].startsWith("_")) {
      return parts[1];
    }
    return "";
  }

  private static List<String> dedupe(List<String> values) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String v : values) {
      String name = v.strip();
      if (!name.isEmpty()) {
        byKey.putIfAbsent(Slugs.termKey(name), name);
      }
    }
    return List.copyOf(byKey.values());
  }

  /** The text before {@code <!--more-->}, or the first paragraph of prose. */
  String summaryOf(String body) {
    int more = body.indexOf("<!--more-->");
    String text;
    if (more >= 0) {
      text = summaries.plainText(body.substring(0, more));
    } else {
      text = "";
      // block by block up to the first of prose, rather than splitting the whole body
      Matcher blank = BLANK_LINE.matcher(body);
      for (int start = 0; start <= body.length() && text.isEmpty(); ) {
        boolean found = nextBlankLine(body, blank, start);
        String b = body.substring(start, found ? blank.start() : body.length()).strip();
        start = found ? blank.end() : body.length() + 1;
        if (b.isEmpty() || b.startsWith("#") || b.startsWith("![") || b.startsWith("<") || b.startsWith("|")
            || b.startsWith(">") || b.startsWith("```") || b.startsWith("- ") || b.startsWith("* ") || readAlso.matches(b)) {
          continue;
        }
        text = summaries.plainText(b);
      }
    }
    if (text.length() > SUMMARY_LIMIT) {
      int cut = text.lastIndexOf(' ', SUMMARY_LIMIT);
      text = text.substring(0, cut > SUMMARY_LIMIT / 2 ? cut : SUMMARY_LIMIT) + "…";
    }
    return text;
  }

  /**
   * Finds the next match of {@link #BLANK_LINE} from {@code from}, as {@code find} would, but tries
   * it only where a line ends instead of at every character of the paragraph before the gap.
   */
  private static boolean nextBlankLine(String text, Matcher blank, int from) {
    for (int nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      if (blank.region(nl, text.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** Typed access to front matter entries, reporting errors at their positions. */
  private static final class Fields {
    private final YamlReader yaml;
    private final Map<String, NodeTuple> entries;

    Fields(YamlReader yaml, Map<String, NodeTuple> entries) {
      this.yaml = yaml;
      this.entries = entries;
    }

    boolean has(String key) {
      return entries.containsKey(key);
    }

    int line(String key, int fallback) {
      NodeTuple t = entries.get(key);
      return t == null ? fallback : yaml.line(t.getKeyNode());
    }

    void error(String key, String message) {
      yaml.error(entries.get(key).getValueNode(), message);
    }

    Optional<String> string(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? Optional.empty() : yaml.string(t.getValueNode(), key);
    }

    List<String> strings(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? List.of() : yaml.strings(t.getValueNode(), key);
    }

    Optional<Boolean> bool(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? Optional.empty() : yaml.bool(t.getValueNode(), key);
    }

    Optional<ZonedDateTime> date(String key, SiteConfig config) {
      NodeTuple t = entries.get(key);
      if (t == null) {
        return Optional.empty();
      }
      Node node = t.getValueNode();
      Optional<String> text = yaml.string(node, key);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      Optional<ZonedDateTime> date = Dates.parse(text.get(), config.timeZone());
      if (date.isEmpty()) {
        yaml.error(node, "'" + key + "' is not a date: '" + text.get() + "'; write it as 2023-09-05, 2023-09-05T08:30:00 or 2023-09-05T08:30:00+07:00, in quotes if in doubt");
      }
      return date;
    }

    Optional<Image> image() {
      NodeTuple t = entries.get("image");
      if (t == null) {
        return Optional.empty();
      }
      Node node = t.getValueNode();
      if (node instanceof ScalarNode) {
        return yaml.string(node, "image").map(String::strip).filter(s -> !s.isEmpty()).filter(src -> safeImage(yaml, node, src)).map(src -> new Image(src, "", "", ""));
      }
      if (node instanceof MappingNode mapping) {
        Map<String, NodeTuple> parts = yaml.entries(mapping);
        Map<String, String> values = new HashMap<>();
        for (String part : List.of("src", "alt", "caption", "credit")) {
          NodeTuple p = parts.get(part);
          if (p != null) {
            yaml.string(p.getValueNode(), "image." + part).ifPresent(v -> values.put(part, v.strip()));
          }
        }
        for (String part : parts.keySet()) {
          if (!List.of("src", "alt", "caption", "credit").contains(part)) {
            yaml.warning(parts.get(part).getKeyNode(), "'image." + part + "' is not known and is ignored; use src, alt, caption and credit");
          }
        }
        String src = values.getOrDefault("src", "");
        if (src.isEmpty()) {
          yaml.error(node, "'image' needs 'src', the image's URL");
          return Optional.empty();
        }
        if (!safeImage(yaml, parts.get("src").getValueNode(), src)) {
          return Optional.empty();
        }
        return Optional.of(new Image(src, values.getOrDefault("alt", ""), values.getOrDefault("caption", ""), values.getOrDefault("credit", "")));
      }
      yaml.error(node, "'image' must be a URL or a map with src, alt, caption and credit");
      return Optional.empty();
    }
  }

  /**
   * Whether an image URL is a path or an http(s) URL, reporting it otherwise: the theme puts it in
   * {@code src} and {@code og:image}, where a {@code javascript:} or {@code data:} URL must never land.
   * Blanks and control characters are ignored as browsers ignore them ({@code java\tscript:}).
   */
  private static boolean safeImage(YamlReader yaml, Node node, String src) {
    if (Urls.allows(src, Urls.WEB_SCHEMES)) {
      return true;
    }
    yaml.error(node, "'image' must be an http(s) URL or a path, found '" + src + "'");
    return false;
  }
}
