package dev.warta.maven;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches what a site is built from — {@code warta.yml} and the folders {@code content/}, {@code
 * templates/}, {@code static/} and {@code i18n/}, recursively — and calls back once per burst of
 * changes.
 *
 * <p>The JDK's {@link WatchService} watches single folders, so each folder is registered, and new
 * folders are registered as they appear. Editors save in bursts (a temporary file, a rename, a
 * timestamp), so a change is reported only after {@code quiet} passed without another one. Only the
 * named entries of the site folder itself count: an output folder inside it does not trigger builds.
 */
final class SiteWatcher implements AutoCloseable {
  /** The entries of the site folder a build reads. */
  static final Set<String> WATCHED = Set.copyOf(dev.warta.Site.SOURCES);

  /** Stands in the changed files when the system lost count of events. */
  private static final Path LOST = Path.of("");

  private final Path site;
  private final Duration quiet;
  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();

  /** Starts watching {@code site}; call {@link #run} to hear changes. */
  SiteWatcher(Path site, Duration quiet) throws IOException {
    this.site = site.toAbsolutePath().normalize();
    this.quiet = quiet;
    this.service = this.site.getFileSystem().newWatchService();
    register(this.site);
    for (String name : WATCHED) {
      Path p = this.site.resolve(name);
      if (Files.isDirectory(p)) {
        registerTree(p);
      }
    }
  }

  /**
   * Calls {@code onChange} after each burst of changes with the files changed in it (empty when
   * the system lost count of them), until the watcher is closed or the thread is interrupted.
   */
  void run(java.util.function.Consumer<java.util.Set<Path>> onChange) throws InterruptedException {
    try {
      while (true) {
        WatchKey key = service.take();
        java.util.Set<Path> changed = new java.util.LinkedHashSet<>();
        boolean relevant = handle(key, changed);
        // Gather the rest of the burst: wait until nothing happened for `quiet`.
        WatchKey next;
        while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          relevant |= handle(next, changed);
        }
        if (relevant) {
          onChange.accept(changed.contains(LOST) ? java.util.Set.of() : changed);
        }
      }
    } catch (ClosedWatchServiceException closed) {
      // close() was called: stop quietly.
    }
  }

  /**
   * Takes a key's events, registers new folders, adds the paths changed to {@code changed} (or
   * clears it when events were lost), and tells whether any event concerns the site.
   */
  private boolean handle(WatchKey key, java.util.Set<Path> changed) {
    Path dir = keys.get(key);
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        relevant = true;
        changed.add(LOST);
        continue;
      }
      if (dir == null) {
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      if (dir.equals(site) && !WATCHED.contains(child.getFileName().toString())) {
        continue;
      }
      relevant = true;
      changed.add(child);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
        try {
          registerTree(child);
        } catch (IOException e) {
          // The folder went again before we saw it; the next event will tell.
        }
      }
    }
    if (!key.reset()) {
      keys.remove(key);
    }
    return relevant;
  }

  private void registerTree(Path top) throws IOException {
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        register(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void register(Path dir) throws IOException {
    keys.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
  }

  /** Stops watching; {@link #run} returns. */
  @Override
  public void close() throws IOException {
    service.close();
  }
}
