package dev.warta.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.SiteConfig;
import dev.warta.content.Article;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Archive#with}: an edited article swapped in must give the archive a full build gives. */
class ArchiveTest {
  private static final SiteConfig CONFIG = SiteConfig.defaults();

  private static Article article(String source, String title, String date, String section, List<String> tags, List<String> authors,
      String lang, String translationKey, String summary) {
    ZonedDateTime when = ZonedDateTime.parse(date);
    String slug = source.substring(source.lastIndexOf('/') + 1).replace(".md", "");
    return new Article("content/" + source, Path.of("content", source), title, slug, when, when, authors, section, tags, summary,
        Optional.empty(), lang, false, "", List.of(), List.of(), translationKey, Map.of(), 5, Map.of());
  }

  private static final List<Article> ARTICLES = List.of(
      article("ekonomi/beras.md", "Harga beras naik", "2024-03-01T08:00:00+07:00", "ekonomi", List.of("beras", "pangan"), List.of("Rina"), "id", "beras", "a"),
      article("ekonomi/rice.md", "Rice prices rise", "2024-03-01T09:00:00+07:00", "ekonomi", List.of("rice"), List.of("Rina"), "en", "beras", "b"),
      article("ekonomi/pupuk.md", "Stok pupuk cukup", "2024-02-20T08:00:00+07:00", "ekonomi", List.of("pangan"), List.of("Budi"), "id", "", "c"),
      article("kota/banjir.md", "Banjir di tiga kelurahan", "2024-03-05T08:00:00+07:00", "kota", List.of("banjir"), List.of("Budi"), "id", "", "d"),
      article("kota/jalan.md", "Jalan lingkar diperbaiki", "2023-12-15T08:00:00+07:00", "kota", List.of("jalan", "pangan"), List.of(), "id", "", "e"),
      article("kota/pasar.md", "Pasar baru dibuka", "2024-03-01T08:00:00+07:00", "kota", List.of(), List.of("Rina"), "id", "", "f"));

  /** Everything the archive answers, each entry named by its source, URL and summary. */
  private static String describe(Archive a) {
    StringBuilder out = new StringBuilder();
    UnaryOperator<String> none = s -> s;
    java.util.function.Function<List<Entry>, String> names = list -> list.stream()
        .map(e -> e.article().source() + "@" + e.url() + "#" + e.index() + ":" + e.article().summary() + e.article().tags() + e.article().authors())
        .collect(Collectors.joining(","));
    out.append("all ").append(names.apply(a.entries())).append('\n');
    for (String lang : a.languages()) {
      out.append("lang ").append(lang).append(' ').append(names.apply(a.entries(lang))).append('\n');
    }
    for (List<Term> terms : List.of(a.sections(), a.tags(), a.authors())) {
      for (Term t : terms) {
        out.append(t.kind()).append(' ').append(t.name()).append(' ').append(t.url()).append(' ').append(names.apply(t.entries())).append('\n');
      }
    }
    for (Period y : a.years()) {
      out.append("year ").append(y.url()).append(' ').append(names.apply(y.entries())).append('\n');
      for (Period m : a.months(y.year())) {
        out.append("month ").append(m.url()).append(' ').append(names.apply(m.entries())).append('\n');
      }
    }
    for (Entry e : a.entries()) {
      out.append(none.apply(e.article().source())).append(" bySource ").append(names.apply(a.bySource(e.article().source()).stream().toList()))
          .append(" bySlug ").append(names.apply(a.bySlug(e.article().slug())))
          .append(" translations ").append(names.apply(a.translations(e)))
          .append(" section ").append(a.sectionOf(e).map(Term::url).orElse("-"))
          .append(" older ").append(names.apply(a.older(e).stream().toList()))
          .append(" newer ").append(names.apply(a.newer(e).stream().toList()))
          .append(" olderInSection ").append(names.apply(a.olderInSection(e).stream().toList()))
          .append(" newerInSection ").append(names.apply(a.newerInSection(e).stream().toList())).append('\n');
    }
    return out.toString();
  }

  private static List<Article> replaced(Article edited) {
    List<Article> out = new ArrayList<>(ARTICLES);
    out.replaceAll(a -> a.source().equals(edited.source()) ? edited : a);
    return out;
  }

  private static Article edit(Article a, String summary, List<String> tags, List<String> authors) {
    return new Article(a.source(), a.file(), a.title(), a.slug(), a.date(), a.updated(), authors, a.section(), tags, summary, a.image(),
        a.lang(), a.draft(), a.canonical(), a.aliases(), a.related(), a.translationKey(), a.params(), a.bodyLine(), a.keyLines());
  }

  @Test
  void anEditThatKeepsTheArticlesPlaceGivesWhatAFullBuildGives() {
    Archive archive = Archive.build(CONFIG, ARTICLES, new ArrayList<>());
    for (Article a : ARTICLES) {
      for (Article edited : List.of(
          edit(a, "new summary", a.tags(), a.authors()),
          edit(a, a.summary(), List.of("pangan", "baru"), a.authors()),
          edit(a, a.summary(), a.tags(), List.of("Sari")))) {
        Archive swapped = archive.with(edited).orElseThrow();
        assertEquals(describe(Archive.build(CONFIG, replaced(edited), new ArrayList<>())), describe(swapped), edited.source());
        // and the archive it came from is untouched
        assertEquals(describe(Archive.build(CONFIG, ARTICLES, new ArrayList<>())), describe(archive));
      }
    }
  }

  @Test
  void anEditThatMovesTheArticleIsLeftToAFullBuild() {
    Archive archive = Archive.build(CONFIG, ARTICLES, new ArrayList<>());
    Article a = ARTICLES.get(0);
    List<Article> moves = List.of(
        new Article(a.source(), a.file(), "Another title", a.slug(), a.date(), a.updated(), a.authors(), a.section(), a.tags(), a.summary(), a.image(),
            a.lang(), a.draft(), a.canonical(), a.aliases(), a.related(), a.translationKey(), a.params(), a.bodyLine(), a.keyLines()),
        new Article(a.source(), a.file(), a.title(), a.slug(), a.date().plusDays(1), a.updated(), a.authors(), a.section(), a.tags(), a.summary(),
            a.image(), a.lang(), a.draft(), a.canonical(), a.aliases(), a.related(), a.translationKey(), a.params(), a.bodyLine(), a.keyLines()),
        new Article(a.source(), a.file(), a.title(), "another-slug", a.date(), a.updated(), a.authors(), a.section(), a.tags(), a.summary(),
            a.image(), a.lang(), a.draft(), a.canonical(), a.aliases(), a.related(), a.translationKey(), a.params(), a.bodyLine(), a.keyLines()),
        new Article(a.source(), a.file(), a.title(), a.slug(), a.date(), a.updated(), a.authors(), "kota", a.tags(), a.summary(),
            a.image(), a.lang(), a.draft(), a.canonical(), a.aliases(), a.related(), a.translationKey(), a.params(), a.bodyLine(), a.keyLines()),
        new Article(a.source(), a.file(), a.title(), a.slug(), a.date(), a.updated(), a.authors(), a.section(), a.tags(), a.summary(),
            a.image(), "en", a.draft(), a.canonical(), a.aliases(), a.related(), a.translationKey(), a.params(), a.bodyLine(), a.keyLines()),
        new Article(a.source(), a.file(), a.title(), a.slug(), a.date(), a.updated(), a.authors(), a.section(), a.tags(), a.summary(),
            a.image(), a.lang(), a.draft(), a.canonical(), a.aliases(), a.related(), "", a.params(), a.bodyLine(), a.keyLines()),
        article("ekonomi/baru.md", "Artikel baru", "2024-03-02T08:00:00+07:00", "ekonomi", List.of(), List.of(), "id", "", "g"));
    for (Article moved : moves) {
      assertTrue(archive.with(moved).isEmpty(), moved.toString());
    }
  }
}
