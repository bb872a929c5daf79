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
}
