package dev.warta.related;

import dev.warta.shared.RelatedSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelatedIndexTest {

  private static RelatedDocument doc(
      String key, String lang, String date, String title, String text, List<String> tags,
      String section) {
    return new RelatedDocument(
        key, lang, title, text, tags, section, Instant.parse(date + "T08:00:00Z"));
  }

  /** Small original articles: floods, the central bank, missiles, football; two languages. */
  static final List<RelatedDocument> CORPUS =
      List.of(
          doc("/metro/banjir-kemang/", "id", "2024-01-10", "Banjir Rendam Kawasan Kemang",
              "Hujan deras sejak sore membuat Kali Krukut meluap. Air setinggi lutut merendam"
                  + " puluhan rumah warga di Kemang, Jakarta Selatan. Petugas Dinas Sumber Daya Air"
                  + " menyalakan pompa air dan warga mengungsi ke masjid terdekat.",
              List.of("Banjir", "Jakarta"), "metro"),
          doc("/metro/krukut-meluap/", "id", "2024-01-12",
              "Kali Krukut Meluap Lagi, Banjir Kembali Rendam Kemang",
              "Dua hari setelah banjir pertama, Kali Krukut kembali meluap. Rumah warga di Kemang"
                  + " terendam air. Dinas Sumber Daya Air menambah pompa air portabel, sementara"
                  + " pengungsi bertahan di masjid.",
              List.of("banjir"), "metro"),
          doc("/ekonomi/bi-tahan-bunga/", "id", "2024-01-11",
              "Bank Indonesia Tahan Suku Bunga Acuan",
              "Rapat Dewan Gubernur Bank Indonesia memutuskan menahan suku bunga acuan. Menurut"
                  + " Perry Warjiyo, inflasi masih terkendali dan nilai tukar rupiah stabil.",
              List.of("ekonomi", "suku bunga"), "ekonomi"),
          doc("/ekonomi/rupiah-menguat/", "id", "2024-01-15",
              "Rupiah Menguat Usai Keputusan Bank Indonesia",
              "Nilai tukar rupiah menguat terhadap dolar. Pelaku pasar menyambut keputusan Bank"
                  + " Indonesia menahan suku bunga acuan karena inflasi terkendali.",
              List.of("ekonomi", "rupiah"), "ekonomi"),
          doc("/world/cruise-missiles/", "en", "2024-01-09",
              "North Korea Fires Cruise Missiles Into the Yellow Sea",
              "North Korea fired several cruise missiles into the Yellow Sea, the military in"
                  + " Seoul said. Kim Jong Un watched the launch, state media reported, and"
                  + " promised more weapons tests.",
              List.of("North Korea", "missiles"), "world"),
          doc("/world/kim-oversees-test/", "en", "2024-01-14",
              "Kim Jong Un Oversees Another Missile Test",
              "Kim Jong Un oversaw a test of a new missile, days after cruise missiles were"
                  + " fired into the Yellow Sea. Officials in Seoul condemned the launch.",
              List.of("north korea"), "world"),
          doc("/sport/asian-cup-win/", "en", "2024-01-13",
              "Indonesia Beat Vietnam at the Asian Cup",
              "Indonesia beat Vietnam one goal to nil in their Asian Cup group match. Coach Shin"
                  + " Tae Yong praised his players after the match in Doha.",
              List.of("football"), "sport"),
          doc("/olahraga/timnas-kalahkan-vietnam/", "id", "2024-01-16",
              "Timnas Indonesia Kalahkan Vietnam di Piala Asia",
              "Timnas Indonesia mengalahkan Vietnam dengan skor satu nol di Piala Asia. Pelatih"
                  + " Shin Tae Yong memuji para pemain seusai pertandingan di Doha.",
              List.of("timnas", "sepak bola"), "olahraga"));

  private static RelatedIndex index(RelatedSettings settings, List<RelatedDocument> docs) {
    RelatedIndex.Builder builder = RelatedIndex.builder(settings);
    docs.forEach(builder::add);
    return builder.build();
  }

  private static List<String> keys(List<RelatedLink> links) {
    return links.stream().map(RelatedLink::key).toList();
  }

  private static String first(RelatedIndex index, String key) {
    return index.related(key).get(0).key();
  }

  @Test
  void nearestNeighbourIsTheObviousOne() {
    RelatedIndex index = index(RelatedSettings.defaults(), CORPUS);
    assertEquals(8, index.size());
    assertEquals("/metro/banjir-kemang/", first(index, "/metro/krukut-meluap/"));
    assertEquals("/ekonomi/bi-tahan-bunga/", first(index, "/ekonomi/rupiah-menguat/"));
    assertEquals("/world/cruise-missiles/", first(index, "/world/kim-oversees-test/"));
    // across languages, through the shared names and words
    assertEquals("/sport/asian-cup-win/", first(index, "/olahraga/timnas-kalahkan-vietnam/"));
  }

  @Test
  void listsAreOrderedBestFirstAndPartsSumToTheScore() {
    RelatedIndex index = index(settings(5, 0, true), CORPUS);
    for (RelatedDocument d : CORPUS) {
      List<RelatedLink> links = index.related(d.key());
      for (int i = 0; i < links.size(); i++) {
        RelatedLink link = links.get(i);
        assertEquals(link.score(), link.parts().total(), 1e-9);
        assertTrue(link.score() > 0 && link.score() <= 100, link.toString());
        if (i > 0) {
          assertTrue(links.get(i - 1).score() >= link.score(), links.toString());
        }
      }
    }
  }

  @Test
  void neverLinksToItself() {
    RelatedIndex index = index(settings(10, 0, true), CORPUS);
    for (RelatedDocument d : CORPUS) {
      assertFalse(keys(index.related(d.key())).contains(d.key()), d.key());
    }
  }

  @Test
  void olderOnlyByDefault() {
    RelatedIndex older = index(RelatedSettings.defaults(), CORPUS);
    assertEquals(List.of(), older.related("/world/cruise-missiles/")); // the oldest article
    assertFalse(keys(older.related("/metro/banjir-kemang/")).contains("/metro/krukut-meluap/"));
    RelatedIndex any = index(settings(5, 0, true), CORPUS);
    assertEquals("/metro/krukut-meluap/", first(any, "/metro/banjir-kemang/"));
    assertEquals("/world/kim-oversees-test/", first(any, "/world/cruise-missiles/"));
  }

  @Test
  void sameInstantCountsAsOlder() {
    List<RelatedDocument> docs =
        List.of(
            doc("/a/", "en", "2024-02-01", "Volcano Erupts Near Village", "Ash falls on the"
                + " village as the volcano erupts again.", List.of(), "science"),
            doc("/b/", "en", "2024-02-01", "Volcano Erupts Again Near Village", "The volcano"
                + " erupts and ash covers the village.", List.of(), "science"));
    RelatedIndex index = index(RelatedSettings.defaults(), docs);
    assertEquals(List.of("/b/"), keys(index.related("/a/")));
    assertEquals(List.of("/a/"), keys(index.related("/b/")));
  }

  /** A link's score without its time part: what the floors compare, as time must not decide. */
  private static double withoutTime(RelatedLink link) {
    return link.score() - link.parts().time();
  }

  @Test
  void minScoreDropsWeakLinks() {
    RelatedIndex all = index(settings(5, 0, true), CORPUS);
    List<RelatedLink> links = all.related("/ekonomi/rupiah-menguat/");
    assertEquals(3, links.size(), links.toString());
    double threshold = withoutTime(links.get(1));
    assertTrue(withoutTime(links.get(2)) < threshold);
    RelatedIndex strict = index(settings(5, threshold, true), CORPUS);
    assertEquals(links.subList(0, 2), strict.related("/ekonomi/rupiah-menguat/"));
    assertEquals(List.of(), index(settings(5, 100, true), CORPUS).related("/metro/banjir-kemang/"));
  }

  @Test
  void minShareOfBestDropsLinksFarBelowTheBestOne() {
    List<RelatedLink> links = index(settings(5, 0, true), CORPUS).related("/ekonomi/rupiah-menguat/");
    double share = withoutTime(links.get(1)) / withoutTime(links.get(0));
    assertTrue(withoutTime(links.get(2)) < share * withoutTime(links.get(0)), links.toString());
    RelatedSettings d = RelatedSettings.defaults();
    RelatedSettings relative = new RelatedSettings(5, 0, share, true, d.textWeight(), d.namesWeight(),
        d.tagsWeight(), d.sectionWeight(), d.timeWeight(), d.timeHalfLifeDays());
    assertEquals(links.subList(0, 2), index(relative, CORPUS).related("/ekonomi/rupiah-menguat/"));
  }

  @Test
  void anArchiveSpanningDecadesKeepsAsManyLinksAsOneSpanningDays() {
    // the same articles, then with years between them: time may reorder links, never drop one
    List<RelatedDocument> spread = new ArrayList<>();
    for (int i = 0; i < CORPUS.size(); i++) {
      RelatedDocument d = CORPUS.get(i);
      spread.add(new RelatedDocument(d.key(), d.lang(), d.title(), d.text(), d.tags(), d.section(),
          d.date().minus(java.time.Duration.ofDays(1100L * ((i * 5) % CORPUS.size())))));
    }
    RelatedSettings settings = settings(5, 1, true);
    RelatedIndex days = index(settings, CORPUS);
    RelatedIndex decades = index(settings, spread);
    for (RelatedDocument d : CORPUS) {
      assertEquals(
          keys(days.related(d.key())).stream().sorted().toList(),
          keys(decades.related(d.key())).stream().sorted().toList(), d.key());
    }
  }

  @Test
  void countLimitsTheList() {
    // only articles sharing words, names or tags are candidates: three here
    RelatedIndex five = index(settings(5, 0, true), CORPUS);
    List<RelatedLink> links = five.related("/ekonomi/rupiah-menguat/");
    assertEquals(3, links.size());
    RelatedIndex one = index(settings(1, 0, true), CORPUS);
    assertEquals(links.subList(0, 1), one.related("/ekonomi/rupiah-menguat/"));
    assertEquals(links.subList(0, 2), five.related("/ekonomi/rupiah-menguat/", 2));
    // more than the settings' count: computed on demand, same order and scores
    assertEquals(links, one.related("/ekonomi/rupiah-menguat/", 5));
    assertEquals(List.of(), five.related("/ekonomi/rupiah-menguat/", 0));
  }

  @Test
  void unknownKeyGivesEmptyList() {
    RelatedIndex index = index(RelatedSettings.defaults(), CORPUS);
    assertEquals(List.of(), index.related("/no/such/article/"));
    assertEquals(List.of(), index.related("/no/such/article/", 3));
  }

  @Test
  void tiesFallToTheNewerThenTheSmallerKey() {
    String text = "The river burst its banks and flooded the market. Traders moved goods uphill.";
    List<RelatedDocument> docs =
        List.of(
            doc("/z/", "en", "2024-03-01", "River Floods Market", text, List.of(), "metro"),
            doc("/b/", "en", "2024-03-02", "River Floods Market", text, List.of(), "metro"),
            doc("/a/", "en", "2024-03-02", "River Floods Market", text, List.of(), "metro"),
            doc("/q/", "en", "2024-03-05", "River Floods Market Again", text, List.of(), "metro"));
    List<RelatedLink> links = index(RelatedSettings.defaults(), docs).related("/q/");
    assertEquals(List.of("/a/", "/b/", "/z/"), keys(links));
    assertEquals(links.get(0).score(), links.get(1).score());
  }

  @Test
  void sameListsWhateverTheAddOrderAndThreads() throws Exception {
    RelatedSettings settings = settings(5, 0, true);
    Map<String, List<RelatedLink>> reference = all(index(settings, CORPUS));
    for (int seed = 0; seed < 5; seed++) {
      List<RelatedDocument> shuffled = new ArrayList<>(CORPUS);
      Collections.shuffle(shuffled, new Random(seed));
      RelatedIndex.Builder builder = RelatedIndex.builder(settings);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (RelatedDocument d : shuffled) {
        pool.submit(() -> builder.add(d));
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      assertEquals(reference, all(builder.build()), "seed " + seed);
    }
  }

  @Test
  void rejectsADuplicateKey() {
    RelatedIndex.Builder builder = RelatedIndex.builder(RelatedSettings.defaults());
    builder.add(CORPUS.get(0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.add(CORPUS.get(0)));
    assertEquals("duplicate related document key: /metro/banjir-kemang/", e.getMessage());
  }

  @Test
  void settingsAreValidated() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RelatedSettings(5, 10, 0, false, -1, 0, 0, 0, 0, 365));
    assertEquals("textWeight must be a finite number >= 0, was -1.0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RelatedSettings(5, 10, 0, false, 0, 0, 0, 0, 0, 365));
    assertEquals("at least one weight must be positive", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RelatedSettings(5, 10, 0, false, 1, 0, 0, 0, 0, 0));
    assertEquals("timeHalfLifeDays must be a positive number, was 0.0", e.getMessage());
  }

  private static Map<String, List<RelatedLink>> all(RelatedIndex index) {
    Map<String, List<RelatedLink>> lists = new TreeMap<>();
    for (RelatedDocument d : CORPUS) {
      lists.put(d.key(), index.related(d.key()));
    }
    return lists;
  }

  private static RelatedSettings settings(int count, double minScore, boolean allowNewer) {
    RelatedSettings d = RelatedSettings.defaults();
    return new RelatedSettings(
        count, minScore, 0, allowNewer, d.textWeight(), d.namesWeight(), d.tagsWeight(),
        d.sectionWeight(), d.timeWeight(), d.timeHalfLifeDays());
  }

  @Test
  void aKeptBuilderBuildsAgainOnlyWhenADocumentChanged() {
    RelatedIndex.Builder builder = RelatedIndex.builder(RelatedSettings.defaults());
    CORPUS.forEach(builder::put);
    RelatedIndex first = builder.build();
    CORPUS.forEach(builder::put); // the same articles analysed again
    assertSame(first, builder.build(), "nothing changed: the same index");

    RelatedDocument edited = CORPUS.get(0);
    builder.put(new RelatedDocument(edited.key(), edited.lang(), edited.title(), edited.text() + " Pompa air rusak.", edited.tags(),
        edited.section(), edited.date()));
    RelatedIndex second = builder.build();
    assertNotSame(first, second);

    builder.retain(java.util.Set.of(CORPUS.get(1).key(), CORPUS.get(2).key()));
    RelatedIndex third = builder.build();
    assertNotSame(second, third);
    assertEquals(2, third.size());
    assertEquals(List.of(), third.related(CORPUS.get(0).key()));
  }

  /** Every list with its keys and scores, for comparing two indexes exactly. */
  private static String lists(RelatedIndex index, List<RelatedDocument> docs) {
    StringBuilder out = new StringBuilder();
    for (RelatedDocument d : docs) {
      out.append(d.key()).append(" ->");
      for (RelatedLink link : index.related(d.key())) {
        out.append(' ').append(link.key()).append('=').append(link.score()).append(link.parts());
      }
      out.append('\n');
    }
    return out.toString();
  }

  @Test
  void analysesSavedByOneProcessGiveTheNextTheIndexAnalysingGives(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path file = dir.resolve("analyses");
    byte[] key = {1};
    RelatedIndex.Builder first = RelatedIndex.builder(RelatedSettings.defaults());
    CORPUS.forEach(first::add);
    dev.warta.publish.CacheFiles.write(file, first.saved(key));

    // a new article, an edited one and one gone since; the vocabulary of the taker starts elsewhere
    RelatedDocument edited = CORPUS.get(2);
    List<RelatedDocument> now = new java.util.ArrayList<>(CORPUS.subList(1, CORPUS.size()));
    now.set(1, new RelatedDocument(edited.key(), edited.lang(), edited.title(), edited.text() + " Perry Warjiyo menyebut inflasi turun.",
        edited.tags(), edited.section(), edited.date()));
    now.add(0, doc("/metro/pompa-air/", "id", "2024-01-17", "Pompa Air Kemang Ditambah",
        "Dinas Sumber Daya Air menambah pompa air di Kemang setelah Kali Krukut meluap dua kali.", List.of("banjir"), "metro"));

    RelatedIndex.Builder restored = RelatedIndex.builder(RelatedSettings.defaults()).restore(file, key);
    now.forEach(restored::add);
    assertFalse(restored.sameAsRestored(), "two articles were analysed anew");
    RelatedIndex.Builder fresh = RelatedIndex.builder(RelatedSettings.defaults());
    now.forEach(fresh::add);
    assertEquals(lists(fresh.build(), now), lists(restored.build(), now));

    RelatedIndex.Builder all = RelatedIndex.builder(RelatedSettings.defaults()).restore(file, key);
    CORPUS.forEach(all::add);
    assertTrue(all.sameAsRestored(), "every analysis taken from the file");
    assertEquals(lists(first.build(), CORPUS), lists(all.build(), CORPUS));

    // another key (other code or settings), or a damaged file: nothing is taken
    RelatedIndex.Builder otherKey = RelatedIndex.builder(RelatedSettings.defaults()).restore(file, new byte[] {2});
    CORPUS.forEach(otherKey::add);
    assertFalse(otherKey.sameAsRestored());
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    RelatedIndex.Builder damaged = RelatedIndex.builder(RelatedSettings.defaults()).restore(file, key);
    CORPUS.forEach(damaged::add);
    assertFalse(damaged.sameAsRestored());
    assertEquals(lists(first.build(), CORPUS), lists(damaged.build(), CORPUS));
  }
}
