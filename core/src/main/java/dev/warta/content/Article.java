package dev.warta.content;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One article's metadata, read from its front matter and file name. The body is not held here: the
 * load keeps it for the build in {@link Bodies}, from which rendering takes it.
 *
 * @param source the file relative to the site folder, with {@code /}, e.g. {@code
 *     content/ekonomi/harga-cabai.md}; unique, and the stable key of the article
 * @param file the file on disk
 * @param title the headline
 * @param slug the last URL segment: from {@code slug}, the Jekyll file name, or the title
 * @param date publication time, in the site's time zone
 * @param updated last update, in the site's time zone; equal to {@code date} when not given
 * @param authors in the order written; may be empty
 * @param section the section name as written (from {@code section}, {@code categories} or the
 *     first folder); empty when the article has none
 * @param tags as written, duplicates (by slug) removed
 * @param summary plain text: {@code summary}, the text before {@code <!--more-->}, or the first
 *     paragraph
 * @param image the lead image, if any
 * @param lang the language tag ({@code id}, {@code en})
 * @param draft whether the article is a draft (built only when drafts are asked for)
 * @param canonical a canonical URL that wins over the article's own; empty for none
 * @param aliases old URL paths that must keep working
 * @param related hand-picked related articles, by slug or source path, in order
 * @param translationKey articles sharing it are translations of each other; empty for none
 * @param params every front matter key Warta does not know, for templates
 * @param bodyLine the 1-based line of the file where the body starts
 * @param keyLines the line of each front matter key, for problems found by later stages
 */
public record Article(
    String source,
    Path file,
    String title,
    String slug,
    ZonedDateTime date,
    ZonedDateTime updated,
    List<String> authors,
    String section,
    List<String> tags,
    String summary,
    Optional<Image> image,
    String lang,
    boolean draft,
    String canonical,
    List<String> aliases,
    List<String> related,
    String translationKey,
    Map<String, Object> params,
    int bodyLine,
    Map<String, Integer> keyLines) {

  /** Validates and copies. */
  public Article {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(translationKey, "translationKey");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    keyLines = Map.copyOf(keyLines);
  }

  /** Whether the article was updated after it was published. */
  public boolean isUpdated() {
    return updated.isAfter(date);
  }

  /** The line of the key that makes the URL: {@code slug} when given, else {@code title}. */
  public int urlLine() {
    return keyLines.containsKey("slug") ? lineOf("slug") : lineOf("title");
  }

  /**
   * The number of the WordPress post the article was imported from ({@code wordpress_id}, digits
   * only: the reader refuses any other), for the redirect of its old {@code ?p=ID} link.
   */
  public Optional<String> wordpressId() {
    Object id = params.get(WORDPRESS_ID);
    return id == null ? Optional.empty() : Optional.of(id.toString());
  }

  /** The front matter key of {@link #wordpressId()}. */
  public static final String WORDPRESS_ID = "wordpress_id";

  /** The line of a front matter key, or of the front matter's start when the key is absent. */
  public int lineOf(String key) {
    return keyLines.getOrDefault(key, 1);
  }
}
