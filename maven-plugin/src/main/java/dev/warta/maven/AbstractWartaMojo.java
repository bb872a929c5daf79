package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildListener;
import dev.warta.shared.Problem;
import dev.warta.Site;
import dev.warta.Warta;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every Warta goal shares: where the site is, and the settings that win over {@code
 * warta.yml}.
 *
 * <p>Precedence, highest first: a value in the plugin's {@code <configuration>} in the pom; a
 * {@code -Dwarta.*} user property on the command line (stock Maven: a value configured in the pom
 * beats the property); the site's {@code warta.yml}; Warta's defaults.
 */
abstract class AbstractWartaMojo extends AbstractMojo {

  /**
   * The site folder: it holds {@code warta.yml}, {@code content/}, and optionally {@code
   * templates/}, {@code static/} and {@code i18n/}. Without a project, give it with {@code
   * -Dwarta.site=DIR} (a relative path is taken from the current folder).
   */
  @Parameter(property = "warta.site", defaultValue = "${project.basedir}/src/site/warta")
  protected File site;

  /** Skips the goal. */
  @Parameter(property = "warta.skip", defaultValue = "false")
  protected boolean skip;

  /** The absolute URL the site is served from, e.g. {@code https://news.example.org/}; setting {@code baseUrl}. */
  @Parameter(property = "warta.baseUrl")
  protected String baseUrl;

  /** The site's name; setting {@code title}. */
  @Parameter(property = "warta.title")
  protected String title;

  /** One sentence about the site; setting {@code description}. */
  @Parameter(property = "warta.description")
  protected String description;

  /** The default language of articles, e.g. {@code id} or {@code en}; setting {@code language}. */
  @Parameter(property = "warta.language")
  protected String language;

  /** The zone for dates written without an offset, e.g. {@code Asia/Jakarta}; setting {@code timeZone}. */
  @Parameter(property = "warta.timeZone")
  protected String timeZone;

  /** The URL pattern of articles, e.g. {@code /:year/:month/:slug/}; setting {@code permalink}. */
  @Parameter(property = "warta.permalink")
  protected String permalink;

  /** Articles per list page; setting {@code paginate}. */
  @Parameter(property = "warta.paginate")
  protected Integer paginate;

  /** Builds articles marked {@code draft: true}; setting {@code drafts}. */
  @Parameter(property = "warta.drafts")
  protected Boolean drafts;

  /** Builds articles dated after the build time; setting {@code future}. */
  @Parameter(property = "warta.future")
  protected Boolean future;

  /**
   * The time the build counts as "now", e.g. {@code 2024-01-31T12:00:00Z}; fix it for
   * reproducible builds; setting {@code buildTime}.
   */
  @Parameter(property = "warta.buildTime")
  protected String buildTime;

  /** Writes links relative to each page, so the site also opens from disk; setting {@code relativeUrls}. */
  @Parameter(property = "warta.relativeUrls")
  protected Boolean relativeUrls;

  /** What happens to HTML inside Markdown: {@code escape}, {@code sanitize} or {@code allow}; setting {@code rawHtml}. */
  @Parameter(property = "warta.rawHtml")
  protected String rawHtml;

  /** Related articles at the end of each article; setting {@code related.count}. */
  @Parameter(property = "warta.relatedCount")
  protected Integer relatedCount;

  /** Writes {@code related.json}, explaining every related link; setting {@code related.report}. */
  @Parameter(property = "warta.relatedReport")
  protected Boolean relatedReport;

  /** Newest articles per feed; setting {@code feeds.items}. */
  @Parameter(property = "warta.feedItems")
  protected Integer feedItems;

  /**
   * Any other setting of {@code warta.yml} by its dotted name, e.g. {@code
   * <settings><related.minScore>10</related.minScore></settings>}.
   */
  @Parameter
  protected Map<String, String> settings;

  /** Threads used to render and write; 0 means one per processor. The output is the same whatever the count. */
  @Parameter(property = "warta.threads", defaultValue = "0")
  protected int threads;

  /**
   * Where builds keep what lets the next build skip unchanged pages; in the build folder, so that
   * neither the sources nor the published site hold it, and {@code mvn clean} removes it.
   */
  @Parameter(property = "warta.cache", defaultValue = "${project.build.directory}/warta-cache")
  protected File cache;

  /** The site with every setting given to the goal. */
  protected Site site() {
    Site s = Warta.site(site.toPath()).set(givenSettings()).listener(new LogListener(getLog())).cache(folder(cache).toPath());
    return threads > 0 ? s.threads(threads) : s;
  }

  /** Every setting given to the goal, by its name in {@code warta.yml}. */
  protected Map<String, String> givenSettings() {
    Map<String, String> values = new LinkedHashMap<>();
    if (settings != null) {
      values.putAll(settings);
    }
    put(values, "baseUrl", baseUrl);
    put(values, "title", title);
    put(values, "description", description);
    put(values, "language", language);
    put(values, "timeZone", timeZone);
    put(values, "permalink", permalink);
    put(values, "paginate", paginate);
    put(values, "drafts", drafts);
    put(values, "future", future);
    put(values, "buildTime", buildTime);
    put(values, "relativeUrls", relativeUrls);
    put(values, "rawHtml", rawHtml);
    put(values, "related.count", relatedCount);
    put(values, "related.report", relatedReport);
    put(values, "feeds.items", feedItems);
    return values;
  }

  /** The listener logging a build's progress, for a build run elsewhere. */
  protected BuildListener logListener() {
    return new LogListener(getLog());
  }

  /**
   * A folder parameter as Maven gave it, repaired for runs without a project: Maven's stub project
   * leaves {@code ${project.build.directory}} as the raw {@code ${project.basedir}/target}, which
   * would otherwise become a folder literally named {@code ${project.basedir}}.
   */
  static File folder(File configured) {
    String path = configured.getPath();
    String raw = "${project.basedir}";
    int at = path.indexOf(raw);
    if (at < 0) {
      return configured;
    }
    String before = path.substring(0, at);
    String after = path.substring(at + raw.length());
    return new File(before.isEmpty() ? "." : before, after.startsWith(File.separator) ? after.substring(1) : after);
  }

  private static void put(Map<String, String> values, String name, Object value) {
    if (value != null) {
      values.put(name, value.toString());
    }
  }

  /** Logs every problem on its own line, {@code file:line:col: message}, then fails the goal. */
  protected MojoFailureException failure(BuildException e) {
    return failure(e.problems());
  }

  /** Logs every problem on its own line, {@code file:line:col: message}, then fails the goal. */
  protected MojoFailureException failure(List<Problem> problems) {
    log(problems);
    int errors = (int) problems.stream().filter(Problem::isError).count();
    return new MojoFailureException(errors == 1 ? "Warta found 1 error in " + site : "Warta found " + errors + " errors in " + site);
  }

  /** Logs problems one per line: errors as errors, warnings as warnings. */
  protected void log(List<Problem> problems) {
    Log log = getLog();
    for (Problem p : problems) {
      if (p.isError()) {
        log.error(where(p));
      } else {
        log.warn(where(p));
      }
    }
  }

  /**
   * A problem as {@code path:line:col: severity: message}, the path being the file's in the site
   * folder, so terminals and IDEs can open it. Problems about no file, or about a file of the
   * embedded theme, are printed as they are.
   */
  protected String where(Problem p) {
    String text = p.toString();
    if (p.file().isEmpty() || !new File(site, p.file()).exists()) {
      return text;
    }
    return new File(site, p.file()).getPath() + text.substring(p.file().length());
  }

  /** Logs stages as they finish, so a long build shows progress. */
  private final class LogListener implements BuildListener {
    private final Log log;

    LogListener(Log log) {
      this.log = log;
    }

    @Override
    public void stageFinished(String stage, int count, long millis) {
      log.info(String.format(Locale.ROOT, "%-8s %,d in %.2f s", stage, count, millis / 1000.0));
    }

    @Override
    public void stageAdvanced(String stage, int done, int total, long millis) {
      log.info(advanced(stage, done, total, millis));
    }
  }

  /**
   * A running stage's progress as a log line: {@code render   41,200 of 100,000, 8,240/s, about 7 s
   * left}; the time left assumes the rate so far holds.
   */
  static String advanced(String stage, int done, int total, long millis) {
    double perSecond = millis > 0 ? done * 1000.0 / millis : 0;
    String left = perSecond > 0 ? String.format(Locale.ROOT, ", about %.0f s left", Math.max(0, total - done) / perSecond) : "";
    return String.format(Locale.ROOT, "%-8s %,d of %,d, %,.0f/s%s", stage, done, total, perSecond, left);
  }
}
