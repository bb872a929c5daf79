package dev.warta.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AnalysisTest {

  @Test
  void stripsMarkdownButKeepsProse() {
    String plain =
        PlainText.stripMarkdown(
            "## Data\nLihat [laporan **BPS**](https://bps.go.id/x) dan <b>tabel</b> di"
                + " https://x.y/z. ![grafik](g.png)");
    assertEquals("Data Lihat laporan BPS dan tabel di grafik", plain.replaceAll("[\\s.]+", " ").strip());
  }

  @Test
  void findsMultiWordNamesButNotSentenceInitialWords() {
    Map<String, float[]> counts = new TreeMap<>();
    Names.count(
        "kunjungan singkat ke ibu kota",
        "Kemarin Kim Jong Un bertemu utusan Dewan Keamanan PBB di Pyongyang. Hujan turun sejak"
            + " kemarin, kata Kim Jong Un.",
        3f,
        counts);
    Map<String, Float> names = new TreeMap<>();
    counts.forEach((k, v) -> names.put(k, v[0]));
    assertEquals(
        Map.of("kim jong un", 2f, "jong un", 2f, "dewan keamanan pbb", 1f, "keamanan pbb", 1f),
        names);
  }

  @Test
  void titleCaseTitlesBoostOnlyNamesFoundInTheBody() {
    Map<String, float[]> counts = new TreeMap<>();
    Names.count(
        "Kim Jong Un Tinjau Uji Coba Rudal Baru",
        "Pemimpin Korea Utara itu hadir bersama pemimpin militer. Media melaporkan bahwa Kim"
            + " Jong Un tersenyum.",
        3f,
        counts);
    Map<String, Float> names = new TreeMap<>();
    counts.forEach((k, v) -> names.put(k, v[0]));
    assertEquals(Map.of("kim jong un", 4f, "jong un", 4f, "korea utara", 1f), names);
  }

  /** The words as written and as indexed, in order: "title:word>stem". */
  private static final class Collected implements Analysis.Words {
    final java.util.List<String> words = new java.util.ArrayList<>();
    int ends;

    @Override
    public void word(String text, int start, int end, char[] stem, int stemLength, boolean title) {
      words.add((title ? "title:" : "") + text.substring(start, end) + ">" + new String(stem, 0, stemLength));
    }

    @Override
    public void end() {
      ends++;
    }
  }

  @Test
  void givesEachKeptWordAsWrittenAndAsIndexed() {
    Collected c = new Collected();
    Analysis.analyse("id", "Pembangunan Jembatan", "Jembatan itu dibangun dan 2024 warga membangun jalan.", c);
    assertEquals(java.util.List.of("title:Pembangunan>bangun", "title:Jembatan>jembat", "Jembatan>jembat", "dibangun>bangun",
        "warga>warga", "membangun>bangun", "jalan>jalan"), c.words);
    assertEquals(1, c.ends);
    Collected en = new Collected();
    Analysis.analyse("en", "", "The Minister's plans", en);
    assertEquals(java.util.List.of("Minister's>minist", "plans>plan"), en.words);
  }

  @Test
  void theRelatedIndexGivesTheSameWordsOnlyWhenItAnalysesTheArticle() {
    RelatedIndex.Builder builder = RelatedIndex.builder(dev.warta.shared.RelatedSettings.defaults());
    RelatedDocument doc = new RelatedDocument("a.md", "id", "Pembangunan Jembatan", "Jembatan itu *dibangun* warga.", java.util.List.of(),
        "", java.time.Instant.EPOCH);
    Collected shared = new Collected();
    assertEquals(true, builder.put(doc, shared));
    Collected alone = new Collected();
    Analysis.analyse("id", doc.title(), Analysis.plainText(doc.text()), alone);
    assertEquals(alone.words, shared.words);
    assertEquals(1, shared.ends);
    // unchanged: kept, not analysed again, so nothing is given
    Collected again = new Collected();
    assertEquals(false, builder.put(doc, again));
    assertEquals(java.util.List.of(), again.words);
    assertEquals(0, again.ends);
  }
}
