package dev.warta.imports;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import dev.warta.archive.Permalinks;
import dev.warta.imports.ImportOptions.Keep;
import dev.warta.internal.SitePaths;
import dev.warta.internal.Slugs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Imports WordPress exports (WXR) into a site folder: one Markdown file with YAML front matter per
 * post, in {@code content/<section>/<year>/<slug>.md} ({@code content/<year>/<slug>.md} for a post
 * without category), with the old permalink as an alias, every article checked for loss, and a
 * report in {@code import/}.
 *
 * <p>Two passes over the exports, each streaming one item at a time: the first reads every item's
 * metadata (and so finds any fatal error before a file is written), fixing each post's file and
 * URL, so that the second can turn links between posts into links between articles, whatever
 * their order in the export.
 *
 * <p><b>Edits survive a re-import.</b> {@code import/files.sha256} records the SHA-256 digest of
 * every file the import wrote ({@code sha256sum -c} reads it). A later import writes a file only
 * when it is new, or when its bytes still have the digest recorded, that is, nobody changed it
 * since; a file that was edited (or that the import did not write) is kept and listed in the
 * report. The same export imported twice gives byte-identical files.
 */
public final class WordPressImport {
  private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final Set<String> DRAFT_STATUSES = Set.of("draft", "pending", "private");
  /** Where SEO plugins keep a post's description: Yoast, Rank Math, All in One SEO, The SEO Framework, Genesis. */
  private static final List<String> DESCRIPTION_KEYS =
      List.of("_yoast_wpseo_metadesc", "rank_math_description", "_aioseo_description", "_aioseop_description", "_genesis_description");
  static final String STATE = "import/files.sha256";
  /** Warta's year and month archives and paginated home: {@code /2023/}, {@code /2023/11/}, {@code /page/2/}. */
  private static final java.util.regex.Pattern ARCHIVE_PAGE = java.util.regex.Pattern.compile("/(\\d{4}/(\\d{2}/)?|page/\\d+/)(page/\\d+/)?");
  /** Warta's search pages: {@code /search/} and {@code /en/search/} (a language folder). */
  private static final java.util.regex.Pattern SEARCH_PAGE = java.util.regex.Pattern.compile("/([A-Za-z]{2,3}(-[A-Za-z0-9]+)*/)?search/");
  /** The redirect pages the build makes from {@code wordpress_id}: {@code /p/123/}. */
  private static final java.util.regex.Pattern OLD_POST_ID = java.util.regex.Pattern.compile("/p/\\d+/");
  private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");
  /** The block editor's comments: {@code <!-- wp:paragraph -->}, {@code <!-- /wp:paragraph -->}. */
  private static final java.util.regex.Pattern BLOCK_COMMENT = java.util.regex.Pattern.compile("<!--\\s*/?wp:[\\s\\S]*?-->");

  private final SiteConfig config;
  private final Path site;
  private final ImportOptions options;

  /**
   * An import into a site folder.
   *
   * @param config the site's settings (time zone, permalink, language, read also labels)
   * @param site the site folder; created when missing
   */
  public WordPressImport(SiteConfig config, Path site, ImportOptions options) {
    this.config = config;
    this.site = site.toAbsolutePath().normalize();
    this.options = options;
  }

  /**
   * Imports the exports, several at once for WP-CLI's split files ({@code site.wordpress.DATE.N.xml}).
   *
   * @throws ImportException when an export cannot be read; nothing is written then
   */
  public ImportReport run(List<Path> exports) {
    if (exports.isEmpty()) {
      throw new ImportException(List.of(Problem.error("", 0, 0, "no export given: name one or more WXR files (WordPress: Tools → Export)")));
    }
    Index index = new Index();
    List<Problem> fatal = new ArrayList<>();
    for (Path export : exports) {
      try {
        Wxr.read(export, name(export), index);
      } catch (ImportException e) {
        fatal.addAll(e.problems());
      }
    }
    if (!fatal.isEmpty()) {
      throw new ImportException(fatal);
    }
    Writer writer = new Writer(index);
    for (Path export : exports) {
      Wxr.read(export, name(export), writer);
    }
    return writer.finish(exports.stream().map(this::name).toList());
  }

  private String name(Path export) {
    return export.getFileName() == null ? export.toString() : export.getFileName().toString();
  }

  /** What kind of article an item becomes, or why it is skipped. */
  private String disposition(Wxr.Item item) {
    String type = item.type();
    String status = item.status();
    if (!type.equals("post") && !type.equals("page")) {
      return type.isEmpty() ? "untyped" : type;
    }
    if (status.equals("trash") || status.equals("auto-draft") || status.equals("inherit")) {
      return status;
    }
    boolean draft = DRAFT_STATUSES.contains(status);
    if (type.equals("page") && options.pages() == Keep.SKIP) {
      return "page";
    }
    if (draft && options.drafts() == Keep.SKIP) {
      return "draft";
    }
    boolean asDraft = draft || (type.equals("page") && options.pages() == Keep.DRAFT);
    return asDraft ? "+draft" : "+article";
  }

  /** A planned article: its file, URL and title, known before any is written. */
  private record Planned(long id, String file, String url, String title, String section, String lang, String slug, ZonedDateTime date,
      boolean draft) {}

  /** The first pass: every item's metadata, the attachments, the authors. */
  private final class Index implements Wxr.Sink {
    final Map<String, String> authors = new HashMap<>();
    final Map<Long, Shortcodes.Attachment> attachments = new HashMap<>();
    final Map<Long, List<Long>> children = new HashMap<>();
    final Map<Long, Planned> posts = new LinkedHashMap<>();
    final Map<String, Long> byLink = new HashMap<>();
    final Map<String, Planned> byFile = new HashMap<>();
    final Set<String> hosts = new HashSet<>();
    final List<Problem> warnings = new ArrayList<>();
    final Map<String, Integer> skipped = new TreeMap<>();
    String language = "";
    String title = "";
    String link = "";
    int items;
    private final Set<String> urls = new HashSet<>();
    /** Paths of pages Warta writes itself (term lists), by collision key. */
    private final Set<String> reserved = new HashSet<>();
    private String defaultLanguage;

    /** What else the built site puts at a path, or empty when an alias may take it. */
    Optional<String> owner(String path) {
      String key = SitePaths.collisionKey(path);
      SiteConfig.TermPaths paths = config.termPaths();
      Set<String> indexes = Set.of(SiteConfig.TermPaths.index(paths.section(), "/section/"), SiteConfig.TermPaths.index(paths.tag(), "/tag/"),
          SiteConfig.TermPaths.index(paths.author(), "/author/"), "/archive/", "/");
      if (indexes.stream().anyMatch(i -> SitePaths.collisionKey(i).equals(key)) || ARCHIVE_PAGE.matcher(path).matches()) {
        return Optional.of("one of Warta's own list pages");
      }
      if (SEARCH_PAGE.matcher(path).matches()) {
        return Optional.of("its search page"); // WordPress's /search/ shows results of ?s=, Warta's its own
      }
      if (OLD_POST_ID.matcher(path).matches()) {
        return Optional.of("the redirect of an old ?p= link");
      }
      if (reserved.contains(key)) {
        return Optional.of("the list of a section, tag or author");
      }
      if (urls.contains(key)) {
        return Optional.of("another imported article");
      }
      return Optional.empty();
    }

    @Override
    public void channel(String field, String value) {
      switch (field) {
        case "language" -> language = value.strip();
        case "title" -> title = value.strip();
        case "link" -> link = value.strip();
        default -> {
          // other channel fields are not needed
        }
      }
      host(value).ifPresent(hosts::add);
    }

    @Override
    public void author(Wxr.Author author) {
      authors.put(author.login(), author.displayName().isBlank() ? author.login() : author.displayName().strip());
    }

    @Override
    public void item(Wxr.Item item) {
      items++;
      host(item.link()).ifPresent(hosts::add);
      if (item.type().equals("attachment")) {
        attachments.put(item.id(), new Shortcodes.Attachment(item.attachmentUrl().isEmpty() ? item.link() : item.attachmentUrl(),
            item.meta().getOrDefault("_wp_attachment_image_alt", ""), text(item.excerpt())));
        if (item.parent() > 0) {
          children.computeIfAbsent(item.parent(), k -> new ArrayList<>()).add(item.id());
        }
      }
      String d = disposition(item);
      if (item.id() <= 0 && d.startsWith("+")) {
        warnings.add(Problem.warning(item.fileName(), item.line(), 0, "the item '" + title(item)
            + "' has no <wp:post_id>, nor ?p=ID in its link or guid; it is skipped: export it again from WordPress"));
        skipped.merge("no id", 1, Integer::sum);
        return;
      }
      if (!d.startsWith("+")) {
        skipped.merge(d, 1, Integer::sum);
        return;
      }
      if (item.content().isBlank()) {
        warnings.add(Problem.warning(item.fileName(), item.line(), 0, "post " + item.id() + " '" + title(item)
            + "' has no text; it is skipped, as a Warta article needs some"));
        skipped.merge("empty", 1, Integer::sum);
        return;
      }
      if (posts.containsKey(item.id())) {
        warnings.add(Problem.warning(item.fileName(), item.line(), 0, "post " + item.id() + " appears twice; the first one is imported"));
        return;
      }
      plan(item);
    }

    /**
     * The file and URL of a post, fixed as it is read (the channel's language comes before the
     * items), so that only this metadata is kept of it: the body is read again in the second pass.
     */
    private void plan(Wxr.Item item) {
      Optional<ZonedDateTime> date = date(item);
      if (date.isEmpty()) {
        warnings.add(Problem.warning(item.fileName(), item.line(), 0, "post " + item.id() + " '" + title(item)
            + "' has no date in <wp:post_date_gmt> or <wp:post_date>; it is skipped"));
        skipped.merge("undated", 1, Integer::sum);
        return;
      }
      String section = section(item);
      String lang = lang(item);
      String slug = slug(item);
      String folder = "content/" + (section.isEmpty() ? "" : Slugs.termKey(section) + "/") + date.get().getYear() + "/";
      String url = Permalinks.expand(config.permalink(), date.get(), section, lang, slug, defaultLanguage());
      if (byFile.containsKey(folder + slug + ".md") || urls.contains(SitePaths.collisionKey(url))) {
        slug = slug + "-" + item.id();
        url = Permalinks.expand(config.permalink(), date.get(), section, lang, slug, defaultLanguage());
      }
      String file = folder + slug + ".md";
      urls.add(SitePaths.collisionKey(url));
      String headline = title(item);
      if (headline.isEmpty()) {
        headline = "Untitled " + item.id();
        warnings.add(Problem.warning(item.fileName(), item.line(), 0, "post " + item.id() + " has no title; it is written as '" + headline
            + "': give it one in " + file));
      }
      Planned planned = new Planned(item.id(), file, url, headline, section, lang, slug, date.get(), disposition(item).equals("+draft"));
      // the list pages Warta will write for this post's terms, which an old permalink must not take
      SiteConfig.TermPaths paths = config.termPaths();
      if (!section.isEmpty()) {
        reserved.add(SitePaths.collisionKey(SiteConfig.TermPaths.expand(paths.section(), Slugs.termKey(section))));
      }
      List<Wxr.Term> categories = terms(item, "category");
      for (int i = 1; i < categories.size(); i++) {
        reserved.add(SitePaths.collisionKey(SiteConfig.TermPaths.expand(paths.tag(), Slugs.termKey(text(categories.get(i).name())))));
      }
      terms(item, "post_tag").forEach(t -> reserved.add(SitePaths.collisionKey(SiteConfig.TermPaths.expand(paths.tag(), Slugs.termKey(text(t.name()))))));
      if (!item.creator().isEmpty()) {
        String author = authors.getOrDefault(item.creator(), item.creator());
        reserved.add(SitePaths.collisionKey(SiteConfig.TermPaths.expand(paths.author(), Slugs.termKey(author))));
      }
      posts.put(item.id(), planned);
      byFile.put(file, planned);
      linkKey(item.link()).ifPresent(k -> byLink.putIfAbsent(k, item.id()));
      byLink.putIfAbsent("?p=" + item.id(), item.id());
    }

    /** The language of articles without a {@code lang}: the site's, or for a new site the export's. */
    String defaultLanguage() {
      // fixed at the first post: WXR writes the channel's <language> before its items
      if (defaultLanguage == null) {
        defaultLanguage = Files.exists(site.resolve("warta.yml")) || language.isEmpty() ? config.language() : primary(language);
      }
      return defaultLanguage;
    }

    /** The published article a link points to; a draft's is no link the built site can follow. */
    Optional<Cleaner.Target> target(String href) {
      return linkKey(href).map(byLink::get).map(posts::get).filter(p -> !p.draft()).map(p -> new Cleaner.Target(p.file(), p.url(), p.title()));
    }

    /** The key a link to a post is found by: {@code ?p=ID}, or its decoded path with a final slash, on a host of the export. */
    private Optional<String> linkKey(String href) {
      try {
        URI uri = new URI(href.strip());
        if (uri.getHost() != null && !hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
          return Optional.empty();
        }
        String query = uri.getRawQuery();
        if (query != null) {
          for (String part : query.split("&")) {
            if (part.startsWith("p=") || part.startsWith("page_id=")) {
              return Optional.of("?p=" + part.substring(part.indexOf('=') + 1));
            }
          }
        }
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/") || (uri.getHost() == null && !path.startsWith("/"))) {
          return Optional.empty();
        }
        return Optional.of((path.endsWith("/") ? path : path + "/").toLowerCase(Locale.ROOT));
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> host(String url) {
    try {
      URI uri = new URI(url.strip());
      return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String primary(String language) {
    String tag = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = tag.indexOf('-');
    return dash > 0 ? tag.substring(0, dash) : tag;
  }

  /** HTML as the text it shows: entities decoded, tags dropped. */
  private static String text(String html) {
    if (html.indexOf('&') < 0 && html.indexOf('<') < 0) {
      return html.strip(); // most titles and terms: parsing them would give the same
    }
    return Jsoup.parseBodyFragment(html).text().strip();
  }

  private static String title(Wxr.Item item) {
    return WHITE_SPACE.matcher(text(item.title())).replaceAll(" ");
  }

  private Optional<ZonedDateTime> date(Wxr.Item item) {
    return wpDate(item.postDateGmt(), ZoneOffset.UTC)
        .or(() -> wpDate(item.postDate(), options.postDateZone().orElse(config.timeZone())))
        .map(d -> d.withZoneSameInstant(config.timeZone()));
  }

  private static Optional<ZonedDateTime> wpDate(String text, ZoneId zone) {
    if (text.isBlank() || text.startsWith("0000")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.strip(), WP_DATE).atZone(zone));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<Wxr.Term> terms(Wxr.Item item, String domain) {
    // a <category> without domain, as RSS feeds and hand-made exports write it, is a category
    return item.terms().stream().filter(t -> t.domain().equals(domain) || (t.domain().isEmpty() && domain.equals("category"))).toList();
  }

  private static String section(Wxr.Item item) {
    return terms(item, "category").stream().map(t -> text(t.name())).filter(s -> !s.isEmpty()).findFirst().orElse("");
  }

  private String lang(Wxr.Item item) {
    // Polylang files a post's language as a term of the taxonomy 'language'
    return terms(item, "language").stream().map(t -> primary(t.nicename().isEmpty() ? t.name() : t.nicename())).filter(s -> !s.isEmpty())
        .findFirst().orElse("");
  }

  private static String slug(Wxr.Item item) {
    String name = item.name().strip();
    try {
      name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // keep it as written
    }
    if (!Slugs.isSafeSegment(name)) {
      name = Slugs.slugify(name);
    }
    if (name.isEmpty()) {
      name = Slugs.slugify(title(item));
    }
    return name.isEmpty() ? "post-" + item.id() : name;
  }

  /** The second pass: each post cleaned, converted, checked and written. */
  private final class Writer implements Wxr.Sink {
    private final Index index;
    private final Cleaner cleaner;
    private final Markdown markdown = new Markdown();
    private final LossCheck lossCheck;
    private final Map<String, String> recorded;
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final Map<Long, ImportReport.Loss> losses = new ConcurrentSkipListMap<>();
    private final Map<Long, String> keptFiles = new ConcurrentSkipListMap<>();
    private final Set<String> media = new ConcurrentSkipListSet<>();
    private final Set<Long> done = new HashSet<>();
    private final ThreadLocal<Yaml> yaml = ThreadLocal.withInitial(WordPressImport::yaml);
    private final String defaultLanguage;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    // posts are converted on every core, a bounded number at a time, so memory stays that of a few posts
    private final int threads = options.threads();
    private final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "warta-import");
      t.setDaemon(true);
      return t;
    });
    private final Semaphore inFlight = new Semaphore(threads * 4);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Each post's warnings by its place in the export, so the report's order is the export's whatever the threads. */
    private final Map<Long, List<Problem>> problems = new ConcurrentSkipListMap<>();
    private long sequence;

    Writer(Index index) {
      this.index = index;
      List<String> labels = config.readAlsoLabels().values().stream().flatMap(List::stream).distinct().sorted().toList();
      this.cleaner = new Cleaner(labels);
      this.lossCheck = new LossCheck(labels, file -> Optional.ofNullable(index.byFile.get(file)).map(p -> new Cleaner.Target(p.file(), p.url(), p.title())));
      this.recorded = readState();
      this.defaultLanguage = index.defaultLanguage();
    }

    @Override
    public void channel(String field, String value) {
      // read in the first pass
    }

    @Override
    public void author(Wxr.Author author) {
      // read in the first pass
    }

    @Override
    public void item(Wxr.Item item) {
      Planned planned = index.posts.get(item.id());
      if (planned == null || !done.add(item.id()) || !(item.type().equals("post") || item.type().equals("page"))) {
        return;
      }
      long seq = sequence++;
      inFlight.acquireUninterruptibly();
      pool.execute(() -> {
        try {
          if (failure.get() == null) {
            convert(seq, item, planned);
          }
        } catch (RuntimeException | StackOverflowError e) {
          // one post the cleaner or converter cannot handle stops no other: it is reported, not written
          warn(seq, Problem.warning(item.fileName(), item.line(), 0, "post " + item.id() + " '" + planned.title()
              + "' could not be converted (" + e + "); it was not written: fix its HTML in WordPress, or write the article by hand"));
        } catch (Error e) {
          failure.compareAndSet(null, e);
        } finally {
          inFlight.release();
        }
      });
    }

    /** A post may have several warnings (an alias not kept, then a conversion that failed): each is kept. */
    private void warn(long seq, Problem problem) {
      problems.computeIfAbsent(seq, s -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(problem);
    }

    /** One post cleaned, converted, checked and written; on a worker thread. */
    private void convert(long seq, Wxr.Item item, Planned planned) {
      String html = item.content();
      List<Shortcodes.Attachment> children = index.children.getOrDefault(item.id(), List.of()).stream().map(index.attachments::get).toList();
      boolean blocks = Autop.isBlockEditor(html);
      html = Shortcodes.apply(html, id -> Optional.ofNullable(index.attachments.get(id)), children, !blocks);
      html = blocks ? BLOCK_COMMENT.matcher(html).replaceAll("") : Autop.apply(html);
      Element body = cleaner.clean(html, planned.file(), new Cleaner.Context() {
        @Override
        public Optional<Cleaner.Target> post(String href) {
          return index.target(href);
        }

        @Override
        public String media(String url) {
          return Writer.this.media(url);
        }
      });
      LossCheck.Seen expected = LossCheck.Seen.of(body);
      String body1 = markdown.convert(body);
      if (body1.isBlank()) {
        warn(seq, Problem.warning(item.fileName(), item.line(), 0, "post " + item.id() + " '" + planned.title()
            + "' has nothing left to show once cleaned (only scripts, styles or empty wrappers?); it was not written"));
        return;
      }
      LossCheck.Loss loss = lossCheck.check(planned.file(), expected, body1);
      if (!loss.isEmpty()) {
        losses.put(seq, new ImportReport.Loss(item.id(), planned.title(), planned.file(), loss.text(), loss.links(), loss.images(), loss.embeds()));
      }
      String text = "---\n" + yaml.get().dump(frontMatter(seq, item, planned)) + "---\n" + body1;
      write(seq, planned.file(), text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> frontMatter(long seq, Wxr.Item item, Planned p) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("title", p.title());
      fm.put("date", p.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      wpDate(item.modifiedGmt(), ZoneOffset.UTC)
          .or(() -> wpDate(item.modified(), options.postDateZone().orElse(config.timeZone())))
          .map(d -> d.withZoneSameInstant(config.timeZone()))
          .filter(d -> d.isAfter(p.date()))
          .ifPresent(d -> fm.put("updated", d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
      fm.put("slug", p.slug());
      String creator = item.creator();
      if (!creator.isEmpty()) {
        fm.put("authors", List.of(index.authors.getOrDefault(creator, creator)));
      }
      fm.put("section", p.section());
      Set<String> tags = new LinkedHashSet<>();
      List<Wxr.Term> categories = terms(item, "category");
      for (int i = 1; i < categories.size(); i++) {
        tags.add(text(categories.get(i).name()));
      }
      terms(item, "post_tag").forEach(t -> tags.add(text(t.name())));
      tags.remove("");
      if (!tags.isEmpty()) {
        fm.put("tags", new ArrayList<>(tags));
      }
      String summary = text(item.excerpt());
      if (summary.isEmpty()) {
        summary = DESCRIPTION_KEYS.stream().map(k -> item.meta().getOrDefault(k, "").strip()).filter(s -> !s.isEmpty()).findFirst().orElse("");
      }
      if (!summary.isEmpty()) {
        fm.put("summary", WHITE_SPACE.matcher(summary).replaceAll(" "));
      }
      featured(item).ifPresent(a -> {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("src", media(a.url()));
        if (!a.alt().isBlank()) {
          image.put("alt", a.alt().strip());
        }
        fm.put("image", image);
      });
      String lang = p.lang().isEmpty() ? defaultLanguage : p.lang();
      if (!lang.equals(defaultLanguage)) {
        fm.put("lang", lang);
      }
      if (disposition(item).equals("+draft")) {
        fm.put("draft", true);
      }
      alias(item.link(), p.url()).ifPresent(a -> {
        Optional<String> owner = index.owner(a);
        if (owner.isPresent()) {
          warn(seq, Problem.warning(item.fileName(), item.line(), 0, "the old permalink " + a + " of post " + item.id()
              + " is not kept as an alias: the built site has " + owner.get() + " there"));
        } else {
          fm.put("aliases", List.of(a));
        }
      });
      fm.put("wordpress_id", item.id());
      return fm;
    }

    private Optional<Shortcodes.Attachment> featured(Wxr.Item item) {
      try {
        return Optional.ofNullable(index.attachments.get(Long.parseLong(item.meta().getOrDefault("_thumbnail_id", "").strip())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** The old permalink's path, when it is a path of its own (not {@code ?p=ID}) and not the new URL. */
    private Optional<String> alias(String link, String url) {
      try {
        URI uri = new URI(link.strip());
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/") || uri.getRawQuery() != null) {
          return Optional.empty();
        }
        String withSlash = path.endsWith("/") || path.lastIndexOf('.') > path.lastIndexOf('/') ? path : path + "/";
        if (SitePaths.collisionKey(withSlash).equals(SitePaths.collisionKey(url)) || SitePaths.whyUnsafe(withSlash).isPresent()) {
          return Optional.empty();
        }
        return Optional.of(withSlash);
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    }

    /** A media URL as the site shows it: on the media base when one is set and the file is in WordPress's uploads. */
    String media(String url) {
      String shown = url;
      int uploads = url.indexOf("/wp-content/uploads/");
      if (!options.mediaBase().isEmpty() && uploads >= 0 && host(url).map(index.hosts::contains).orElse(url.startsWith("/"))) {
        shown = options.mediaBase() + url.substring(uploads + "/wp-content/uploads/".length());
      }
      if (options.mediaList() && uploads >= 0) {
        media.add(url + "\t" + shown);
      }
      return shown;
    }

    private void write(long seq, String file, byte[] bytes) {
      String digest = digest(bytes);
      Path path = site.resolve(file);
      try {
        if (Files.exists(path)) {
          byte[] old = Files.readAllBytes(path);
          if (java.util.Arrays.equals(old, bytes)) {
            unchanged.incrementAndGet();
            digests.put(file, digest);
            return;
          }
          if (!digest(old).equals(recorded.get(file))) {
            keptFiles.put(seq, file);
            if (recorded.containsKey(file)) {
              digests.put(file, recorded.get(file));
            }
            return;
          }
        }
        writeFile(path, bytes);
        written.incrementAndGet();
        digests.put(file, digest);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
    }

    private Map<String, String> readState() {
      Map<String, String> state = new HashMap<>();
      Path file = site.resolve(STATE);
      if (Files.isRegularFile(file)) {
        try {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.indexOf("  ");
            if (space == 64) {
              state.put(line.substring(space + 2), line.substring(0, space));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
      return state;
    }

    ImportReport finish(List<String> exports) {
      pool.shutdown();
      try {
        if (!pool.awaitTermination(7, TimeUnit.DAYS)) {
          throw new IllegalStateException("the import did not finish");
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the import was interrupted", e);
      }
      Throwable failed = failure.get();
      if (failed instanceof RuntimeException r) {
        throw r;
      } else if (failed instanceof Error e) {
        throw e;
      }
      // a file of an earlier import that this one did not write stays recorded, so its edits stay protected
      recorded.forEach(digests::putIfAbsent);
      List<String> kept = List.copyOf(keptFiles.values());
      List<Problem> warnings = new ArrayList<>(index.warnings);
      problems.values().forEach(warnings::addAll);
      ImportReport report = new ImportReport(exports, index.items, index.posts.size(), written.get(), unchanged.get(), kept.size(),
          index.skipped, List.copyOf(losses.values()), kept, warnings);
      try {
        StringBuilder state = new StringBuilder();
        new TreeMap<>(digests).forEach((file, digest) -> state.append(digest).append("  ").append(file).append('\n'));
        writeFile(site.resolve(STATE), state.toString().getBytes(StandardCharsets.UTF_8));
        writeFile(site.resolve("import/report.json"), report.json().getBytes(StandardCharsets.UTF_8));
        writeFile(site.resolve("import/report.txt"), report.summary().getBytes(StandardCharsets.UTF_8));
        if (options.mediaList()) {
          writeFile(site.resolve("import/media.txt"), (String.join("\n", media) + (media.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        }
        if (!Files.exists(site.resolve("warta.yml"))) {
          writeFile(site.resolve("warta.yml"), siteSettings().getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the import report in " + site.resolve("import"), e);
      }
      return report;
    }

    /** A new site's {@code warta.yml}: the export's title, address and language. */
    private String siteSettings() {
      Map<String, Object> settings = new LinkedHashMap<>();
      if (!index.title.isEmpty()) {
        settings.put("title", text(index.title));
      }
      if (index.link.startsWith("http")) {
        settings.put("baseUrl", index.link.endsWith("/") ? index.link : index.link + "/");
      }
      settings.put("language", defaultLanguage);
      settings.put("timeZone", config.timeZone().getId());
      return yaml.get().dump(settings);
    }
  }

  /** SnakeYAML set up for front matter: block style, Unicode as it is, no folded lines. Not thread-safe: one per thread. */
  private static Yaml yaml() {
    DumperOptions dump = new DumperOptions();
    dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dump.setAllowUnicode(true);
    dump.setWidth(4096);
    dump.setSplitLines(false);
    dump.setIndent(2);
    dump.setIndicatorIndent(0);
    return new Yaml(dump);
  }

  /** Writes through a temporary file in the same folder, so a reader never sees half a file. */
  private static void writeFile(Path path, byte[] bytes) throws IOException {
    Files.createDirectories(path.getParent());
    Path temp = path.resolveSibling("." + path.getFileName() + ".tmp");
    Files.write(temp, bytes);
    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
