package dev.warta.render;

import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.archive.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One list of articles that has feeds: the site (one per language with a home page), each section,
 * and each tag when {@code feeds.tags} is on. Its RSS, Atom and JSON feeds sit beside the list's
 * first page: {@code /feed.xml}, {@code /atom.xml}, {@code /feed.json}; {@code /ekonomi/feed.xml}…
 *
 * <p>Here rather than in {@code publish} because pages link to their feeds: rendering needs the
 * URLs, and publishing, which comes after, writes the files.
 *
 * @param kind {@code home}, {@code section} or {@code tag}: the kind of the list page it follows
 * @param name the section's or tag's name as written; empty for the site
 * @param lang the language of the site feed; the site's language for sections and tags
 * @param base the URL of the list's first page, ending with {@code /}
 * @param entries the newest {@code feeds.items} articles of the list, in archive order
 */
public record FeedChannel(String kind, String name, String lang, String base, List<Entry> entries) {
  /** Validates and copies. */
  public FeedChannel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(base, "base");
    entries = List.copyOf(entries);
  }

  /** The RSS 2.0 feed's URL. */
  public String rss() {
    return base + "feed.xml";
  }

  /** The Atom 1.0 feed's URL. */
  public String atom() {
    return base + "atom.xml";
  }

  /** The JSON Feed 1.1 feed's URL. */
  public String json() {
    return base + "feed.json";
  }

  /**
   * The feed's title: the site's for the site's own language, with the language's name for the
   * others, and with the section's or tag's name for theirs.
   */
  public String title(String siteTitle, String languageName) {
    if (kind.equals("home")) {
      return base.equals("/") ? siteTitle : siteTitle + " – " + languageName;
    }
    return siteTitle + " – " + name;
  }

  /**
   * The channels of an archive, in a fixed order: site feeds (the site's language first, as the
   * home pages), sections, then tags, each by slug.
   */
  public static List<FeedChannel> of(Archive archive) {
    int items = archive.config().feeds().items();
    String lang = archive.config().language();
    List<FeedChannel> channels = new ArrayList<>();
    // one site feed per home page, at the same base: the default language at the root
    for (String l : archive.languages()) {
      channels.add(new FeedChannel("home", "", l, homeBase(l, lang), newest(archive.entries(l), items)));
    }
    if (archive.entries().isEmpty()) {
      channels.add(new FeedChannel("home", "", lang, "/", List.of()));
    }
    for (Term t : archive.sections()) {
      channels.add(new FeedChannel("section", t.name(), lang, t.url(), newest(t.entries(), items)));
    }
    if (archive.config().feeds().tags()) {
      for (Term t : archive.tags()) {
        channels.add(new FeedChannel("tag", t.name(), lang, t.url(), newest(t.entries(), items)));
      }
    }
    return List.copyOf(channels);
  }

  /** The first page of a language's home: {@code /} for the site's language, {@code /en/} for others. */
  static String homeBase(String l, String siteLanguage) {
    return l.equals(siteLanguage) ? "/" : "/" + l.toLowerCase(Locale.ROOT) + "/";
  }

  private static List<Entry> newest(List<Entry> entries, int count) {
    return entries.subList(0, Math.min(count, entries.size()));
  }
}
