/**
 * The archive: articles in a total order (newest first, then title, then path), their URLs from
 * the permalink pattern, sections, tags, authors, year and month archives, translations, and
 * neighbours in time. Immutable once built, and shared by every page rendered.
 *
 * <p>Depends on {@code content} (the articles), the shared values and internal helpers; on nothing
 * later in the pipeline.
 */
package dev.warta.archive;
