package dev.warta.render;

import dev.warta.shared.Problem;
import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.archive.Period;
import dev.warta.archive.Term;
import dev.warta.internal.SitePaths;
import dev.warta.render.Page.ArticlePage;
import dev.warta.render.Page.ListPage;
import dev.warta.render.Page.NotFoundPage;
import dev.warta.search.SearchIndex;
import dev.warta.render.Page.RedirectPage;
import dev.warta.render.Page.TermsPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every page a site has, in a fixed order: articles, home pages, section, tag and author lists,
 * year and month archives, term indexes, the 404 page and redirects for aliases.
 *
 * <p>Two pages may not share a file: an alias that lands on a page, or a section named like a
 * year, is an error naming the article file.
 */
public final class Plan {
  /** Where an article with {@code wordpress_id: ID} is also found: {@code /p/ID/}. */
  public static final String OLD_POST_PREFIX = "/p/";

  private final List<Page> pages;

  private Plan(List<Page> pages) {
    this.pages = List.copyOf(pages);
  }

  /** All pages, in plan order. */
  public List<Page> pages() {
    return pages;
  }

  /** The plan of an archive; problems go to {@code problems}. */
  public static Plan of(Archive archive, List<Problem> problems) {
    List<Page> pages = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    String lang = archive.config().language();
    int size = archive.config().paginate();
    for (Entry e : archive.entries()) {
      add(pages, owners, new ArticlePage(e.url(), e), e.article().source(), problems);
    }
    for (String l : archive.languages()) {
      String base = l.equals(lang) ? "/" : "/" + l.toLowerCase(Locale.ROOT) + "/";
      list(pages, owners, "home", "", l, base, archive.entries(l), size, problems);
    }
    if (archive.entries().isEmpty()) {
      list(pages, owners, "home", "", lang, "/", List.of(), size, problems);
    }
    for (Term t : archive.sections()) {
      list(pages, owners, "section", t.name(), lang, t.url(), t.entries(), size, problems);
    }
    for (Term t : archive.tags()) {
      list(pages, owners, "tag", t.name(), lang, t.url(), t.entries(), size, problems);
    }
    for (Term t : archive.authors()) {
      list(pages, owners, "author", t.name(), lang, t.url(), t.entries(), size, problems);
    }
    for (Period y : archive.years()) {
      list(pages, owners, "year", Integer.toString(y.year()), lang, y.url(), y.entries(), size, problems);
      for (Period m : archive.months(y.year())) {
        list(pages, owners, "month", String.format(Locale.ROOT, "%04d-%02d", m.year(), m.month()), lang, m.url(), m.entries(), size, problems);
      }
    }
    add(pages, owners, new TermsPage(archive.indexUrl("sections"), "sections", lang, items(archive.sections(), false)), "", problems);
    add(pages, owners, new TermsPage(archive.indexUrl("tags"), "tags", lang, items(archive.tags(), true)), "", problems);
    add(pages, owners, new TermsPage(archive.indexUrl("authors"), "authors", lang, items(archive.authors(), false)), "", problems);
    List<TermsPage.Item> years = archive.years().stream().map(y -> new TermsPage.Item(Integer.toString(y.year()), y.url(), y.entries().size())).toList();
    add(pages, owners, new TermsPage(archive.indexUrl("years"), "years", lang, years), "", problems);
    add(pages, owners, new NotFoundPage("/404.html", lang), "", problems);
    if (archive.config().search()) {
      for (String l : archive.entries().isEmpty() ? List.of(lang) : archive.languages()) {
        add(pages, owners, new Page.SearchPage(SearchIndex.pageUrl(l, lang), l), "", problems);
      }
    }
    for (Entry e : archive.entries()) {
      for (String alias : e.article().aliases()) {
        String url = alias.strip();
        Optional<String> unsafe = SitePaths.whyUnsafe(url);
        if (unsafe.isPresent()) {
          problems.add(Problem.error(e.article().source(), e.article().lineOf("aliases"), 1,
              "the alias '" + alias + "' is not a safe site path (" + unsafe.get() + "); write it like /old/path/"));
          continue;
        }
        if (!url.endsWith("/") && url.indexOf('.', url.lastIndexOf('/')) < 0) {
          url = url + "/";
        }
        add(pages, owners, new RedirectPage(url, e, "aliases"), e.article().source(), problems);
      }
      // an old WordPress link /?p=ID finds the article through /p/ID/ (a script on the home and 404
      // pages, or a server rule, sends it there): a static site cannot answer a query itself
      Optional<String> id = e.article().wordpressId();
      if (id.isPresent()) {
        add(pages, owners, new RedirectPage(OLD_POST_PREFIX + id.get() + "/", e, "wordpress_id"), e.article().source(), problems);
      }
    }
    return new Plan(pages);
  }

  private static List<TermsPage.Item> items(List<Term> terms, boolean byCount) {
    Comparator<Term> order = byCount
        ? Comparator.comparingInt((Term t) -> -t.entries().size()).thenComparing(Term::slug)
        : Comparator.comparing(Term::slug);
    return terms.stream().sorted(order).map(t -> new TermsPage.Item(t.name(), t.url(), t.entries().size())).toList();
  }

  private static void list(List<Page> pages, Map<String, String> owners, String kind, String title, String lang, String base,
      List<Entry> entries, int size, List<Problem> problems) {
    int count = Math.max(1, (entries.size() + size - 1) / size);
    for (int n = 1; n <= count; n++) {
      String url = n == 1 ? base : base + "page/" + n + "/";
      add(pages, owners, new ListPage(url, kind, title, lang, base, entries, n, count, size), "", problems);
    }
  }

  private static void add(List<Page> pages, Map<String, String> owners, Page page, String source, List<Problem> problems) {
    String key = SitePaths.collisionKey(page.url());
    String owner = describe(page, source);
    String previous = owners.putIfAbsent(key, owner);
    if (previous != null) {
      String file = source.isEmpty() ? "" : source;
      int line = page instanceof RedirectPage r ? r.target().article().lineOf(r.key()) : 0;
      problems.add(Problem.error(file, line, line > 0 ? 1 : 0, owner + " and " + previous + " would both be written at " + page.url() + "; rename one of them"));
      return;
    }
    pages.add(page);
  }

  private static String describe(Page page, String source) {
    if (page instanceof ArticlePage) {
      return "the article " + source;
    } else if (page instanceof RedirectPage r && r.key().equals("wordpress_id")) {
      return "the redirect " + r.url() + " of the wordpress_id of " + source;
    } else if (page instanceof RedirectPage r) {
      return "the alias " + r.url() + " of " + source;
    } else if (page instanceof ListPage l) {
      return "the " + l.kind() + " list" + (l.title().isEmpty() ? "" : " '" + l.title() + "'");
    } else if (page instanceof TermsPage t) {
      return "the index of " + t.kind();
    }
    return "the 404 page";
  }
}
