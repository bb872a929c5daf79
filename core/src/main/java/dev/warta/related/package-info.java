/**
 * Related articles computed from the text itself, and resolution of "Baca juga" titles.
 *
 * <p>This package owns the related-article scoring ({@link dev.warta.related.RelatedIndex}: text
 * analysis per language, names, tags, section and time, an inverted index with pruning, top-k
 * scoring and an explanation of every link) and title matching ({@link
 * dev.warta.related.TitleMatcher}). It is a leaf: it depends on no other Warta package, only on the
 * JDK and Lucene's analyzers, so the archive stage feeds it plain {@link
 * dev.warta.related.RelatedDocument} values.
 */
package dev.warta.related;
