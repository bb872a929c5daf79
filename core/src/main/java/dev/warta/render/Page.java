package dev.warta.render;

import dev.warta.archive.Entry;
import java.util.List;

/** One page of the site to render, at a site-relative URL. */
public sealed interface Page permits Page.ArticlePage, Page.ListPage, Page.TermsPage, Page.NotFoundPage, Page.RedirectPage,
    Page.SearchPage {

  /** The site-relative URL, starting with {@code /}; a URL ending in {@code /} is written as {@code index.html}. */
  String url();

  /** The template that renders the page. */
  String template();

  /** An article. */
  record ArticlePage(String url, Entry entry) implements Page {
    @Override
    public String template() {
      return "article.ftlh";
    }
  }

  /**
   * One page of a paginated list of articles.
   *
   * @param url this page's URL
   * @param kind {@code home}, {@code section}, {@code tag}, {@code author}, {@code year} or {@code month}
   * @param title the list's heading (a term's name, a year…); empty for the home page
   * @param lang the language of the page's labels
   * @param base the URL of the list's first page; page n is at {@code base + "page/" + n + "/"}
   * @param all every article of the list, in archive order
   * @param number this page's number, from 1
   * @param pages how many pages the list has (at least 1)
   * @param size articles per page
   */
  record ListPage(String url, String kind, String title, String lang, String base, List<Entry> all, int number, int pages, int size)
      implements Page {
    /** Copies. */
    public ListPage {
      all = List.copyOf(all);
    }

    @Override
    public String template() {
      return "list.ftlh";
    }

    /** The articles on this page. */
    public List<Entry> items() {
      int from = Math.min(all.size(), (number - 1) * size);
      return all.subList(from, Math.min(all.size(), from + size));
    }
  }

  /**
   * An index of terms: all sections, tags, authors or years.
   *
   * @param kind {@code sections}, {@code tags}, {@code authors} or {@code years}
   * @param items the terms with their counts, in display order
   */
  record TermsPage(String url, String kind, String lang, List<Item> items) implements Page {
    /** Copies. */
    public TermsPage {
      items = List.copyOf(items);
    }

    /** A term and how many articles it has. */
    public record Item(String name, String url, int count) {}

    @Override
    public String template() {
      return "terms.ftlh";
    }
  }

  /** The page a server shows for a URL it does not have. */
  record NotFoundPage(String url, String lang) implements Page {
    @Override
    public String template() {
      return "404.ftlh";
    }
  }

  /**
   * An old URL that sends readers to the article's URL: an alias, or {@code /p/ID/} for an
   * article with a {@code wordpress_id}.
   *
   * @param key the front matter key it comes from, {@code aliases} or {@code wordpress_id}
   */
  record RedirectPage(String url, Entry target, String key) implements Page {
    /** The front matter key the redirect comes from: {@code aliases} or {@code wordpress_id}. */
    public RedirectPage {
      java.util.Objects.requireNonNull(key, "key");
    }

    @Override
    public String template() {
      return "redirect.ftlh";
    }
  }

  /** The search page of a language, which the browser client fills from the static index. */
  record SearchPage(String url, String lang) implements Page {
    @Override
    public String template() {
      return "search.ftlh";
    }
  }
}
