package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.shared.Problem;
import dev.warta.Warta;
import dev.warta.imports.ImportException;
import dev.warta.imports.ImportOptions;
import dev.warta.imports.ImportReport;
import java.io.File;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports a WordPress export (WXR) into the site folder: one Markdown file per post under {@code
 * content/}, the old permalinks kept as aliases, and every article rendered back and checked for
 * lost text, links, images and embeds. The report is written to {@code import/report.txt} and
 * {@code import/report.json} in the site folder; the goal fails when an article lost text, unless
 * {@code -Dwarta.acceptLoss=true}.
 *
 * <p>Runs with or without a project: {@code mvn dev.warta:warta-maven-plugin:VERSION:import
 * -Dwarta.wxr=export.xml -Dwarta.site=DIR}. Importing again writes only what changed, and never a
 * file edited since the last import.
 *
 * <p>Settings: a value in the pom's {@code <configuration>} wins over a {@code -Dwarta.*} property,
 * which wins over {@code warta.yml}, which wins over Warta's defaults. The site's {@code timeZone},
 * {@code permalink}, {@code language} and read also labels shape the imported files.
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public class ImportMojo extends AbstractWartaMojo {

  /**
   * The WordPress export files, separated by commas: several for WP-CLI's split exports ({@code
   * site.wordpress.2024-02-01.000.xml,site.wordpress.2024-02-01.001.xml}). A relative path is taken
   * from the current folder.
   */
  @Parameter(property = "warta.wxr", required = true)
  private String wxr;

  /**
   * The URL that replaces {@code https://SITE/wp-content/uploads/} in image and media URLs, e.g.
   * {@code https://media.example.org/uploads/}; by default media URLs are kept as they are.
   */
  @Parameter(property = "warta.mediaBase", defaultValue = "")
  private String mediaBase;

  /** Writes {@code import/media.txt}: every media URL of the posts and the URL the site shows it from. */
  @Parameter(property = "warta.mediaList", defaultValue = "false")
  private boolean mediaList;

  /** What becomes of drafts, pending and private posts: {@code draft} (written with {@code draft: true}) or {@code skip}. */
  @Parameter(property = "warta.importDrafts", defaultValue = "draft")
  private String importDrafts;

  /** What becomes of WordPress pages: {@code skip}, {@code draft} or {@code publish}. */
  @Parameter(property = "warta.importPages", defaultValue = "skip")
  private String importPages;

  /** The zone of {@code post_date} for posts without a GMT date (drafts), e.g. {@code Asia/Jakarta}; by default the site's. */
  @Parameter(property = "warta.postDateZone")
  private String postDateZone;

  /** Succeeds even when an article lost text; the report still lists every loss. */
  @Parameter(property = "warta.acceptLoss", defaultValue = "false")
  private boolean acceptLoss;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Warta import (warta.skip)");
      return;
    }
    ImportOptions options = options();
    List<Path> exports = new ArrayList<>();
    for (String name : wxr.split(",")) {
      if (!name.isBlank()) {
        exports.add(new File(name.strip()).getAbsoluteFile().toPath());
      }
    }
    ImportReport report;
    try {
      report = Warta.importWordPress(exports, site(), options);
    } catch (ImportException e) {
      log(e.problems());
      throw new MojoFailureException("Warta could not import " + wxr + "; nothing was written");
    } catch (BuildException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("Warta failed unexpectedly: " + e, e);
    }
    report.warnings().forEach(p -> getLog().warn(p.toString()));
    for (String line : report.summary().split("\n")) {
      if (!line.isBlank() && report.warnings().stream().map(Problem::toString).noneMatch(line::equals)) {
        getLog().info(line);
      }
    }
    getLog().info("Warta: report written to " + new File(site, "import/report.txt").getPath());
    if (report.lostText() > 0) {
      String message = String.format(Locale.ROOT, "%d imported articles lost text (see %s); fix the export or accept it with -Dwarta.acceptLoss=true",
          report.lostText(), new File(site, "import/report.txt").getPath());
      if (!acceptLoss) {
        throw new MojoFailureException(message);
      }
      getLog().warn(message);
    }
  }

  private ImportOptions options() throws MojoFailureException {
    try {
      ImportOptions options = ImportOptions.defaults()
          .drafts(keep("importDrafts", importDrafts))
          .pages(keep("importPages", importPages))
          .mediaBase(mediaBase == null ? "" : mediaBase.strip())
          .mediaList(mediaList);
      if (postDateZone != null && !postDateZone.isBlank()) {
        options = options.postDateZone(ZoneId.of(postDateZone.strip()));
      }
      return options;
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new MojoFailureException("Warta import: " + e.getMessage());
    }
  }

  private static ImportOptions.Keep keep(String parameter, String value) {
    try {
      return ImportOptions.Keep.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + parameter + "' must be skip, draft or publish, found '" + value + "'");
    }
  }
}
