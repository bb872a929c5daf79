/**
 * Publishing: writing every file into a staging folder beside the output, keeping the bytes and
 * timestamps of unchanged files, then swapping the staging folder in; feeds, sitemaps, robots.txt
 * and static files.
 *
 * <p>The only package that writes files. Depends on {@code render} for page bytes and on {@code
 * archive} for feed and sitemap entries.
 */
package dev.warta.publish;
