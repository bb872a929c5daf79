package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {
  @TempDir Path dir;
  private Path site;
  private DevServer server;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() throws IOException {
    site = dir.resolve("out");
    write("index.html", "<!DOCTYPE html><html><body><h1>Beranda</h1></body></html>");
    write("2024/01/banjir/index.html", "<html><BODY><p>Banjir</p></BODY></html>");
    write("404.html", "<html><body><p>Halaman tidak ditemukan</p></body></html>");
    write("css/site.css", "body{color:red}");
    write("feed.xml", "<rss/>");
    write("img/logo.svg", "<svg/>");
    write("img/photo.webp", "RIFF");
    Files.writeString(dir.resolve("secret.txt"), "not for the web");
    server = DevServer.start(site, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void write(String path, String text) throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Sends a request line as is, so that neither the client nor URI normalises the path. */
  private String raw(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void servesIndexOfFolderWithReloadScriptBeforeBody() throws Exception {
    HttpResponse<String> response = get("/");
    assertEquals(200, response.statusCode());
    assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("<!DOCTYPE html><html><body><h1>Beranda</h1>" + DevServer.SCRIPT + "</body></html>", response.body());
  }

  @Test
  void builtFilesStayWithoutScript() throws Exception {
    get("/");
    assertFalse(Files.readString(site.resolve("index.html")).contains("<script"));
  }

  @Test
  void findsBodyEndInAnyCase() throws Exception {
    assertEquals("<html><BODY><p>Banjir</p>" + DevServer.SCRIPT + "</BODY></html>", get("/2024/01/banjir/").body());
  }

  @Test
  void redirectsFolderWithoutSlash() throws Exception {
    HttpResponse<String> response = get("/2024/01/banjir?x=1");
    assertEquals(301, response.statusCode());
    assertEquals("/2024/01/banjir/?x=1", response.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void oldWordPressPostLinksAreMovedToTheirRedirectPages() throws Exception {
    write("p/31/index.html", "<html><body><a href=\"/2024/01/banjir/\">Banjir</a></body></html>");
    for (String old : List.of("/?p=31", "/index.php?p=31", "/?page_id=31", "/?utm_source=x&p=31")) {
      HttpResponse<String> response = get(old);
      assertEquals(301, response.statusCode(), old);
      assertEquals("/p/31/", response.headers().firstValue("Location").orElseThrow(), old);
    }
    assertEquals(200, get("/?p=32").statusCode(), "no article with that id: the home page, as WordPress shows");
    assertEquals(200, get("/?p=3%2F1").statusCode(), "digits only");
    assertEquals(404, get("/tidak/ada/?p=31").statusCode(), "only at the site's root, where WordPress answered");
  }

  @Test
  void contentTypes() throws Exception {
    assertEquals("text/css; charset=utf-8", get("/css/site.css").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("application/xml; charset=utf-8", get("/feed.xml").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("image/svg+xml; charset=utf-8", get("/img/logo.svg").headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<String> webp = get("/img/photo.webp");
    assertEquals("image/webp", webp.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("RIFF", webp.body());
    assertEquals("text/javascript; charset=utf-8", DevServer.type(Path.of("a.js")));
    assertEquals("application/json; charset=utf-8", DevServer.type(Path.of("feed.json")));
    assertEquals("image/png", DevServer.type(Path.of("a.PNG")));
    assertEquals("image/jpeg", DevServer.type(Path.of("a.jpg")));
    assertEquals("text/plain; charset=utf-8", DevServer.type(Path.of("robots.txt")));
  }

  @Test
  void unknownPathGetsTheSites404Page() throws Exception {
    HttpResponse<String> response = get("/tidak/ada/");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("Halaman tidak ditemukan"));
    assertTrue(response.body().contains(DevServer.SCRIPT));
  }

  @Test
  void neverServesFilesOutsideTheOutputFolder() throws Exception {
    for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/img/..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%252e%252e/secret.txt")) {
      String response = raw(path);
      assertFalse(response.contains("not for the web"), path);
      String status = response.lines().findFirst().orElseThrow();
      assertTrue(status.contains(" 400 ") || status.contains(" 404 "), path + " -> " + status);
    }
  }

  @Test
  void refusesLinksOutOfTheFolder() throws Exception {
    try {
      Files.createSymbolicLink(site.resolve("leak.txt"), dir.resolve("secret.txt"));
    } catch (UnsupportedOperationException | IOException e) {
      return; // no links on this file system
    }
    HttpResponse<String> response = get("/leak.txt");
    assertEquals(404, response.statusCode());
  }

  @Test
  void headHasNoBody() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/css/site.css")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
  }

  @Test
  void postIsRefused() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).POST(HttpRequest.BodyPublishers.ofString("x")).build();
    assertEquals(405, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void errorsShowInsteadOfPagesUntilReload() throws Exception {
    server.fail("/sites/berita", List.of(
        Problem.error("content/a.md", 3, 7, "the date <2024-13-01> is not a date"),
        Problem.warning("content/b.md", 5, 1, "Read also: \"X & Y\" names no article")));
    HttpResponse<String> response = get("/");
    assertEquals(500, response.statusCode());
    assertTrue(response.body().contains("content/a.md:3:7: error: the date &lt;2024-13-01&gt; is not a date"), response.body());
    assertTrue(response.body().contains("&quot;X &amp; Y&quot;"));
    assertTrue(response.body().contains(DevServer.SCRIPT));
    assertFalse(response.body().contains("<2024-13-01>"));
    assertEquals(200, get("/css/site.css").statusCode(), "assets are still served");

    server.reload();
    HttpResponse<String> fixed = get("/");
    assertEquals(200, fixed.statusCode());
    assertTrue(fixed.body().contains("Beranda"));
  }

  @Test
  void reloadReachesOpenEventStreams() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + DevServer.EVENTS + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      assertTrue(reader.readLine().contains("200"));
      CompletableFuture<Boolean> reloaded = CompletableFuture.supplyAsync(() -> {
        try {
          String line;
          while ((line = reader.readLine()) != null) {
            if (line.contains("event: reload")) {
              return true;
            }
          }
          return false;
        } catch (IOException e) {
          return false;
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.listeners() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      server.reload();
      assertTrue(reloaded.get(10, TimeUnit.SECONDS));
    }
  }
}
