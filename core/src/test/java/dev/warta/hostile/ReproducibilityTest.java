package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.TestSite;
import dev.warta.Warta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same bytes: build after build, whatever the thread count, the order the
 * file system lists files in, the JVM's default locale (Turkish dotless i, Arabic digits) or time
 * zone.
 */
class ReproducibilityTest {
  @TempDir static Path dir;
  static Map<String, String> files;
  static Map<String, String> reference;
  private static int builds;

  /** About 80 articles in two languages, with tags that change under Turkish case rules, related lists, feeds and pages. */
  @BeforeAll
  static void write() throws IOException {
    files = new LinkedHashMap<>();
    files.put("warta.yml", """
        title: Kabar Uji
        baseUrl: https://news.example.org/
        language: id
        timeZone: Asia/Jakarta
        paginate: 7
        related: { count: 4 }
        feeds: { items: 10, tags: true, fullContent: true }
        """);
    String[] tags = {"Istanbul", "İzmir", "ILMU", "iklim", "Irak", "DIŞ", "ekonomi", "Pemilu 2024"};
    String[] sections = {"dunia", "Ekonomi", "İklim"};
    for (int i = 0; i < 80; i++) {
      String lang = i % 4 == 0 ? "en" : "id";
      files.put(path(sections, i), """
          ---
          title: "%s %d: Iklim dan Ekonomi di Istanbul"
          date: 2025-%02d-%02dT%02d:%02d:00+0%d:00
          tags: [%s, %s]
          section: %s
          authors: [Penulis %d]
          ---
          Paragraf %d tentang iklim, ekonomi 1.234,5 persen dan IRAK serta İzmir pada pukul 10.30.

          Baca juga: %s

          Paragraf kedua dengan angka %d dan [tautan](../../%s).
          """.formatted(lang.equals("en") ? "Climate" : "Iklim", i, 1 + i % 6, 1 + i % 27, i % 24, i % 60, i % 8, tags[i % tags.length],
          tags[(i * 3) % tags.length], sections[i % 3], i % 5, i, i > 0 ? "Iklim " + (i - 1) + ": Iklim dan Ekonomi di Istanbul" : "tidak ada", i * 1000,
          path(sections, (i + 3) % 80)));
    }
    reference = build(site(new ArrayList<>(files.keySet())), 0);
    assertTrue(reference.size() > 150, "a site worth comparing: " + reference.size() + " files");
  }

  private static String path(String[] sections, int i) {
    return "content/" + sections[i % 3].toLowerCase(Locale.ROOT) + "/artikel-" + i + (i % 4 == 0 ? ".en" : "") + ".md";
  }

  /** Writes the files in the given order into a new site folder. */
  private static Path site(List<String> order) throws IOException {
    Path site = dir.resolve("site" + builds++);
    for (String name : order) {
      Path file = site.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files.get(name), StandardCharsets.UTF_8);
    }
    return site;
  }

  private static Map<String, String> build(Path site, int threads) {
    Path output = dir.resolve("out" + builds++);
    var s = Warta.site(site).output(output).buildTime(TestSite.NOW);
    (threads > 0 ? s.threads(threads) : s).build();
    return Outputs.snapshot(output);
  }

  @Test
  void twoBuildsOfTheSameInputAreIdentical() throws IOException {
    assertEquals(reference, build(site(new ArrayList<>(files.keySet())), 0));
  }

  @Test
  void oneThreadAndManyGiveTheSameBytes() throws IOException {
    Path site = site(new ArrayList<>(files.keySet()));
    assertEquals(reference, build(site, 1));
    assertEquals(reference, build(site, Math.max(4, Runtime.getRuntime().availableProcessors())));
  }

  @Test
  void theOrderFilesAreCreatedInDoesNotMatter() throws IOException {
    List<String> reversed = new ArrayList<>(files.keySet());
    Collections.reverse(reversed);
    assertEquals(reference, build(site(reversed), 0));
    List<String> shuffled = new ArrayList<>(files.keySet());
    Collections.shuffle(shuffled, new Random(7));
    assertEquals(reference, build(site(shuffled), 2));
  }

  @Test
  void theDefaultLocaleDoesNotMatter() throws IOException {
    Locale before = Locale.getDefault();
    Map<Locale.Category, Locale> categories = new LinkedHashMap<>();
    for (Locale.Category c : Locale.Category.values()) {
      categories.put(c, Locale.getDefault(c));
    }
    try {
      for (String tag : List.of("tr-TR", "ar-SA-u-nu-arab", "th-TH-u-ca-buddhist-nu-thai", "hi-IN-u-nu-deva", "fa-IR")) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        assertEquals(reference, build(site(new ArrayList<>(files.keySet())), 0), tag);
      }
    } finally {
      Locale.setDefault(before);
      categories.forEach(Locale::setDefault);
    }
  }

  @Test
  void theMachineTimeZoneDoesNotMatter() throws IOException {
    TimeZone before = TimeZone.getDefault();
    try {
      for (String zone : List.of("Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu", "UTC")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        assertEquals(reference, build(site(new ArrayList<>(files.keySet())), 0), zone);
      }
    } finally {
      TimeZone.setDefault(before);
    }
  }
}
