package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import dev.warta.Warta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build over the previous output skips the pages whose inputs did not change; whatever changed,
 * its output must be byte for byte what a build into an empty folder makes.
 */
class IncrementalBuildTest {
  @TempDir Path dir;

  private static final String SITE = """
      -- warta.yml --
      title: Kabar Lembah
      baseUrl: https://kabar.example.id/
      paginate: 2
      related:
        insertAfter: [2]
        insertMinParagraphs: 3
      -- content/ekonomi/harga-beras.md --
      ---
      title: Harga beras naik menjelang panen raya
      date: 2024-03-01T08:00:00+07:00
      tags: [beras, pangan]
      authors: [Rina Wulandari]
      ---
      Harga beras medium di pasar induk naik dua ratus rupiah per kilogram pekan ini.

      Pedagang menyebut pasokan dari sentra produksi tertahan hujan.

      Baca juga: Petani bersiap menyambut panen raya

      Dinas perdagangan berjanji menggelar operasi pasar bila kenaikan berlanjut.
      -- content/ekonomi/panen-raya.md --
      ---
      title: Petani bersiap menyambut panen raya
      date: 2024-03-10T08:00:00+07:00
      tags: [beras, pertanian]
      ---
      Petani di lembah mulai menyiapkan mesin panen dan karung gabah.

      Penyuluh memperkirakan hasil panen naik karena hujan cukup.

      Harga gabah kering diperkirakan stabil sampai akhir bulan.
      -- content/ekonomi/pupuk.md --
      ---
      title: Stok pupuk bersubsidi cukup untuk musim tanam
      date: 2024-02-20T08:00:00+07:00
      tags: [pupuk, pertanian]
      ---
      Gudang pupuk di kabupaten menyimpan stok untuk dua bulan ke depan.

      Petani diminta menebus pupuk sesuai kuota kartu tani.

      Distributor yang menimbun akan dicabut izinnya.
      -- content/kota/banjir.md --
      ---
      title: Banjir merendam tiga kelurahan
      date: 2024-03-05T08:00:00+07:00
      tags: [banjir, cuaca]
      ---
      Hujan deras semalam membuat sungai meluap dan merendam tiga kelurahan.

      Baca juga: [Harga beras](../ekonomi/harga-beras.md)

      Warga mengungsi ke balai desa sampai air surut.
      -- content/kota/jalan.md --
      ---
      title: Perbaikan jalan lingkar dimulai
      date: 2024-01-15T08:00:00+07:00
      tags: [jalan]
      ---
      Perbaikan jalan lingkar sepanjang empat kilometer dimulai pekan ini.

      Baca juga: Judul yang tidak ada di arsip

      Pengendara diminta memakai jalur alternatif.
      """;

  static Map<String, String> snapshot(Path output) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path root = output.toRealPath();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  private int fresh = 0;

  /** The site as the tests build it: a new {@code Site} each time, or one kept warm. */
  private java.util.function.Supplier<dev.warta.Site> builds;

  /** Builds over the previous output, then into a new folder, and asserts both are the same site. */
  private BuildResult buildAndCompare(TestSite site, String what) throws IOException {
    BuildResult incremental = builds.get().build();
    Path clean = dir.resolve("clean-" + fresh++);
    BuildResult full = Warta.site(site.dir()).output(clean).buildTime(TestSite.NOW).build();
    assertEquals(snapshot(clean), snapshot(site.output()), "after " + what + ", the site built over the old one differs from a clean build");
    assertEquals(full.warnings(), incremental.warnings(), "after " + what + ", the same warnings are reported");
    return incremental;
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "warm: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void whateverChangesTheSiteIsTheSameAsACleanBuild(boolean warm) throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    dev.warta.Site kept = site.site().warm();
    builds = warm ? () -> kept : site::site;
    builds.get().build();
    BuildResult same = buildAndCompare(site, "nothing");
    assertEquals(0, same.pagesWritten(), same.summary());
    assertEquals(0, same.pagesRendered(), same.summary());

    // a body: its page changes, and so do lists that show its summary; the page of an article
    // that shows nothing of it is not written
    Path jalanPage = site.output().resolve("2024/01/perbaikan-jalan-lingkar-dimulai/index.html");
    // neither its neighbour nor related to it
    Path pupukPage = site.output().resolve("2024/03/petani-bersiap-menyambut-panen-raya/index.html");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(jalanPage, old);
    Files.setLastModifiedTime(pupukPage, old);
    site.write(SITE.substring(SITE.indexOf("-- content/kota/jalan.md --")).replace("empat kilometer", "lima kilometer"));
    BuildResult body = buildAndCompare(site, "a body edit");
    assertTrue(body.pagesWritten() >= 1 && body.pagesWritten() < body.pagesUnchanged(), body.summary());
    assertTrue(body.pagesRendered() < body.pagesUnchanged(), "pages that show nothing of it are not rendered: " + body.summary());
    assertTrue(Files.readString(jalanPage).contains("lima kilometer"));
    assertEquals(old, Files.getLastModifiedTime(pupukPage));

    // the title that another article's read also line names: that article's body must change too
    Path panen = site.dir().resolve("content/ekonomi/panen-raya.md");
    Files.writeString(panen, Files.readString(panen).replace("title: Petani bersiap menyambut panen raya", "title: Petani bersiap panen"));
    buildAndCompare(site, "a title that a read also line names");

    // and back: the read also line resolves again
    Files.writeString(panen, Files.readString(panen).replace("title: Petani bersiap panen", "title: Petani bersiap menyambut panen raya"));
    buildAndCompare(site, "the title put back");

    // an article moved: the relative link of another body must follow
    Path beras = site.dir().resolve("content/ekonomi/harga-beras.md");
    Files.writeString(beras, Files.readString(beras).replace("date: 2024-03-01", "date: 2023-12-01"));
    buildAndCompare(site, "a date that moves an article's URL");

    // an article added and one removed
    site.write("""
        -- content/kota/pasar.md --
        ---
        title: Pasar tradisional direnovasi
        date: 2024-03-12T08:00:00+07:00
        tags: [pasar, pangan]
        ---
        Pemerintah kota merenovasi pasar tradisional di pusat kota.

        Pedagang beras dipindah sementara ke lapangan.

        Renovasi ditargetkan selesai sebelum lebaran.
        """);
    buildAndCompare(site, "an article added");
    Files.delete(site.dir().resolve("content/ekonomi/pupuk.md"));
    buildAndCompare(site, "an article removed");

    // a label, a template and a setting: every page may change
    site.write("-- i18n/id.yml --\nread.also: Simak juga\n");
    buildAndCompare(site, "a label");
    site.write("-- templates/404.ftlh --\n<!doctype html><html lang=\"${page.lang}\"><title>Hilang</title><p>Halaman tidak ada.</p></html>\n");
    buildAndCompare(site, "a template");
    Path config = site.dir().resolve("warta.yml");
    Files.writeString(config, Files.readString(config).replace("paginate: 2", "paginate: 3"));
    buildAndCompare(site, "a setting");
    BuildResult last = buildAndCompare(site, "nothing, at the end");
    assertEquals(0, last.pagesWritten(), last.summary());
  }

  @Test
  void aKeptPageReportsItsWarningsAgain() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    List<Problem> first = site.build().warnings();
    assertTrue(first.stream().anyMatch(p -> p.file().equals("content/kota/jalan.md") && p.message().contains("Judul yang tidak ada")), first.toString());
    BuildResult second = site.build();
    assertEquals(0, second.pagesRendered(), second.summary());
    assertEquals(first, second.warnings());
  }

  @Test
  void aPageChangedOrRemovedInTheOutputIsWrittenAgain() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Map<String, String> before = snapshot(site.output());
    Path page = site.output().resolve("2024/03/banjir-merendam-tiga-kelurahan/index.html");
    assertTrue(Files.exists(page), "the test's page path");
    Files.writeString(page, "changed by hand");
    Files.delete(site.output().resolve("index.html"));
    BuildResult again = site.build();
    assertEquals(2, again.pagesWritten(), again.summary());
    assertEquals(before, snapshot(site.output()));
  }

  @Test
  void anArticleTouchedButNotChangedIsNotWritten() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Path jalan = site.dir().resolve("content/kota/jalan.md");
    Files.setLastModifiedTime(jalan, FileTime.fromMillis(Files.getLastModifiedTime(jalan).toMillis() + 60_000));
    BuildResult again = site.build();
    assertEquals(0, again.pagesRendered(), again.summary());
  }

  @Test
  void aDeletedOutputOrCacheMeansEveryPageIsRenderedAgain() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    BuildResult first = site.build();
    try (Stream<Path> caches = Files.list(site.site().cache())) {
      List<String> names = caches.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(4, names.size(), names.toString());
      assertTrue(names.get(0).equals("related-analyses") && names.get(1).startsWith("render-") && names.get(2).equals("summaries")
          && names.get(3).startsWith("unchanged-"), "the related analyses and summaries of every article, and for one output folder"
          + " one render cache file and one record of the last build: " + names);
    }
    try (Stream<Path> walk = Files.walk(site.site().cache())) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    BuildResult noCache = site.build();
    assertEquals(first.pagesRendered(), noCache.pagesRendered(), noCache.summary());
    assertEquals(0, noCache.pagesWritten(), noCache.summary());
    try (Stream<Path> walk = Files.walk(site.output())) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    BuildResult noOutput = site.build();
    assertEquals(first.pagesRendered(), noOutput.pagesRendered(), noOutput.summary());
    assertEquals(first.pagesWritten(), noOutput.pagesWritten(), noOutput.summary());
  }

  @Test
  void aTemplateEditKeepsWhatTheLastBuildSavedOfItsReadingButASettingDoesNot() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    site.build();
    Path analyses = site.site().cache().resolve("related-analyses");
    Path summaries = site.site().cache().resolve("summaries");
    byte[] analysed = Files.readAllBytes(analyses);
    byte[] summarised = Files.readAllBytes(summaries);
    FileTime backdated = FileTime.fromMillis(Files.getLastModifiedTime(analyses).toMillis() - 60_000);
    Files.setLastModifiedTime(analyses, backdated);
    Files.setLastModifiedTime(summaries, backdated);

    // a new process (TestSite builds with a new Site each time) after a template edit: every page is
    // rendered again, but no article is analysed again, so neither file is written again
    site.write("-- templates/404.ftlh --\n<!doctype html><html lang=\"${page.lang}\"><title>Hilang</title><p>Tidak ada.</p></html>\n");
    BuildResult afterTemplate = site.build();
    assertTrue(afterTemplate.pagesRendered() > 1, afterTemplate.summary());
    assertEquals(backdated, Files.getLastModifiedTime(analyses), "the related analyses were made again after a template edit");
    assertEquals(backdated, Files.getLastModifiedTime(summaries), "the summaries were written again after a template edit");
    assertArrayEquals(analysed, Files.readAllBytes(analyses));
    assertArrayEquals(summarised, Files.readAllBytes(summaries));

    // a setting may change how articles are read: both are made again, under another key
    site.write("-- warta.yml --\n" + SITE.substring(SITE.indexOf("title:"), SITE.indexOf("-- content/")).replace("paginate: 2", "paginate: 3"));
    site.build();
    assertFalse(java.util.Arrays.equals(analysed, Files.readAllBytes(analyses)));
    assertFalse(java.util.Arrays.equals(summarised, Files.readAllBytes(summaries)));
  }

  @Test
  void aWarmSiteReadsOnlyTheFilesWhoseSizeOrTimeChanged() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    dev.warta.Site warm = site.site().warm();
    warm.build();
    Path jalan = site.dir().resolve("content/kota/jalan.md");
    FileTime time = Files.getLastModifiedTime(jalan);
    // the same size and time: taken for unchanged, as git and make do
    Files.writeString(jalan, Files.readString(jalan).replace("title: Perbaikan jalan lingkar dimulai", "title: Perbaikan jalan lingkar ditunda"));
    Files.setLastModifiedTime(jalan, time);
    warm.build();
    assertTrue(Files.exists(site.output().resolve("2024/01/perbaikan-jalan-lingkar-dimulai/index.html")), "not read again");
    Files.setLastModifiedTime(jalan, FileTime.fromMillis(time.toMillis() + 1000));
    warm.build();
    assertTrue(Files.exists(site.output().resolve("2024/01/perbaikan-jalan-lingkar-ditunda/index.html")), "read again once its time changed");
  }

  @Test
  void aWarmSiteShowsAnEditedArticleAtOnceWhereverItIsShownAndTheFullBuildAfterMakesItExact() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    dev.warta.Site warm = site.site().warm();
    assertEquals(List.of(), warm.refresh(List.of(site.dir().resolve("content/kota/jalan.md"))), "nothing before a first build");
    warm.build();
    Map<String, String> before = snapshot(site.output());
    Path jalan = site.dir().resolve("content/kota/jalan.md");
    // the first paragraph: the summary that lists show
    Files.writeString(jalan, Files.readString(jalan).replace("empat kilometer", "lima kilometer"));
    List<String> urls = warm.refresh(List.of(jalan));
    assertEquals("/2024/01/perbaikan-jalan-lingkar-dimulai/", urls.get(0), "its own page first: " + urls);
    for (String list : List.of("/page/3/", "/kota/", "/tag/jalan/", "/2024/01/")) {
      assertTrue(urls.contains(list), list + " shows its summary: " + urls);
      assertTrue(site.text(list.substring(1) + "index.html").contains("lima kilometer"), list);
    }
    Map<String, String> refreshed = snapshot(site.output());
    Set<String> written = urls.stream().map(u -> u.substring(1) + "index.html").collect(java.util.stream.Collectors.toSet());
    refreshed.keySet().forEach(file -> {
      if (!written.contains(file)) {
        assertEquals(before.get(file), refreshed.get(file), file + " shows nothing of the edit");
      }
    });
    assertTrue(urls.size() < before.size() / 2, "only what shows it: " + urls);
    builds = () -> warm;
    buildAndCompare(site, "a refresh, then a full build");
    Map<String, String> exact = snapshot(site.output());
    // here the edit moves no related link, so what the refresh wrote was already right
    written.forEach(file -> assertEquals(exact.get(file), refreshed.get(file), file));

    // two refreshes before a full build: the second keeps what the first showed, also on the page
    // of the first article, which the second renders again as its neighbour in the section
    Path pupuk = site.dir().resolve("content/ekonomi/pupuk.md");
    Path beras = site.dir().resolve("content/ekonomi/harga-beras.md");
    Files.writeString(pupuk, Files.readString(pupuk).replace("Gudang pupuk di kabupaten", "Gudang pupuk di provinsi")
        .replace("date: 2024-02-20T08:00:00+07:00", "date: 2024-02-20T08:00:00+07:00\nupdated: 2024-02-25T09:30:00+07:00"));
    List<String> firstRefresh = warm.refresh(List.of(pupuk));
    assertTrue(firstRefresh.contains("/tag/pertanian/"), firstRefresh.toString());
    Files.writeString(beras, Files.readString(beras).replace("Harga beras medium", "Harga beras premium"));
    List<String> secondRefresh = warm.refresh(List.of(beras));
    String pupukPage = "2024/02/stok-pupuk-bersubsidi-cukup-untuk-musim-tanam/index.html";
    assertTrue(secondRefresh.contains("/" + pupukPage.replace("index.html", "")), secondRefresh.toString());
    assertTrue(site.text(pupukPage).contains("Gudang pupuk di provinsi"), "the first edit is not undone");
    assertTrue(site.text(pupukPage).contains("datetime=\"2024-02-25T09:30:00+07:00\""), "nor is its front matter");
    assertTrue(site.text("2024/03/harga-beras-naik-menjelang-panen-raya/index.html").contains("Harga beras premium"));
    buildAndCompare(site, "two refreshes, then a full build");

    // a tag added: its new list, and the index of tags, come at once too
    Files.writeString(jalan, Files.readString(jalan).replace("tags: [jalan]", "tags: [jalan, lalu lintas]"));
    List<String> tagged = warm.refresh(List.of(jalan));
    assertTrue(tagged.contains("/tag/lalu-lintas/") && tagged.contains("/tag/"), tagged.toString());
    assertTrue(site.text("tag/lalu-lintas/index.html").contains("Perbaikan jalan lingkar dimulai"));
    buildAndCompare(site, "a tag added by a refresh, then a full build");

    // a title is what lists and URLs are made of: only a full build may show it
    Files.writeString(jalan, Files.readString(jalan).replace("title: Perbaikan jalan lingkar dimulai", "title: Jalan lingkar diperbaiki"));
    assertEquals(List.of(), warm.refresh(List.of(jalan)));
    // a site that is not warm has no last build to refresh against
    assertEquals(List.of(), site.site().refresh(List.of(jalan)));
  }

  @Test
  void aRefreshLeavesTheSearchIndexAsTheLastBuildMadeItAndTheFullBuildAfterMakesItExact() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    dev.warta.Site warm = site.site().warm();
    warm.build();
    Map<String, String> searchBefore = searchFiles(snapshot(site.output()));
    assertFalse(searchBefore.isEmpty(), "search is on by default");
    assertEquals(1, new dev.warta.search.StaticSearch(site.output()).search("id", "empat", 10).size());
    Path jalan = site.dir().resolve("content/kota/jalan.md");
    Files.writeString(jalan, Files.readString(jalan).replace("empat kilometer", "lima kilometer"));
    assertFalse(warm.refresh(List.of(jalan)).isEmpty());
    // the index stays whole, one build's files, until the full build: no new word finds the edit yet
    assertEquals(searchBefore, searchFiles(snapshot(site.output())), "a refresh writes no search file");
    assertEquals(List.of(), new dev.warta.search.StaticSearch(site.output()).search("id", "lima", 10));
    builds = () -> warm;
    buildAndCompare(site, "a refresh, then a full build"); // the search files too: the same set and bytes as a clean build
    List<dev.warta.search.StaticSearch.Result> found = new dev.warta.search.StaticSearch(site.output()).search("id", "lima", 10);
    assertEquals(List.of("/2024/01/perbaikan-jalan-lingkar-dimulai/"), found.stream().map(dev.warta.search.StaticSearch.Result::url).toList());
    assertTrue(found.get(0).lede().contains("lima kilometer"), found.get(0).lede());
    assertEquals(List.of(), new dev.warta.search.StaticSearch(site.output()).search("id", "empat", 10), "the old word is gone");
  }

  private static Map<String, String> searchFiles(Map<String, String> snapshot) {
    Map<String, String> search = new TreeMap<>(snapshot);
    search.keySet().removeIf(file -> !file.startsWith("search/"));
    return search;
  }

  @Test
  void aDamagedCacheOnlyCostsTime() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    BuildResult first = site.build();
    Map<String, String> before = snapshot(site.output());
    try (Stream<Path> caches = Files.list(site.site().cache())) {
      for (Path cache : caches.toList()) {
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short, as a full disk would
      }
    }
    BuildResult again = site.build();
    assertEquals(first.pagesRendered(), again.pagesRendered(), again.summary());
    assertEquals(0, again.pagesWritten(), again.summary());
    assertEquals(before, snapshot(site.output()));
    assertEquals(0, site.build().pagesRendered(), "and the cache is whole again");
  }
}
