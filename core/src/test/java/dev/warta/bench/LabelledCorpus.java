package dev.warta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A folder of real, labelled news as {@code ../shared/corpus} holds it: {@code articles/<slug>.md}
 * (YAML front matter with at least {@code title} and {@code date}, then the Markdown body) and
 * {@code labels.tsv} ({@code slug<TAB>topic}). Articles are kept in slug order, so everything
 * derived from them is deterministic.
 *
 * @param articles every article, by slug ascending
 */
public record LabelledCorpus(List<Article> articles) {

  /**
   * One labelled article.
   *
   * @param slug the file name without {@code .md}
   * @param title the title
   * @param date the publication day
   * @param lang the front matter's {@code lang}, or {@code id} without it
   * @param body the Markdown body after the front matter
   * @param label the topic from {@code labels.tsv}
   */
  public record Article(
      String slug, String title, LocalDate date, String lang, String body, String label) {

    Article withDate(LocalDate other) {
      return new Article(slug, title, other, lang, body, label);
    }
  }

  /** Copies the list. */
  public LabelledCorpus {
    articles = List.copyOf(articles);
  }

  /**
   * Reads a corpus folder.
   *
   * @throws IllegalArgumentException naming the file when the folder is not a labelled corpus, an
   *     article has no front matter, title or date, or no label
   */
  public static LabelledCorpus read(Path folder) throws IOException {
    Path labelsFile = folder.resolve("labels.tsv");
    Path articlesFolder = folder.resolve("articles");
    if (!Files.isRegularFile(labelsFile) || !Files.isDirectory(articlesFolder)) {
      throw new IllegalArgumentException(
          folder + ": not a labelled corpus; expected articles/<slug>.md and labels.tsv"
              + " (see ../shared/corpus/README.md)");
    }
    Map<String, String> labels = new HashMap<>();
    List<String> lines = Files.readAllLines(labelsFile, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            labelsFile + ":" + (i + 1) + ": expected slug<TAB>topic, found '" + line + "'");
      }
      labels.put(parts[0], parts[1].strip());
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(articlesFolder)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    List<Article> articles =
        files.parallelStream().map(file -> article(file, labels)).sorted(
            java.util.Comparator.comparing(Article::slug)).toList();
    return new LabelledCorpus(articles);
  }

  private static Article article(Path file, Map<String, String> labels) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString();
    String slug = name.substring(0, name.length() - ".md".length());
    int end = text.startsWith("---\n") ? text.indexOf("\n---\n", 3) : -1;
    if (end < 0) {
      throw new IllegalArgumentException(file + ":1:1: no front matter between --- lines");
    }
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, end));
    if (!(loaded instanceof Map<?, ?> front)) {
      throw new IllegalArgumentException(file + ":2:1: the front matter is not a mapping");
    }
    Object title = front.get("title");
    Object date = front.get("date");
    if (title == null || date == null) {
      throw new IllegalArgumentException(file + ":2:1: the front matter needs title and date");
    }
    LocalDate day =
        date instanceof Date d
            ? d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate()
            : LocalDate.parse(date.toString().substring(0, 10));
    String label = labels.get(slug);
    if (label == null) {
      throw new IllegalArgumentException(file + ": no label for '" + slug + "' in labels.tsv");
    }
    Object lang = front.get("lang");
    return new Article(
        slug, title.toString(), day, lang == null ? "id" : lang.toString(),
        text.substring(end + "\n---\n".length()), label);
  }

  /** The topics, ascending, with their number of articles. */
  public Map<String, Integer> topics() {
    Map<String, Integer> topics = new java.util.TreeMap<>();
    articles.forEach(a -> topics.merge(a.label(), 1, Integer::sum));
    return topics;
  }

  /**
   * The same articles with their dates drawn uniformly from the days of 2000 to 2019, with {@code
   * seed}: what a two-month corpus would look like spread over an archive of twenty years.
   */
  public LabelledCorpus withSpreadDates(long seed) {
    LocalDate first = LocalDate.of(2000, 1, 1);
    long days = LocalDate.of(2020, 1, 1).toEpochDay() - first.toEpochDay();
    Random random = new Random(seed);
    List<Article> spread = new ArrayList<>(articles.size());
    for (Article a : articles) {
      spread.add(a.withDate(first.plusDays((long) (random.nextDouble() * days))));
    }
    return new LabelledCorpus(spread);
  }
}
