package dev.warta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
  @TempDir Path dir;

  private SiteConfig read(String yaml, Map<String, String> overrides, List<Problem> problems) throws IOException {
    Files.writeString(dir.resolve("warta.yml"), yaml);
    return ConfigReader.read(dir, overrides, problems);
  }

  @Test
  void relatedSettingsReachTheIndexSettings() throws IOException {
    List<Problem> problems = new ArrayList<>();
    SiteConfig config = read("related:\n  count: 3\n  weights: { text: 1, names: 0 }\n", Map.of("related.minScore", "20"), problems);
    assertEquals(List.of(), problems);
    assertEquals(3, config.related().scoring().count());
    assertEquals(1.0, config.related().scoring().textWeight());
    assertEquals(0.0, config.related().scoring().namesWeight());
    assertEquals(20.0, config.related().scoring().minScore(), "an override wins over warta.yml and the default");
  }

  @Test
  void minShareOfBestIsAShareOfOne() throws IOException {
    List<Problem> problems = new ArrayList<>();
    SiteConfig config = read("related:\n  minShareOfBest: 0.25\n", Map.of(), problems);
    assertEquals(List.of(), problems);
    assertEquals(0.25, config.related().scoring().minShareOfBest());
    read("related:\n  minShareOfBest: 25\n", Map.of(), problems);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).toString().startsWith("warta.yml:2:19: error: "), problems.toString());
    assertTrue(problems.get(0).toString().contains("related.minShareOfBest"), problems.toString());
  }

  @Test
  void weightsThatAreAllZeroAreAnErrorAndTheDefaultsStay() throws IOException {
    List<Problem> problems = new ArrayList<>();
    SiteConfig config = read("related:\n  weights: { text: 0, names: 0, tags: 0, section: 0, time: 0 }\n", Map.of(), problems);
    assertEquals(List.of("warta.yml:2:20: error: at least one of the related.weights must be above 0"), problems.stream().map(Problem::toString).toList());
    assertEquals(SiteConfig.Related.defaults().scoring(), config.related().scoring());
  }

  @Test
  void anUnknownSettingIsAWarningWithASuggestion() throws IOException {
    List<Problem> problems = new ArrayList<>();
    read("paginat: 10\n", Map.of(), problems);
    assertEquals(List.of("warta.yml:1:1: warning: unknown setting 'paginat' is ignored (did you mean 'paginate'?); put your own values under 'params'"),
        problems.stream().map(Problem::toString).toList());
  }
}
