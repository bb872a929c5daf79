/**
 * Importing other systems' exports into a site folder: WordPress eXtended RSS (WXR 1.0–1.2) is
 * streamed with StAX one item at a time, each post's HTML is cleaned (WordPress's paragraph rules,
 * shortcodes, embeds, read also lines) and converted to Markdown with YAML front matter, and every
 * article is rendered back through Warta's own Markdown renderer to check that no text, link,
 * image or embed was lost.
 *
 * <p>Depends on the shared values ({@code Problem}, {@code SiteConfig}), on {@code markdown} for
 * the loss check and on {@code archive} for the URL an article will get; never on the facade,
 * which calls in through {@link dev.warta.imports.WordPressImport}.
 */
package dev.warta.imports;
