/**
 * Related articles computed from the text itself, and resolution of "Baca juga" titles.
 *
 * <p>This package owns the related-article scoring ({@link dev.warta.related.RelatedIndex}: text
 * analysis per language, names, tags, section and time, an inverted index with pruning, top-k
 * scoring and an explanation of every link) and title matching ({@link
 * dev.warta.related.TitleMatcher}). No stage of the pipeline is below it: it depends only on the
 * shared values (its {@link dev.warta.shared.RelatedSettings}), internal helpers (digests, the cache
 * files' framing), the JDK and Lucene's analyzers; the orchestration feeds it plain {@link
 * dev.warta.related.RelatedDocument} values.
 */
package dev.warta.related;
