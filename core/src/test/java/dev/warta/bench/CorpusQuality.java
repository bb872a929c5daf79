package dev.warta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.BuildResult;
import dev.warta.Warta;
import dev.warta.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges related links on real, labelled news (a folder as {@code ../shared/corpus} holds it),
 * building the archive as a user would: a site folder, {@code Warta.site(..)} with {@code
 * related.report}, and the links read back from {@code /related.json}.
 *
 * <pre>
 * mkdir -p target/corpus &amp;&amp; tar -xzf ../shared/corpus/clickid-id.tar.gz -C target/corpus
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.CorpusQuality -Dexec.args="target/corpus/clickid-id"
 * </pre>
 *
 * <p>Three archives are made of the same articles, each built twice (older-only, Warta's default,
 * and unrestricted):
 *
 * <ul>
 *   <li><b>text only</b>: the front matter cut to {@code title}, {@code date}, {@code lang} and
 *       {@code slug}, so nothing but the text can relate two articles;
 *   <li><b>label as section</b>: the same with the topic as {@code section}, which should help;
 *   <li><b>dates spread</b>: text only, with dates drawn uniformly from 2000–2019 (seeded), to show
 *       what an archive's date span does to the lists.
 * </ul>
 *
 * For each it prints strict precision@5 (a missing link is a miss), the share of articles that got
 * all 5 links, per topic, and the related stage's time, next to plain TF-IDF cosine computed here
 * as {@code baseline_tfidf.py} does ({@link TfIdfBaseline}). Extra arguments are settings passed
 * to every build, e.g. {@code related.minScore=10}; {@code --seed S} changes the dates' seed.
 */
public final class CorpusQuality {

  private static final int K = 5;
  private static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /** How the corpus is turned into an archive. */
  public enum Mode {
    TEXT_ONLY("text only"),
    LABEL_AS_SECTION("label as section"),
    DATES_SPREAD("dates spread 2000-2019");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  /**
   * One mode's result.
   *
   * @param mode the mode
   * @param olderOnly Warta's links with the default older-only rule
   * @param unrestricted Warta's links to any other article
   * @param baselineOlderOnly plain TF-IDF, older-only
   * @param baselineUnrestricted plain TF-IDF, unrestricted
   * @param relatedMillis the related stage of the older-only build
   */
  public record Result(
      Mode mode, LinkScore olderOnly, LinkScore unrestricted, LinkScore baselineOlderOnly,
      LinkScore baselineUnrestricted, long relatedMillis) {}

  private CorpusQuality() {}

  /**
   * Builds the corpus in {@code mode} under {@code work} (replaced) and scores Warta's links and
   * the baseline's.
   *
   * @param settings more settings for every build, by dotted name
   */
  public static Result measure(
      LabelledCorpus corpus, Mode mode, long seed, Path work, Map<String, String> settings)
      throws IOException {
    LabelledCorpus dated = mode == Mode.DATES_SPREAD ? corpus.withSpreadDates(seed) : corpus;
    Path site = work.resolve("site");
    writeSite(dated, mode == Mode.LABEL_AS_SECTION, site);
    Build older = build(site, work.resolve("older-only"), false, settings);
    Build any = build(site, work.resolve("unrestricted"), true, settings);
    return new Result(
        mode,
        LinkScore.of(dated, older.links, K),
        LinkScore.of(dated, any.links, K),
        LinkScore.of(dated, TfIdfBaseline.links(dated, false, K), K),
        LinkScore.of(dated, TfIdfBaseline.links(dated, true, K), K),
        older.relatedMillis);
  }

  private record Build(Map<String, List<String>> links, long relatedMillis) {}

  private static Build build(Path site, Path output, boolean allowNewer, Map<String, String> settings)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(settings);
    all.put("related.allowNewer", Boolean.toString(allowNewer));
    all.put("related.report", "true");
    // a fresh cache, so that every run is a cold build that analyses every article
    Benchmark.deleteTree(output.resolveSibling(output.getFileName() + ".cache"));
    BuildResult result =
        Warta.site(site)
            .output(output)
            .cache(output.resolveSibling(output.getFileName() + ".cache"))
            .buildTime(BUILD_TIME)
            .set(all)
            .build();
    JsonNode report = new ObjectMapper().readTree(output.resolve("related.json").toFile());
    Map<String, List<String>> links = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> list = new ArrayList<>();
      e.getValue().forEach(link -> list.add(slug(link.get("url").asText())));
      links.put(slug(e.getKey()), list);
    }
    return new Build(links, result.stageMillis().getOrDefault("related", 0L));
  }

  /** The slug of a URL made by the permalink {@code /:slug/}. */
  private static String slug(String url) {
    String path = url.replaceFirst("^https?://[^/]+", "");
    return path.substring(1, path.length() - 1);
  }

  /**
   * Writes the corpus as a site folder: each article with only its title, date, language, slug
   * and, when asked, its label as section.
   */
  static void writeSite(LabelledCorpus corpus, boolean labelAsSection, Path site) throws IOException {
    Benchmark.deleteTree(site);
    Path content = Files.createDirectories(site.resolve("content"));
    Files.writeString(
        site.resolve("warta.yml"),
        """
        title: Labelled corpus
        baseUrl: https://corpus.example.org/
        language: id
        permalink: /:slug/
        """,
        StandardCharsets.UTF_8);
    corpus.articles().parallelStream().forEach(a -> {
      StringBuilder md = new StringBuilder("---\n");
      md.append("title: ").append(Json.quote(a.title())).append('\n');
      md.append("date: ").append(a.date()).append('\n');
      md.append("lang: ").append(Json.quote(a.lang())).append('\n');
      md.append("slug: ").append(Json.quote(a.slug())).append('\n');
      if (labelAsSection) {
        md.append("section: ").append(Json.quote(a.label())).append('\n');
      }
      md.append("---\n").append(a.body());
      try {
        Files.writeString(content.resolve(a.slug() + ".md"), md, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** Prints every mode's figures; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println(
          "usage: CorpusQuality CORPUS_FOLDER [--seed S] [--mode text|section|spread]..."
              + " [setting=value]...");
      System.exit(2);
    }
    Path folder = moduleRelative(Path.of(args[0]));
    long seed = 1;
    Map<String, String> settings = new LinkedHashMap<>();
    List<Mode> modes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--seed")) {
        seed = Long.parseLong(args[++i]);
      } else if (args[i].equals("--mode")) {
        modes.add(switch (args[++i]) {
          case "text" -> Mode.TEXT_ONLY;
          case "section" -> Mode.LABEL_AS_SECTION;
          case "spread" -> Mode.DATES_SPREAD;
          default -> throw new IllegalArgumentException("unknown mode " + args[i]);
        });
      } else if (args[i].contains("=")) {
        settings.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (modes.isEmpty()) {
      modes = List.of(Mode.values());
    }
    LabelledCorpus corpus = LabelledCorpus.read(folder);
    System.out.printf(Locale.ROOT, "corpus %s: %d articles, %d topics, %d cores, settings %s%n",
        folder, corpus.articles().size(), corpus.topics().size(),
        Runtime.getRuntime().availableProcessors(), settings.isEmpty() ? "default" : settings);
    Path work = Benchmark.defaultDir().resolveSibling("corpus-quality").resolve(folder.getFileName().toString());
    List<Result> results = new ArrayList<>();
    for (Mode mode : modes) {
      Result r = measure(corpus, mode, seed, work.resolve(mode.name().toLowerCase(Locale.ROOT)), settings);
      results.add(r);
      print(r, seed);
    }
    System.out.println();
    System.out.println("summary: strict p@5 (share of articles with all 5 links)");
    System.out.printf(Locale.ROOT, "  %-24s %-15s %-15s %-9s %-9s %s%n",
        "mode", "older-only", "unrestricted", "tfidf-old", "tfidf-all", "related stage");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "  %-24s %.3f (%5.1f%%) %.3f (%5.1f%%) %.3f     %.3f     %.1f s%n",
          r.mode.label, r.olderOnly.precision(), 100 * r.olderOnly.fullShare(),
          r.unrestricted.precision(), 100 * r.unrestricted.fullShare(),
          r.baselineOlderOnly.precision(), r.baselineUnrestricted.precision(),
          r.relatedMillis / 1000.0);
    }
  }

  /**
   * A relative path as given when it exists, else against the core module (where the README
   * extracts the corpus), since Maven runs this from the folder it was started in.
   */
  private static Path moduleRelative(Path path) {
    Path module = Benchmark.defaultDir().getParent().getParent();
    return Files.exists(path) || path.isAbsolute() ? path : module.resolve(path);
  }

  private static void print(Result r, long seed) {
    System.out.println();
    System.out.printf(Locale.ROOT, "== %s%s: related stage %.1f s (older-only build)%n", r.mode.label,
        r.mode == Mode.DATES_SPREAD ? " (seed " + seed + ")" : "", r.relatedMillis / 1000.0);
    System.out.printf(Locale.ROOT, "  %-16s %5s  %-16s %-16s %-9s %-9s%n",
        "topic", "n", "warta older", "warta any", "tfidf-old", "tfidf-all");
    row("all", r.olderOnly, r.unrestricted, r.baselineOlderOnly, r.baselineUnrestricted);
    for (String topic : r.olderOnly.byTopic().keySet()) {
      row(topic, r.olderOnly.byTopic().get(topic), r.unrestricted.byTopic().get(topic),
          r.baselineOlderOnly.byTopic().get(topic), r.baselineUnrestricted.byTopic().get(topic));
    }
  }

  private static void row(String topic, LinkScore older, LinkScore any, LinkScore bOlder, LinkScore bAny) {
    System.out.printf(Locale.ROOT, "  %-16s %5d  %.3f (%5.1f%%)  %.3f (%5.1f%%)  %.3f     %.3f%n",
        topic, older.articles(), older.precision(), 100 * older.fullShare(), any.precision(),
        100 * any.fullShare(), bOlder.precision(), bAny.precision());
  }
}
