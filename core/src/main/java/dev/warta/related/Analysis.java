package dev.warta.related;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The text analysis of related links, for another stage that must agree with it word for word
 * (the search index): the same Lucene analyzer per language, applied in two steps so that a caller
 * sees both the word as written and what it is indexed as.
 *
 * <p>{@link #words} splits text with the tokenizer every analyzer here starts with and lower-cases
 * it: the surface forms a reader types. {@link #stem} runs the language's whole analyzer on one
 * such word: its stop words and stemmer, so {@code membangun}, {@code dibangun} and {@code
 * pembangunan} all give {@code bangun}. Stop words, single letters and pure numbers give nothing,
 * as in the related index.
 */
public final class Analysis {
  private Analysis() {}

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

  /**
   * What the related index of language {@code lang} indexes {@code word} as; empty for a stop word,
   * a single letter or a word without letters.
   */
  public static Optional<String> stem(String lang, String word) {
    Analyzer analyzer = Terms.analyzer(lang);
    String stem = null;
    try (TokenStream stream = analyzer.tokenStream("text", word)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (stem == null && term.length() >= 2 && Terms.hasLetter(term)) {
          stem = term.toString();
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.ofNullable(stem);
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
