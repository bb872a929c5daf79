package dev.warta.render;

import dev.warta.shared.Problem;
import dev.warta.internal.TextFiles;
import dev.warta.internal.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Labels and date formats per language: built in for Indonesian and English, overridden and
 * extended by a site's {@code i18n/<lang>.yml}. A language with neither falls back to English
 * labels with its own locale's month and day names.
 */
final class Labels {
  private static final String BUILT_IN = "/dev/warta/theme/i18n/";
  private static final List<String> BUILT_IN_LANGUAGES = List.of("en", "id");

  private final Map<String, Map<String, String>> byLanguage;
  private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

  private Labels(Map<String, Map<String, String>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /** Reads the built-in labels and the site's overrides for the given languages. */
  static Labels load(Path siteDir, List<String> languages, List<Problem> problems) {
    Map<String, Map<String, String>> all = new HashMap<>();
    List<String> wanted = new ArrayList<>(languages);
    for (String l : BUILT_IN_LANGUAGES) {
      if (!wanted.contains(l)) {
        wanted.add(l);
      }
    }
    Map<String, String> english = builtIn("en", problems);
    for (String lang : wanted) {
      Map<String, String> labels = new LinkedHashMap<>(english);
      String base = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
      if (BUILT_IN_LANGUAGES.contains(base)) {
        labels.putAll(builtIn(base, problems));
      }
      Path file = siteDir.resolve("i18n").resolve(lang + ".yml");
      if (Files.isRegularFile(file)) {
        labels.putAll(read("i18n/" + lang + ".yml", file, problems));
      }
      all.put(lang, new Shared<>(Map.copyOf(labels)));
    }
    return new Labels(Map.copyOf(all));
  }

  private static Map<String, String> builtIn(String lang, List<Problem> problems) {
    try (InputStream in = Labels.class.getResourceAsStream(BUILT_IN + lang + ".yml")) {
      if (in == null) {
        throw new IllegalStateException("built-in labels missing for " + lang);
      }
      return parse("(built-in " + lang + ".yml)", TextFiles.decode(in.readAllBytes()), problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> read(String name, Path file, List<Problem> problems) {
    try {
      return parse(name, TextFiles.readUtf8(file), problems);
    } catch (CharacterCodingException e) {
      problems.add(Problem.error(name, 0, 0, "the file is not valid UTF-8; save it as UTF-8"));
    } catch (IOException e) {
      problems.add(Problem.error(name, 0, 0, "cannot read the file: " + e.getMessage()));
    }
    return Map.of();
  }

  private static Map<String, String> parse(String name, String text, List<Problem> problems) {
    YamlReader yaml = new YamlReader(name, 0, problems);
    Map<String, String> labels = new LinkedHashMap<>();
    yaml.readMapping(text).ifPresent(root -> {
      for (Map.Entry<String, NodeTuple> e : yaml.entries(root).entrySet()) {
        yaml.string(e.getValue().getValueNode(), e.getKey()).ifPresent(v -> labels.put(e.getKey(), v));
      }
    });
    for (String key : List.of("date.long", "date.short", "date.month")) {
      String pattern = labels.get(key);
      if (pattern != null) {
        try {
          DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
          problems.add(Problem.error(name, 0, 0, "'" + key + "' is not a date pattern (" + e.getMessage() + "); see java.time.format.DateTimeFormatter"));
          labels.remove(key);
        }
      }
    }
    return labels;
  }

  /** The labels of a language. */
  Map<String, String> of(String lang) {
    Map<String, String> labels = byLanguage.get(lang);
    return labels != null ? labels : byLanguage.get("en");
  }

  /** A date in a language's format ({@code date.long}, {@code date.short}, {@code date.month}). */
  String format(ZonedDateTime date, String lang, String key) {
    DateTimeFormatter formatter =
        formatters.computeIfAbsent(lang + "\u0000" + key, k -> DateTimeFormatter.ofPattern(of(lang).get(key), Locale.forLanguageTag(lang)));
    return formatter.format(date);
  }
}
