/**
 * The values every stage shares: {@link dev.warta.shared.Problem} (an error or warning with its
 * position) and {@link dev.warta.shared.SiteConfig} with its parts, among them the related index's
 * {@link dev.warta.shared.RelatedSettings}.
 *
 * <p>The bottom of the pipeline: it imports no other Warta package, so any stage may use it
 * without an import reaching back up (checked by {@code ArchitectureTest}).
 */
package dev.warta.shared;
