package dev.warta.build;

import dev.warta.content.ContentLoader;
import dev.warta.related.RelatedIndex;
import dev.warta.shared.RelatedSettings;
import dev.warta.render.Plan;
import dev.warta.render.RenderCache;
import dev.warta.search.SearchIndex;
import java.util.Optional;

/**
 * What a process that builds one site again and again ({@code warta:serve}) keeps between builds:
 * the articles read, with their files' size and time, the related index's analysis of each, and
 * the render cache of the last build. A build then reads and analyses only the files that changed.
 * One build at a time: the builds of a {@code Site.warm()} site must not overlap.
 */
public final class Memory {
  /** Nothing kept yet: the first build reads and analyses every article. */
  public Memory() {}


  final ContentLoader.Memo articles = new ContentLoader.Memo();
  private RelatedSettings relatedSettings;
  private RelatedIndex.Builder related;
  private String renderedBy = "";
  private RenderCache rendered;
  private Pipeline.Loaded built;
  private java.nio.file.Path builtInto;
  private Plan plan;

  /** The related index builder of the last build, or a new one when its settings changed. */
  synchronized RelatedIndex.Builder related(RelatedSettings settings) {
    if (related == null || !settings.equals(relatedSettings)) {
      related = RelatedIndex.builder(settings);
      relatedSettings = settings;
    }
    return related;
  }

  private SearchIndex.Builder search;

  /** The search index's words of the articles of the last build. */
  synchronized SearchIndex.Builder search() {
    if (search == null) {
      search = SearchIndex.builder();
    }
    return search;
  }

  /** Drops the related analysis, e.g. after a build that failed halfway through adding to it. */
  synchronized void forgetRelated() {
    related = null;
    search = null;
  }

  /** The render cache the last build left, when the output is still the one it describes. */
  synchronized Optional<RenderCache> rendered(String buildId) {
    return buildId.isEmpty() || !buildId.equals(renderedBy) ? Optional.empty() : Optional.ofNullable(rendered);
  }

  /** The render cache of the last build, whatever output it describes. */
  synchronized Optional<RenderCache> lastRendered() {
    return Optional.ofNullable(rendered);
  }

  synchronized void rendered(String buildId, RenderCache cache) {
    renderedBy = buildId;
    rendered = cache;
  }

  /** Remembers the archive and plan of the last build that wrote {@code output}, for {@code Site.refresh}. */
  synchronized void built(java.nio.file.Path output, Pipeline.Loaded loaded, Plan plan) {
    builtInto = output;
    built = loaded;
    this.plan = plan;
  }

  /** The archive of the last build, when it wrote {@code output}. */
  synchronized Optional<Pipeline.Loaded> built(java.nio.file.Path output) {
    return output.equals(builtInto) ? Optional.ofNullable(built) : Optional.empty();
  }

  /** The pages of the last build; see {@link #built(java.nio.file.Path)}. */
  synchronized Plan plan() {
    return plan;
  }

  /** Forgets a page the last build wrote, after something else wrote its file. */
  synchronized void forgetPage(String url) {
    if (rendered != null) {
      rendered.forget(url);
    }
  }
}
