package dev.warta.related;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Word statistics per language with Lucene's analyzers: stop words and stemming for Indonesian
 * and English, plain lower-cased words for any other language (a stop list or stemmer for the
 * wrong language does more harm than none, and document-frequency pruning removes the commonest
 * words anyway).
 */
final class Terms {

  // Analyzers are thread-safe (each thread reuses its own token stream) and cost little to keep.
  private static final Analyzer INDONESIAN = new IndonesianAnalyzer();
  private static final Analyzer ENGLISH = new EnglishAnalyzer();
  private static final Analyzer OTHER = new StandardAnalyzer(CharArraySet.EMPTY_SET);

  /** Both stop lists, for telling a sentence-initial common word from a name. */
  static final CharArraySet STOP_WORDS = stopWords();

  private Terms() {}

  static Analyzer analyzer(String lang) {
    String primary = lang.strip().toLowerCase(Locale.ROOT);
    int dash = primary.indexOf('-');
    if (dash >= 0) {
      primary = primary.substring(0, dash);
    }
    return switch (primary) {
      case "id", "in" -> INDONESIAN; // "in" is the old ISO code Java still produces
      case "en" -> ENGLISH;
      default -> OTHER;
    };
  }

  /**
   * Adds {@code weight} to the count of every term of {@code text} and returns the number of
   * terms seen times the weight (the weighted length). Pure numbers are skipped: years and amounts
   * say little about the topic.
   */
  static float count(Analyzer analyzer, String text, float weight, CharArrayMap<float[]> counts) {
    return count(analyzer, text, weight, counts, null, false);
  }

  /**
   * As {@link #count(Analyzer, String, float, CharArrayMap)}, and gives {@code words}, when not
   * null, every term kept with the word of {@code text} it comes from (by the token's offsets), so
   * that another index reads the same analysis without running it again.
   */
  static float count(Analyzer analyzer, String text, float weight, CharArrayMap<float[]> counts, Analysis.Words words, boolean title) {
    float length = 0;
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = words == null ? null : stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (term.length() < 2 || !hasLetter(term)) {
          continue;
        }
        if (words != null) {
          words.word(text, offset.startOffset(), offset.endOffset(), term.buffer(), term.length(), title);
        }
        if (counts == null) {
          continue;
        }
        // looked up by the term's own buffer: a String per token, most of them repeats, cost more
        // than the look-up
        float[] count = counts.get(term.buffer(), 0, term.length());
        if (count == null) {
          count = new float[1];
          counts.put(Arrays.copyOf(term.buffer(), term.length()), count);
        }
        count[0] += weight;
        length += weight;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the reader is a string
    }
    return length;
  }

  static boolean hasLetter(CharTermAttribute term) {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isLetter(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(IndonesianAnalyzer.getDefaultStopSet(), true);
    set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return CharArraySet.unmodifiableSet(set);
  }
}
