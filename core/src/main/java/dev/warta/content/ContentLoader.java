package dev.warta.content;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import dev.warta.internal.TextFiles;
import dev.warta.internal.WorkCounts;
import dev.warta.markdown.MarkdownRenderer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import dev.warta.internal.Meter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;

/**
 * Finds and reads every article of a site.
 *
 * <p>Files are listed, sorted by path (so nothing depends on the order the file system lists them
 * in), then read in parallel; results and problems are gathered in path order. Files and folders
 * whose names start with {@code .} or {@code _} are not articles (as in Jekyll), except Jekyll's
 * {@code _posts} folders. Symbolic links are not followed when they lead outside the site folder:
 * they get a warning.
 */
public final class ContentLoader {
  /** The folder of articles inside a site folder. */
  public static final String CONTENT = "content";

  /** Files larger than this are refused: no article is 16 MiB of text. */
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private final SiteConfig config;
  private final Path siteDir;
  private final SummaryCache summaries;
  /** Whether rendering will not need an article's body, by its source and its file's size and time. */
  private java.util.function.BiPredicate<String, Bodies.Stamp> bodyNotNeeded = (source, stamp) -> false;

  /** A loader for the site in {@code siteDir}. */
  public ContentLoader(SiteConfig config, Path siteDir) {
    this(config, siteDir, SummaryCache.none());
  }

  /** A loader for the site in {@code siteDir} that takes the summaries it knows from {@code summaries}. */
  public ContentLoader(SiteConfig config, Path siteDir, SummaryCache summaries) {
    this.config = config;
    this.siteDir = siteDir.toAbsolutePath().normalize();
    this.summaries = summaries;
  }

  /**
   * This loader keeping no body for rendering when {@code notNeeded} says, for an article's source
   * and its file's size and time, that rendering will not ask for it (the previous build rendered
   * that file unchanged); rendering reads it again in the rare case it does.
   */
  public ContentLoader bodiesNotNeeded(java.util.function.BiPredicate<String, Bodies.Stamp> notNeeded) {
    this.bodyNotNeeded = notNeeded;
    return this;
  }

  /**
   * The articles read, in path order; how many drafts and future articles were left out, and when
   * the first of those future articles is due (from then on a build would publish it); the bodies.
   */
  public record Loaded(List<Article> articles, int skippedDrafts, int skippedFuture, Optional<Instant> firstFuture, Bodies bodies) {}

  /**
   * What a previous load read, for a process that loads the same site again and again: a file whose
   * size and modification time did not change is not read again. Thread-safe.
   */
  public static final class Memo {
    private record Remembered(long size, long modified, Optional<Article> article, List<Problem> problems) {}

    private final Map<Path, Remembered> files = new ConcurrentHashMap<>();
    private volatile Object settings;

    /** Forgets everything when the settings that reading an article depends on have changed. */
    void settings(SiteConfig config) {
      Object now = List.of(config.timeZone(), config.language(), config.readAlsoLabels());
      if (!now.equals(settings)) {
        files.clear();
        settings = now;
      }
    }
  }

  /**
   * Reads all articles: those that changed since {@code memo} saw them from their files, the
   * others from the memo (a new memo reads every file).
   *
   * @param pool where files are read in parallel
   * @param memo what earlier loads read; updated with what this one reads
   * @param analysed whether the caller still holds what {@code bodies} gave it for an article (by
   *     source path); an unchanged article it does not hold is read again and given to {@code
   *     bodies}
   * @param bodies receives each article read from its file with its Markdown body, once, possibly
   *     from several threads at a time
   * @param problems where problems go (the list is only touched by the calling thread)
   * @param meters the meter counting the files read, given their number
   */
  public Loaded load(ForkJoinPool pool, Memo memo, java.util.function.Predicate<String> analysed, BiConsumer<Article, String> bodies,
      List<Problem> problems, java.util.function.IntFunction<Meter> meters) {
    memo.settings(config);
    Map<Path, BasicFileAttributes> stamps = new ConcurrentHashMap<>();
    List<Path> files = list(problems, stamps);
    memo.files.keySet().retainAll(new java.util.HashSet<>(files));
    List<ArticleReader.Result> results;
    ArticleReader reader = new ArticleReader(config, summaries);
    Meter meter = meters.apply(files.size());
    try {
      results = meter.await(pool.submit(() -> files.parallelStream().map(f -> {
        meter.add();
        BasicFileAttributes stamp = stamps.get(f);
        Memo.Remembered known = memo.files.get(f);
        if (known != null && stamp != null && known.size() == stamp.size() && known.modified() == modified(stamp)
            && known.article().map(a -> analysed.test(a.source())).orElse(true)) {
          return new ArticleReader.Result(known.article(), null, known.problems());
        }
        ArticleReader.Result result = readOne(reader, f, stamp);
        if (stamp != null) {
          memo.files.put(f, new Memo.Remembered(stamp.size(), modified(stamp), result.article(), result.problems()));
        }
        return result;
      }).toList()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading content", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    List<Article> articles = new ArrayList<>();
    int drafts = 0;
    int future = 0;
    Optional<Instant> firstFuture = Optional.empty();
    List<ArticleReader.Result> kept = new ArrayList<>();
    Bodies texts = new Bodies();
    for (int i = 0; i < results.size(); i++) {
      ArticleReader.Result result = results.get(i);
      problems.addAll(result.problems());
      if (result.article().isEmpty()) {
        continue;
      }
      Article a = result.article().get();
      if (a.draft() && !config.drafts()) {
        drafts++;
      } else if (a.date().toInstant().isAfter(config.buildTime()) && !config.future()) {
        future++;
        Instant at = a.date().toInstant();
        firstFuture = firstFuture.filter(f -> !f.isAfter(at)).or(() -> Optional.of(at));
      } else {
        articles.add(a);
        BasicFileAttributes stamp = stamps.get(files.get(i));
        if (result.body() != null) {
          kept.add(result);
        }
        if (stamp != null && result.body() != null && !bodyNotNeeded.test(a.source(), Bodies.stamp(stamp))) {
          texts.keep(a, stamp, result.body());
        } else if (stamp != null) {
          // an article the memo knew, or one the previous build rendered unchanged: rendering asks
          // its file's size and time, which the listing gave, and seldom its body
          texts.stamped(a, stamp);
        }
      }
    }
    try {
      pool.submit(() -> kept.parallelStream().forEach(r -> bodies.accept(r.article().get(), r.body()))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading content", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    return new Loaded(List.copyOf(articles), drafts, future, firstFuture, texts);
  }

  private static long modified(BasicFileAttributes attributes) {
    return attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /**
   * Reads one article file again, as a full load would: its article, or empty when it has errors
   * (added to {@code problems}) or is not an article file of the site.
   */
  public Optional<Article> reread(Path file, List<Problem> problems) {
    Path absolute = file.toAbsolutePath().normalize();
    Path content = siteDir.resolve(CONTENT);
    if (!absolute.startsWith(content) || !isArticlePath(content.relativize(absolute)) || !loadReads(absolute, content)) {
      return Optional.empty();
    }
    ArticleReader.Result result = readOne(new ArticleReader(config), absolute, null);
    problems.addAll(result.problems());
    return result.problems().stream().anyMatch(Problem::isError) ? Optional.empty() : result.article();
  }

  /**
   * Whether a full load reads this file, by the links on its way: a load enters no linked folder,
   * and reads a linked file only when it leads to a file inside the site folder.
   */
  private boolean loadReads(Path file, Path content) {
    for (Path folder = file.getParent(); !folder.equals(content); folder = folder.getParent()) {
      if (Files.isSymbolicLink(folder)) {
        return false;
      }
    }
    return Files.isSymbolicLink(file) ? linked(file, new ArrayList<>()).isPresent() : Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }

  /** Reads an article file; its size is the listing's ({@code stamp}) when there is one, so the file is not asked again. */
  private ArticleReader.Result readOne(ArticleReader reader, Path file, BasicFileAttributes stamp) {
    String source = relative(file);
    try {
      long size;
      if (stamp != null) {
        size = stamp.size();
      } else {
        WorkCounts.stat();
        size = Files.size(file);
      }
      if (size > MAX_FILE_BYTES) {
        return failed(source, "the file is " + (size >> 20) + " MiB; an article may be at most " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      String text = TextFiles.decode(Files.readAllBytes(file));
      WorkCounts.read();
      return reader.read(source, file, text);
    } catch (CharacterCodingException e) {
      return failed(source, "the file is not valid UTF-8 text; save it as UTF-8 (or remove it if it is not an article)");
    } catch (StackOverflowError e) {
      // flexmark and regular expressions recurse per nesting level: thousands of '*' or '[' in a row
      // must fail this file, not the whole build with an unexplained error
      return failed(source, MarkdownRenderer.TOO_DEEP);
    } catch (IOException e) {
      return failed(source, "cannot read the file: " + e.getMessage());
    }
  }

  private static ArticleReader.Result failed(String source, String message) {
    return new ArticleReader.Result(Optional.empty(), "", List.of(Problem.error(source, 0, 0, message)));
  }

  /** The site-relative path in NFC, so names written in NFD (as macOS does) match links written in NFC. */
  private String relative(Path file) {
    String path = siteDir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    return java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC);
  }

  private List<Path> list(List<Problem> problems, Map<Path, BasicFileAttributes> stamps) {
    Path content = siteDir.resolve(CONTENT);
    if (!Files.isDirectory(content)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(content, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(content) && !isContentFolder(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
            problems.add(Problem.warning(relative(file), 0, 0, "symbolic link to a folder is not followed; move or copy the folder into content/ instead"));
            return FileVisitResult.CONTINUE;
          }
          if (!isArticleName(file.getFileName().toString())) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isSymbolicLink()) {
            linked(file, problems).ifPresent(files::add);
          } else if (attrs.isRegularFile()) {
            WorkCounts.stat();
            files.add(file);
            stamps.put(file, attrs);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          problems.add(Problem.error(relative(file), 0, 0, "cannot read: " + e.getMessage()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(Problem.error(CONTENT, 0, 0, "cannot list the folder: " + e.getMessage()));
    }
    // each file's key once: relative() normalises the path, too costly to repeat in every comparison
    Map<Path, String> keys = new HashMap<>();
    for (Path file : files) {
      keys.put(file, relative(file));
    }
    files.sort(Comparator.comparing(keys::get));
    return files;
  }

  /**
   * Whether a path inside {@code content/} names an article file: a full load reads it, and a
   * refresh may read it again. Every folder on the way must be one a load enters.
   */
  static boolean isArticlePath(Path relativeToContent) {
    int folders = relativeToContent.getNameCount() - 1;
    for (int i = 0; i < folders; i++) {
      if (!isContentFolder(relativeToContent.getName(i).toString())) {
        return false;
      }
    }
    return isArticleName(relativeToContent.getFileName().toString());
  }

  /** Folders named with a leading {@code .} or {@code _} hold no articles, Jekyll's {@code _posts} excepted. */
  private static boolean isContentFolder(String name) {
    return !name.startsWith(".") && (!name.startsWith("_") || name.equals("_posts"));
  }

  /** Markdown files, but for those named with a leading {@code .} or {@code _} (as in Jekyll). */
  private static boolean isArticleName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && !name.startsWith("_") && (lower.endsWith(".md") || lower.endsWith(".markdown"));
  }

  /** A linked file is read only when its target lies inside the site folder. */
  private Optional<Path> linked(Path link, List<Problem> problems) {
    try {
      Path target = link.toRealPath();
      if (target.startsWith(siteDir.toRealPath()) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(link);
      }
      problems.add(Problem.warning(relative(link), 0, 0, "symbolic link to a file outside the site folder is not followed; copy the file into content/ instead"));
    } catch (IOException e) {
      problems.add(Problem.warning(relative(link), 0, 0, "broken symbolic link is skipped"));
    }
    return Optional.empty();
  }
}
