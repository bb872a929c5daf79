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
import java.util.Properties;
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
 * <p>The import runs in a JVM of its own ({@code fork}, on by default), with a compiler, collector
 * and heap chosen for the exports' size ({@link JvmChoice#forImport}) and a class-data-sharing
 * archive made by the first import; {@code -Dwarta.fork=false} imports in Maven's JVM instead.
 * Either way it writes the same files.
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
public class ImportMojo extends AbstractForkingMojo {

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
    if (fork) {
      forked(exports, options);
    } else {
      ImportReport report;
      try {
        report = Warta.importWordPress(exports, site(), options);
      } catch (ImportException e) {
        throw refused(e.problems());
      } catch (BuildException e) {
        throw failure(e);
      } catch (RuntimeException e) {
        throw new MojoExecutionException("Warta failed unexpectedly: " + e, e);
      }
      reported(report.warnings(), report.summary(), report.lostText());
    }
  }

  /** Imports in a forked JVM; see {@link ForkedImport} for what it answers. */
  private void forked(List<Path> exports, ImportOptions options) throws MojoExecutionException, MojoFailureException {
    long bytes = 0;
    for (Path p : exports) {
      // a missing file is the import's to report, with the others
      bytes += p.toFile().length();
    }
    JvmChoice choice = JvmChoice.forImport(bytes, Runtime.getRuntime().availableProcessors(), physicalMemory());
    Properties request = ForkedImport.request(exports, ForkProtocol.request(site.toPath().toAbsolutePath(),
        folder(cache).toPath().toAbsolutePath(), threads, givenSettings()), options);
    List<Problem> problems = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    long[] lost = {-1};
    boolean[] refused = {false};
    forked(ForkedImport.class, choice, String.format(Locale.ROOT, "%,d bytes of export", bytes), request, f -> {
      switch (f.get(0)) {
        case "problem" -> problems.add(ForkProtocol.problem(f.subList(1, f.size())));
        case "summary" -> summary.add(f.get(1));
        case "lost" -> lost[0] = Long.parseLong(f.get(1));
        case "refused" -> refused[0] = true;
        default -> getLog().debug("Warta: an answer this goal does not know: " + f);
      }
    });
    if (refused[0]) {
      throw refused(problems);
    }
    if (summary.isEmpty() || lost[0] < 0) {
      throw failure(problems);
    }
    reported(problems, summary.get(0), lost[0]);
  }

  private MojoFailureException refused(List<Problem> problems) {
    log(problems);
    return new MojoFailureException("Warta could not import " + wxr + "; nothing was written");
  }

  /** Logs an import's report, and fails the goal when articles lost text and that was not accepted. */
  private void reported(List<Problem> warnings, String summary, long lostText) throws MojoFailureException {
    warnings.forEach(p -> getLog().warn(p.toString()));
    for (String line : summary.split("\n")) {
      if (!line.isBlank() && warnings.stream().map(Problem::toString).noneMatch(line::equals)) {
        getLog().info(line);
      }
    }
    getLog().info("Warta: report written to " + new File(site, "import/report.txt").getPath());
    if (lostText > 0) {
      String message = String.format(Locale.ROOT, "%d imported articles lost text (see %s); fix the export or accept it with -Dwarta.acceptLoss=true",
          lostText, new File(site, "import/report.txt").getPath());
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
      if (threads > 0) {
        options = options.threads(threads);
      }
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
