/**
 * Loading articles: finding Markdown files under {@code content/}, splitting and reading their
 * front matter safely, and turning it into immutable {@link dev.warta.content.Article} records.
 *
 * <p>Reads Jekyll's {@code _posts/YYYY-MM-DD-slug.md} names and Hugo's front matter keys too, so
 * existing archives come in without rewriting. Each file is read once per build: its body is handed
 * to the caller (for related-article analysis) and kept for the build in {@link
 * dev.warta.content.Bodies}, from which rendering takes it. The only package that reaches an
 * article's file (checked by {@code ArchitectureTest}). Depends on {@code markdown} (summaries, read also lines), the shared values and
 * internal helpers.
 */
package dev.warta.content;
