package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import dev.warta.Site;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the archive, serves it on {@code http://localhost:8080/}, and rebuilds it whenever a file
 * of the site changes, reloading the open browser tabs. Stop it with Ctrl-C.
 *
 * <p>Run it from the project: {@code mvn warta:serve}, or without a project: {@code mvn
 * dev.warta:warta-maven-plugin:VERSION:serve -Dwarta.site=DIR}.
 *
 * <p>What is watched: {@code warta.yml} and everything under {@code content/}, {@code templates/},
 * {@code static/} and {@code i18n/}. Changes are gathered for 200 ms, then the site is built again.
 * When only articles changed, each is first shown at once on every page that shows it (see {@code
 * Site.refresh}), then the full build makes the related lists exact too. A build with errors logs each problem as {@code file:line:col: message} and shows them in the
 * browser instead of the pages; the server keeps running and the tab recovers once the files are
 * fixed.
 *
 * <p>The site is built into its own folder ({@code target/warta-serve} by default), never into the
 * output of {@code warta:build}, with {@code baseUrl} set to the server's address so that every link
 * stays on the preview. Live reload is a small script added to HTML responses by the server only:
 * the files written contain no JavaScript.
 *
 * <p>Settings: a value in the pom's {@code <configuration>} wins over a {@code -Dwarta.*} property,
 * which wins over {@code warta.yml}, which wins over Warta's defaults; {@code baseUrl} is always the
 * server's own address here.
 */
@Mojo(name = "serve", requiresProject = false, threadSafe = true)
public class ServeMojo extends AbstractWartaMojo {

  /** The port to listen on; {@code 0} picks a free one. */
  @Parameter(property = "warta.port", defaultValue = "8080")
  private int port;

  /**
   * The address to listen on. The default answers this machine only; {@code 0.0.0.0} lets other
   * devices of the network (a phone, say) see the preview too.
   */
  @Parameter(property = "warta.bind", defaultValue = "127.0.0.1")
  private String bind;

  /** The folder the preview is built into; Warta's own, replaced at each build. */
  @Parameter(property = "warta.serveOutput", defaultValue = "${project.build.directory}/warta-serve")
  private File serveOutput;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Warta serve (warta.skip)");
      return;
    }
    File serveOutput = folder(this.serveOutput);
    DevServer server;
    try {
      server = DevServer.start(serveOutput.toPath(), bind, port);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "); choose another port with -Dwarta.port=PORT", e);
    }
    try (server; SiteWatcher watcher = new SiteWatcher(site.toPath(), Duration.ofMillis(200))) {
      URI url = URI.create("http://" + host(bind) + ":" + server.port() + "/");
      // warm: each rebuild reads and renders again only what the change touched
      Site preview = site().output(serveOutput.toPath()).baseUrl(url).warm();
      rebuild(preview, server);
      getLog().info("Warta: serving " + url + " (Ctrl-C stops); watching " + site);
      // Ctrl-C ends the JVM: let the watch loop end and the server close first.
      Thread main = Thread.currentThread();
      Thread stop = new Thread(() -> {
        main.interrupt();
        try {
          main.join(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "warta-serve-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      try {
        watcher.run(changed -> {
          // an edited article is shown at once; the full build that follows makes every page right
          refresh(preview, server, changed);
          getLog().info("Warta: change seen, building again");
          rebuild(preview, server);
        });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running: nothing to remove.
        }
      }
      getLog().info("Warta: server stopped");
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot watch " + site + ": " + e.getMessage(), e);
    }
  }

  /**
   * Renders the pages of changed articles, and the pages that show them, at once and reloads the
   * tabs, when only articles that keep their place in the archive changed. Any failure is left to
   * the full build that follows.
   */
  private void refresh(Site preview, DevServer server, java.util.Set<java.nio.file.Path> changed) {
    List<java.nio.file.Path> articles = articlesToRefresh(site.toPath(), changed);
    if (articles.isEmpty()) {
      return;
    }
    try {
      long start = System.nanoTime();
      List<String> urls = preview.refresh(articles);
      if (!urls.isEmpty()) {
        server.reload();
        String what = urls.size() == 1 ? urls.get(0) : urls.get(0) + " and " + (urls.size() - 1) + " page" + (urls.size() == 2 ? "" : "s") + " showing it";
        getLog().info(String.format(java.util.Locale.ROOT, "Warta: %s shown again in %.2f s", what, (System.nanoTime() - start) / 1e9));
      }
    } catch (RuntimeException e) {
      getLog().debug("Warta: quick refresh skipped: " + e);
    }
  }

  /** Builds the preview; on success the tabs reload, on errors they show the problems. */
  private void rebuild(Site preview, DevServer server) {
    try {
      BuildResult result = preview.build();
      log(result.warnings());
      getLog().info("Warta: " + result.summary());
      server.reload();
    } catch (BuildException e) {
      log(e.problems());
      getLog().error("Warta: the build failed with " + e.errors().size() + " error(s); the browser shows them until they are fixed");
      server.fail(site.getPath(), e.problems());
    } catch (RuntimeException e) {
      // The server must outlive a broken build, whatever broke it.
      getLog().error("Warta: the build failed unexpectedly", e);
      server.fail(site.getPath(), List.of(Problem.error("", 0, 0, "the build failed unexpectedly: " + e)));
    }
  }

  /**
   * The article files whose pages can be shown again before the full build: none when anything
   * outside {@code content/} changed (settings, templates, labels need the full build alone), or
   * when the watcher lost count. Editors save through temporary files (sed's, vim's {@code 4913},
   * backups ending in {@code ~}): inside {@code content/} only Markdown files count.
   */
  static List<java.nio.file.Path> articlesToRefresh(java.nio.file.Path siteDir, java.util.Set<java.nio.file.Path> changed) {
    java.nio.file.Path content = siteDir.toAbsolutePath().normalize().resolve("content");
    if (changed.isEmpty() || changed.stream().anyMatch(p -> !p.toAbsolutePath().normalize().startsWith(content))) {
      return List.of();
    }
    return changed.stream().filter(p -> {
      String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      return name.endsWith(".md") || name.endsWith(".markdown");
    }).toList();
  }

  /** The host name for URLs to the server: {@code localhost} for a wildcard or loopback address. */
  static String host(String bind) {
    try {
      InetAddress address = InetAddress.getByName(bind);
      if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
        return "localhost";
      }
    } catch (UnknownHostException e) {
      return bind;
    }
    return bind.indexOf(':') >= 0 ? "[" + bind + "]" : bind;
  }
}
