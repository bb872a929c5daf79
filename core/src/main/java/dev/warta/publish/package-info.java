/**
 * Publishing: writing every changed file into a staging folder beside the output, bringing the
 * older of two release folders up to date with them (unchanged files hard-linked from the current
 * release: bytes and timestamps kept), then switching the output's symbolic link to it with one
 * rename (a journal where links are missing); feeds,
 * sitemaps, robots.txt, static files, and the share card and logo of a site without them.
 *
 * <p>The only package that writes files (checked by {@code ArchitectureTest}): the site, the build
 * cache's files that other stages describe as {@code CacheData.Snapshot}s ({@link
 * dev.warta.publish.CacheFiles}), and the pages {@code warta:serve} refreshes in place ({@link
 * dev.warta.publish.InPlace}). Depends on {@code render} for page bytes and on {@code archive} for
 * feed and sitemap entries.
 */
package dev.warta.publish;
