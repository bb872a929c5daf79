package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWatcherTest {
  @TempDir Path site;

  @Test
  void reportsChangesInNewSubfoldersAndIgnoresOtherEntries() throws Exception {
    Files.createDirectories(site.resolve("content"));
    Files.writeString(site.resolve("warta.yml"), "title: A\n");
    Semaphore changes = new Semaphore(0);
    AtomicInteger count = new AtomicInteger();
    java.util.List<java.util.Set<Path>> bursts = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (SiteWatcher watcher = new SiteWatcher(site, Duration.ofMillis(200))) {
      Thread thread = new Thread(() -> {
        try {
          watcher.run(changed -> {
            bursts.add(changed);
            count.incrementAndGet();
            changes.release();
          });
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.setDaemon(true);
      thread.start();

      // A burst of writes is one change.
      for (int i = 0; i < 5; i++) {
        Files.writeString(site.resolve("warta.yml"), "title: B" + i + "\n");
      }
      assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "warta.yml");
      Thread.sleep(400);
      assertEquals(1, count.get());

      Path year = Files.createDirectories(site.resolve("content/2024/01"));
      assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "new folder");
      Thread.sleep(300);
      changes.drainPermits();
      Files.writeString(year.resolve("a.md"), "---\ntitle: A\n---\n");
      assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "file in a new folder");
      assertTrue(bursts.get(bursts.size() - 1).contains(year.resolve("a.md")), "the changed file is named: " + bursts);

      Thread.sleep(300);
      changes.drainPermits();
      Files.createDirectories(site.resolve("public"));
      Files.writeString(site.resolve("notes.txt"), "x");
      Thread.sleep(600);
      assertEquals(0, changes.availablePermits(), "entries a build does not read");
    }
  }
}
