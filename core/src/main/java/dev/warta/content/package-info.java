/**
 * Loading articles: finding Markdown files under {@code content/}, splitting and reading their
 * front matter safely, and turning it into immutable {@link dev.warta.content.Article} records.
 *
 * <p>Reads Jekyll's {@code _posts/YYYY-MM-DD-slug.md} names and Hugo's front matter keys too, so
 * existing archives come in without rewriting. Bodies are not kept: they are handed once to the
 * caller (for related-article analysis) and read again when rendered, so memory does not grow with
 * the archive's text. Depends on {@code markdown} (summaries, read also lines), the shared values and
 * internal helpers.
 */
package dev.warta.content;
