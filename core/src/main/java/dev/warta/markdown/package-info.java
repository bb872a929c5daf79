/**
 * Markdown: one flexmark {@code Parser}/{@code HtmlRenderer} pair built once from the individual
 * extensions (tables, strikethrough, autolinks, footnotes); the author's "read also" lines resolved
 * to links; relative links to {@code .md} files rewritten to their article's URL; Warta's own read
 * also links inserted between paragraphs; and raw HTML escaped or sanitised as the site asks.
 *
 * <p>Knows nothing of archives or templates: callers pass in how to resolve titles and files.
 * Depends only on the shared values and internal helpers.
 */
package dev.warta.markdown;
