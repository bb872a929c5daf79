package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildException;
import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Valid articles and settings, mutated at random (lines deleted, duplicated, swapped; bytes, Unicode,
 * quotes, brackets, tabs, huge numbers and odd dates put in; the text cut short), must build into
 * pages or fail with problems that each name a file, and a line when they concern a front matter
 * field. Anything else escaping {@code build()} is a bug.
 */
class MutatedArticlesProperties {
  private static Path root;
  private static int sites;

  @BeforeContainer
  static void createRoot() throws IOException {
    root = Files.createTempDirectory("warta-mutated");
  }

  @AfterContainer
  static void deleteRoot() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Front matter fields whose problems must point at a line. */
  private static final Pattern FIELD = Pattern.compile("^'(title|date|updated|lastmod|slug|authors|author|section|categories|tags|keywords|summary|"
      + "image|image\\.\\w+|lang|language|draft|published|canonical|aliases|related|translationKey)' ");

  static final List<String> ARTICLES = List.of("""
      ---
      title: "Harga Cabai Naik: Pedagang \\"Mengeluh\\""
      date: 2023-09-05T08:30:00+07:00
      updated: 2023-09-05T12:00:00+07:00
      authors: [Rina Marlina, "Budi, S.H."]
      section: ekonomi
      tags: [pangan, harga, 'cabai merah']
      summary: >
        Harga cabai naik tajam
        di pasar induk.
      image: { src: /img/cabai.jpg, alt: "Cabai [merah]", credit: Antara }
      aliases: [/lama/cabai/]
      canonical: https://news.example.org/cabai/
      lang: id
      params: { rating: 5, tinggi: 1.5, daftar: [a, b], kosong: ~ }
      ---
      Paragraf *pertama* dengan [tautan](../politik/pemilu.md) dan ![foto](/img/pasar.jpg "Pasar").

      Baca juga: Jadwal Pemilu Diumumkan

      | kolom | nilai |
      |-------|------:|
      | a     | 1[^1] |

      [^1]: Catatan kaki.

      > Kutipan <b>tebal</b> dan `kode`.

      1. satu
         - dua
      """, """
      ---
      title: Jadwal Pemilu Diumumkan
      date: 2024-02-14
      categories: [politik]
      keywords: pemilu
      draft: false
      image: /img/pemilu.jpg
      description: "Jadwal\\tpemilu"
      translationKey: pemilu
      related: [content/ekonomi/cabai.md]
      ---
      # Judul

      Read also: [Harga Cabai](/ekonomi/cabai.md)

      ```java
      class A {}
      ```
      <!--more-->
      Isi ~~lama~~ baru <https://example.org> www.example.com.
      """, """
      ---
      title: 'Banjir di Jakarta'
      date: "2021-03-14 07:00"
      slug: banjir-jakarta
      author: Tim Redaksi
      tags:
        - banjir
        - jakarta
      published: true
      ---
      Isi banjir.

      <div class="x">HTML <script>alert(1)</script></div>
      """);

  private static final List<String> NASTY = List.of("99999999999999999999999999999", "-9223372036854775809", "1e400", ".inf", "-.nan", "0x7fffffffffffffff",
      "0000-00-00", "2023-02-30", "2023-13-45T25:61:61", "99999-01-01", "-999999999-01-01", "+10000-01-01T00:00:00Z", "2023-01-01T00:00:00+99:00",
      "2023-01-01T00:00:00[Mars/Olympus]", "1970-01-01T00:00:00.999999999999Z", "~", "null", "[]", "{}", "[[[[", "{{{", "\"", "'", "\"\\", "!!binary AAAA",
      "!!java.io.File /etc", "&a x", "*a", "*undefined", "|", ">-", "? x", "- - -", "@at", "`tick`", "%YAML 1.1", "---", "...", "\t", "\u0000", "\uFEFF",
      "\u202Eevil", "\uD800", "\uDBFF\uDFFF", "é", "e\u0301", "🙂".repeat(50), "x".repeat(5000), "<script>", "javascript:alert(1)", "../../../etc/passwd",
      "%2e%2e/", "C:\\x", "\\\\server\\share", "yes", "no", "on", "true", "1_000", "0o17", "0b101", "12:30:45", "[a, [b, [c]]]", "{a: {b: {c: d}}}");

  /** One change to a text: what, where, and what goes in. */
  record Mutation(int kind, int where, String payload) {
    String apply(String text) {
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int at = lines.isEmpty() ? 0 : Math.floorMod(where, lines.size());
      switch (kind) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          if (at + 1 < lines.size()) {
            lines.set(at, lines.set(at + 1, lines.get(at)));
          }
        }
        case 3 -> lines.set(at, insert(lines.get(at), payload, where));
        case 4 -> {
          return text.substring(0, Math.floorMod(where, text.length() + 1));
        }
        case 5 -> {
          String line = lines.get(at);
          int colon = line.indexOf(": ");
          lines.set(at, colon < 0 ? line + payload : line.substring(0, colon + 2) + payload);
        }
        case 6 -> lines.set(at, lines.get(at).replaceFirst("^ *", "\t"));
        case 7 -> lines.add(at, payload);
        default -> {
          int i = Math.floorMod(where, text.length() + 1);
          return text.substring(0, i) + payload + text.substring(i);
        }
      }
      return String.join("\n", lines);
    }

    private static String insert(String line, String payload, int where) {
      int i = Math.floorMod(where, line.length() + 1);
      return line.substring(0, i) + payload + line.substring(i);
    }
  }

  @Provide
  Arbitrary<Mutation> mutation() {
    Arbitrary<String> payload = Arbitraries.oneOf(
        Arbitraries.of(NASTY),
        Arbitraries.of("\"", "'", "[", "]", "{", "}", "(", ")", "<", ">", "`", "*", "_", ":", "#", "!", "&", "|", "-", "\t", "\r", "\\"),
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8));
    return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 10_000), payload).as(Mutation::new);
  }

  /** A change to the bytes after the text is encoded: a random byte in, or the end cut off. */
  record ByteMutation(boolean truncate, int where, byte value) {
    byte[] apply(byte[] bytes) {
      int i = Math.floorMod(where, bytes.length + 1);
      if (truncate) {
        return Arrays.copyOf(bytes, i);
      }
      byte[] out = new byte[bytes.length + 1];
      System.arraycopy(bytes, 0, out, 0, i);
      out[i] = value;
      System.arraycopy(bytes, i, out, i + 1, bytes.length - i);
      return out;
    }
  }

  @Provide
  Arbitrary<List<ByteMutation>> byteMutations() {
    return Combinators.combine(Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
        .as(ByteMutation::new).list().ofMaxSize(2)
        .filter(l -> l.stream().filter(ByteMutation::truncate).count() <= 1);
  }

  private static final String OTHER = """
      -- content/politik/pemilu.md --
      ---
      title: Jadwal Pemilu Diumumkan
      date: 2024-02-14T07:00:00+07:00
      tags: [pemilu]
      ---
      Isi pemilu.

      Baca juga: Harga Cabai Naik: Pedagang "Mengeluh"
      """;

  private static final String SETTINGS = """
      title: Kabar Uji
      description: Arsip berita uji.
      baseUrl: https://news.example.org/
      language: id
      timeZone: Asia/Jakarta
      permalink: /:year/:month/:slug/
      paginate: 2
      publisher: { name: PT Kabar, logo: /img/logo.png }
      related: { count: 3, minScore: 10 }
      feeds: { items: 5, fullContent: true, tags: true }
      rawHtml: sanitize
      readAlso: { id: [Baca juga], en: [Read also] }
      """;

  // Fixed seeds keep CI reproducible: the same 800 cases on every machine. To explore new cases,
  // remove a seed locally (thousands of tries found nothing more when this was written).
  @Property(tries = 200, seed = "20261127", shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void mutatedArticlesBuildOrExplainWhy(@ForAll @IntRange(min = 0, max = 2) int base,
      @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("mutation") Mutation> mutations,
      @ForAll("byteMutations") List<ByteMutation> bytes) {
    String text = ARTICLES.get(base);
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    byte[] file = text.getBytes(StandardCharsets.UTF_8);
    for (ByteMutation b : bytes) {
      file = b.apply(file);
    }
    TestSite site = TestSite.of(next(), "-- warta.yml --\n" + SETTINGS + OTHER);
    site.put("content/ekonomi/cabai.md", file);
    assertBuildsOrExplains(site, Set.of("content/ekonomi/cabai.md", "content/politik/pemilu.md"));
  }

  @Property(tries = 200, seed = "20261127", shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void mutatedSettingsBuildOrExplainWhy(@ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.From("mutation") Mutation> mutations) {
    String text = SETTINGS;
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    TestSite site = TestSite.of(next(), OTHER);
    site.put("warta.yml", text.getBytes(StandardCharsets.UTF_8));
    assertBuildsOrExplains(site, Set.of("warta.yml", "content/politik/pemilu.md"));
  }

  @Property(tries = 200, seed = "20261127", shrinking = ShrinkingMode.BOUNDED)
  void randomFilesBuildOrExplainWhy(@ForAll @Size(max = 400) byte[] bytes, @ForAll @Size(max = 200) String text) {
    TestSite site = TestSite.of(next(), OTHER);
    site.put("content/a.md", bytes);
    site.put("content/b.md", ("---\n" + text + "\n---\n" + text).getBytes(StandardCharsets.UTF_8));
    site.put("content/c.md", ("---\ntitle: C\ndate: 2023-01-01\n---\n" + text).getBytes(StandardCharsets.UTF_8));
    assertBuildsOrExplains(site, Set.of("content/a.md", "content/b.md", "content/c.md", "content/politik/pemilu.md"));
  }

  private static final List<String> MARKDOWN = List.of(">", "> ", "- ", "* ", "1. ", "  ", "    ", "\t", "*", "_", "**", "~~", "[", "]", "](x)", "](javascript:x)",
      "![", "`", "```", "~~~", "<div>", "</div>", "<a href=\"javascript:x\">", "<script>", "</script>", "<!--", "-->", "|a", "|-", "|\n", "\n", "\n\n",
      "[^1]", "[^1]: x\n", "Baca juga: ", "Read also: ", "<!--more-->", "\\", "# ", "=====\n", "http://x.y/ ", "www.x.y ", "<", ">", "&", "&#0;",
      "&#x110000;", "&nbsp", "[a]: javascript:x\n", "[a]", "(", ")", "\"", "'", "\u202E", "\u0301", "\uFEFF", "\r", "\r\n", "[x](a.md)", "[x](../../b.md#c)",
      "Baca juga: [Jadwal Pemilu Diumumkan](../politik/pemilu.md)");

  /** A piece of a body: a Markdown snippet (or random text) repeated up to a hundred times. */
  @Provide
  Arbitrary<String> markdownPiece() {
    Arbitrary<String> snippet = Arbitraries.oneOf(Arbitraries.of(MARKDOWN), Arbitraries.strings().all().ofMaxLength(6));
    return Combinators.combine(snippet, Arbitraries.integers().between(1, 100)).as((text, times) -> text.repeat(times));
  }

  /**
   * Nesting thousands of levels deep (in a third of the tries), or nothing. Only shapes flexmark handles in linear time: some
   * others are quadratic there (measured by hand: 20,000 "1. " take 50 s, 3,000 indented list levels
   * 70 s), too slow for this suite.
   */
  @Provide
  Arbitrary<String> deepPiece() {
    Arbitrary<String> deep = Combinators.combine(Arbitraries.of(">", "> ", "- ", "* ", "*", "_", "[", "![", "**", "~~"), Arbitraries.integers().between(1_000, 3_000))
        .as((text, times) -> text.repeat(times));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just("")), net.jqwik.api.Tuple.of(1, deep));
  }

  @Property(tries = 200, seed = "20261127", shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void hostileMarkdownBuildsOrExplainsWhy(@ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("markdownPiece") String> pieces,
      @ForAll("deepPiece") String deep, @ForAll @IntRange(min = 0, max = 6) int at) {
    List<String> body = new ArrayList<>(pieces);
    body.add(Math.min(at, body.size()), deep);
    TestSite site = TestSite.of(next(), "-- warta.yml --\n" + SETTINGS + OTHER);
    site.put("content/ekonomi/cabai.md", ("---\ntitle: Cabai\ndate: 2023-01-01\n---\n" + String.join("", body)).getBytes(StandardCharsets.UTF_8));
    assertBuildsOrExplains(site, Set.of("content/ekonomi/cabai.md", "content/politik/pemilu.md"));
  }

  private static Path next() {
    return root.resolve("s" + sites++);
  }

  /** Pages, or problems each naming one of {@code files} (and a line for a front matter field); nothing else. */
  static void assertBuildsOrExplains(TestSite site, Set<String> files) {
    try {
      BuildResult result = site.build();
      assertTrue(result.pagesWritten() + result.pagesUnchanged() > 0, result.summary());
      assertTrue(site.has("index.html"));
      result.warnings().forEach(p -> assertExplained(p, files));
    } catch (BuildException e) {
      assertFalse(e.problems().isEmpty());
      assertTrue(e.problems().stream().anyMatch(Problem::isError), e.problems().toString());
      e.problems().forEach(p -> assertExplained(p, files));
    } finally {
      delete(site.dir().getParent());
    }
  }

  private static void assertExplained(Problem p, Set<String> files) {
    assertTrue(files.contains(p.file()), "the problem names a file: " + p);
    Matcher field = FIELD.matcher(p.message());
    if (field.find() && p.file().startsWith("content/")) {
      assertTrue(p.line() > 0, "a front matter problem has a line: " + p);
    }
    assertFalse(p.message().isBlank(), p.toString());
    assertFalse(p.message().contains("Exception"), "no exception names in messages: " + p);
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
