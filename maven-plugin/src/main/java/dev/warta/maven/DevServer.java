package dev.warta.maven;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warta.shared.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server for previewing a built site, with live reload: what {@code warta:serve} runs.
 *
 * <p>It serves the files of one output folder (folder URLs get their {@code index.html}, {@code /x}
 * redirects to {@code /x/} when {@code x} is a folder, unknown paths get the site's {@code
 * 404.html}) and never a file outside that folder: the decoded path is refused when any segment is
 * {@code .} or {@code ..} or holds a backslash or NUL, and the resolved file must still lie inside
 * the folder once links are followed.
 *
 * <p>Live reload needs no JavaScript in the built site: only while serving, HTML responses get a
 * small script before {@code </body>} that listens to the Server-Sent Events stream {@value
 * #EVENTS} and reloads the page on a {@code reload} event, which {@link #reload()} sends to every
 * open tab. When a rebuild fails, {@link #fail} makes every HTML response an error page listing the
 * problems, with the same script, so the tab recovers by itself once the content is fixed.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver}; thread-safe.
 */
final class DevServer implements AutoCloseable {
  /** The path of the live-reload event stream. */
  static final String EVENTS = "/__warta/events";

  /** The script injected into HTML responses. */
  static final String SCRIPT =
      "<script>(function(){var s=new EventSource('" + EVENTS + "');"
          + "s.addEventListener('reload',function(){s.close();location.reload();});})();</script>";

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("xml", "application/xml; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("svg", "image/svg+xml; charset=utf-8"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("pdf", "application/pdf"));

  /** Sent to an event stream to end it. */
  private static final String CLOSE = "";

  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
  private volatile List<Problem> problems = List.of();
  private volatile String errorSite = "";

  private DevServer(Path root, HttpServer server, ExecutorService executor) {
    this.root = root;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving {@code root} on {@code host:port} (port 0 picks a free one).
   *
   * @throws IOException when the address cannot be bound, e.g. the port is taken
   */
  static DevServer start(Path root, String host, int port) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    // Each open tab holds one thread on its event stream, so the pool must grow with the tabs.
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "warta-serve-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    DevServer dev = new DevServer(root.toAbsolutePath().normalize(), http, executor);
    http.setExecutor(executor);
    http.createContext("/", dev::handle);
    http.start();
    return dev;
  }

  /** The port the server listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Tabs that listen for reloads now. */
  int listeners() {
    return clients.size();
  }

  /** Serves the site again (after a successful build) and reloads every open tab. */
  void reload() {
    problems = List.of();
    broadcast("event: reload\ndata: \n\n");
  }

  /**
   * Answers HTML requests with a page listing {@code problems} until the next {@link #reload()},
   * and reloads every open tab so it shows them.
   *
   * @param site the site folder, shown in the page title
   */
  void fail(String site, List<Problem> problems) {
    this.errorSite = site;
    this.problems = List.copyOf(problems);
    broadcast("event: reload\ndata: \n\n");
  }

  private void broadcast(String event) {
    clients.forEach(q -> q.offer(event));
  }

  /** Stops the server and ends the event streams. */
  @Override
  public void close() {
    broadcast(CLOSE);
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", bytes("method not allowed\n"), head);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (EVENTS.equals(path)) {
        events(exchange);
        return;
      }
      Optional<String> oldPost = oldPostRedirect(path, exchange.getRequestURI().getRawQuery());
      if (oldPost.isPresent()) {
        exchange.getResponseHeaders().set("Location", oldPost.get());
        send(exchange, 301, "text/plain; charset=utf-8", bytes("moved to " + oldPost.get() + "\n"), head);
        return;
      }
      Optional<Path> target = resolve(path);
      if (target.isEmpty()) {
        send(exchange, 400, "text/plain; charset=utf-8", bytes("bad path\n"), head);
        return;
      }
      Path file = target.get();
      if (Files.isDirectory(file)) {
        if (!path.endsWith("/")) {
          String query = exchange.getRequestURI().getRawQuery();
          String location = exchange.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query);
          exchange.getResponseHeaders().set("Location", location);
          send(exchange, 301, "text/plain; charset=utf-8", bytes("moved to " + location + "\n"), head);
          return;
        }
        file = file.resolve("index.html");
      }
      String type = type(file);
      List<Problem> failing = problems;
      if (!failing.isEmpty() && type.startsWith("text/html")) {
        send(exchange, 500, type, bytes(ErrorPage.html(errorSite, failing)), head);
      } else if (Files.isRegularFile(file) && inside(file)) {
        byte[] body = Files.readAllBytes(file);
        send(exchange, 200, type, type.startsWith("text/html") ? inject(body) : body, head);
      } else {
        notFound(exchange, head);
      }
    }
  }

  private void notFound(HttpExchange exchange, boolean head) throws IOException {
    List<Problem> failing = problems;
    Path page = root.resolve("404.html");
    if (!failing.isEmpty()) {
      send(exchange, 500, TYPES.get("html"), bytes(ErrorPage.html(errorSite, failing)), head);
    } else if (Files.isRegularFile(page)) {
      send(exchange, 404, TYPES.get("html"), inject(Files.readAllBytes(page)), head);
    } else {
      send(exchange, 404, "text/plain; charset=utf-8", bytes("not found\n"), head);
    }
  }

  /**
   * The file for a decoded URL path, or empty when the path tries to leave the output folder. The
   * JDK has already decoded {@code %2e%2e} to {@code ..}, so encoded attempts are caught here too.
   */
  /**
   * Where an old WordPress link goes: {@code /?p=ID}, {@code /?page_id=ID} and {@code
   * /index.php?p=ID} to {@code /p/ID/}, the redirect page the build made from the article's {@code
   * wordpress_id}, when there is one; as a server rule would on the published site.
   */
  Optional<String> oldPostRedirect(String path, String query) {
    if (query == null || !(path.equals("/") || path.equals("/index.php"))) {
      return Optional.empty();
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      String id = eq < 0 ? "" : part.substring(eq + 1);
      if ((key.equals("p") || key.equals("page_id")) && !id.isEmpty() && id.length() <= 18 && id.chars().allMatch(c -> c >= '0' && c <= '9')
          && Files.isRegularFile(root.resolve("p").resolve(id).resolve("index.html"))) {
        return Optional.of("/p/" + id + "/");
      }
    }
    return Optional.empty();
  }

  Optional<Path> resolve(String path) {
    if (path == null || !path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..") || segment.contains(":")) {
        return Optional.empty();
      }
    }
    Path file = root.resolve(path.substring(1)).normalize();
    return file.startsWith(root) ? Optional.of(file) : Optional.empty();
  }

  /** Whether a file, links followed, still lies in the output folder. */
  private boolean inside(Path file) {
    try {
      return file.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** The content type for a file name; text types carry {@code charset=utf-8}. */
  static String type(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  /** The page with the live-reload script before its last {@code </body>}, or at its end. */
  static byte[] inject(byte[] html) {
    String text = new String(html, StandardCharsets.UTF_8);
    int at = text.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    String out = at < 0 ? text + SCRIPT : text.substring(0, at) + SCRIPT + text.substring(at);
    return bytes(out);
  }

  /** Holds an event stream open, writing what {@link #broadcast} queues, until the tab or the server goes. */
  private void events(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/event-stream; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    clients.add(queue);
    try {
      OutputStream out = exchange.getResponseBody();
      // A first comment tells the browser (and a test) that the stream is open.
      out.write(bytes(": connected\nretry: 500\n\n"));
      out.flush();
      while (true) {
        String event = queue.poll(15, TimeUnit.SECONDS);
        if (CLOSE.equals(event)) {
          return;
        }
        // Without an event, a comment line finds out whether the tab is still there.
        out.write(bytes(event == null ? ": ping\n\n" : event));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException gone) {
      // The tab was closed or reloaded: nothing to do.
    } finally {
      clients.remove(queue);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    // A preview must always show the latest build.
    headers.set("Cache-Control", "no-store");
    if (head) {
      headers.set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
