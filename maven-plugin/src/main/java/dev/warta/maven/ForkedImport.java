package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.Warta;
import dev.warta.imports.ImportException;
import dev.warta.imports.ImportOptions;
import dev.warta.imports.ImportReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The WordPress import in a JVM of its own, as {@link ImportMojo} starts it: {@code java ...
 * ForkedImport REQUEST}, the request naming the exports and the import's options besides what
 * {@link ForkProtocol} says every request holds. It reports the report's warnings, its summary
 * and the count of articles that lost text, and exits with 0; or reports the errors that stopped
 * it, with a {@code refused} line when the export itself was unreadable, and exits with {@link
 * ForkProtocol#PROBLEMS}.
 */
public final class ForkedImport {

  private ForkedImport() {}

  /** Imports what the request file names; see the class comment. */
  public static void main(String[] args) {
    ForkProtocol.serve(args, ForkedImport::run);
  }

  static int run(Properties request, PrintStream out) {
    try {
      ImportReport report = Warta.importWordPress(exports(request), ForkProtocol.site(request, out), options(request));
      report.warnings().forEach(w -> out.println(ForkProtocol.problem(w)));
      out.println(ForkProtocol.line("summary", report.summary()));
      out.println(ForkProtocol.line("lost", Long.toString(report.lostText())));
      return 0;
    } catch (ImportException e) {
      e.problems().forEach(p -> out.println(ForkProtocol.problem(p)));
      out.println(ForkProtocol.line("refused"));
      return ForkProtocol.PROBLEMS;
    } catch (BuildException e) {
      e.problems().forEach(p -> out.println(ForkProtocol.problem(p)));
      return ForkProtocol.PROBLEMS;
    }
  }

  /** The request for importing {@code exports} into {@code site} with {@code options}. */
  static Properties request(List<Path> exports, Properties site, ImportOptions options) {
    Properties p = new Properties();
    p.putAll(site);
    for (int i = 0; i < exports.size(); i++) {
      p.setProperty("wxr." + i, exports.get(i).toString());
    }
    p.setProperty("drafts", options.drafts().name());
    p.setProperty("pages", options.pages().name());
    p.setProperty("mediaBase", options.mediaBase());
    p.setProperty("mediaList", Boolean.toString(options.mediaList()));
    options.postDateZone().ifPresent(z -> p.setProperty("postDateZone", z.getId()));
    p.setProperty("importThreads", Integer.toString(options.threads()));
    return p;
  }

  static List<Path> exports(Properties request) {
    List<Path> exports = new ArrayList<>();
    for (int i = 0; request.containsKey("wxr." + i); i++) {
      exports.add(Path.of(request.getProperty("wxr." + i)));
    }
    return exports;
  }

  static ImportOptions options(Properties p) {
    ImportOptions options = ImportOptions.defaults()
        .drafts(ImportOptions.Keep.valueOf(p.getProperty("drafts")))
        .pages(ImportOptions.Keep.valueOf(p.getProperty("pages")))
        .mediaBase(p.getProperty("mediaBase"))
        .mediaList(Boolean.parseBoolean(p.getProperty("mediaList")))
        .threads(Integer.parseInt(p.getProperty("importThreads")));
    String zone = p.getProperty("postDateZone");
    return zone == null ? options : options.postDateZone(ZoneId.of(zone));
  }
}
