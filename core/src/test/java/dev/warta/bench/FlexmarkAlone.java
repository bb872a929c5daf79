package dev.warta.bench;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The floor the speed issue names, for {@link Compare}: every article body of a site turned into
 * HTML by flexmark with its default options and nothing else, in a JVM of its own. {@code
 * FlexmarkAlone SITE THREADS}.
 *
 * <p>Each file is read, its front matter cut off at the closing {@code ---} line, and the rest
 * parsed and rendered; the HTML is counted, not written. Prints the result line of {@link
 * BuildOnce}'s form, with {@code buildMs} the time from listing the files to the last HTML.
 */
public final class FlexmarkAlone {

  private FlexmarkAlone() {}

  /** Converts the bodies of {@code SITE/content} and prints the result line. */
  public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
    if (args.length != 2) {
      System.err.println("usage: FlexmarkAlone SITE THREADS");
      System.exit(2);
    }
    long start = System.nanoTime();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0], "content"))) {
      files = walk.filter(p -> {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
      }).sorted().toList();
    }
    MutableDataSet options = new MutableDataSet();
    Parser parser = Parser.builder(options).build();
    HtmlRenderer renderer = HtmlRenderer.builder(options).build();
    ForkJoinPool pool = new ForkJoinPool(Integer.parseInt(args[1]));
    long htmlChars = pool.submit(() -> files.parallelStream()
        .mapToLong(f -> renderer.render(parser.parse(body(f))).length()).sum()).get();
    pool.shutdown();
    System.out.println(BuildOnce.PREFIX + " files=" + files.size() + " htmlChars=" + htmlChars
        + " buildMs=" + (System.nanoTime() - start) / 1_000_000);
  }

  /** What follows the front matter's closing {@code ---} line; the whole file when it has none. */
  static String body(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!text.startsWith("---\n")) {
      return text;
    }
    int close = text.indexOf("\n---\n", 3);
    return close < 0 ? text : text.substring(close + 5);
  }
}
