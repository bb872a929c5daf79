/**
 * The static search index: sharded files that a browser fetches on demand, and the page's small
 * client reads.
 *
 * <p>This package owns {@link dev.warta.search.SearchIndex}: each article's words analysed with
 * the related index's Lucene analysis ({@link dev.warta.related.Analysis}), so a query and the
 * related links agree on what a word is; BM25 impacts; the split into content-hashed shards. It
 * computes files as bytes and writes none ({@code publish} does); it depends only on {@code
 * related}'s analysis, the shared values, internal helpers and the JDK.
 */
package dev.warta.search;
