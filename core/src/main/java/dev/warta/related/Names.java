package dev.warta.related;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds names of people, places and organisations ("Kim Jong Un", "Dewan Keamanan PBB", "Bank of
 * England") by their capitals: runs of two or more capitalised words, plus acronyms such as "PBB".
 *
 * <p>The first word of a sentence is capitalised by grammar, not because it names something, so a
 * run that starts a sentence loses that word when it is a stop word or when the article also uses
 * it in lower case ("Kemarin Joko Widodo ..." gives "joko widodo"). A run of three or more words
 * also yields itself without its first word, so "Presiden Joko Widodo" meets "Joko Widodo".
 *
 * <p>News titles are often in Title Case, where every word is capitalised; there the title only
 * confirms names that the body has (counting them again, as a boost), instead of turning the whole
 * headline into one long "name".
 */
final class Names {

  private static final Set<String> CONNECTORS =
      Set.of("of", "bin", "binti", "van", "von", "de", "der", "al", "el", "la", "da");

  private Names() {}

  /** Adds each name of the article, folded to lower case, with its count to {@code counts}. */
  static void count(String title, String body, float titleWeight, Map<String, float[]> counts) {
    List<String[]> bodyTokens = sentences(body);
    Set<String> lowerWords = new HashSet<>();
    for (String[] sentence : bodyTokens) {
      for (String word : sentence) {
        if (!word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
          lowerWords.add(word);
        }
      }
    }
    List<String> bodyNames = new ArrayList<>();
    for (String[] sentence : bodyTokens) {
      runs(sentence, lowerWords, bodyNames);
    }
    for (String name : bodyNames) {
      counts.computeIfAbsent(name, k -> new float[1])[0] += 1;
    }
    List<String[]> titleTokens = sentences(title);
    if (isTitleCase(titleTokens)) {
      String folded = " " + String.join(" ", PlainText.NON_WORD.split(PlainText.fold(title))) + " ";
      for (String name : Set.copyOf(bodyNames)) {
        if (folded.contains(" " + name + " ")) {
          counts.get(name)[0] += titleWeight;
        }
      }
    } else {
      List<String> titleNames = new ArrayList<>();
      for (String[] sentence : titleTokens) {
        runs(sentence, lowerWords, titleNames);
      }
      for (String name : titleNames) {
        counts.computeIfAbsent(name, k -> new float[1])[0] += titleWeight;
      }
    }
  }

  /**
   * Splits text into sentences of words. A sentence ends at . ! ? : ; or a line break; any other
   * punctuation (a comma, a quote, a parenthesis) also breaks a name, marked by an empty word.
   */
  static List<String[]> sentences(String text) {
    List<String[]> sentences = new ArrayList<>();
    List<String> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        i = wordEnd(text, i + 1);
        words.add(text.substring(start, i));
        continue;
      }
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n') {
        if (!words.isEmpty()) {
          sentences.add(words.toArray(String[]::new));
          words.clear();
        }
      } else if (!Character.isWhitespace(c) && !words.isEmpty()) {
        words.add("");
      }
      i++;
    }
    if (!words.isEmpty()) {
      sentences.add(words.toArray(String[]::new));
    }
    return sentences;
  }

  /** The end of the word going on at {@code i}. */
  private static int wordEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        i++;
      } else if ((c == '\'' || c == '-' || c == '’') && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
        i += 2; // keep "Jum'at" and "Al-Azhar" whole, but not a trailing apostrophe or hyphen
      } else {
        break;
      }
    }
    return i;
  }

  private static void runs(String[] words, Set<String> lowerWords, List<String> out) {
    int i = 0;
    while (i < words.length) {
      if (!isCapitalised(words[i])) {
        i++;
        continue;
      }
      int start = i;
      int end = i + 1; // exclusive
      while (end < words.length) {
        if (isCapitalised(words[end])) {
          end++;
        } else if (end + 1 < words.length
            && CONNECTORS.contains(words[end])
            && isCapitalised(words[end + 1])) {
          end += 2;
        } else {
          break;
        }
      }
      i = end;
      if (start == 0) {
        String first = words[0].toLowerCase(Locale.ROOT);
        if (Terms.STOP_WORDS.contains(first) || lowerWords.contains(first)) {
          start++;
        }
      }
      emit(words, start, end, out);
    }
  }

  private static void emit(String[] words, int start, int end, List<String> out) {
    int length = end - start;
    if (length == 1) {
      if (isAcronym(words[start])) {
        out.add(PlainText.fold(words[start]));
      }
      return;
    }
    if (length < 2) {
      return;
    }
    out.add(join(words, start, end));
    if (length >= 3 && !CONNECTORS.contains(words[start + 1])) {
      out.add(join(words, start + 1, end));
    }
  }

  private static String join(String[] words, int start, int end) {
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < end; i++) {
      if (i > start) {
        sb.append(' ');
      }
      sb.append(words[i]);
    }
    return PlainText.fold(sb.toString());
  }

  private static boolean isCapitalised(String word) {
    return word.length() >= 2 && Character.isUpperCase(word.charAt(0));
  }

  private static boolean isAcronym(String word) {
    if (word.length() < 2 || word.length() > 6) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Title Case: most words longer than three letters start with a capital. */
  private static boolean isTitleCase(List<String[]> sentences) {
    int longWords = 0;
    int capitalised = 0;
    for (String[] sentence : sentences) {
      for (String word : sentence) {
        if (word.length() > 3) {
          longWords++;
          if (Character.isUpperCase(word.charAt(0))) {
            capitalised++;
          }
        }
      }
    }
    return longWords > 0 && capitalised * 4 >= longWords * 3;
  }
}
