package dev.warta;

import dev.warta.imports.ImportException;
import dev.warta.imports.ImportOptions;
import dev.warta.imports.ImportReport;
import dev.warta.imports.WordPressImport;
import java.nio.file.Path;
import java.util.List;

/**
 * Warta builds static news archives: Markdown articles in, a fast, linked, searchable-by-engines
 * site out.
 *
 * <pre>{@code
 * BuildResult result = Warta.site(Path.of("my-archive"))      // reads my-archive/warta.yml
 *     .output(Path.of("target/site"))
 *     .baseUrl(URI.create("https://news.example.org/"))
 *     .build();                                           // throws BuildException listing every Problem
 * System.out.println(result.summary());
 * }</pre>
 *
 * <p>A site folder holds {@code warta.yml} (optional), {@code content/} (the articles), and
 * optionally {@code templates/}, {@code static/} and {@code i18n/}.
 */
public final class Warta {
  private Warta() {}

  /**
   * Imports WordPress exports (WXR files; several for WP-CLI's split exports) into a site folder
   * with the default options: see {@link #importWordPress(List, Site, ImportOptions)}.
   */
  public static ImportReport importWordPress(List<Path> exports, Path siteFolder) {
    return importWordPress(exports, site(siteFolder), ImportOptions.defaults());
  }

  /**
   * Imports WordPress exports into a site's folder: a Markdown file per post under {@code
   * content/}, the old permalinks as aliases, every article rendered back and checked for loss,
   * and a report in {@code import/report.json} and {@code import/report.txt}. The site's settings
   * (time zone, permalink, language, read also labels) shape the files.
   *
   * <pre>{@code
   * ImportReport report = Warta.importWordPress(List.of(Path.of("export.xml")), Path.of("archive"));
   * System.out.println(report.summary());   // report.lostText() == 0: no article lost text
   * }</pre>
   *
   * @throws ImportException when an export cannot be read (malformed XML, not a WordPress export,
   *     a document type declaration); nothing is written then
   */
  public static ImportReport importWordPress(List<Path> exports, Site site, ImportOptions options) {
    return new WordPressImport(site.config(), site.folder(), options).run(exports);
  }

  /** The site in a folder; nothing is read until a terminal method ({@code build}, {@code check}, {@code load}) runs. */
  public static Site site(Path folder) {
    return new Site(folder);
  }
}
