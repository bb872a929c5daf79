package dev.warta.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TitleMatcherTest {

  private final TitleMatcher matcher =
      TitleMatcher.of(
          Map.of(
              "/internasional/rudal-jelajah/", "Korea Utara Luncurkan Dua Rudal Jelajah",
              "/internasional/rudal-balistik/", "Korea Utara Luncurkan Tiga Rudal Balistik",
              "/ekonomi/harga-cabai/", "Harga Cabai Rawit di Pasar Induk Kramat Jati Naik Lagi",
              "/ekonomi/kafe/", "Kafé Kopi Tubruk Dibuka di Yogyakarta",
              "/olahraga/timnas/", "Timnas Indonesia Menang Tipis atas Vietnam",
              "/sains/gerhana/", "Gerhana Bulan Total Malam Ini"));

  @Test
  void matchesExactTitle() {
    assertEquals(
        Optional.of("/internasional/rudal-jelajah/"),
        matcher.match("Korea Utara Luncurkan Dua Rudal Jelajah"));
  }

  @Test
  void ignoresCasePunctuationAndDiacritics() {
    assertEquals(
        Optional.of("/ekonomi/kafe/"), matcher.match("  kafe kopi TUBRUK dibuka, di Yogyakarta! "));
    assertEquals(
        Optional.of("/olahraga/timnas/"),
        matcher.match("\"Timnas Indonesia menang tipis atas Vietnam.\""));
  }

  @Test
  void acceptsTheWholeReadAlsoLine() {
    assertEquals(
        Optional.of("/olahraga/timnas/"),
        matcher.match("Baca juga: Timnas Indonesia Menang Tipis atas Vietnam"));
  }

  @Test
  void forgivesOneTypo() {
    assertEquals(
        Optional.of("/internasional/rudal-jelajah/"),
        matcher.match("Korea Utara Luncurakn Dua Rudal Jelajah"));
    assertEquals(
        Optional.of("/olahraga/timnas/"), matcher.match("Timnas Indonesia Menang Tipis atas Vietnm"));
  }

  @Test
  void forgivesADroppedOrAddedWordInALongTitle() {
    assertEquals(
        Optional.of("/ekonomi/harga-cabai/"),
        matcher.match("Harga Cabai Rawit di Pasar Induk Kramat Jati Naik"));
    assertEquals(
        Optional.of("/ekonomi/harga-cabai/"),
        matcher.match("Harga Cabai Rawit Merah di Pasar Induk Kramat Jati Naik Lagi"));
  }

  @Test
  void rejectsAClearlyDifferentTitle() {
    assertEquals(Optional.empty(), matcher.match("Korea Utara Luncurkan Empat Rudal Jelajah"));
    assertEquals(Optional.empty(), matcher.match("Korea Selatan Gelar Latihan Militer"));
    assertEquals(
        Optional.empty(), matcher.match("Harga Cabai Rawit di Pasar Induk Kramat Jati Tidak Naik Lagi"));
    assertEquals(Optional.empty(), matcher.match("Timnas Indonesia Kalah Tipis atas Vietnam"));
    assertEquals(Optional.empty(), matcher.match(""));
  }

  @Test
  void droppingAWordFromAShortTitleIsNotForgiven() {
    assertEquals(Optional.of("/sains/gerhana/"), matcher.match("Gerhana Bulan Total Malam Ini"));
    assertEquals(Optional.empty(), matcher.match("Gerhana Bulan Malam Ini"));
  }

  @Test
  void breaksTiesDeterministically() {
    TitleMatcher same =
        TitleMatcher.of(
            Map.of(
                "/b/", "Banjir Rendam Ribuan Rumah di Kota Medan",
                "/a/", "Banjir Rendam Ribuan Rumah di Kota Medan",
                "/c/", "Banjir Rendam Ratusan Rumah di Kota Medan Utara"));
    assertEquals(Optional.of("/a/"), same.match("banjir rendam ribuan rumah di kota medan"));
    // equally close to /a/ and /b/ after a typo: the smaller key
    assertEquals(Optional.of("/a/"), same.match("Banjir Rendam Ribuan Rumah di Kota Medna"));
    TitleMatcher fuzzyTie =
        TitleMatcher.of(
            Map.of(
                "/y/", "Gubernur Resmikan Jembatan Baru di Samarinda Hari Ini",
                "/x/", "Gubernur Resmikan Jembatan Baru di Samarinda Pagi Ini"));
    // one dropped word away from both titles
    assertEquals(Optional.of("/x/"), fuzzyTie.match("Gubernur Resmikan Jembatan Baru di Samarinda Ini"));
  }

  @Test
  void preferTheExactMatchOverACloserKey() {
    TitleMatcher m =
        TitleMatcher.of(
            Map.of(
                "/a/", "Menteri Keuangan Umumkan Paket Stimulus Ekonomi",
                "/z/", "Menteri Keuangan Umumkan Paket Stimulus Ekonomis"));
    assertEquals(Optional.of("/z/"), m.match("Menteri Keuangan Umumkan Paket Stimulus Ekonomis"));
  }

  @org.junit.jupiter.api.Test
  void titlesThatRepeatAWordAreMatched() {
    TitleMatcher m = TitleMatcher.of(java.util.Map.of("a.md", "Banjir, Banjir, dan Banjir Lagi", "b.md", "Harga Cabai"));
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("a.md"), m.match("banjir banjir dan banjir lagi"));
  }
}
