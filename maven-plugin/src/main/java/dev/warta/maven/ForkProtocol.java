package dev.warta.maven;

import dev.warta.BuildListener;
import dev.warta.Site;
import dev.warta.Warta;
import dev.warta.shared.Problem;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * What a goal's JVM and the JVM it forks ({@link ForkedBuild}, {@link ForkedImport}) say to each
 * other. The goal writes a request, a properties file naming the site, the cache folder, the
 * thread count and the settings given to the goal, plus what the task needs. The child answers in
 * lines on standard output, each starting with {@link #TAG} and holding tab-separated fields
 * ({@link #line}); anything else a library prints there is passed on as it is. Its last line is
 * {@code done} once its task ended, well or stopped by errors in the input ({@link #PROBLEMS}):
 * a JVM that ends without it broke in another way, and its standard error says how.
 *
 * <p>This class and the child mains depend only on Warta's core, so the child's class path needs
 * no Maven.
 */
final class ForkProtocol {

  /** The exit status of a task stopped by errors in its input, each reported on a {@code problem} line. */
  static final int PROBLEMS = 10;

  /** The exit status of a task that broke in another way; the JVM's own failures have others. */
  static final int BROKEN = 11;

  /** Starts every line of the protocol; not something a library prints by chance. */
  static final String TAG = "@warta-fork\t";

  private static final String SETTING = "setting.";

  private ForkProtocol() {}

  /** A child's whole life: watch the parent, run the task, report how it ended, exit with its status. */
  static void serve(String[] args, Task task) {
    watchParent(System.in);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    int status;
    try {
      status = task.run(read(Path.of(args[0])), out);
      out.println(line("done"));
    } catch (Throwable e) {
      // an OutOfMemoryError too: the Maven log must say what ended the task
      e.printStackTrace();
      status = BROKEN;
    }
    out.flush();
    System.exit(status);
  }

  /** What a child does with its request; returns its exit status, 0 or {@link #PROBLEMS}. */
  interface Task {
    int run(Properties request, PrintStream out) throws IOException;
  }

  /**
   * Ends this JVM when the goal's JVM ends: that one holds this one's standard input open while it
   * waits, so the input ends only when Maven does, killed or not. A build stopped midway leaves the
   * output as it was, since the output is switched to a new release only once complete; an import
   * writes its files only once every post was read.
   */
  private static void watchParent(InputStream in) {
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

  /** A request with what every task needs: the site, the cache, the threads and the settings. */
  static Properties request(Path site, Path cache, int threads, Map<String, String> settings) {
    Properties p = new Properties();
    p.setProperty("site", site.toString());
    p.setProperty("cache", cache.toString());
    p.setProperty("threads", Integer.toString(threads));
    settings.forEach((k, v) -> p.setProperty(SETTING + k, v));
    return p;
  }

  static void write(Path file, Properties request) throws IOException {
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      request.store(w, "a Warta task for a forked JVM");
    }
  }

  static Properties read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  /** The site a request names, with its settings, cache and threads, reporting progress to {@code out}. */
  static Site site(Properties p, PrintStream out) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(SETTING)) {
        settings.put(name.substring(SETTING.length()), p.getProperty(name));
      }
    }
    Site site = Warta.site(Path.of(p.getProperty("site"))).set(settings).listener(new Relay(out)).cache(Path.of(p.getProperty("cache")));
    int threads = Integer.parseInt(p.getProperty("threads", "0"));
    return threads > 0 ? site.threads(threads) : site;
  }

  /** Passes a build's progress on as protocol lines. */
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

  /** The problem a {@code problem} line's fields (the first one, the kind, left out) describe. */
  static Problem problem(List<String> f) {
    return new Problem(f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)), Problem.Severity.valueOf(f.get(0)), f.get(4));
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
}
