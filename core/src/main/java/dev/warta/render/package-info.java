/**
 * Rendering: the plan of pages to write, FreeMarker with HTML auto-escaping, the embedded theme
 * (overridden by a site's templates of the same name), the data model each template receives,
 * i18n labels and date formats per language.
 *
 * <p>Depends on {@code archive}, {@code content} and {@code markdown}, the shared values and
 * internal helpers; never writes files itself: it returns bytes for the {@code publish} stage.
 */
package dev.warta.render;
