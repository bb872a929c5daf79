package dev.warta.archive;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import dev.warta.archive.Term.Kind;
import dev.warta.content.Article;
import dev.warta.internal.SitePaths;
import dev.warta.internal.Slugs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A site's articles in order, with every way a reader can browse them.
 *
 * <p>Immutable and thread-safe once built. The order is total: newest first, then title, then
 * source path, so no list ever depends on the order files were listed in.
 */
public final class Archive {
  /** The archive order: date descending, then title, then source path. */
  public static final Comparator<Article> ORDER =
      Comparator.comparing((Article a) -> a.date().toInstant())
          .reversed()
          .thenComparing(Article::title)
          .thenComparing(Article::source);

  private final SiteConfig config;
  private final List<Entry> entries;
  private final Map<String, Entry> bySource;
  private final Map<String, List<Entry>> bySlug;
  private final List<Term> sections;
  private final List<Term> tags;
  private final List<Term> authors;
  private final List<Period> years;
  private final Map<Integer, List<Period>> months;
  private final Map<String, List<Entry>> translations;
  private final Map<String, Term> sectionOf;
  private final Map<String, List<Entry>> byLanguage;
  private final List<String> languages;

  private Archive(SiteConfig config, List<Entry> entries) {
    this.config = config;
    this.entries = List.copyOf(entries);
    Map<String, Entry> sources = new HashMap<>();
    Map<String, List<Entry>> slugs = new HashMap<>();
    Map<String, List<Entry>> keys = new TreeMap<>();
    for (Entry e : entries) {
      sources.put(e.article().source(), e);
      slugs.computeIfAbsent(e.article().slug(), k -> new ArrayList<>()).add(e);
      if (!e.article().translationKey().isEmpty()) {
        keys.computeIfAbsent(e.article().translationKey(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, List<Entry>> languages = new HashMap<>();
    for (Entry e : entries) {
      languages.computeIfAbsent(e.article().lang(), k -> new ArrayList<>()).add(e);
    }
    languages.replaceAll((k, v) -> List.copyOf(v));
    this.byLanguage = Map.copyOf(languages);
    this.languages = languages.keySet().stream()
        .sorted(Comparator.comparing((String l) -> !l.equals(config.language())).thenComparing(Comparator.naturalOrder()))
        .toList();
    this.bySource = Map.copyOf(sources);
    this.bySlug = Map.copyOf(slugs);
    this.translations = Map.copyOf(keys);
    SiteConfig.TermPaths paths = config.termPaths();
    this.sections = terms(Kind.SECTION, paths.section(), a -> a.section().isEmpty() ? List.of() : List.of(a.section()));
    this.tags = terms(Kind.TAG, paths.tag(), Article::tags);
    this.authors = terms(Kind.AUTHOR, paths.author(), Article::authors);
    Map<String, Term> sectionOf = new HashMap<>();
    for (Term s : sections) {
      for (Entry e : s.entries()) {
        sectionOf.put(e.article().source(), s);
      }
    }
    this.sectionOf = Map.copyOf(sectionOf);
    Map<Integer, List<Entry>> byYear = new TreeMap<>(Comparator.reverseOrder());
    Map<Integer, Map<Integer, List<Entry>>> byMonth = new TreeMap<>(Comparator.reverseOrder());
    for (Entry e : entries) {
      int y = e.article().date().getYear();
      int m = e.article().date().getMonthValue();
      byYear.computeIfAbsent(y, k -> new ArrayList<>()).add(e);
      byMonth.computeIfAbsent(y, k -> new TreeMap<>(Comparator.reverseOrder())).computeIfAbsent(m, k -> new ArrayList<>()).add(e);
    }
    List<Period> ys = new ArrayList<>();
    Map<Integer, List<Period>> ms = new LinkedHashMap<>();
    byYear.forEach((y, list) -> ys.add(new Period(y, 0, String.format(Locale.ROOT, "/%04d/", y), list)));
    byMonth.forEach((y, perMonth) -> {
      List<Period> periods = new ArrayList<>();
      perMonth.forEach((m, list) -> periods.add(new Period(y, m, String.format(Locale.ROOT, "/%04d/%02d/", y, m), list)));
      ms.put(y, List.copyOf(periods));
    });
    this.years = List.copyOf(ys);
    this.months = java.util.Collections.unmodifiableMap(ms);
  }

  /**
   * Places articles in the archive: sorts them, gives each its URL, and reports URLs that two
   * articles share (also when they differ only in case, which collide on case-insensitive disks)
   * and URLs that would leave the output folder.
   */
  public static Archive build(SiteConfig config, List<Article> articles, List<Problem> problems) {
    List<Article> sorted = new ArrayList<>(articles);
    sorted.sort(ORDER);
    List<Entry> entries = new ArrayList<>(sorted.size());
    Map<String, Entry> taken = new HashMap<>();
    for (Article a : sorted) {
      String url = Permalinks.expand(config.permalink(), a, config.language());
      Optional<String> unsafe = SitePaths.whyUnsafe(url);
      if (unsafe.isPresent()) {
        problems.add(Problem.error(a.source(), a.urlLine(), 1, "the article's URL " + url + " is unsafe (" + unsafe.get() + "); change its slug or section"));
        continue;
      }
      Entry entry = new Entry(a, url, entries.size());
      Entry other = taken.putIfAbsent(SitePaths.collisionKey(url), entry);
      if (other != null) {
        String same = other.url().equals(url) ? "the same URL " + url : "URLs that differ only in case (" + other.url() + " and " + url + ")";
        problems.add(Problem.error(a.source(), a.urlLine(), 1,
            "this article and " + other.article().source() + " have " + same + "; give one of them another slug"));
        continue;
      }
      entries.add(entry);
    }
    return new Archive(config, entries);
  }

  /**
   * This archive with an article replaced by a new version of itself (an edited file), when the
   * edit leaves its place in every long list as it was: same date and title (the archive order),
   * URL, language, section, translation key and draft state. Tags and authors may change. The
   * terms, translations and neighbours are made again around it, as {@link #build} would make
   * them. Empty when the article is not in the archive or the edit moves it: only a full build
   * places it then.
   */
  public Optional<Archive> with(Article edited) {
    Entry before = bySource.get(edited.source());
    if (before == null) {
      return Optional.empty();
    }
    Article old = before.article();
    if (!old.date().toInstant().equals(edited.date().toInstant()) || !old.title().equals(edited.title()) || old.draft() != edited.draft()
        || !old.lang().equals(edited.lang()) || !old.section().equals(edited.section()) || !old.translationKey().equals(edited.translationKey())
        || !Permalinks.expand(config.permalink(), edited, config.language()).equals(before.url())) {
      return Optional.empty();
    }
    Entry now = new Entry(edited, before.url(), before.index());
    if (!old.tags().equals(edited.tags()) || !old.authors().equals(edited.authors())) {
      // it joins or leaves a list: the terms are made again (the rare case)
      List<Entry> replaced = new ArrayList<>(entries);
      replaced.set(before.index(), now);
      return Optional.of(new Archive(config, replaced));
    }
    return Optional.of(new Archive(this, before, now));
  }

  /**
   * A copy of {@code base} with one entry swapped for another in the same place of every list: a
   * few lists copied rather than all made again, as a refresh at 100,000 articles must be quick.
   */
  private Archive(Archive base, Entry before, Entry now) {
    this.config = base.config;
    this.entries = swap(base.entries, before, now);
    Map<String, Entry> sources = new HashMap<>(base.bySource);
    sources.put(now.article().source(), now);
    this.bySource = java.util.Collections.unmodifiableMap(sources);
    Map<String, List<Entry>> slugs = new HashMap<>(base.bySlug);
    slugs.computeIfPresent(now.article().slug(), (k, list) -> swap(list, before, now));
    this.bySlug = java.util.Collections.unmodifiableMap(slugs);
    Map<String, List<Entry>> keys = new HashMap<>(base.translations);
    keys.computeIfPresent(now.article().translationKey(), (k, list) -> swap(list, before, now));
    this.translations = java.util.Collections.unmodifiableMap(keys);
    Map<String, List<Entry>> languages = new HashMap<>(base.byLanguage);
    languages.computeIfPresent(now.article().lang(), (k, list) -> swap(list, before, now));
    this.byLanguage = java.util.Collections.unmodifiableMap(languages);
    this.languages = base.languages;
    this.sections = swapInTerms(base.sections, before, now);
    this.tags = swapInTerms(base.tags, before, now);
    this.authors = swapInTerms(base.authors, before, now);
    Map<String, Term> sectionOf = new HashMap<>(base.sectionOf);
    for (int i = 0; i < sections.size(); i++) {
      Term t = sections.get(i);
      if (t != base.sections.get(i)) {
        t.entries().forEach(e -> sectionOf.put(e.article().source(), t));
      }
    }
    this.sectionOf = java.util.Collections.unmodifiableMap(sectionOf);
    this.years = swapInPeriods(base.years, before, now);
    Map<Integer, List<Period>> ms = new LinkedHashMap<>(base.months);
    ms.computeIfPresent(now.article().date().getYear(), (y, list) -> swapInPeriods(list, before, now));
    this.months = java.util.Collections.unmodifiableMap(ms);
  }

  /** The list with {@code before} replaced by {@code now}, or the list itself when it lacks it. */
  private static List<Entry> swap(List<Entry> list, Entry before, Entry now) {
    // every list of the archive is in archive order, that is by index
    int i = java.util.Collections.binarySearch(list, before, Comparator.comparingInt(Entry::index));
    if (i < 0 || list.get(i) != before) {
      return list;
    }
    List<Entry> copy = new ArrayList<>(list);
    copy.set(i, now);
    return java.util.Collections.unmodifiableList(copy);
  }

  private static List<Term> swapInTerms(List<Term> terms, Entry before, Entry now) {
    List<Term> out = new ArrayList<>(terms.size());
    for (Term t : terms) {
      List<Entry> swapped = swap(t.entries(), before, now);
      out.add(swapped == t.entries() ? t : new Term(t.kind(), t.name(), t.slug(), t.url(), swapped));
    }
    return List.copyOf(out);
  }

  private static List<Period> swapInPeriods(List<Period> periods, Entry before, Entry now) {
    List<Period> out = new ArrayList<>(periods.size());
    for (Period p : periods) {
      List<Entry> swapped = swap(p.entries(), before, now);
      out.add(swapped == p.entries() ? p : new Period(p.year(), p.month(), p.url(), swapped));
    }
    return List.copyOf(out);
  }

  private List<Term> terms(Kind kind, String pattern, java.util.function.Function<Article, List<String>> names) {
    Map<String, String> firstName = new TreeMap<>();
    Map<String, List<Entry>> members = new TreeMap<>();
    for (Entry e : entries) {
      for (String name : names.apply(e.article())) {
        String slug = Slugs.termKey(name);
        if (slug.isEmpty()) {
          continue;
        }
        firstName.putIfAbsent(slug, name);
        List<Entry> list = members.computeIfAbsent(slug, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != e) {
          list.add(e);
        }
      }
    }
    List<Term> terms = new ArrayList<>();
    members.forEach((slug, list) -> terms.add(new Term(kind, firstName.get(slug), slug, SiteConfig.TermPaths.expand(pattern, slug), list)));
    return List.copyOf(terms);
  }

  /** The settings the archive was built with. */
  public SiteConfig config() {
    return config;
  }

  /** All articles, newest first. */
  public List<Entry> entries() {
    return entries;
  }

  /** The articles of one language, newest first. */
  public List<Entry> entries(String lang) {
    return byLanguage.getOrDefault(lang, List.of());
  }

  /** The languages of the archive's articles, the site's own first, then alphabetical. */
  public List<String> languages() {
    return languages;
  }

  /** An article by its source path, e.g. {@code content/ekonomi/harga-cabai.md}. */
  public Optional<Entry> bySource(String source) {
    return Optional.ofNullable(bySource.get(source));
  }

  /** Articles by slug; several when the permalink pattern keeps them apart. */
  public List<Entry> bySlug(String slug) {
    return bySlug.getOrDefault(slug, List.of());
  }

  /** The URL of a tag's list, from its name as written. */
  public String tagUrl(String name) {
    return SiteConfig.TermPaths.expand(config.termPaths().tag(), Slugs.termKey(name));
  }

  /** The URL of an author's list, from the name as written. */
  public String authorUrl(String name) {
    return SiteConfig.TermPaths.expand(config.termPaths().author(), Slugs.termKey(name));
  }

  /** The URL of the index of all sections, tags, authors or years ({@code sections}, {@code tags}, {@code authors}, {@code years}). */
  public String indexUrl(String kind) {
    SiteConfig.TermPaths p = config.termPaths();
    return switch (kind) {
      case "sections" -> SiteConfig.TermPaths.index(p.section(), "/section/");
      case "tags" -> SiteConfig.TermPaths.index(p.tag(), "/tag/");
      case "authors" -> SiteConfig.TermPaths.index(p.author(), "/author/");
      case "years" -> "/archive/";
      default -> throw new IllegalArgumentException("no index of " + kind);
    };
  }

  /** Sections, by slug. */
  public List<Term> sections() {
    return sections;
  }

  /** Tags, by slug. */
  public List<Term> tags() {
    return tags;
  }

  /** Authors, by slug. */
  public List<Term> authors() {
    return authors;
  }

  /** The section term of an article, if it has a section. */
  public Optional<Term> sectionOf(Entry entry) {
    return Optional.ofNullable(sectionOf.get(entry.article().source()));
  }

  /** Years with articles, newest first. */
  public List<Period> years() {
    return years;
  }

  /** Months of a year with articles, newest first. */
  public List<Period> months(int year) {
    return months.getOrDefault(year, List.of());
  }

  /** The other articles sharing an article's translation key, by language. */
  public List<Entry> translations(Entry entry) {
    String key = entry.article().translationKey();
    if (key.isEmpty()) {
      return List.of();
    }
    return translations.getOrDefault(key, List.of()).stream()
        .filter(e -> e != entry)
        .sorted(Comparator.comparing((Entry e) -> e.article().lang()).thenComparing(Entry::index))
        .toList();
  }

  /** The next older article in the same language, if any. */
  public Optional<Entry> older(Entry entry) {
    return step(byLanguage.get(entry.article().lang()), entry, 1);
  }

  /** The next newer article in the same language, if any. */
  public Optional<Entry> newer(Entry entry) {
    return step(byLanguage.get(entry.article().lang()), entry, -1);
  }

  private static Optional<Entry> step(List<Entry> list, Entry entry, int step) {
    if (list == null) {
      return Optional.empty();
    }
    int i = java.util.Collections.binarySearch(list, entry, Comparator.comparingInt(Entry::index)) + step;
    return i >= 0 && i < list.size() ? Optional.of(list.get(i)) : Optional.empty();
  }

  /** The next older article in the same section. */
  public Optional<Entry> olderInSection(Entry entry) {
    return neighbour(entry, 1);
  }

  /** The next newer article in the same section. */
  public Optional<Entry> newerInSection(Entry entry) {
    return neighbour(entry, -1);
  }

  private Optional<Entry> neighbour(Entry entry, int step) {
    return sectionOf(entry).flatMap(s -> step(s.entries(), entry, step));
  }
}
