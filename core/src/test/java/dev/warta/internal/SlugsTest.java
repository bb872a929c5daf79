package dev.warta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {
  @Test
  void transliteratesTitlesToLowerCaseAsciiWithHyphens() {
    assertEquals("presiden-jokowi-ekonomi-tumbuh-5", Slugs.slugify("Presiden Jokowi: Ekonomi Tumbuh 5%"));
    assertEquals("korea-utara", Slugs.slugify("Korea Utara"));
    assertEquals("cafe-dan-resto-di-munchen", Slugs.slugify("Café & Resto di München"));
    assertEquals("jumat-agung", Slugs.slugify("Jum'at Agung"));
    assertEquals("strasse", Slugs.slugify("Straße"));
  }

  @Test
  void cutsLongSlugsAtAHyphen() {
    String slug = Slugs.slugify("kata ".repeat(40));
    assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
    assertFalse(slug.endsWith("-"));
  }

  @Test
  void nonLatinNamesGetAStableKey() {
    assertEquals("", Slugs.slugify("北京"));
    assertEquals(Slugs.termKey("北京"), Slugs.termKey(" 北京 "));
    assertTrue(Slugs.termKey("北京").matches("t-[0-9a-f]{8}"));
    assertEquals("korea-utara", Slugs.termKey("KOREA UTARA"));
  }

  @Test
  void safeSegmentsAreSingleAsciiNames() {
    assertTrue(Slugs.isSafeSegment("berita-1.html"));
    assertFalse(Slugs.isSafeSegment("../etc"));
    assertFalse(Slugs.isSafeSegment(".hidden"));
    assertFalse(Slugs.isSafeSegment("a/b"));
    assertFalse(Slugs.isSafeSegment("a\\b"));
    assertFalse(Slugs.isSafeSegment("a\u0000b"));
    assertFalse(Slugs.isSafeSegment(""));
  }
}
