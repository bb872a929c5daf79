package dev.warta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warta.shared.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The error message of every setting of {@code warta.yml}, pinned: a wrong value gives one error
 * at the value's line and column, naming the setting, what was found and what would be right.
 */
class SettingErrorsTest {
  @TempDir Path dir;

  /** A wrong value of one setting, and the one problem it must give, exactly. */
  record Case(String setting, String yaml, String problem) {
    @Override
    public String toString() {
      return setting;
    }
  }

  /** One case per setting: the message says the file, the position, what is wrong and what is right. */
  static final List<Case> CASES = List.of(
      new Case("baseUrl", "baseUrl: ftp://news.example.org/",
          "warta.yml:1:10: error: 'baseUrl' must be an absolute http or https URL such as https://news.example.org/, found 'ftp://news.example.org/'"),
      new Case("buildTime", "buildTime: yesterday",
          "warta.yml:1:12: error: 'buildTime' must be a date-time with offset such as 2024-01-31T12:00:00Z, found 'yesterday'"),
      new Case("checks.links", "checks:\n  links: fatal",
          "warta.yml:2:10: error: 'checks.links' must be error or warning, found 'fatal'"),
      new Case("checks.readAlso", "checks:\n  readAlso: fatal",
          "warta.yml:2:13: error: 'checks.readAlso' must be error or warning, found 'fatal'"),
      new Case("checks.unsafeUrls", "checks:\n  unsafeUrls: fatal",
          "warta.yml:2:15: error: 'checks.unsafeUrls' must be error or warning, found 'fatal'"),
      new Case("description", "description: {a: 1}",
          "warta.yml:1:14: error: 'description' must be text, found a map of keys"),
      new Case("drafts", "drafts: maybe",
          "warta.yml:1:9: error: 'drafts' must be true or false, found 'maybe'"),
      new Case("feeds.fullContent", "feeds:\n  fullContent: maybe",
          "warta.yml:2:16: error: 'feeds.fullContent' must be true or false, found 'maybe'"),
      new Case("feeds.items", "feeds:\n  items: 0",
          "warta.yml:2:10: error: 'feeds.items' must be a whole number from 1 to 10000, found '0'"),
      new Case("feeds.tags", "feeds:\n  tags: maybe",
          "warta.yml:2:9: error: 'feeds.tags' must be true or false, found 'maybe'"),
      new Case("future", "future: maybe",
          "warta.yml:1:9: error: 'future' must be true or false, found 'maybe'"),
      new Case("image", "image: javascript:alert(1)",
          "warta.yml:1:8: error: 'image' must be a path in the site such as /img/share.png, or an http or https URL, found 'javascript:alert(1)'"),
      new Case("language", "language: indonesia raya",
          "warta.yml:1:11: error: 'language' must be a language tag such as id or en, found 'indonesia raya'"),
      new Case("paginate", "paginate: 0",
          "warta.yml:1:11: error: 'paginate' must be a whole number from 1 to 10000, found '0'"),
      new Case("params", "params: 5",
          "warta.yml:1:9: error: 'params' must be a map of your own values"),
      new Case("paths.author", "paths:\n  author: /penulis/:slug/:slug/",
          "warta.yml:2:11: error: 'paths.author' must be a path with :slug once, starting and ending with '/', such as /topik/:slug/"),
      new Case("paths.section", "paths:\n  section: /rubrik/",
          "warta.yml:2:12: error: 'paths.section' must be a path with :slug once, starting and ending with '/', such as /topik/:slug/"),
      new Case("paths.tag", "paths:\n  tag: tag/:slug/",
          "warta.yml:2:8: error: 'paths.tag' must be a path with :slug once, starting and ending with '/', such as /topik/:slug/ (it must start with '/')"),
      new Case("permalink", "permalink: /:year/:week/:slug/",
          "warta.yml:1:12: error: 'permalink' has an unknown part ':week'; use :year, :month, :day, :section, :lang and :slug"),
      new Case("publisher.logo", "publisher:\n  logo: {src: a}",
          "warta.yml:2:9: error: 'publisher.logo' must be text, found a map of keys"),
      new Case("publisher.name", "publisher:\n  name: [a]",
          "warta.yml:2:9: error: 'publisher.name' must be text, found a list"),
      new Case("rawHtml", "rawHtml: strip",
          "warta.yml:1:10: error: 'rawHtml' must be escape, sanitize or allow, found 'strip'"),
      new Case("readAlso", "readAlso: 5",
          "warta.yml:1:11: error: 'readAlso' must map languages to labels, such as id: [Baca juga]"),
      new Case("related.allowNewer", "related:\n  allowNewer: maybe",
          "warta.yml:2:15: error: 'related.allowNewer' must be true or false, found 'maybe'"),
      new Case("related.count", "related:\n  count: -1",
          "warta.yml:2:10: error: 'related.count' must be a whole number from 0 to 50, found '-1'"),
      new Case("related.halfLifeDays", "related:\n  halfLifeDays: 0",
          "warta.yml:2:17: error: 'related.halfLifeDays' must be a number from 1.0 to 100000.0, found '0'"),
      new Case("related.insertAfter", "related:\n  insertAfter: [third]",
          "warta.yml:2:16: error: 'related.insertAfter' must list paragraph numbers such as [3, 7], found 'third'"),
      new Case("related.insertMinParagraphs", "related:\n  insertMinParagraphs: -1",
          "warta.yml:2:24: error: 'related.insertMinParagraphs' must be a whole number from 0 to 1000, found '-1'"),
      new Case("related.minScore", "related:\n  minScore: 200",
          "warta.yml:2:13: error: 'related.minScore' must be a number from 0.0 to 100.0, found '200'"),
      new Case("related.minShareOfBest", "related:\n  minShareOfBest: 2",
          "warta.yml:2:19: error: 'related.minShareOfBest' must be a number from 0.0 to 1.0, found '2'"),
      new Case("related.report", "related:\n  report: maybe",
          "warta.yml:2:11: error: 'related.report' must be true or false, found 'maybe'"),
      new Case("related.weights.names", "related:\n  weights:\n    names: -1",
          "warta.yml:3:12: error: 'related.weights.names' must be a number from 0.0 to 100.0, found '-1'"),
      new Case("related.weights.section", "related:\n  weights:\n    section: -1",
          "warta.yml:3:14: error: 'related.weights.section' must be a number from 0.0 to 100.0, found '-1'"),
      new Case("related.weights.tags", "related:\n  weights:\n    tags: -1",
          "warta.yml:3:11: error: 'related.weights.tags' must be a number from 0.0 to 100.0, found '-1'"),
      new Case("related.weights.text", "related:\n  weights:\n    text: -1",
          "warta.yml:3:11: error: 'related.weights.text' must be a number from 0.0 to 100.0, found '-1'"),
      new Case("related.weights.time", "related:\n  weights:\n    time: -1",
          "warta.yml:3:11: error: 'related.weights.time' must be a number from 0.0 to 100.0, found '-1'"),
      new Case("relativeUrls", "relativeUrls: maybe",
          "warta.yml:1:15: error: 'relativeUrls' must be true or false, found 'maybe'"),
      new Case("search", "search: maybe",
          "warta.yml:1:9: error: 'search' must be true or false, found 'maybe'"),
      new Case("sitemapLimit", "sitemapLimit: 60000",
          "warta.yml:1:15: error: 'sitemapLimit' must be a whole number from 1 to 50000, found '60000'"),
      new Case("timeZone", "timeZone: Mars/Olympus",
          "warta.yml:1:11: error: 'timeZone' must be a zone such as Asia/Jakarta or UTC, found 'Mars/Olympus'"),
      new Case("title", "title: [a, b]",
          "warta.yml:1:8: error: 'title' must be text, found a list"));

  @ParameterizedTest
  @FieldSource("CASES")
  void aWrongValueGivesOneErrorAtItsPosition(Case c) throws IOException {
    Files.writeString(dir.resolve("warta.yml"), c.yaml() + "\n");
    List<Problem> problems = new ArrayList<>();
    ConfigReader.read(dir, Map.of(), problems);
    assertEquals(List.of(c.problem()), problems.stream().map(Problem::toString).toList());
  }

  @Test
  void everySettingHasItsCase() {
    assertEquals(new TreeSet<>(ConfigReader.settingNames()), new TreeSet<>(CASES.stream().map(Case::setting).toList()),
        "a new setting needs a case here, with the message its wrong value gives");
  }
}
