package dev.warta.render;

import static dev.warta.internal.CacheData.readBytes;
import static dev.warta.internal.CacheData.readText;
import static dev.warta.internal.CacheData.readTexts;
import static dev.warta.internal.CacheData.writeBytes;
import static dev.warta.internal.CacheData.writeText;
import static dev.warta.internal.CacheData.writeTexts;

import dev.warta.shared.Problem;
import dev.warta.internal.CacheData;
import dev.warta.internal.Fingerprint;
import dev.warta.markdown.MarkdownRenderer.Target;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous build rendered, so that a page whose inputs have not changed is neither
 * rendered nor compared again.
 *
 * <p>A page is known by its fingerprint: a digest of everything its bytes are made from, that is,
 * its template and data model (see {@link Fingerprint}), under a key of what every page depends on
 * (Warta's code and libraries, the site's templates, its settings). An article's body is the one
 * part of a model that is costly to make; it is stood for by a digest of its Markdown and of the
 * answers to every question its rendering asked (which article a link or a read also line names,
 * which related articles go between paragraphs). The next build asks the same questions again,
 * cheaply: when the answers are the same, so is the body, without rendering it.
 *
 * <p>The cache is a file beside the output folder, written after each build that wrote a site. It
 * names the output it describes by the build id in the output's marker file, so that a cache and
 * an output that did not come from the same build (a kill between the two, an output deleted or
 * replaced) are never taken for each other: the cache is then ignored, and every page rendered.
 */
public final class RenderCache {
  private static final String KIND = "warta-render-cache";
  private static final int VERSION = 5;

  /** A page as a build wrote it: its fingerprint, its file's size, the warnings its rendering gave. */
  public record PageEntry(byte[] fingerprint, long size, List<Problem> warnings) {
    /** Copies. */
    public PageEntry {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * What an article's body was made from: its file's size and time when it was read, a digest of
   * its Markdown, a digest of that and of how it was asked to render, the questions it asked with
   * their answers, and the hrefs it linked to. As git does, a file whose size and time are the
   * same is taken to hold the same text, so an unchanged article is not even read.
   */
  record BodyEntry(long size, long modified, byte[] markdown, byte[] source, List<Question> questions, List<String> linked) {
    BodyEntry {
      questions = List.copyOf(questions);
      linked = List.copyOf(linked);
    }
  }

  /**
   * A question a body's rendering asked of the archive, and its answer.
   *
   * @param kind {@code S} for a link to a source file, {@code T} for a read also line's title,
   *     {@code I} for the related articles to insert (asked with the hrefs already linked)
   */
  record Question(char kind, List<String> asked, List<Target> answer) {
    Question {
      asked = List.copyOf(asked);
      answer = List.copyOf(answer);
    }
  }

  private final byte[] inputs;
  private final Map<String, PageEntry> pages;
  private final Map<String, BodyEntry> bodies;
  private volatile Optional<List<String>> files = Optional.empty();

  private RenderCache(byte[] inputs, Map<String, PageEntry> pages, Map<String, BodyEntry> bodies) {
    this.inputs = inputs;
    this.pages = pages;
    this.bodies = bodies;
  }

  /** A cache that knows nothing, for every page to be rendered, or to fill during a build (thread-safe). */
  public static RenderCache empty(byte[] inputs) {
    return new RenderCache(inputs, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  }

  /** The page a previous build wrote at a URL, if it is known. */
  public Optional<PageEntry> page(String url) {
    return Optional.ofNullable(pages.get(url));
  }

  /**
   * Whether the previous build rendered this article's body from a file of this size and time: a
   * build then needs the body only if the article's links or page changed.
   */
  public boolean renderedFrom(String source, long size, long modified) {
    BodyEntry b = bodies.get(source);
    return b != null && b.size() == size && b.modified() == modified;
  }

  Optional<BodyEntry> body(String source) {
    return Optional.ofNullable(bodies.get(source));
  }

  /** Forgets a page: its file was written since, by other means than a build. */
  public void forget(String url) {
    pages.remove(url);
  }

  /** Records a page written, or kept, by this build. */
  public void put(String url, PageEntry entry) {
    pages.put(url, entry);
  }

  void putBody(String source, BodyEntry entry) {
    bodies.put(source, entry);
  }

  /**
   * An id of the pages this cache knows, as the output's marker records it: a digest of each
   * page's URL, fingerprint and size, so two builds that write the same pages have the same id.
   */
  public String id() {
    List<String> urls = new ArrayList<>(pages.keySet());
    urls.sort(null);
    Fingerprint f = new Fingerprint().add(inputs);
    for (String url : urls) {
      PageEntry e = pages.get(url);
      f.add(url).add(e.fingerprint()).add(Long.toString(e.size()));
    }
    return Fingerprint.hex(f.finish());
  }

  /**
   * The files of the output this cache describes, as {@code Output.files()} gave them; empty for a
   * cache that does not know them.
   */
  public Optional<List<String>> files() {
    return files;
  }

  /** Records the files of the output this cache describes. */
  public void files(java.util.Collection<String> files) {
    this.files = Optional.of(List.copyOf(files));
  }

  /**
   * This cache for a build with these inputs: itself when it was made with them, else one that
   * knows no page but still the output's files (see {@link #read}).
   */
  public RenderCache forInputs(byte[] inputs) {
    if (Arrays.equals(this.inputs, inputs)) {
      return this;
    }
    RenderCache other = empty(inputs);
    files.ifPresent(other::files);
    return other;
  }

  /** How many pages the cache knows. */
  public int size() {
    return pages.size();
  }

  /**
   * The cache a previous build left in {@code file}, when it describes the output of build {@code
   * buildId} and was made with the same inputs; otherwise an empty one. A cache made with other
   * inputs (other code, templates or settings) still tells the output's files: every page is then
   * rendered, but finding the files to delete does not walk the output. A damaged file counts as
   * none: it only costs the time of rendering every page.
   */
  public static RenderCache read(Path file, String buildId, byte[] inputs) {
    if (buildId.isEmpty()) {
      return empty(inputs);
    }
    try (DataInputStream in = CacheData.open(file, KIND, VERSION)) {
      if (in == null || !readText(in).equals(buildId)) {
        return empty(inputs);
      }
      List<String> outputFiles = readTexts(in);
      if (!Arrays.equals(readBytes(in), inputs)) {
        RenderCache other = empty(inputs);
        other.files(outputFiles);
        return other;
      }
      Map<String, PageEntry> pages = new ConcurrentHashMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        String url = readText(in);
        byte[] fingerprint = readBytes(in);
        long size = in.readLong();
        List<Problem> warnings = new ArrayList<>();
        for (int w = in.readInt(); w > 0; w--) {
          warnings.add(new Problem(readText(in), in.readInt(), in.readInt(), Problem.Severity.valueOf(readText(in)), readText(in),
              readText(in)));
        }
        pages.put(url, new PageEntry(fingerprint, size, warnings));
      }
      Map<String, BodyEntry> bodies = new ConcurrentHashMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        String source = readText(in);
        long size = in.readLong();
        long modified = in.readLong();
        byte[] markdown = readBytes(in);
        byte[] digest = readBytes(in);
        List<Question> questions = new ArrayList<>();
        for (int q = in.readInt(); q > 0; q--) {
          char kind = in.readChar();
          List<String> asked = readTexts(in);
          List<Target> answer = new ArrayList<>();
          for (int a = in.readInt(); a > 0; a--) {
            answer.add(new Target(readText(in), readText(in)));
          }
          questions.add(new Question(kind, asked, answer));
        }
        bodies.put(source, new BodyEntry(size, modified, markdown, digest, questions, readTexts(in)));
      }
      RenderCache cache = new RenderCache(inputs, pages, bodies);
      cache.files(outputFiles);
      return cache;
    } catch (IOException | RuntimeException e) {
      return empty(inputs); // none yet, or damaged
    }
  }

  /** The cache for the output of build {@code buildId}, for its file (see {@link CacheData.Snapshot}). */
  public CacheData.Snapshot saved(String buildId) {
    return new CacheData.Snapshot(KIND, VERSION, out -> {
      writeText(out, buildId);
      // the files first: they stay true of the output whatever the inputs of the next build
      writeTexts(out, files.orElse(List.of()));
      writeBytes(out, inputs);
      out.writeInt(pages.size());
      for (Map.Entry<String, PageEntry> e : pages.entrySet()) {
        writeText(out, e.getKey());
        writeBytes(out, e.getValue().fingerprint());
        out.writeLong(e.getValue().size());
        out.writeInt(e.getValue().warnings().size());
        for (Problem p : e.getValue().warnings()) {
          writeText(out, p.file());
          out.writeInt(p.line());
          out.writeInt(p.column());
          writeText(out, p.severity().name());
          writeText(out, p.message());
          writeText(out, p.page());
        }
      }
      out.writeInt(bodies.size());
      for (Map.Entry<String, BodyEntry> e : bodies.entrySet()) {
        writeText(out, e.getKey());
        out.writeLong(e.getValue().size());
        out.writeLong(e.getValue().modified());
        writeBytes(out, e.getValue().markdown());
        writeBytes(out, e.getValue().source());
        out.writeInt(e.getValue().questions().size());
        for (Question q : e.getValue().questions()) {
          out.writeChar(q.kind());
          writeTexts(out, q.asked());
          out.writeInt(q.answer().size());
          for (Target t : q.answer()) {
            writeText(out, t.url());
            writeText(out, t.title());
          }
        }
        writeTexts(out, e.getValue().linked());
      }
    });
  }

  /**
   * The cache file of an output folder inside the cache folder: named by a digest of the output's
   * path, so a site built into two folders keeps a cache for each.
   */
  public static Path fileFor(Path cacheFolder, Path output) {
    String digest = Fingerprint.hex(new Fingerprint().add(output.toAbsolutePath().normalize().toString()).finish());
    return cacheFolder.resolve("render-" + digest.substring(0, 16) + ".bin");
  }
}
