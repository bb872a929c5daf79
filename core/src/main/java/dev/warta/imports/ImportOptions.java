package dev.warta.imports;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How a WordPress export is imported. Immutable; each {@code with}-style call returns a copy.
 *
 * @param drafts what becomes of drafts, pending and private posts: {@code DRAFT} (written with
 *     {@code draft: true}, the default) or {@code SKIP}
 * @param pages what becomes of WordPress pages: {@code SKIP} (the default), {@code DRAFT} or
 *     {@code PUBLISH} (written as articles)
 * @param mediaBase when not empty, the URL that replaces {@code https://SITE/wp-content/uploads/}
 *     in image and media URLs, e.g. {@code https://media.example.org/uploads/}; empty keeps them
 * @param mediaList whether to write {@code import/media.txt}: every media URL of the imported
 *     posts, one a line, with the URL the site shows it from, for a script that fetches them
 * @param postDateZone the zone of {@code post_date} for posts without {@code post_date_gmt}
 *     (drafts); empty for the site's time zone
 * @param threads how many posts are converted at once (at least 1); the files are the same whatever
 *     the count
 */
public record ImportOptions(Keep drafts, Keep pages, String mediaBase, boolean mediaList, Optional<ZoneId> postDateZone, int threads) {
  /** What becomes of a kind of item. */
  public enum Keep {
    /** Not written. */
    SKIP,
    /** Written with {@code draft: true}. */
    DRAFT,
    /** Written as an article. */
    PUBLISH
  }

  /** Validates. */
  public ImportOptions {
    Objects.requireNonNull(drafts, "drafts");
    Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(mediaBase, "mediaBase");
    Objects.requireNonNull(postDateZone, "postDateZone");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (drafts == Keep.PUBLISH) {
      throw new IllegalArgumentException("drafts are skipped or kept as drafts, never published by an import");
    }
    if (!mediaBase.isEmpty() && !mediaBase.matches("(https?://[^\\s]+|/[^\\s]*)")) {
      throw new IllegalArgumentException("mediaBase must be an http(s) URL or a path starting with '/', found '" + mediaBase + "'");
    }
    if (!mediaBase.isEmpty() && !mediaBase.endsWith("/")) {
      mediaBase = mediaBase + "/";
    }
  }

  /** Drafts kept as drafts, pages skipped, media URLs kept, no media list, a thread per core. */
  public static ImportOptions defaults() {
    return new ImportOptions(Keep.DRAFT, Keep.SKIP, "", false, Optional.empty(), Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /** These options with drafts skipped or kept. */
  public ImportOptions drafts(Keep keep) {
    return new ImportOptions(keep, pages, mediaBase, mediaList, postDateZone, threads);
  }

  /** These options with pages skipped, kept as drafts, or published. */
  public ImportOptions pages(Keep keep) {
    return new ImportOptions(drafts, keep, mediaBase, mediaList, postDateZone, threads);
  }

  /** These options with media URLs rebased. */
  public ImportOptions mediaBase(String base) {
    return new ImportOptions(drafts, pages, base, mediaList, postDateZone, threads);
  }

  /** These options writing the list of media files, or not. */
  public ImportOptions mediaList(boolean write) {
    return new ImportOptions(drafts, pages, mediaBase, write, postDateZone, threads);
  }

  /** These options reading {@code post_date} in {@code zone} when a post has no GMT date. */
  public ImportOptions postDateZone(ZoneId zone) {
    return new ImportOptions(drafts, pages, mediaBase, mediaList, Optional.of(zone), threads);
  }

  /** These options converting {@code count} posts at once. */
  public ImportOptions threads(int count) {
    return new ImportOptions(drafts, pages, mediaBase, mediaList, postDateZone, count);
  }
}
