package dev.warta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void aSchemeIsReadAsABrowserReadsIt() {
    assertEquals("javascript", Urls.scheme(" java\tscript:alert(1)"));
    assertEquals("javascript", Urls.scheme("JaVaScRiPt\u0085:alert(1)"));
    assertEquals("https", Urls.scheme("HTTPS://example.org/"));
    assertEquals("", Urls.scheme("/2024/03/a/"));
    assertEquals("", Urls.scheme("../a.md#part:two"));
    assertEquals("", Urls.scheme("?q=a:b"));
    assertEquals("?", Urls.scheme(":nothing"));
    assertEquals("?", Urls.scheme("1abc:x"));
  }

  @Test
  void linksMayLeaveTheWebForMailAndPhonesImagesMayNot() {
    for (String url : new String[] {"https://a.org/", "mailto:redaksi@example.org", "tel:+62211234", "ftp://a.org/f", "a/b.html"}) {
      assertTrue(Urls.allows(url, Urls.LINK_SCHEMES), url);
    }
    assertFalse(Urls.allows("mailto:redaksi@example.org", Urls.WEB_SCHEMES));
    for (String url : new String[] {"javascript:alert(1)", "data:text/html,x", "vbscript:x", ":x"}) {
      assertFalse(Urls.allows(url, Urls.LINK_SCHEMES), url);
      assertFalse(Urls.allows(url, Urls.WEB_SCHEMES), url);
    }
  }

  @Test
  void aBuildTimeNeedsItsOffsetAFrontMatterDateDoesNot() {
    assertEquals(java.time.Instant.parse("2024-01-31T05:00:00Z"), Dates.instant("2024-01-31T12:00:00+07:00").orElseThrow());
    assertEquals(java.time.Instant.parse("2024-01-31T05:00:00Z"), Dates.instant("2024-01-31 12:00:00 +0700").orElseThrow());
    assertTrue(Dates.instant("2024-01-31T12:00:00").isEmpty());
    assertTrue(Dates.instant("2024-01-31").isEmpty());
    assertTrue(Dates.instant("yesterday").isEmpty());
    assertTrue(Dates.parse("2024-01-31", java.time.ZoneId.of("Asia/Jakarta")).isPresent());
  }
}
