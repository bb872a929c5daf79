package dev.warta.related;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The text analysis of related links, for another stage that must agree with it word for word
 * (the search index): the same Lucene analyzer per language, giving each word both as written and
 * as indexed.
 *
 * <p>{@link #analyse} (or the related index itself, while it analyses an article) gives each word
 * the analyzer keeps both as written, found by the token's offsets in the text, and as indexed: its
 * stop words and stemmer applied, so {@code membangun}, {@code dibangun} and {@code pembangunan}
 * all give {@code bangun}. Stop words, single letters and pure numbers give nothing. {@link #words}
 * splits a query with the tokenizer every analyzer here starts with, lower-cased: the words as a
 * reader types them.
 */
public final class Analysis {
  private Analysis() {}

  /**
   * Receives the words of one article as the related analysis keeps them: for a stage that indexes
   * the same words and would otherwise analyse every article a second time.
   */
  public interface Words {
    /**
     * One word kept: {@code text.substring(start, end)} as written, and {@code stem[0..stemLength)}
     * what it is indexed as (a buffer valid only during the call); {@code title} for a word of the
     * title.
     */
    void word(String text, int start, int end, char[] stem, int stemLength, boolean title);

    /** Called once, after the last word of the article: every word was given. */
    void end();
  }

  /**
   * Gives {@code words} every word of the title and the plain-text body that the related index of
   * {@code lang} keeps, then calls {@link Words#end}: the same words, in the same order, as the
   * related index's own analysis of the article.
   */
  public static void analyse(String lang, String title, String plainBody, Words words) {
    Analyzer analyzer = Terms.analyzer(lang);
    Terms.count(analyzer, title, 0, null, words, true);
    Terms.count(analyzer, plainBody, 0, null, words, false);
    words.end();
  }

  /** Gives {@code words} every lower-cased word of {@code text}, in order, repeats included. */
  public static void words(String text, Consumer<String> words) {
    try (Tokenizer tokenizer = new StandardTokenizer()) {
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        words.accept(term.toString().toLowerCase(Locale.ROOT));
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the reader is a string
    }
  }

  /** The text of a Markdown body as the related index reads it: markup and link targets removed. */
  public static String plainText(String markdown) {
    return PlainText.stripMarkdown(markdown);
  }

  /** The analysis a language tag selects: {@code id}, {@code en}, or {@code other} (no stemming). */
  public static String family(String lang) {
    Analyzer a = Terms.analyzer(lang);
    return a == Terms.analyzer("id") ? "id" : a == Terms.analyzer("en") ? "en" : "other";
  }
}
