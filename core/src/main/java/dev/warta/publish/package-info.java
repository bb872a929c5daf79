/**
 * Publishing: writing every file into a staging folder beside the output, keeping the bytes and
 * timestamps of unchanged files, then swapping the staging folder in; feeds, sitemaps, robots.txt
 * and static files.
 *
 * <p>The only package that writes files (checked by {@code ArchitectureTest}): the site, the build
 * cache's files that other stages describe as {@code CacheData.Snapshot}s ({@link
 * dev.warta.publish.CacheFiles}), and the pages {@code warta:serve} refreshes in place ({@link
 * dev.warta.publish.InPlace}). Depends on {@code render} for page bytes and on {@code archive} for
 * feed and sitemap entries.
 */
package dev.warta.publish;
