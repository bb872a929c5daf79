package dev.warta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildException;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import dev.warta.Warta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  @TempDir Path dir;

  private static final String SITE = """
      -- content/a.md --
      ---
      title: Satu
      date: 2023-01-01
      ---
      Isi satu.
      -- content/b.md --
      ---
      title: Dua
      date: 2023-01-02
      ---
      Isi dua.
      """;

  /** Every file of a folder with its bytes, for byte-for-byte comparison. */
  static Map<String, String> snapshot(Path output) throws IOException {
    Map<String, String> files = new TreeMap<>();
    // the output is a link to the current release: read what it leads to, as a web server does
    Path root = output.toRealPath();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Map<String, String> before = snapshot(site.output());
    site.write("-- content/b.md --\n---\ntitle: Dua\n---\nRusak.\n-- content/c.md --\n---\ntitle: Tiga\ndate: 2023-01-03\n---\nBaru.\n");
    site.failingBuild();
    assertEquals(before, snapshot(site.output()));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(".public.releases", "public", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left behind");
    }
  }

  @Test
  void unchangedFilesKeepTheirBytesAndTimestamps() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Path page = site.output().resolve("2023/01/satu/index.html");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(page, old);
    var second = site.build();
    assertEquals(0, second.pagesWritten());
    assertEquals(old, Files.getLastModifiedTime(page));
    site.write("-- content/b.md --\n---\ntitle: Dua\ndate: 2023-01-02\n---\nIsi dua diubah.\n");
    var third = site.build();
    assertEquals(old, Files.getLastModifiedTime(page), "an article whose page did not change keeps its time");
    assertTrue(third.pagesWritten() >= 1 && third.pagesWritten() < third.pagesUnchanged(), third.summary());
    assertTrue(site.text("2023/01/dua/index.html").contains("Isi dua diubah."));
  }

  @Test
  void aFolderWartaDidNotWriteIsNeverReplaced() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    Files.createDirectories(site.output());
    Files.writeString(site.output().resolve("penting.txt"), "jangan dihapus");
    List<Problem> problems = site.failingBuild();
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).message().startsWith("the output folder " + site.output() + " is not Warta's (it holds files that Warta did not write)"), problems.get(0).message());
    assertEquals("jangan dihapus", Files.readString(site.output().resolve("penting.txt")));
  }

  @Test
  void anInterruptedSwapIsRecoveredByTheNextBuild() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Map<String, String> before = snapshot(site.output());
    // the state a kill between the two renames of a swap leaves: the old site aside, no output
    Files.move(site.output().toRealPath(), dir.resolve(".public.warta-old"));
    Files.delete(site.output());
    Output.recover(site.output());
    assertEquals(before, snapshot(site.output()));
    assertFalse(Files.exists(dir.resolve(".public.warta-old")));
  }

  @Test
  void aWriteFailureLeavesTheOldSite() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Map<String, String> before = snapshot(site.output());
    // a static file whose name is a folder in the staging tree: writing the page under it fails midway
    site.write("-- static/2023/01/satu/index.html/x.txt --\nx\n");
    BuildException e = assertThrows(BuildException.class, site::build);
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).message().startsWith("cannot write the site: cannot write "), e.problems().get(0).message());
    assertTrue(e.problems().get(0).message().endsWith("; the previous output is left as it was"), e.problems().get(0).message());
    assertEquals(before, snapshot(site.output()));
  }
  /** Writes that fail midway, with the previous site in place: whatever fails, it stays as it was. */
  private void assertWriteFailureKeepsTheOldSite(String change, String messageStart) throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Map<String, String> before = snapshot(site.output());
    site.write(change);
    List<Problem> problems = site.failingBuild();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).message().startsWith(messageStart), problems.get(0).message());
    assertTrue(problems.get(0).message().endsWith("; the previous output is left as it was"), problems.get(0).message());
    assertEquals(before, snapshot(site.output()));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(".public.releases", "public", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left behind");
    }
  }

  @Test
  void anAliasTooLongForTheDiskLeavesTheOldSite() throws IOException {
    // a valid URL segment, but 400 bytes: no Linux, macOS or Windows disk takes a name over 255
    assertWriteFailureKeepsTheOldSite("-- content/c.md --\n---\ntitle: Tiga\ndate: 2023-01-03\naliases: [/lama/" + "é".repeat(200) + "/]\n---\nBaru.\n",
        "cannot write the site: cannot write lama/" + "é".repeat(200) + "/index.html: ");
  }

  @Test
  void aStaticFileInTheMarkersPlaceLeavesTheOldSite() throws IOException {
    assertWriteFailureKeepsTheOldSite("-- static/.warta-output/x.txt --\nx\n",
        "cannot write the site: cannot write .warta-output/x.txt: .warta-output is the name of the marker of Warta's output folder; rename this file or folder");
  }

  @Test
  void anUpdateInPlaceRemovesWhatTheNewSiteNoLongerHasAndMovesFilesAndFoldersPast() throws IOException {
    TestSite site = TestSite.of(dir, SITE + "-- static/berita --\na file first\n-- static/arsip/lama.txt --\nlama\n");
    site.build();
    Map<String, String> first = snapshot(site.output());
    assertTrue(first.containsKey("berita") && first.containsKey("arsip/lama.txt"), first.keySet().toString());
    // b.md goes; a file becomes a folder and a folder a file; a.md stays as it was
    Files.delete(site.dir().resolve("content/b.md"));
    Files.delete(site.dir().resolve("static/berita"));
    Files.delete(site.dir().resolve("static/arsip/lama.txt"));
    Files.delete(site.dir().resolve("static/arsip"));
    site.write("-- static/berita/kini.txt --\na folder now\n-- static/arsip --\na file now\n");
    var second = site.build();
    assertTrue(second.pagesUnchanged() > 0, "the second build updates in place: " + second.summary());
    Map<String, String> now = snapshot(site.output());
    assertFalse(now.containsKey("2023/01/dua/index.html"));
    assertFalse(Files.exists(site.output().resolve("2023/01/dua")), "the emptied folder goes too");
    assertTrue(Files.exists(site.output().resolve("2023/01/satu/index.html")));
    assertEquals("a folder now\n", Files.readString(site.output().resolve("berita/kini.txt")));
    assertEquals("a file now\n", Files.readString(site.output().resolve("arsip")));

    // and it is exactly what a build into a new folder makes
    Path fresh = dir.resolve("fresh");
    Warta.site(site.dir()).output(fresh).buildTime(TestSite.NOW).build();
    assertEquals(snapshot(fresh), now);
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(".fresh.releases", ".public.releases", "fresh", "public", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder or journal left behind");
    }
  }

  @Test
  void anUpdateInPlaceStoppedHalfwayIsFinishedByTheNextBuild() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    // what a kill leaves once the journal is written: b's page already deleted, a's new page still staged
    Path staging = dir.resolve(".public.warta-staging");
    Files.createDirectories(staging.resolve("2023/01/satu"));
    Files.writeString(staging.resolve("2023/01/satu/index.html"), "new a");
    Files.writeString(dir.resolve(".public.warta-commit"), "2023/01/dua/index.html\0feed.xml\0");
    Files.delete(site.output().resolve("2023/01/dua/index.html"));
    Output.recover(site.output());
    assertEquals("new a", Files.readString(site.output().resolve("2023/01/satu/index.html")));
    assertFalse(Files.exists(site.output().resolve("feed.xml")));
    assertFalse(Files.exists(staging));
    assertFalse(Files.exists(dir.resolve(".public.warta-commit")));
    assertTrue(Files.exists(site.output().resolve(Output.MARKER)));
  }

  @Test
  void aStagingFolderWithoutJournalIsAnUnfinishedBuildAndIsDropped() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Map<String, String> before = snapshot(site.output());
    Path staging = dir.resolve(".public.warta-staging");
    Files.createDirectories(staging.resolve("2023/01/satu"));
    Files.writeString(staging.resolve("2023/01/satu/index.html"), "half a build");
    Output.recover(site.output());
    assertEquals(before, snapshot(site.output()));
    site.build();
    assertEquals(before, snapshot(site.output()));
    assertFalse(Files.exists(staging));
  }

  @Test
  void theOutputIsALinkToTheLastReleaseAndTheOneBeforeIsKept() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Path releases = dir.resolve(".public.releases");
    assertEquals(Path.of(".public.releases", "1"), Files.readSymbolicLink(site.output()));
    Path page = site.output().resolve("2023/01/satu/index.html");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(page, old);
    Map<String, String> first = snapshot(site.output());

    site.write("-- content/b.md --\n---\ntitle: Dua\ndate: 2023-01-02\n---\nIsi dua diubah.\n");
    site.build();
    assertEquals(Path.of(".public.releases", "2"), Files.readSymbolicLink(site.output()));
    assertEquals(old, Files.getLastModifiedTime(page), "an unchanged page keeps its time");
    assertEquals(Files.getAttribute(releases.resolve("1/2023/01/satu/index.html"), "unix:ino"), Files.getAttribute(page.toRealPath(), "unix:ino"),
        "an unchanged page is the same file in both releases: a hard link, not a copy");
    assertEquals(first, snapshot(releases.resolve("1")), "the release before stays whole for readers that opened it");

    site.write("-- content/a.md --\n---\ntitle: Satu\ndate: 2023-01-01\n---\nIsi satu diubah.\n");
    site.build();
    try (Stream<Path> kept = Files.list(releases)) {
      assertEquals(List.of("2", "3", "changes"), kept.map(p -> p.getFileName().toString()).sorted().toList(), "the last two releases, and what the last build changed");
    }
    assertTrue(site.text("2023/01/satu/index.html").contains("Isi satu diubah."));
    assertEquals(first.get("2023/01/satu/index.html"), snapshot(releases.resolve("2")).get("2023/01/satu/index.html"),
        "writing the new page left the old release's file alone");
  }

  @Test
  void anOutputFolderFromAnEarlierWartaBecomesALinkAndKeepsItsUnchangedFiles() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    // the folder as a Warta before releases left it
    Path release = site.output().toRealPath();
    Files.delete(site.output());
    Files.move(release, site.output());
    Files.delete(dir.resolve(".public.releases"));
    Path page = site.output().resolve("2023/01/satu/index.html");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(page, old);
    Map<String, String> before = snapshot(site.output());

    site.build();
    assertTrue(Files.isSymbolicLink(site.output()));
    assertEquals(before, snapshot(site.output()));
    assertEquals(old, Files.getLastModifiedTime(page));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(".public.releases", "public", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList(), "the old folder is gone");
    }
  }

  @Test
  void withoutLinksTheJournalUpdatesAPlainFolder() throws IOException {
    Path out = dir.resolve("journal");
    try (Output first = Output.open(out, false)) {
      first.write("/a/", "satu".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      first.write("/b/", "dua".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      first.commit("1", java.util.Optional.empty());
    }
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(out.resolve("a/index.html"), old);
    try (Output second = Output.open(out, false)) {
      second.write("/a/", "satu".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      second.write("/c/", "tiga".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      second.commit("2", java.util.Optional.of(List.of("a/index.html", "b/index.html")));
      assertEquals(1, second.unchanged());
    }
    assertFalse(Files.isSymbolicLink(out));
    assertEquals(Map.of(".warta-output", snapshot(out).get(".warta-output"), "a/index.html", snapshot(out).get("a/index.html"),
        "c/index.html", snapshot(out).get("c/index.html")), snapshot(out));
    assertEquals(old, Files.getLastModifiedTime(out.resolve("a/index.html")));
    assertEquals("2", Output.builtBy(out));
    assertFalse(Files.exists(dir.resolve(".journal.releases")));
  }

  /** The release folders' numbers, and the record of changes, beside the output. */
  private List<String> releaseFolder() throws IOException {
    try (Stream<Path> kept = Files.list(dir.resolve(".public.releases"))) {
      return kept.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The site as a build into a new folder makes it. */
  private Map<String, String> fresh(TestSite site, String name) throws IOException {
    Path out = dir.resolve("fresh").resolve(name);
    Warta.site(site.dir()).output(out).buildTime(TestSite.NOW).build();
    return snapshot(out);
  }

  private static Object inode(Path file) throws IOException {
    return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  @Test
  void theOlderReleaseIsBroughtUpToDateInPlaceBuildAfterBuild() throws IOException {
    TestSite site = TestSite.of(dir, SITE + "-- static/arsip/lama.txt --\nlama\n-- static/tetap.txt --\ntetap\n");
    site.build();
    Path releases = dir.resolve(".public.releases");
    Path page = site.output().resolve("tetap.txt");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(page, old);
    // adds, edits, deletes, a file becoming a folder and back, and a build with nothing changed
    List<String> changes = List.of(
        "-- content/c.md --\n---\ntitle: Tiga\ndate: 2023-01-03\n---\nIsi tiga.\n",
        "-- content/b.md --\n---\ntitle: Dua\ndate: 2023-01-02\n---\nIsi dua diubah.\n",
        "",
        "-- static/arsip/baru.txt --\nbaru\n-- static/berita --\na file first\n",
        "-- content/c.md --\n---\ntitle: Tiga\ndate: 2023-01-03\n---\nIsi tiga diubah.\n",
        "-- static/arsip/lama.txt --\nlama lagi\n-- static/berita/kini.txt --\na folder now\n");
    List<String> deletions = List.of("", "", "", "static/arsip/lama.txt", "content/b.md", "static/arsip/baru.txt static/berita");
    int release = 1;
    for (int i = 0; i < changes.size(); i++) {
      for (String gone : deletions.get(i).split(" ")) {
        if (!gone.isEmpty()) {
          Files.delete(site.dir().resolve(gone));
        }
      }
      if (!changes.get(i).isEmpty()) {
        site.write(changes.get(i));
      }
      boolean full = site.build().stageMillis().containsKey("load");
      // a build with nothing changed leaves the output as it is: no new release
      assertEquals(!changes.get(i).isEmpty() || !deletions.get(i).isEmpty(), full, "build " + i);
      release += full ? 1 : 0;
      assertEquals(fresh(site, "b" + i), snapshot(site.output()), "build " + i + " is what a build into a new folder makes");
      Path current = site.output().toRealPath();
      // from the second build on, the next release is the older one renamed: numbers grow, two folders stay
      assertEquals(Path.of(".public.releases", Integer.toString(release)), Files.readSymbolicLink(site.output()));
      assertEquals(List.of(Integer.toString(release - 1), Integer.toString(release), "changes"), releaseFolder(), "build " + i);
      assertEquals(old, Files.getLastModifiedTime(page), "an unchanged page keeps its time, build " + i);
      assertEquals(inode(releases.resolve(release - 1 + "/tetap.txt")), inode(current.resolve("tetap.txt")),
          "an unchanged page is one file in both releases, build " + i);
    }
  }

  @Test
  void anOlderReleaseLeftHalfUpdatedByAKilledBuildIsComparedWholeAndRepaired() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    site.write("-- content/c.md --\n---\ntitle: Tiga\ndate: 2023-01-03\n---\nIsi tiga.\n");
    site.build();
    Path releases = dir.resolve(".public.releases");
    Path page = site.output().resolve("2023/01/satu/index.html");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(page, old);
    // what a kill while the older release (1) is updated leaves: it renamed to "next", in any state
    Path next = releases.resolve("next");
    Files.move(releases.resolve("1"), next);
    Files.delete(next.resolve("2023/01/satu/index.html"));
    Files.writeString(next.resolve("index.html"), "half written");
    Files.writeString(next.resolve("stray.html"), "a file no site has");
    Files.delete(next.resolve("feed.xml"));
    Files.createDirectories(next.resolve("feed.xml/x"));
    Files.delete(releases.resolve("changes"));
    Map<String, String> before = snapshot(site.output());

    Output.recover(site.output());
    assertEquals(before, snapshot(site.output()), "recovery leaves the current release alone");
    assertEquals(List.of("2", "next"), releaseFolder(), "the half-updated release is kept to be repaired, not deleted");

    site.write("-- content/b.md --\n---\ntitle: Dua\ndate: 2023-01-02\n---\nIsi dua diubah.\n");
    site.build();
    assertEquals(fresh(site, "after"), snapshot(site.output()));
    assertEquals(List.of("2", "3", "changes"), releaseFolder());
    assertEquals(old, Files.getLastModifiedTime(page));
    assertEquals(inode(releases.resolve("2/2023/01/satu/index.html")), inode(releases.resolve("3/2023/01/satu/index.html")));

    // a damaged record counts as none: the whole comparison again, and the site still right
    Files.writeString(releases.resolve("changes"), "warta release changes 1\0" + "2\0" + "3\0" + "5\0");
    site.write("-- content/a.md --\n---\ntitle: Satu\ndate: 2023-01-01\n---\nIsi satu diubah.\n");
    site.build();
    assertEquals(fresh(site, "damaged"), snapshot(site.output()));
    assertEquals(List.of("3", "4", "changes"), releaseFolder());
  }

  @Test
  void aReleaseMadeButNotSwitchedToIsUpdatedAgainByTheNextBuild() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    // a file touched, not changed: a full build, and a second release with the same pages
    Files.setLastModifiedTime(site.dir().resolve("content/a.md"), FileTime.fromMillis(1_000_000_000_000L));
    site.build();
    Path releases = dir.resolve(".public.releases");
    Map<String, String> current = snapshot(site.output());
    // a kill after the next release was renamed to its number and its record written, before the
    // switch: the record names a release the output does not link to
    site.write("-- content/c.md --\n---\ntitle: Tiga\ndate: 2023-01-03\n---\nIsi tiga.\n");
    site.build();
    Files.delete(site.output());
    Files.createSymbolicLink(site.output(), Path.of(".public.releases", "2"));
    assertEquals(current, snapshot(site.output()));
    Files.delete(site.dir().resolve("content/c.md"));
    site.write("-- content/b.md --\n---\ntitle: Dua\ndate: 2023-01-02\n---\nIsi dua diubah.\n");
    site.build();
    assertEquals(fresh(site, "after"), snapshot(site.output()));
    assertEquals(List.of("2", "4", "changes"), releaseFolder());
  }

  @Test
  void aFileOfTheCurrentReleaseReplacedAfterItsSwitchReachesTheOlderOneToo() throws IOException {
    TestSite site = TestSite.of(dir, SITE + "-- static/tetap.txt --\nv1\n");
    site.build();
    site.build();
    // as Site.refresh does: the new bytes renamed over the current release's file, then the
    // source changed the same way, so the next build finds the file unchanged and keeps it
    Path current = site.output().toRealPath();
    Files.writeString(current.resolve("tetap.txt.partial"), "v2\n");
    Files.move(current.resolve("tetap.txt.partial"), current.resolve("tetap.txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    site.write("-- static/tetap.txt --\nv2\n");
    site.build();
    assertEquals("v2\n", Files.readString(site.output().resolve("tetap.txt")));
    assertEquals(fresh(site, "after"), snapshot(site.output()));
  }
}
