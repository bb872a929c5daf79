package dev.warta.build;

import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.content.Article;
import dev.warta.content.Bodies;
import dev.warta.content.ContentLoader;
import dev.warta.publish.InPlace;
import dev.warta.render.Page;
import dev.warta.render.Plan;
import dev.warta.render.RenderCache;
import dev.warta.render.SiteRenderer;
import dev.warta.shared.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The quick half of {@code Site.refresh}: edited articles put into the last build's archive in
 * their places, and the pages that show them rendered again and written over their files. Those
 * are the articles' own pages, their neighbours and translations, the list pages they appear on,
 * the term indexes, and the pages whose related lists may hold them; of these, only the pages
 * whose model changed since the last build are written.
 *
 * <p>What it leaves to the full build that follows: the related lists themselves (an edit changes
 * the statistics every list is ranked by), and any edit that moves an article (see {@link
 * Archive#with}).
 */
public final class Refresh {
  private final Path siteDir;
  private final Memory memory;
  private final Progress listener;

  /**
   * A refresh of the site in {@code siteDir}, from what {@code memory} kept of its last build,
   * telling {@code listener} the problems it finds.
   */
  public Refresh(Path siteDir, Memory memory, Progress listener) {
    this.siteDir = siteDir;
    this.memory = memory;
    this.listener = listener;
  }

  /** Returns the URLs written. */
  public List<String> run(Path outputDir, java.util.Collection<Path> changed) {
    Optional<Pipeline.Loaded> last = memory.built(outputDir);
    if (last.isEmpty()) {
      return List.of();
    }
    Pipeline.Loaded loaded = last.get();
    Archive archive = loaded.archive();
    ContentLoader reader = new ContentLoader(loaded.config(), siteDir);
    Set<String> edited = new HashSet<>();
    Set<String> regrouped = new HashSet<>();
    for (Path file : changed) {
      List<Problem> found = new ArrayList<>();
      Optional<Article> now = reader.reread(file, found);
      found.forEach(listener::problem);
      Optional<Article> was = now.flatMap(a -> loaded.archive().bySource(a.source())).map(Entry::article);
      Optional<Archive> with = now.flatMap(archive::with);
      if (with.isPresent()) {
        archive = with.get();
        edited.add(now.get().source());
        // a tag or author added or dropped shifts the pages of its list after the article
        for (String tag : difference(was.get().tags(), now.get().tags())) {
          regrouped.add(archive.tagUrl(tag));
        }
        for (String author : difference(was.get().authors(), now.get().authors())) {
          regrouped.add(archive.authorUrl(author));
        }
      }
      // else an error, a new article, no article or one that moved: the full build tells
    }
    if (edited.isEmpty()) {
      return List.of();
    }
    RelatedLinks links = loaded.links().with(archive);
    // the last build's pages stand, but for their entries, when no list gained or lost a member
    List<Problem> setup = new ArrayList<>();
    Plan plan = regrouped.isEmpty() ? memory.plan() : Plan.of(archive, setup);
    List<Page> pages = showing(plan, archive, links, edited, regrouped);
    RenderCache before = memory.lastRendered().orElse(RenderCache.empty(new byte[0]));
    // a body the last build rendered from the same file is known by its key, and rendered only
    // for a page that must be written
    SiteRenderer renderer = SiteRenderer.create(siteDir, archive, links, Bodies.fromFiles(), setup, before, RenderCache.empty(new byte[0]));
    setup.forEach(listener::problem);
    List<String> written = new ArrayList<>();
    for (Page page : pages) {
      List<Problem> found = new ArrayList<>();
      Optional<RenderCache.PageEntry> was = before.page(page.url());
      SiteRenderer.Rendered rendered = renderer.render(page, found, fingerprint -> was.filter(w -> Arrays.equals(w.fingerprint(), fingerprint)).isPresent());
      found.forEach(listener::problem);
      if (rendered.kept() || found.stream().anyMatch(Problem::isError)) {
        continue;
      }
      try {
        InPlace.replace(outputDir, page.url(), rendered.bytes());
        // the file no longer holds what the cache says: the next build must not keep it
        memory.forgetPage(page.url());
        written.add(page.url());
      } catch (IOException e) {
        listener.problem(Problem.warning("", 0, 0, "cannot write the page " + page.url() + " at once: " + e.getMessage()
            + "; the full build that follows writes it"));
      }
    }
    // a second edit before the full build builds on this one
    memory.built(outputDir, new Pipeline.Loaded(loaded.config(), archive, links, loaded.firstFuture()), plan);
    return written;
  }

  private static boolean holdsAny(List<Entry> entries, boolean[] isEdited) {
    for (Entry e : entries) {
      if (isEdited[e.index()]) {
        return true;
      }
    }
    return false;
  }

  /** The names in one list and not the other, either way. */
  private static Set<String> difference(List<String> a, List<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    out.removeAll(both);
    return out;
  }

  /**
   * The pages of the plan that may show one of the edited articles, the articles' own first, with
   * the archive's entries in them.
   */
  private static List<Page> showing(Plan plan, Archive archive, RelatedLinks links, Set<String> edited, Set<String> regrouped) {
    boolean[] isEdited = new boolean[archive.entries().size()];
    Set<Integer> near = new HashSet<>();
    for (String source : edited) {
      Entry e = archive.bySource(source).orElseThrow();
      isEdited[e.index()] = true;
      archive.older(e).ifPresent(o -> near.add(o.index()));
      archive.newer(e).ifPresent(o -> near.add(o.index()));
      archive.olderInSection(e).ifPresent(o -> near.add(o.index()));
      archive.newerInSection(e).ifPresent(o -> near.add(o.index()));
      archive.translations(e).forEach(t -> near.add(t.index()));
    }
    List<Page> own = new ArrayList<>();
    List<Page> others = new ArrayList<>();
    for (Page page : plan.pages()) {
      if (page instanceof Page.ArticlePage a) {
        Entry e = archive.entries().get(a.entry().index());
        if (isEdited[e.index()]) {
          own.add(new Page.ArticlePage(a.url(), e));
        } else if (near.contains(e.index()) || links.mayList(e, edited)) {
          others.add(new Page.ArticlePage(a.url(), e));
        }
      } else if (page instanceof Page.ListPage l) {
        if (regrouped.contains(l.base()) || holdsAny(l.items(), isEdited)) {
          // the plan may be older than the archive: an earlier refresh edited other articles
          List<Entry> all = l.all().stream().map(e -> archive.entries().get(e.index())).toList();
          others.add(new Page.ListPage(l.url(), l.kind(), l.title(), l.lang(), l.base(), all, l.number(), l.pages(), l.size()));
        }
      } else if (page instanceof Page.TermsPage && !regrouped.isEmpty()) {
        others.add(page); // a tag or author added or dropped changes the counts
      }
    }
    own.addAll(others);
    return own;
  }
}
