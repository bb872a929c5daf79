package dev.warta.related;

import dev.warta.bench.CorpusGenerator;
import dev.warta.bench.LabelledCorpus;
import dev.warta.bench.RelatedQuality;
import dev.warta.shared.RelatedSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Prints a SHA-256 of every related list an index gives (each link's key, and the exact bits of
 * its score and every part), so that a change meant to be only faster can show it changed no
 * list and no score. Usage: {@code ListDigest corpus FOLDER} (text only, label as section, dates
 * spread; each older-only and unrestricted) or {@code ListDigest generated N}.
 */
public final class ListDigest {

  private ListDigest() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("corpus")) {
      LabelledCorpus corpus = LabelledCorpus.read(Path.of(args[1]));
      LabelledCorpus spread = corpus.withSpreadDates(1);
      for (boolean newer : new boolean[] {false, true}) {
        RelatedSettings s = CorpusTuning.withNewer(RelatedSettings.defaults(), newer);
        print("text " + newer, digest(corpus, false, s));
        print("section " + newer, digest(corpus, true, s));
        print("spread " + newer, digest(spread, false, s));
      }
    } else {
      int n = Integer.parseInt(args[1]);
      for (boolean newer : new boolean[] {false, true}) {
        RelatedSettings s = CorpusTuning.withNewer(RelatedSettings.defaults(), newer);
        RelatedIndex.Builder builder = RelatedIndex.builder(s);
        List<String> keys = new ArrayList<>();
        new CorpusGenerator().stream(n, 42).forEach(a -> {
          RelatedDocument d = RelatedQuality.document(a);
          keys.add(d.key());
          builder.add(d);
        });
        print("generated " + n + " " + newer, digest(builder.build(), keys));
      }
    }
  }

  private static void print(String label, String digest) {
    System.out.printf(Locale.ROOT, "%-24s %s%n", label, digest);
  }

  private static String digest(LabelledCorpus corpus, boolean section, RelatedSettings s) throws Exception {
    RelatedIndex.Builder builder = RelatedIndex.builder(s);
    List<String> keys = new ArrayList<>();
    for (LabelledCorpus.Article a : corpus.articles()) {
      keys.add(a.slug());
      builder.add(new RelatedDocument(a.slug(), a.lang(), a.title(), a.body(), List.of(),
          section ? a.label() : "", a.date().atTime(0, 0).toInstant(ZoneOffset.UTC)));
    }
    return digest(builder.build(), keys);
  }

  static String digest(RelatedIndex index, List<String> keys) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    StringBuilder line = new StringBuilder();
    for (String key : keys.stream().sorted().toList()) {
      line.setLength(0);
      line.append(key).append(':');
      for (RelatedLink l : index.related(key)) {
        ScoreParts p = l.parts();
        line.append(' ').append(l.key()).append('=').append(Double.doubleToLongBits(l.score()))
            .append('/').append(Double.doubleToLongBits(p.text())).append('/')
            .append(Double.doubleToLongBits(p.names())).append('/')
            .append(Double.doubleToLongBits(p.tags())).append('/')
            .append(Double.doubleToLongBits(p.time()));
      }
      sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
