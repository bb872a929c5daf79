package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildListener;
import dev.warta.BuildResult;
import dev.warta.Site;
import dev.warta.Warta;
import dev.warta.shared.Problem;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The build in a JVM of its own, as {@link BuildMojo} starts it: {@code java ... ForkedBuild
 * REQUEST}, where {@code REQUEST} is a properties file naming the site, output, cache folder,
 * threads and settings ({@link #write}).
 *
 * <p>It tells the Maven JVM what happens in lines on standard output, each starting with {@link
 * #TAG} and holding tab-separated fields ({@link #line}); anything else a library prints there is
 * passed on as it is. It exits with 0 when the site was written, {@link #PROBLEMS} when the
 * content had errors (listed as {@code problem} lines before), and anything else (a stack trace
 * on standard error) when the build broke in another way. It depends only on Warta's core, so its
 * class path needs no Maven.
 */
public final class ForkedBuild {

  /** The exit status of a build stopped by errors in the site, each reported on a {@code problem} line. */
  static final int PROBLEMS = 10;

  /** The exit status of a build that broke in another way; the JVM's own failures have others. */
  static final int BROKEN = 11;

  /** Starts every line of the protocol; not something a library prints by chance. */
  static final String TAG = "@warta-fork\t";

  private ForkedBuild() {}

  /** Builds the site the request file names; see the class comment. */
  public static void main(String[] args) {
    watchParent(System.in);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    int status;
    try {
      status = run(Path.of(args[0]), out);
    } catch (Throwable e) {
      // an OutOfMemoryError too: the Maven log must say what ended the build
      e.printStackTrace();
      status = BROKEN;
    }
    out.flush();
    System.exit(status);
  }

  /**
   * Ends this JVM when the Maven JVM ends: it holds this one's standard input open while it
   * waits, so the input ends only when Maven does, killed or not. A build stopped midway leaves
   * the output as it was, since the output is switched to a new release only once complete.
   */
  private static void watchParent(java.io.InputStream in) {
    Thread t = new Thread(() -> {
      try {
        while (in.read() >= 0) {
          // nothing is sent; anything that is, is ignored
        }
      } catch (IOException e) {
        // a broken pipe is the parent gone, too
      }
      Runtime.getRuntime().halt(BROKEN);
    }, "warta-parent-watch");
    t.setDaemon(true);
    t.start();
  }

  /** Builds, reporting to {@code out}; returns the exit status. */
  static int run(Path request, PrintStream out) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(request, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(SETTING)) {
        settings.put(name.substring(SETTING.length()), p.getProperty(name));
      }
    }
    Site site = Warta.site(Path.of(p.getProperty("site"))).set(settings).listener(new Relay(out))
        .cache(Path.of(p.getProperty("cache"))).output(Path.of(p.getProperty("output")));
    int threads = Integer.parseInt(p.getProperty("threads", "0"));
    if (threads > 0) {
      site = site.threads(threads);
    }
    try {
      BuildResult result = site.build();
      result.warnings().forEach(w -> out.println(problem(w)));
      out.println(line("summary", result.summary()));
      return 0;
    } catch (BuildException e) {
      e.problems().forEach(w -> out.println(problem(w)));
      return PROBLEMS;
    }
  }

  private static final String SETTING = "setting.";

  /** Writes the request for a build of {@code site} into {@code output} to {@code file}. */
  static void write(Path file, Path site, Path output, Path cache, int threads, Map<String, String> settings) throws IOException {
    Properties p = new Properties();
    p.setProperty("site", site.toString());
    p.setProperty("output", output.toString());
    p.setProperty("cache", cache.toString());
    p.setProperty("threads", Integer.toString(threads));
    settings.forEach((k, v) -> p.setProperty(SETTING + k, v));
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "a Warta build for a forked JVM");
    }
  }

  /** Passes the build's progress on as protocol lines. */
  private static final class Relay implements BuildListener {
    private final PrintStream out;

    Relay(PrintStream out) {
      this.out = out;
    }

    @Override
    public void stageFinished(String stage, int count, long millis) {
      out.println(line("finished", stage, Integer.toString(count), Long.toString(millis)));
    }

    @Override
    public void stageAdvanced(String stage, int done, int total, long millis) {
      out.println(line("advanced", stage, Integer.toString(done), Integer.toString(total), Long.toString(millis)));
    }
  }

  static String problem(Problem p) {
    return line("problem", p.severity().name(), p.file(), Integer.toString(p.line()), Integer.toString(p.column()), p.message());
  }

  /** One protocol line: the tag, then the fields, each with backslash, tab and line breaks escaped. */
  static String line(String... fields) {
    StringBuilder b = new StringBuilder(TAG);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      for (char c : fields[i].toCharArray()) {
        switch (c) {
          case '\\' -> b.append("\\\\");
          case '\t' -> b.append("\\t");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(c);
        }
      }
    }
    return b.toString();
  }

  /** The fields of a protocol line, unescaped; empty for any other line. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    if (!line.startsWith(TAG)) {
      return fields;
    }
    StringBuilder b = new StringBuilder();
    for (int i = TAG.length(); i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(b.toString());
        b.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        b.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    fields.add(b.toString());
    return fields;
  }

  /** The problem a {@code problem} line's fields (the first one, the kind, left out) describe. */
  static Problem problem(List<String> f) {
    return new Problem(f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)), Problem.Severity.valueOf(f.get(0)), f.get(4));
  }
}
