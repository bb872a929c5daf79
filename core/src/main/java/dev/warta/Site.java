package dev.warta;

import dev.warta.archive.Archive;
import dev.warta.build.Failure;
import dev.warta.build.Memory;
import dev.warta.build.Outcome;
import dev.warta.build.Pipeline;
import dev.warta.build.Progress;
import dev.warta.build.Refresh;
import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import java.util.function.Supplier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A site folder and how to build it. Immutable: every {@code with}-style call returns a new
 * {@code Site}, so one can be shared and built again (as {@code warta:serve} does). A {@link
 * #warm()} site also keeps what its builds loaded; that memory is its own, never shared with the
 * sites made from it.
 *
 * <pre>{@code
 * Site site = Warta.site(Path.of("archive")).output(Path.of("public")).set("paginate", "30");
 * BuildResult first = site.build();
 * Archive archive = site.load();                 // only load and index, e.g. for a tool
 * }</pre>
 *
 * <p>Settings given here win over {@code warta.yml}, which wins over the defaults.
 */
public final class Site {
  /**
   * The entries of a site folder that a build reads: settings, articles, templates, static files
   * and labels. Anything else in the folder (an output folder, notes) does not change the site.
   */
  public static final java.util.List<String> SOURCES = java.util.List.of("warta.yml", "content", "templates", "static", "i18n");

  private final Path folder;
  private final Optional<Path> output;
  private final Map<String, String> overrides;
  private final int threads;
  private final BuildListener listener;
  private final Optional<Path> cache;
  private final Optional<Memory> memory;

  Site(Path folder) {
    this(folder, Optional.empty(), Map.of(), Runtime.getRuntime().availableProcessors(), BuildListener.SILENT, Optional.empty(), Optional.empty());
  }

  private Site(Path folder, Optional<Path> output, Map<String, String> overrides, int threads, BuildListener listener, Optional<Path> cache,
      Optional<Memory> memory) {
    this.memory = memory;
    this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    this.output = output;
    this.cache = cache;
    this.overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
    this.threads = threads;
    this.listener = listener;
  }

  /**
   * The memory a copy gets: a copy of a warm site is warm too, with a memory of its own, so that
   * two {@code Site} values never share what one of them kept (their builds may differ in output,
   * settings or cache, and each must see only its own last build).
   */
  private Optional<Memory> ownMemory() {
    return memory.map(m -> new Memory());
  }

  /** The site folder. */
  public Path folder() {
    return folder;
  }

  /** The output folder: as set, or {@code public} inside the site folder. */
  public Path output() {
    return output.orElse(folder.resolve("public"));
  }

  /**
   * This site, published to {@code folder}. The folder is Warta's: each build makes it hold the new
   * site exactly, and deletes what the new site does not have.
   */
  public Site output(Path folder) {
    return new Site(this.folder, Optional.of(folder.toAbsolutePath().normalize()), overrides, threads, listener, cache, ownMemory());
  }

  /** This site with a setting that wins over {@code warta.yml}, e.g. {@code set("paginate", "30")}. */
  public Site set(String setting, String value) {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new TreeMap<>(overrides);
    copy.put(setting, value);
    return new Site(folder, output, copy, threads, listener, cache, ownMemory());
  }

  /** This site with several settings, as by {@link #set} one by one. */
  public Site set(Map<String, String> settings) {
    Map<String, String> copy = new TreeMap<>(overrides);
    copy.putAll(settings);
    return new Site(folder, output, copy, threads, listener, cache, ownMemory());
  }

  /** This site served from another base URL. */
  public Site baseUrl(URI baseUrl) {
    return set("baseUrl", baseUrl.toString());
  }

  /** This site with or without draft articles. */
  public Site drafts(boolean drafts) {
    return set("drafts", Boolean.toString(drafts));
  }

  /** This site with or without articles dated after the build time. */
  public Site future(boolean future) {
    return set("future", Boolean.toString(future));
  }

  /**
   * The folder where builds keep what lets the next build skip unchanged pages: as set, or {@code
   * .warta-cache} inside the site folder (a folder for version control to ignore, as Jekyll's
   * {@code .jekyll-cache}). Deleting it only makes the next build render every page.
   */
  public Path cache() {
    return cache.orElse(folder.resolve(".warta-cache"));
  }

  /** This site keeping its build cache in {@code folder}. */
  public Site cache(Path folder) {
    return new Site(this.folder, output, overrides, threads, listener, Optional.of(folder.toAbsolutePath().normalize()), ownMemory());
  }

  /**
   * This site keeping in memory, from one build to the next, what it loaded: the articles, the
   * related index's analysis of each, and the last build's render cache. Each build then reads and
   * analyses only the article files whose size or time changed, and renders only the pages whose
   * inputs changed; its output is the same as a cold build's. For a process that builds the same
   * site again and again, as {@code warta:serve} does. The builds of the returned site must not run
   * at the same time. A site derived from it (by {@code output}, {@code set} and the other
   * with-calls) is warm too, but keeps its own memory, starting empty: make the site complete
   * first, then call {@code warm()}.
   */
  public Site warm() {
    return new Site(folder, output, overrides, threads, listener, cache, Optional.of(new Memory()));
  }

  /**
   * For a {@link #warm()} site that was built: shows edited article files at once. Each is put in
   * the last build's archive in its place, and the pages that show it are rendered again: its own,
   * its neighbours' and translations', the list pages it is on (every page of a tag's or author's
   * list it joined or left), the indexes of terms, and the articles whose related lists may hold
   * it. Those whose content changed are written over their files. Returns their URLs, the
   * articles' own first; none for a file with errors, a new article, or one whose title, date,
   * URL, section, language, translation key or draft state changed, as these move it in the
   * archive. The related lists are the last build's: an edit changes what every list is ranked
   * by. For {@code warta:serve}, which shows an edit this way within a moment, then builds in
   * full: only that build makes the whole site exact again. The search index is not written here:
   * until that build it stays as the last build made it (all its files from one build, so a query
   * finds the article as it was), and the full build makes it the same, file for file, as a clean
   * build's. The problems found on the way (an
   * edit with an error, a page that cannot be written) go to the {@link #listener listener}.
   */
  public java.util.List<String> refresh(java.util.Collection<Path> changedFiles) {
    return memory.map(m -> new Refresh(folder, m, progress()).run(output(), changedFiles)).orElse(java.util.List.of());
  }

  /** This site built as if at {@code time}: fixes "now" for future articles and the news sitemap. */
  public Site buildTime(Instant time) {
    return set("buildTime", time.toString());
  }

  /** This site built with {@code threads} threads (at least 1); the output is the same whatever the count. */
  public Site threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    return new Site(folder, output, overrides, threads, listener, cache, ownMemory());
  }

  /** This site reporting progress to {@code listener}. */
  public Site listener(BuildListener listener) {
    return new Site(folder, output, overrides, threads, Objects.requireNonNull(listener, "listener"), cache, ownMemory());
  }

  /**
   * Builds the site into the output folder. The previous output stays intact until the new site is
   * complete; then only the files whose bytes changed are replaced, and pages whose inputs did not
   * change are not even rendered (see the README's "Rebuilds").
   *
   * @throws BuildException listing every problem when there is any error; nothing is written then
   */
  public BuildResult build() {
    return result(run(() -> pipeline().cache(cache()).memory(memory).run(Optional.of(output()))));
  }

  /**
   * Loads, renders and validates everything (front matter, links, read also lines, templates)
   * without writing a file.
   *
   * @throws BuildException listing every problem when there is any error
   */
  public BuildResult check() {
    return result(run(() -> pipeline().memory(memory).run(Optional.empty())));
  }

  /**
   * Loads and indexes the archive without rendering: for tools that only want articles, terms and
   * periods. No related index is built (the archive holds no related lists), and nothing is
   * written, not even to the build cache.
   *
   * @throws BuildException when the content has errors
   */
  public Archive load() {
    return run(() -> pipeline().archive());
  }

  /** The settings this site would be built with. */
  public SiteConfig config() {
    return run(() -> pipeline().config());
  }

  private Pipeline pipeline() {
    return new Pipeline(folder, overrides, threads, progress());
  }

  /** The listener, as the orchestration hears it. */
  private Progress progress() {
    return new Progress() {
      @Override
      public void stageStarted(String stage) {
        listener.stageStarted(stage);
      }

      @Override
      public void stageFinished(String stage, int count, long millis) {
        listener.stageFinished(stage, count, millis);
      }

      @Override
      public void stageAdvanced(String stage, int done, int total, long millis) {
        listener.stageAdvanced(stage, done, total, millis);
      }

      @Override
      public void problem(Problem problem) {
        listener.problem(problem);
      }
    };
  }

  /** Runs a step of the pipeline, its failure turned into the facade's exception. */
  private static <T> T run(Supplier<T> step) {
    try {
      return step.get();
    } catch (Failure f) {
      throw new BuildException(f.problems());
    }
  }

  private static BuildResult result(Outcome o) {
    return new BuildResult(o.output(), o.articles(), o.pagesWritten(), o.pagesUnchanged(), o.pagesRendered(), o.warnings(), o.stageMillis());
  }
}
