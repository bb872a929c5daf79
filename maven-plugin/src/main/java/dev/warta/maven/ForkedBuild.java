package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The build in a JVM of its own, as {@link BuildMojo} starts it: {@code java ... ForkedBuild
 * REQUEST}, the request naming the output folder besides what {@link ForkProtocol} says every
 * request holds. It reports the build's progress, then its warnings and a {@code summary} line, or
 * its errors, and exits with 0 or {@link ForkProtocol#PROBLEMS}.
 */
public final class ForkedBuild {

  private ForkedBuild() {}

  /** Builds the site the request file names; see the class comment. */
  public static void main(String[] args) {
    ForkProtocol.serve(args, ForkedBuild::run);
  }

  /** Builds, reporting to {@code out}; returns the exit status. */
  static int run(Properties request, PrintStream out) {
    try {
      BuildResult result = ForkProtocol.site(request, out).output(Path.of(request.getProperty("output"))).build();
      result.warnings().forEach(w -> out.println(ForkProtocol.problem(w)));
      out.println(ForkProtocol.line("summary", result.summary()));
      return 0;
    } catch (BuildException e) {
      e.problems().forEach(w -> out.println(ForkProtocol.problem(w)));
      return ForkProtocol.PROBLEMS;
    }
  }

  /** The request for a build of {@code site} into {@code output}. */
  static Properties request(Path site, Path output, Path cache, int threads, Map<String, String> settings) {
    Properties p = ForkProtocol.request(site, cache, threads, settings);
    p.setProperty("output", output.toString());
    return p;
  }
}
