package dev.warta.related;

import dev.warta.internal.CacheData;
import dev.warta.internal.Fingerprint;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
  static final SavedAnalyses NONE = new SavedAnalyses(new String[0], new String[0], new String[0], new ConcurrentHashMap<>());

  private static final String MAGIC = "warta-related-analyses";
  private static final int VERSION = 2;

  /** One saved analysis, with the saving builder's ids. */
  private record Saved(byte[] digest, Instant date, String section, int[] terms, float[] termCounts, float length, int[] names,
      float[] nameCounts, int[] tags, float[] tagCounts) {}

  private final String[] terms;
  private final String[] names;
  private final String[] tags;
  /** The analyses not taken yet: each is dropped when taken, as the taking builder keeps its own copy. */
  private final Map<String, Saved> byKey;
  private final int size;

  private SavedAnalyses(String[] terms, String[] names, String[] tags, Map<String, Saved> byKey) {
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

  /** The saved analysis of an article with this digest, in the given vocabularies' ids; null if none. */
  RelatedIndex.Doc get(String key, byte[] digest, Vocabulary termVocabulary, Vocabulary nameVocabulary, Vocabulary tagVocabulary,
      Vocabulary sectionVocabulary) {
    Saved s = byKey.remove(key);
    if (s == null || !Arrays.equals(s.digest(), digest)) {
      return null;
    }
    return new RelatedIndex.Doc(key, digest, s.date(), s.section().isEmpty() ? -1 : sectionVocabulary.id(s.section()),
        counts(s.terms(), s.termCounts(), terms, termVocabulary), s.length(), counts(s.names(), s.nameCounts(), names, nameVocabulary),
        counts(s.tags(), s.tagCounts(), tags, tagVocabulary));
  }

  private static Counts counts(int[] savedIds, float[] values, String[] strings, Vocabulary vocabulary) {
    int[] ids = new int[savedIds.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = vocabulary.id(strings[savedIds[i]]);
    }
    return new Counts(ids, values.clone());
  }

  /** Writes the analyses whole, then renames the file into place. */
  static void write(Path file, byte[] key, List<RelatedIndex.Doc> docs, Vocabulary termVocabulary, Vocabulary nameVocabulary,
      Vocabulary tagVocabulary, Vocabulary sectionVocabulary) throws IOException {
    String[] sections = sectionVocabulary.strings();
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      CacheData.writeBytes(out, key);
      for (Vocabulary v : List.of(termVocabulary, nameVocabulary, tagVocabulary)) {
        String[] strings = v.strings();
        out.writeInt(strings.length);
        for (String s : strings) {
          CacheData.writeText(out, s);
        }
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
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The analyses saved in a file under this key; none if it is missing, damaged or of another key. */
  static SavedAnalyses read(Path file, byte[] key) {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (!in.readUTF().equals(MAGIC) || in.readInt() != VERSION || !Arrays.equals(CacheData.readBytes(in), key)) {
        return NONE;
      }
      String[][] vocabularies = new String[3][];
      for (int v = 0; v < 3; v++) {
        vocabularies[v] = new String[in.readInt()];
        for (int i = 0; i < vocabularies[v].length; i++) {
          vocabularies[v][i] = CacheData.readText(in);
        }
      }
      Map<String, Saved> byKey = new ConcurrentHashMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        String docKey = CacheData.readText(in);
        byte[] digest = CacheData.readBytes(in);
        Instant date = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String section = CacheData.readText(in);
        float length = in.readFloat();
        int[][] ids = new int[3][];
        float[][] values = new float[3][];
        for (int c = 0; c < 3; c++) {
          int size = in.readInt();
          ids[c] = new int[size];
          values[c] = new float[size];
          for (int i = 0; i < size; i++) {
            ids[c][i] = in.readInt();
            values[c][i] = in.readFloat();
            if (ids[c][i] < 0 || ids[c][i] >= vocabularies[c].length) {
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
