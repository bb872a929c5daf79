package dev.warta.build;

import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.config.ConfigReader;
import dev.warta.content.Bodies;
import dev.warta.content.ContentLoader;
import dev.warta.content.SummaryCache;
import dev.warta.internal.CacheData;
import dev.warta.internal.Inputs;
import dev.warta.internal.Meter;
import dev.warta.publish.CacheFiles;
import dev.warta.publish.GeneratedFiles;
import dev.warta.publish.Output;
import dev.warta.related.RelatedDocument;
import dev.warta.related.RelatedIndex;
import dev.warta.publish.StaticFiles;
import dev.warta.render.Page;
import dev.warta.render.Plan;
import dev.warta.render.RenderCache;
import dev.warta.render.SiteRenderer;
import dev.warta.search.SearchDocument;
import dev.warta.search.SearchIndex;
import dev.warta.shared.Problem;
import dev.warta.shared.RelatedSettings;
import dev.warta.shared.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * One run of the pipeline: load → index → related → render → publish. Each stage is timed and
 * reported to the listener; problems of all stages are gathered and reported together.
 *
 * <p>The facade ({@code dev.warta.Site}) makes one per build and turns its {@link Outcome} or
 * {@link Failure} into the public {@code BuildResult} or {@code BuildException}: this package
 * knows nothing of the facade, so that the dependencies run one way.
 */
public final class Pipeline {
  private final Path siteDir;
  private final Map<String, String> overrides;
  private final int threads;
  private final Progress listener;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private Optional<Path> cacheFolder = Optional.empty();
  private Optional<Memory> memory = Optional.empty();
  /** The search index's words of every article, filled while loading. */
  private SearchIndex.Builder search;

  /** A run over the site folder {@code siteDir}, with settings that win over its {@code warta.yml}. */
  public Pipeline(Path siteDir, Map<String, String> overrides, int threads, Progress listener) {
    this.siteDir = siteDir;
    this.overrides = overrides;
    this.threads = threads;
    this.listener = listener;
  }

  /** The settings the site would be built with. @throws Failure when they have errors */
  public SiteConfig config() {
    SiteConfig config = ConfigReader.read(siteDir, overrides, problems);
    failOnErrors();
    return config;
  }

  /**
   * The loaded archive and what rendering needs to link its articles, and when the first future
   * article left out falls due.
   */
  record Loaded(SiteConfig config, Archive archive, RelatedLinks links, Optional<java.time.Instant> firstFuture) {}

  /** What every page depends on besides its model ({@link Inputs#rendering}), taken when loading. */
  private byte[] inputs;

  /** What the previous build rendered, as {@link #load} found it. */
  private RenderCache previous;

  /** The bodies the load read, for rendering: each article file is read once per build. */
  private Bodies bodies = Bodies.fromFiles();

  /** The file in the cache folder holding the related index's analysis of every article. */
  static final String ANALYSES = "related-analyses";

  /** The file in the cache folder holding the summaries of the articles. */
  static final String SUMMARIES = "summaries";

  /**
   * Related lists are computed with a few more links than shown, so that dropping the articles a
   * body already links to still leaves a full list without a second, slower query.
   */
  static final int SPARE_LINKS = 5;

  private static RelatedSettings relatedSettings(SiteConfig.Related r) {
    return r.scoring().withCount(r.scoring().count() + SPARE_LINKS);
  }

  /**
   * Loads and indexes the archive without rendering, for tools that only want articles and terms.
   *
   * @throws Failure when the content has errors
   */
  public Archive archive() {
    long start = System.nanoTime();
    SiteConfig config = startLoading();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // no related lists are asked for, so no article is analysed and no body is kept
      ContentLoader.Loaded loaded =
          new ContentLoader(config, siteDir).load(pool, new ContentLoader.Memo(), source -> true, (article, body) -> {}, problems, this::meter);
      finish("load", loaded.articles().size(), start);
      Archive archive = index(config, loaded);
      failOnErrors();
      return archive;
    } finally {
      pool.shutdown();
    }
  }

  /** The first step of loading: the settings, or a failure listing their errors. */
  private SiteConfig startLoading() {
    listener.stageStarted("load");
    return config();
  }

  /** The index stage: the archive of the articles loaded. */
  private Archive index(SiteConfig config, ContentLoader.Loaded loaded) {
    long start = System.nanoTime();
    listener.stageStarted("index");
    Archive archive = Archive.build(config, loaded.articles(), problems);
    finish("index", archive.entries().size(), start);
    return archive;
  }

  /**
   * Loads the archive, with what the previous build rendered: given the inputs of this build's
   * pages, {@code previousFor} gives it, and the load keeps no body of a file it rendered unchanged.
   */
  Loaded load(java.util.function.Function<byte[], RenderCache> previousFor) {
    long start = System.nanoTime();
    SiteConfig config = startLoading();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      RelatedSettings settings = relatedSettings(config.related());
      RelatedIndex.Builder related = memory.map(m -> m.related(settings)).orElseGet(() -> RelatedIndex.builder(settings));
      // a process's first build takes the analyses the last one saved; a warm builder has its own
      Optional<Path> analyses = related.isEmpty() ? cacheFolder.map(folder -> folder.resolve(ANALYSES)) : Optional.empty();
      Optional<Path> summariesFile = analyses.map(file -> file.resolveSibling(SUMMARIES));
      byte[] key = Inputs.reading(siteDir, overrides);
      inputs = Inputs.rendering(key, siteDir);
      RenderCache before = previousFor.apply(inputs);
      previous = before;
      analyses.ifPresent(file -> related.restore(file, key));
      SummaryCache summaries = summariesFile.map(file -> SummaryCache.read(file, key)).orElse(SummaryCache.none());
      ContentLoader.Memo memo = memory.map(m -> m.articles).orElseGet(ContentLoader.Memo::new);
      ContentLoader.Loaded loaded;
      try {
        SearchIndex.Builder words = memory.map(Memory::search).orElseGet(SearchIndex::builder);
        boolean searching = config.search();
        search = words;
        loaded = new ContentLoader(config, siteDir, summaries)
            .bodiesNotNeeded((source, stamp) -> before.renderedFrom(source, stamp.size(), stamp.modified())).load(pool, memo,
            source -> related.contains(source) && (!searching || words.contains(source)), (article, body) -> {
              // one analysis for both indexes; search analyses alone an article related did not
              // analyse now (restored from the cache, or unchanged in a warm builder)
              boolean shared = related.put(new RelatedDocument(article.source(), article.lang(), article.title(), body, article.tags(),
                  article.section(), article.date().toInstant()), searching ? words.words(article.source(), article.lang()) : null);
              if (searching && !shared) {
                words.put(article.source(), article.lang(), article.title(), body);
              }
            }, problems, this::meter);
      } catch (RuntimeException e) {
        memory.ifPresent(Memory::forgetRelated);
        throw e;
      }
      bodies = loaded.bodies();
      // an article deleted, or now a draft, leaves the index
      Set<String> sources = loaded.articles().stream().map(a -> a.source()).collect(java.util.stream.Collectors.toSet());
      related.retain(sources);
      search.retain(sources);
      finish("load", loaded.articles().size(), start);

      Archive archive = index(config, loaded);

      start = System.nanoTime();
      listener.stageStarted("related");
      // in the build's pool: the index's parallel streams then use the build's threads, not the JVM's common pool
      RelatedLinks links = inPool(pool, () -> new RelatedLinks(archive, related.build(), problems));
      if (analyses.isPresent() && !related.sameAsRestored()) {
        save(related.saved(key), analyses.get(), "the next build makes it again");
      }
      if (summariesFile.isPresent() && summaries.changed()) {
        save(summaries.saved(key), summariesFile.get(), "the next build makes it again");
      }
      related.forgetRestored();
      finish("related", archive.entries().size(), start);
      return new Loaded(config, archive, links, loaded.firstFuture());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Runs {@code task} in {@code pool}, so that the parallel streams it starts run on the pool's
   * threads; an I/O error of the task comes out as an {@link UncheckedIOException}.
   */
  private static <T> T inPool(ForkJoinPool pool, java.util.concurrent.Callable<T> task) {
    try {
      return pool.submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the build was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Writes a file of the cache folder for the next build; one that cannot be written is a warning
   * ending with {@code cost}, since it costs the next build time, not this one its output. What
   * loading made (the related analyses, the summaries) holds for any output, so it is saved even
   * if this build fails later.
   */
  private void save(CacheData.Snapshot snapshot, Path file, String cost) {
    try {
      CacheFiles.write(file, snapshot);
    } catch (IOException e) {
      problems.add(Problem.warning("", 0, 0, "cannot write the build cache " + file + ": " + e.getMessage() + "; " + cost));
    }
  }

  /**
   * Builds the site into {@code outputDir}, or only checks it when empty.
   *
   * @throws Failure listing every problem when there is any error; nothing is written then
   */
  public Outcome run(Optional<Path> outputDir) {
    Optional<Path> cacheFile = outputDir.flatMap(dir -> cacheFolder.map(folder -> RenderCache.fileFor(folder, dir)));
    // a warm site (serve) keeps what it loaded in memory for the next refresh, so it always loads
    Optional<Path> lastFile = outputDir.filter(dir -> memory.isEmpty()).flatMap(dir -> cacheFolder.map(folder -> Unchanged.fileFor(folder, dir)));
    Optional<byte[]> sources = Optional.empty();
    if (lastFile.isPresent()) {
      long start = System.nanoTime();
      SiteConfig config = config();
      sources = sources(outputDir.get());
      Optional<Outcome> same = sources.flatMap(s -> unchanged(lastFile.get(), s, config, outputDir.get(), start));
      if (same.isPresent()) {
        return same.get();
      }
    }
    Loaded loaded = load(key -> previousCache(outputDir, cacheFile, key));
    Archive archive = loaded.archive();

    long start = System.nanoTime();
    Map<String, byte[]> searchFiles = Map.of();
    if (archive.config().search()) {
      listener.stageStarted("search");
      searchFiles = searchFiles(archive);
      if (memory.isEmpty()) {
        // every article's words are in the files now; a cold build must not carry them through
        // render (about 15 million strings at 100,000 articles), only a warm site needs them again
        search = null;
      }
      finish("search", searchFiles.size(), start);
      start = System.nanoTime();
    }
    listener.stageStarted("render");
    Plan plan = Plan.of(archive, problems);
    Map<String, Supplier<byte[]>> statics = StaticFiles.of(siteDir, problems);
    Map<String, Supplier<byte[]>> files = StaticFiles.besidePages(statics, plan, problems);
    RenderCache next = RenderCache.empty(inputs);
    SiteRenderer renderer = SiteRenderer.create(siteDir, archive, loaded.links(), bodies, problems, previous, next);
    // feeds, sitemaps and robots.txt: made from the plan while the pages render (the sitemaps are
    // made whole at once, a second of one thread at 100,000 articles), written with the static files
    List<Problem> generatedProblems = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.FutureTask<Map<String, Supplier<byte[]>>> generated =
        new java.util.concurrent.FutureTask<>(() -> GeneratedFiles.of(archive, plan, renderer, statics, generatedProblems));
    if (archive.config().related().report()) {
      if (files.containsKey("/related.json")) {
        problems.add(Problem.error("static/related.json", 0, 0, "the related report is written at /related.json; rename this file or turn related.report off"));
      }
      files.put("/related.json", () -> dev.warta.internal.Json.pretty(loaded.links().report()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    searchFiles.forEach((url, bytes) -> {
      if (files.containsKey(url)) {
        problems.add(Problem.error("static" + url, 0, 0, "the search index is written at " + url + "; rename this file or set search: false"));
      }
      files.put(url, () -> bytes);
    });
    boolean failing = problems.stream().anyMatch(Problem::isError);
    Output output;
    try {
      output = failing || outputDir.isEmpty() ? Output.discard() : Output.open(outputDir.get());
    } catch (Output.ForeignFolderException e) {
      problems.add(Problem.error("", 0, 0, e.getMessage()));
      throw failure();
    } catch (IOException e) {
      problems.add(Problem.error("", 0, 0, "cannot prepare the output folder: " + e.getMessage()));
      throw failure();
    }
    try (output) {
      ConcurrentLinkedQueue<Problem> renderProblems = new ConcurrentLinkedQueue<>();
      Meter meter = Meter.of(plan.pages().size(), (done, total, millis) -> listener.stageAdvanced("render", done, total, millis));
      java.util.concurrent.atomic.AtomicInteger renderedCount = new java.util.concurrent.atomic.AtomicInteger();
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        pool.execute(generated);
        meter.await(pool.submit(() -> plan.pages().parallelStream().forEach(page -> {
          meter.add();
          List<Problem> local = new ArrayList<>();
          if (outputDir.isEmpty()) {
            // a check keeps nothing for a next build: no fingerprints, no cache entries
            output.write(page.url(), renderer.check(page, local));
            renderedCount.incrementAndGet();
          } else if (renderOrKeep(page, renderer, output, previous, next, local)) {
            renderedCount.incrementAndGet();
          }
          renderProblems.addAll(local);
        })));
        files.putAll(generated.get());
        problems.addAll(generatedProblems);
        pool.submit(() -> files.entrySet().parallelStream().forEach(e -> output.write(e.getKey(), e.getValue().get()))).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the build was interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UncheckedIOException io) {
          problems.add(Problem.error("", 0, 0, "cannot write the site: " + io.getMessage() + "; the previous output is left as it was"));
          throw failure();
        }
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } finally {
        pool.shutdown();
        // after a failed write the stream's other tasks still run: they must end before close()
        // deletes the staging folder, or they create folders in it again and leave it behind
        try {
          pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      problems.addAll(renderProblems);
      finish("render", plan.pages().size() + files.size(), start);

      start = System.nanoTime();
      listener.stageStarted("publish");
      failOnErrors();
      if (outputDir.isPresent()) {
        commit(output, previous, next, cacheFile);
        memory.ifPresent(m -> m.built(outputDir.get(), loaded, plan));
        if (lastFile.isPresent() && sources.isPresent()) {
          remember(lastFile.get(), sources.get(), loaded, outputDir.get(), output.changed() + output.unchanged());
        }
      } else {
        output.commit();
      }
      finish("publish", output.changed() + output.unchanged(), start);
      List<Problem> warnings = distinct().stream().filter(p -> !p.isError()).toList();
      return new Outcome(outputDir.orElse(Path.of("")), archive.entries().size(), output.changed(), output.unchanged(), renderedCount.get(), warnings, timings);
    } catch (Output.UnfinishedCommitException e) {
      problems.add(Problem.error("", 0, 0, "cannot publish the site: " + e.getMessage()));
      throw failure();
    } catch (IOException e) {
      problems.add(Problem.error("", 0, 0, "cannot publish the site: " + e.getMessage() + "; the previous output is left as it was"));
      throw failure();
    }
  }

  /** The digest of what a build into {@code output} reads ({@link Unchanged#sources}); empty when the site folder cannot be listed. */
  private Optional<byte[]> sources(Path output) {
    try {
      return Optional.of(withPool(pool -> Unchanged.sources(Inputs.rendering(Inputs.reading(siteDir, overrides), siteDir), siteDir, output,
          cacheFolder, pool)));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty(); // the load reports what cannot be read
    }
  }

  /** What a listing does, in a pool of the build's threads. */
  private interface Listed {
    byte[] in(ForkJoinPool pool) throws IOException;
  }

  private byte[] withPool(Listed listed) throws IOException {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return listed.in(pool);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The outcome of a build that has nothing to do, when the last build into {@code output} read
   * the same {@code sources}, its pages still hold at this build's time, and the output is as it
   * left it: that build's counts and warnings, nothing written.
   */
  private Optional<Outcome> unchanged(Path file, byte[] sources, SiteConfig config, Path output, long start) {
    Optional<Unchanged.Last> last = Unchanged.read(file).filter(l -> l.holdsFor(sources, config.buildTime().toEpochMilli(), Output.builtBy(output)));
    if (last.isEmpty() || !Output.settled(output)) {
      return Optional.empty();
    }
    try {
      if (!Arrays.equals(withPool(pool -> Unchanged.output(output, pool)), last.get().output())) {
        return Optional.empty();
      }
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
    Unchanged.Last l = last.get();
    finish("unchanged", l.files(), start);
    return Optional.of(new Outcome(output, l.articles(), 0, l.files(), 0, l.warnings(), timings));
  }

  /** Records this build for the next one ({@link Unchanged}); a record that cannot be made costs the next build time only. */
  private void remember(Path file, byte[] sources, Loaded loaded, Path output, int files) {
    try {
      long validUntil = Unchanged.validUntil(loaded.config(), loaded.archive(), loaded.firstFuture());
      List<Problem> warnings = distinct().stream().filter(p -> !p.isError()).toList();
      save(new Unchanged.Last(sources, Output.builtBy(output), loaded.config().buildTime().toEpochMilli(), validUntil, withPool(pool -> Unchanged.output(output, pool)),
          loaded.archive().entries().size(), files, warnings).saved(), file, "the next build loads the site even if nothing changed");
    } catch (IOException | UncheckedIOException e) {
      problems.add(Problem.warning("", 0, 0, "cannot list the output " + output + " for the build cache: " + e.getMessage()
          + "; the next build loads the site even if nothing changed"));
    }
  }

  /** The search index of every article: what a result shows, from the archive; the words, from loading. */
  private Map<String, byte[]> searchFiles(Archive archive) {
    List<SearchDocument> documents = new ArrayList<>();
    for (Entry e : archive.entries()) {
      var a = e.article();
      documents.add(new SearchDocument(a.source(), e.url(), a.title(), a.date().toLocalDate(), a.section(), a.summary()));
    }
    return search.files(documents);
  }

  /**
   * Renders a page, or keeps the previous build's file when the page's fingerprint shows that
   * nothing it is made of changed; records it in {@code next} either way. Returns whether the page
   * was rendered. Problems go to {@code problems}: a kept page's warnings are those of its last
   * rendering, since a build reports all of them, every time.
   */
  private static boolean renderOrKeep(Page page, SiteRenderer renderer, Output output, RenderCache previous, RenderCache next, List<Problem> problems) {
    Optional<RenderCache.PageEntry> before = previous.page(page.url());
    SiteRenderer.Rendered rendered = renderer.render(page, problems, fingerprint -> before
        .filter(b -> Arrays.equals(b.fingerprint(), fingerprint)).map(b -> output.keep(page.url(), b.size())).orElse(false));
    if (rendered.kept()) {
      problems.addAll(before.get().warnings());
      next.put(page.url(), before.get());
      return false;
    }
    output.write(page.url(), rendered.bytes());
    next.put(page.url(), new RenderCache.PageEntry(rendered.fingerprint(), rendered.bytes().length,
        problems.stream().filter(p -> !p.isError()).toList()));
    return true;
  }

  /**
   * Publishes the output under the id of the pages it holds, then keeps the cache that describes it,
   * in memory and on disk. A cache that cannot be written costs the next build time, not this one
   * its site.
   */
  private void commit(Output output, RenderCache previous, RenderCache next, Optional<Path> cacheFile) throws IOException {
    String buildId = next.id();
    // in a pool of the build's threads: the commit's parallel streams (hard links, deletions) then
    // use those, not the JVM's common pool
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      inPool(pool, () -> {
        output.commit(buildId, previous.files());
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause(); // an UnfinishedCommitException stays one: the caller reports it as such
    } finally {
      pool.shutdown();
    }
    next.files(output.files());
    memory.ifPresent(m -> m.rendered(buildId, next));
    cacheFile.ifPresent(file -> save(next.saved(buildId), file, "the site is complete, and the next build renders every page"));
  }

  /** This pipeline taking what earlier builds loaded from {@code memory}, and leaving its own there. */
  public Pipeline memory(Optional<Memory> memory) {
    this.memory = memory;
    return this;
  }

  /**
   * What the previous build rendered, when the output is still as that build left it: from memory
   * for a warm site, else from the cache file; otherwise an empty cache.
   */
  private RenderCache previousCache(Optional<Path> outputDir, Optional<Path> cacheFile, byte[] inputs) {
    String builtBy = outputDir.map(Output::builtBy).orElse("");
    return memory.flatMap(m -> m.rendered(builtBy)).map(c -> c.forInputs(inputs))
        .or(() -> cacheFile.map(file -> RenderCache.read(file, builtBy, inputs)))
        .orElse(RenderCache.empty(inputs));
  }

  /** This pipeline keeping its render cache in {@code folder}. */
  public Pipeline cache(Path folder) {
    this.cacheFolder = Optional.of(folder);
    return this;
  }

  /** A meter of the files loading reads, reporting as the {@code load} stage. */
  private Meter meter(int files) {
    return Meter.of(files, (done, total, millis) -> listener.stageAdvanced("load", done, total, millis));
  }

  private void finish(String stage, int count, long startNanos) {
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    timings.put(stage, millis);
    listener.stageFinished(stage, count, millis);
  }

  private void failOnErrors() {
    if (problems.stream().anyMatch(Problem::isError)) {
      throw failure();
    }
  }

  private Failure failure() {
    List<Problem> all = distinct();
    all.forEach(listener::problem);
    return new Failure(all);
  }

  /**
   * Problems sorted, each fault once: a broken template fails every page at the same line, but is
   * one problem, reported for the first page (problems of one fault sort together, by page).
   */
  private List<Problem> distinct() {
    List<Problem> sorted = new ArrayList<>(problems);
    Collections.sort(sorted);
    List<Problem> out = new ArrayList<>();
    for (Problem p : sorted) {
      if (out.isEmpty() || !out.get(out.size() - 1).sameFault(p)) {
        out.add(p);
      }
    }
    return out;
  }

}
