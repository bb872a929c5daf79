package dev.warta.related;

import dev.warta.internal.CacheData;
import dev.warta.internal.Fingerprint;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyses of one build's articles, saved for the next process: analysing an article's text is
 * the larger half of loading an archive, and most articles of a rebuild are unchanged. An analysis
 * is taken back only for an article whose inputs have the same digest, under the same key (the
 * caller's digest of the code and settings), so it is the one analysing would give.
 *
 * <p>Ids are those of the saving builder's vocabularies, which are saved with them and mapped to
 * the taking builder's when an analysis is taken.
 */
final class SavedAnalyses {
  static final SavedAnalyses NONE =
      new SavedAnalyses(new Saving(new String[0]), new Saving(new String[0]), new Saving(new String[0]), new ConcurrentHashMap<>());

  private static final String KIND = "warta-related-analyses";
  private static final int VERSION = 2;

  /** One saved analysis, with the saving builder's ids. */
  private record Saved(byte[] digest, Instant date, String section, int[] terms, float[] termCounts, float length, int[] names,
      float[] nameCounts, int[] tags, float[] tagCounts) {}

  /**
   * A saved vocabulary: its strings by saved id, and the taking builder's id of each, looked up
   * once, when an analysis first needs it. Racing threads look up the same id, so the plain array
   * is safe.
   */
  private static final class Saving {
    private final String[] strings;
    private final int[] ids;

    Saving(String[] strings) {
      this.strings = strings;
      this.ids = new int[strings.length];
      Arrays.fill(ids, -1);
    }

    boolean holds(int savedId) {
      return savedId >= 0 && savedId < strings.length;
    }

    Counts counts(int[] savedIds, float[] values, Vocabulary vocabulary) {
      int[] mapped = new int[savedIds.length];
      for (int i = 0; i < mapped.length; i++) {
        int id = ids[savedIds[i]];
        if (id < 0) {
          id = vocabulary.id(strings[savedIds[i]]);
          ids[savedIds[i]] = id;
        }
        mapped[i] = id;
      }
      return new Counts(mapped, values); // the saved entry is dropped once taken: no one shares them
    }
  }

  private final Saving terms;
  private final Saving names;
  private final Saving tags;
  /** The analyses not taken yet: each is dropped when taken, as the taking builder keeps its own copy. */
  private final Map<String, Saved> byKey;
  private final int size;

  private SavedAnalyses(Saving terms, Saving names, Saving tags, Map<String, Saved> byKey) {
    this.terms = terms;
    this.names = names;
    this.tags = tags;
    this.byKey = byKey;
    this.size = byKey.size();
  }

  /** The digest of what an article is analysed from: everything {@code analyse} reads. */
  static byte[] digest(RelatedDocument doc, String lede) {
    return new Fingerprint().add(doc.key()).add(doc.lang()).add(doc.title()).add(lede).add(doc.section()).add(doc.date().toString())
        .add(doc.tags()).finish();
  }

  /** How many analyses were saved. */
  int size() {
    return size;
  }

  /**
   * The saved analysis of an article with this digest, in the given vocabularies' ids; null if
   * none. A builder takes all its analyses with the same vocabularies.
   */
  RelatedIndex.Doc get(String key, byte[] digest, Vocabulary termVocabulary, Vocabulary nameVocabulary, Vocabulary tagVocabulary,
      Vocabulary sectionVocabulary) {
    Saved s = byKey.remove(key);
    if (s == null || !Arrays.equals(s.digest(), digest)) {
      return null;
    }
    return new RelatedIndex.Doc(key, digest, s.date(), s.section().isEmpty() ? -1 : sectionVocabulary.id(s.section()),
        terms.counts(s.terms(), s.termCounts(), termVocabulary), s.length(), names.counts(s.names(), s.nameCounts(), nameVocabulary),
        tags.counts(s.tags(), s.tagCounts(), tagVocabulary));
  }

  /** The analyses, for the cache file (see {@link CacheData.Snapshot}). */
  static CacheData.Snapshot saved(byte[] key, List<RelatedIndex.Doc> docs, Vocabulary termVocabulary, Vocabulary nameVocabulary,
      Vocabulary tagVocabulary, Vocabulary sectionVocabulary) {
    String[] sections = sectionVocabulary.strings();
    return new CacheData.Snapshot(KIND, VERSION, out -> {
      CacheData.writeBytes(out, key);
      for (Vocabulary v : List.of(termVocabulary, nameVocabulary, tagVocabulary)) {
        CacheData.writeTexts(out, Arrays.asList(v.strings()));
      }
      out.writeInt(docs.size());
      for (RelatedIndex.Doc d : docs) {
        CacheData.writeText(out, d.key());
        CacheData.writeBytes(out, d.digest());
        out.writeLong(d.date().getEpochSecond());
        out.writeInt(d.date().getNano());
        CacheData.writeText(out, d.section() < 0 ? "" : sections[d.section()]);
        out.writeFloat(d.length());
        for (Counts c : List.of(d.terms(), d.names(), d.tags())) {
          out.writeInt(c.ids().length);
          for (int i = 0; i < c.ids().length; i++) {
            out.writeInt(c.ids()[i]);
            out.writeFloat(c.values()[i]);
          }
        }
      }
    });
  }

  /** The analyses saved in a file under this key; none if it is missing, damaged or of another key. */
  static SavedAnalyses read(Path file, byte[] key) {
    try (DataInputStream in = CacheData.open(file, KIND, VERSION)) {
      if (in == null || !Arrays.equals(CacheData.readBytes(in), key)) {
        return NONE;
      }
      Saving[] vocabularies = new Saving[3];
      for (int v = 0; v < 3; v++) {
        vocabularies[v] = new Saving(CacheData.readTexts(in).toArray(String[]::new));
      }
      Map<String, Saved> byKey = new ConcurrentHashMap<>();
      for (int n = CacheData.readCount(in); n > 0; n--) {
        String docKey = CacheData.readText(in);
        byte[] digest = CacheData.readBytes(in);
        Instant date = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String section = CacheData.readText(in);
        float length = in.readFloat();
        int[][] ids = new int[3][];
        float[][] values = new float[3][];
        for (int c = 0; c < 3; c++) {
          int size = CacheData.readCount(in);
          ids[c] = new int[size];
          values[c] = new float[size];
          for (int i = 0; i < size; i++) {
            ids[c][i] = in.readInt();
            values[c][i] = in.readFloat();
            if (!vocabularies[c].holds(ids[c][i])) {
              return NONE; // damaged
            }
          }
        }
        byKey.put(docKey, new Saved(digest, date, section, ids[0], values[0], length, ids[1], values[1], ids[2], values[2]));
      }
      return new SavedAnalyses(vocabularies[0], vocabularies[1], vocabularies[2], byKey);
    } catch (IOException | RuntimeException e) {
      return NONE; // damaged: analysing again only costs time
    }
  }
}
