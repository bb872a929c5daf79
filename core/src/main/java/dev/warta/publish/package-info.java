/**
 * Publishing: writing every changed file into a staging folder beside the output, hard-linking the
 * unchanged ones (bytes and timestamps kept) from the current release, then switching the output's
 * symbolic link to the new release with one rename (a journal where links are missing); feeds,
 * sitemaps, robots.txt, static files, and the share card and logo of a site without them.
 *
 * <p>The only package that writes files (checked by {@code ArchitectureTest}): the site, the build
 * cache's files that other stages describe as {@code CacheData.Snapshot}s ({@link
 * dev.warta.publish.CacheFiles}), and the pages {@code warta:serve} refreshes in place ({@link
 * dev.warta.publish.InPlace}). Depends on {@code render} for page bytes and on {@code archive} for
 * feed and sitemap entries.
 */
package dev.warta.publish;
