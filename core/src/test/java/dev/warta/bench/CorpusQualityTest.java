package dev.warta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.warta.related.RelatedDocument;
import dev.warta.related.RelatedIndex;
import dev.warta.related.RelatedLink;
import dev.warta.shared.RelatedSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusQualityTest {

  @TempDir Path dir;

  private static LabelledCorpus.Article article(String slug, String date, String label, String title, String body) {
    return new LabelledCorpus.Article(slug, title, LocalDate.parse(date), "id", body, label);
  }

  private static final LabelledCorpus SMALL = new LabelledCorpus(List.of(
      article("a", "2019-09-01", "olahraga", "Persib menang", "Persib mengalahkan Persija di stadion."),
      article("b", "2019-09-02", "olahraga", "Persija kalah", "Persija kalah dari Persib di stadion."),
      article("c", "2019-09-03", "ekonomi", "Harga cabai naik", "Harga cabai di pasar naik lagi."),
      article("d", "2019-09-04", "ekonomi", "Cabai mahal", "Pedagang pasar mengeluh harga cabai.")));

  @Test
  void strictPrecisionCountsAMissingLinkAsAMiss() {
    LinkScore score = LinkScore.of(SMALL, Map.of("a", List.of("b"), "b", List.of("a", "c"),
        "c", List.of("d", "a"), "d", List.of("c", "b")), 2);
    // a: 1 hit of 2 slots; b: 1; c: 1; d: 1 → 4 of 8
    assertEquals(0.5, score.precision());
    assertEquals(0.75, score.fullShare());
    assertEquals(2, score.byTopic().get("olahraga").hits());
    assertEquals(List.of("ekonomi", "olahraga"), List.copyOf(score.byTopic().keySet()));
  }

  @Test
  void baselineRanksByCosineAndLinksOnlyToOlderArticlesByDefault() {
    Map<String, List<String>> older = TfIdfBaseline.links(SMALL, false, 5);
    assertEquals(List.of(), older.get("a"));
    assertEquals(List.of("a"), older.get("b"));
    assertEquals(List.of("a", "b", "c"), List.copyOf(older.get("d")).subList(0, 3).stream().sorted().toList());
    assertEquals("c", older.get("d").get(0));
    Map<String, List<String>> any = TfIdfBaseline.links(SMALL, true, 1);
    assertEquals(List.of("b"), any.get("a"));
    assertEquals(List.of("d"), any.get("c"));
  }

  @Test
  void readsACorpusFolderAndNamesWhatIsMissing() throws IOException {
    Files.createDirectories(dir.resolve("articles"));
    Files.writeString(dir.resolve("articles/a.md"), "---\ntitle: \"Judul\"\ndate: 2019-09-16\nlang: \"id\"\n---\n\nIsi.\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("labels.tsv"), "a\tnasional\n", StandardCharsets.UTF_8);
    LabelledCorpus corpus = LabelledCorpus.read(dir);
    assertEquals(List.of(new LabelledCorpus.Article("a", "Judul", LocalDate.of(2019, 9, 16), "id", "\nIsi.\n", "nasional")),
        corpus.articles());
    Files.writeString(dir.resolve("labels.tsv"), "b\tnasional\n", StandardCharsets.UTF_8);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> LabelledCorpus.read(dir));
    assertTrue(e.getMessage().endsWith("no label for 'a' in labels.tsv"), e.getMessage());
  }

  @Test
  void spreadDatesAreSeededAndWithinTwentyYears() {
    LabelledCorpus spread = SMALL.withSpreadDates(7);
    assertEquals(spread, SMALL.withSpreadDates(7));
    for (LabelledCorpus.Article a : spread.articles()) {
      assertTrue(a.date().getYear() >= 2000 && a.date().getYear() <= 2019, a.toString());
    }
  }

  /**
   * The shared corpus, extracted in {@code core/target/corpus} or as the tarball in {@code
   * ../shared/corpus} beside the repository.
   */
  static Optional<Path> sharedCorpus(Path work) throws IOException, InterruptedException {
    Path extracted = Path.of("target", "corpus", "clickid-id");
    if (Files.isRegularFile(extracted.resolve("labels.tsv"))) {
      return Optional.of(extracted);
    }
    Path repo = Path.of("").toAbsolutePath().getParent();
    for (Path shared : List.of(repo.resolveSibling("shared"), repo.getParent().resolveSibling("shared"))) {
      Path tarball = shared.resolve("corpus").resolve("clickid-id.tar.gz");
      if (Files.isRegularFile(tarball)) {
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", work.toString())
            .inheritIO().start();
        if (tar.waitFor() == 0) {
          return Optional.of(work.resolve("clickid-id"));
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void onRealNewsWartaBeatsPlainTfIdfAndFillsItsLists() throws Exception {
    Optional<Path> folder = sharedCorpus(dir);
    assumeTrue(folder.isPresent(),
        "skipped: the labelled corpus ../shared/corpus/clickid-id.tar.gz is not beside this repository"
            + " (it is never committed; see CorpusQuality)");
    LabelledCorpus corpus = LabelledCorpus.read(folder.get());
    // the reference figure of ../shared/corpus/README.md, reproduced here
    LinkScore baseline = LinkScore.of(corpus, TfIdfBaseline.links(corpus, false, 5), 5);
    assertEquals(0.779, baseline.precision(), 0.0015, baseline.toString());
    // the index with its defaults, text only (CorpusQuality builds whole sites, too slow for a test)
    RelatedIndex.Builder builder = RelatedIndex.builder(RelatedSettings.defaults());
    corpus.articles().parallelStream().forEach(a -> builder.add(new RelatedDocument(a.slug(), a.lang(),
        a.title(), a.body(), List.of(), "", a.date().atStartOfDay().toInstant(java.time.ZoneOffset.UTC))));
    RelatedIndex index = builder.build();
    Map<String, List<String>> links = new java.util.HashMap<>();
    corpus.articles().forEach(a -> links.put(a.slug(), index.related(a.slug()).stream().map(RelatedLink::key).toList()));
    LinkScore warta = LinkScore.of(corpus, links, 5);
    assertTrue(warta.precision() > baseline.precision() + 0.01, warta + " vs " + baseline);
    assertTrue(warta.fullShare() >= 0.99, warta.toString());
  }
}
