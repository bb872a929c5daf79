package dev.warta.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warta.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page as a reader uses it: a built site served over loopback HTTP under a base path,
 * with gzip as a web server sends it, and Debian's Chromium, headless, driven by chromedriver. Skipped
 * (with the reason) where Chromium is not installed; {@code .ci/run} installs it.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SearchBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  private static HttpServer server;
  private static ChromeDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium is not installed (apt-get install chromium chromium-driver): the browser test of the search page is skipped");
    TestSite site = TestSite.of(dir, """
        -- warta.yml --
        title: Uji
        language: id
        baseUrl: http://127.0.0.1/arsip/
        """);
    String[][] articles = {
        {"a", "Pembangunan Jembatan Kali Brantas Dimulai", "2023-01-05", "nasional", "Pemerintah memulai pembangunan jembatan senilai 5 < 7 & lebar."},
        {"b", "Sekolah Dibangun Kembali Setelah Gempa", "2023-02-05", "nasional", "Gedung sekolah dibangun ulang dengan rangka baja."},
        {"c", "Koperasi Nelayan Membangun Gudang Es", "2024-03-05", "ekonomi", "Koperasi membangun gudang es untuk tangkapan ikan."},
        {"d", "Festival Layang-Layang Pangandaran Meriah", "2024-05-05", "budaya", "Ratusan layang-layang raksasa menghiasi langit pantai."}};
    for (String[] a : articles) {
      site.write("-- content/" + a[3] + "/" + a[0] + ".md --\n---\ntitle: \"" + a[1] + "\"\ndate: " + a[2] + "T08:00:00+07:00\n---\n" + a[4] + "\n");
    }
    // more than a page of results for "pasar", in two sections
    for (int i = 1; i <= 13; i++) {
      site.write(String.format(java.util.Locale.ROOT, "-- content/%s/pasar-%02d.md --\n---\ntitle: \"Pasar Rakyat Nomor %d Ramai\"\n"
          + "date: 2022-%02d-10T08:00:00+07:00\n---\nPedagang pasar nomor %d menata lapak sejak subuh.\n", i % 2 == 0 ? "ekonomi" : "daerah", i, i,
          (i % 12) + 1, i));
    }
    site.build();
    Path out = site.output().toRealPath();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/arsip/", exchange -> serve(exchange, out));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/arsip/";
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves a file of the site, gzipped when the browser accepts it, as a web server configured for it does. */
  private static void serve(HttpExchange exchange, Path out) throws IOException {
    String path = exchange.getRequestURI().getPath().substring("/arsip/".length());
    if (path.isEmpty() || path.endsWith("/")) {
      path += "index.html";
    }
    Path file = out.resolve(path).normalize();
    if (!file.startsWith(out) || !Files.isRegularFile(file)) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
        : name.endsWith(".js") ? "text/javascript" : name.endsWith(".json") ? "application/json"
        : name.endsWith(".css") ? "text/css" : "application/octet-stream");
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
        z.write(bytes);
      }
      bytes = zipped.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }

  private static List<String> titles() {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> {
      String status = b.findElement(By.id("search-status")).getText();
      return !status.isEmpty() && !status.equals("Mencari…");
    });
    return browser.findElements(By.cssSelector("#search-results li h2")).stream().map(WebElement::getText).toList();
  }

  @Test
  @org.junit.jupiter.api.Order(1) // first: the browser's cache is empty, the query is cold
  void aQueryFromTheAddressFindsEveryFormOfTheWordWithinTheByteBudget() {
    browser.get(base + "search/?q=pembangunan");
    List<String> titles = titles();
    assertEquals(3, titles.size(), titles.toString());
    assertTrue(titles.containsAll(List.of("Pembangunan Jembatan Kali Brantas Dimulai", "Sekolah Dibangun Kembali Setelah Gempa",
        "Koperasi Nelayan Membangun Gudang Es")), titles.toString());
    assertEquals("3 artikel ditemukan", browser.findElement(By.id("search-status")).getText());
    // the query word is highlighted; a lede with markup characters shows them as text
    assertTrue(browser.findElements(By.cssSelector("#search-results mark")).stream().anyMatch(m -> m.getText().equalsIgnoreCase("pembangunan")));
    assertTrue(browser.findElement(By.id("search-results")).getText().contains("5 < 7 & lebar"));
    // links resolve under the site's base path
    String href = browser.findElement(By.cssSelector("#search-results li h2 a")).getAttribute("href");
    assertTrue(href.startsWith(base + "20"), href);
    long bytes = (Long) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/search/') >= 0)"
            + ".reduce((sum, e) => sum + e.encodedBodySize, 0);");
    System.out.println("search files fetched for a cold query (gzip bytes): " + bytes);
    // the client takes the manifest the page preloaded, in the same round trip as the script
    assertEquals(1L, ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/manifest.json')).length;"));
    assertTrue(bytes > 0 && bytes <= 64 * 1024, bytes + " bytes");
  }

  @Test
  void typingAQueryPutsItInTheAddressAndTheBackButtonRestoresTheLastOne() {
    browser.get(base + "search/?q=pembangunan");
    assertEquals(3, titles().size());
    WebElement input = browser.findElement(By.id("search-q"));
    input.clear();
    input.sendKeys("layang pangandaran", Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("q=layang+pangandaran"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> titles().equals(List.of("Festival Layang-Layang Pangandaran Meriah")));
    browser.navigate().back();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("q=pembangunan"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> titles().size() == 3);
    assertEquals("pembangunan", browser.findElement(By.id("search-q")).getDomProperty("value"));
  }

  @Test
  void theSearchBoxOfAnyPageLeadsToResultsAndFiltersNarrowThem() {
    browser.get(base);
    WebElement box = browser.findElement(By.id("site-search"));
    box.sendKeys("membangun", Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("search/"));
    assertEquals(3, titles().size());
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("search-year"))).selectByValue("2024");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("year=2024"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> titles().equals(List.of("Koperasi Nelayan Membangun Gudang Es")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("search-year"))).selectByValue("");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("search-section"))).selectByValue("nasional");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> titles().size() == 2);
    assertFalse(titles().contains("Koperasi Nelayan Membangun Gudang Es"));
  }

  @Test
  void moreResultsAddTheNextPageAndTakeTheFocusToIt() {
    browser.get(base + "search/?q=pasar");
    assertEquals(10, titles().size());
    assertEquals("13 artikel ditemukan", browser.findElement(By.id("search-status")).getText());
    WebElement more = browser.findElement(By.id("search-more"));
    assertTrue(more.isDisplayed());
    more.click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> titles().size() == 13);
    assertEquals("13 artikel ditemukan · 13 ditampilkan", browser.findElement(By.id("search-status")).getText());
    assertFalse(browser.findElement(By.id("search-more")).isDisplayed(), "nothing more to show");
    // the focus is on the first added result, for a keyboard or a screen reader
    WebElement eleventh = browser.findElements(By.cssSelector("#search-results li h2 a")).get(10);
    assertEquals(eleventh, browser.switchTo().activeElement());
    assertEquals(13, new java.util.HashSet<>(titles()).size(), "no result twice");
  }

  @Test
  void anInflectionNoArticleHasFindsTheWordItComesFrom() {
    browser.get(base + "search/?q=pembangunannya");
    List<String> titles = titles();
    assertEquals(3, titles.size(), titles.toString());
    assertTrue(browser.findElements(By.cssSelector("#search-results mark")).stream().anyMatch(m -> m.getText().equalsIgnoreCase("pembangunan")));
  }
}
