package dev.warta.related;

import dev.warta.shared.RelatedSettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Related articles for a whole archive, computed from the articles' text, names, tags, section
 * and date. Immutable and thread-safe once built.
 *
 * <p><b>How.</b> {@link Builder#add} analyses an article at once (Markdown stripped, Lucene's
 * analyzer for its language, names found by their capitals) and keeps only counts of interned
 * terms, never the text. {@link Builder#build} then
 *
 * <ol>
 *   <li>orders the articles by date and key, so that nothing depends on the order of {@code add}
 *       calls or on thread scheduling;
 *   <li>weighs each article's terms by BM25 (saturated term frequency, normalised by the article's
 *       length, times IDF), drops terms found in more than a fifth of the archive (too common to
 *       tell articles apart) and keeps the article's 128 best terms as a unit vector; names and
 *       tags get vectors of their own;
 *   <li>fits a 100-dimension latent view of those vectors ({@link Latent}, a truncated SVD);
 *   <li>inverts the vectors into postings (term to articles, by ascending date);
 *   <li>for every article, in parallel, walks the postings of only its 40 best terms, its names and
 *       tags (at most the newest 100 eligible postings of each) to gather and estimate
 *       candidates, keeps the best 80 and scores those exactly. Only candidates within the time
 *       weight of the 80th best estimate can be among the 80, so only those pay for the time
 *       decay and the heap; the exact text score reads the article's terms from an array
 *       indexed by term.
 * </ol>
 *
 * Work is proportional to the postings walked, not to the number of pairs, and memory to the
 * vocabulary plus 128 terms and 100 latent numbers per article.
 *
 * <p><b>Score.</b> Each signal gives a similarity in 0..1: for text, 0.7 times the cosine of the
 * BM25 vectors (title words count three times, the whole body is read) plus 0.3 times the cosine
 * of the latent vectors; the cosine of the IDF-weighted name and tag vectors, 1 for the same
 * section, and {@code 0.5^(days apart / half-life)} for time. The score is {@code 100 * sum(weight
 * * similarity) / sum(weight)}, the sum of weights counting only signals the source article has;
 * {@link ScoreParts} holds each signal's points, which sum to the score. Section and time never
 * create a link on their own: candidates come only from shared terms, names or tags. Time never
 * decides whether a link is kept either ({@link RelatedSettings}): only the other parts are
 * compared with the floors, so an archive of twenty years fills as many slots as one of two months.
 *
 * <p><b>Order.</b> Score descending, then date descending, then key ascending: a total order, so
 * lists are identical whatever the thread count or the order of additions.
 */
public final class RelatedIndex {

  /**
   * Terms, names and tags in at most this many articles are never pruned: in a small archive a
   * share of the articles is too few to call a word common, and pruning would gain nothing.
   */
  private static final int MIN_PRUNED_DOC_FREQ = 20;

  private static final double LN2 = Math.log(2);

  private final RelatedSettings settings;
  private final Tuning tuning;
  private final String[] keys;
  private final Instant[] dates;
  private final double[] days;
  private final int[] sections;
  /** Highest ordinal published at the same instant: the last article an older-only query sees. */
  private final int[] lastPeer;

  private final Map<String, Integer> ordinals;
  private final Matrix text;
  private final Latent latent;
  private final Matrix names;
  private final Matrix tags;
  private final List<List<RelatedLink>> lists;

  private RelatedIndex(
      RelatedSettings settings,
      Tuning tuning,
      List<Doc> docs,
      Matrix text,
      Latent latent,
      Matrix names,
      Matrix tags,
      int[] sections) {
    this.settings = settings;
    this.tuning = tuning;
    int n = docs.size();
    this.keys = new String[n];
    this.dates = new Instant[n];
    this.days = new double[n];
    this.ordinals = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Doc d = docs.get(i);
      keys[i] = d.key;
      dates[i] = d.date;
      days[i] = (d.date.getEpochSecond() + d.date.getNano() / 1e9) / 86_400.0;
      ordinals.put(d.key, i);
    }
    this.lastPeer = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      lastPeer[i] = i + 1 < n && dates[i + 1].equals(dates[i]) ? lastPeer[i + 1] : i;
    }
    this.text = text;
    this.latent = latent;
    this.names = names;
    this.tags = tags;
    this.sections = sections;
    this.lists = computeAll();
  }

  /** Starts an index with the given settings. */
  public static Builder builder(RelatedSettings settings) {
    return new Builder(settings, Tuning.defaults());
  }

  static Builder builder(RelatedSettings settings, Tuning tuning) {
    return new Builder(settings, tuning);
  }

  /**
   * The related articles of {@code key}, best first, at most {@code settings.count()}; empty for
   * an unknown key.
   */
  public List<RelatedLink> related(String key) {
    Integer ordinal = ordinals.get(key);
    return ordinal == null ? List.of() : lists.get(ordinal);
  }

  /**
   * The related articles of {@code key}, best first, at most {@code count}; empty for an unknown
   * key. Counts above {@code settings.count()} are computed on demand.
   */
  public List<RelatedLink> related(String key, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, was " + count);
    }
    Integer ordinal = ordinals.get(key);
    if (ordinal == null) {
      return List.of();
    }
    List<RelatedLink> list = lists.get(ordinal);
    if (count <= settings.count()) {
      return list.size() <= count ? list : list.subList(0, count);
    }
    return new Query(keys.length).run(ordinal, count);
  }

  /** The number of articles indexed. */
  public int size() {
    return keys.length;
  }

  private List<List<RelatedLink>> computeAll() {
    int n = keys.length;
    @SuppressWarnings("unchecked")
    List<RelatedLink>[] result = new List[n];
    if (settings.count() == 0) {
      Arrays.fill(result, List.of());
      return List.of(result);
    }
    // Chunks, so that each task allocates its scratch arrays once for many queries.
    int chunk = 512;
    IntStream.range(0, (n + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              Query query = new Query(n);
              for (int s = c * chunk, end = Math.min(n, s + chunk); s < end; s++) {
                result[s] = query.run(s, settings.count());
              }
            });
    return List.of(result);
  }

  /** One article's search, with scratch arrays reused across the articles of one task. */
  private final class Query {
    /** Slots of {@link #acc} per article: text, names and tags sums, then the query's stamp. */
    private static final int SLOTS = 4;

    private static final int TEXT = 0;
    private static final int NAMES = 1;
    private static final int TAGS = 2;
    private static final int STAMP = 3;

    /**
     * The sums of every candidate side by side, so that a posting touches one cache line, not
     * one per signal; the fourth slot holds (as float bits) the number of the query that last
     * reset them, so nothing needs clearing between queries.
     */
    private final float[] acc;
    private int stamp;
    private final int[] touched;
    private int touchedCount;
    private final double[] estimates;
    private final double[] scratch;
    private final int[] heap;
    private final double[] heapScore;
    private final double[] text;
    private final double[] names;
    private final double[] tags;
    private final double[] time;
    private final int[] kept;
    private final Matrix.Row source = RelatedIndex.this.text.new Row();

    Query(int n) {
      acc = new float[n * SLOTS];
      touched = new int[n];
      estimates = new double[n];
      scratch = new double[tuning.candidates()];
      heap = new int[tuning.candidates()];
      heapScore = new double[tuning.candidates()];
      text = new double[tuning.candidates()];
      names = new double[tuning.candidates()];
      tags = new double[tuning.candidates()];
      time = new double[tuning.candidates()];
      kept = new int[tuning.candidates()];
    }

    List<RelatedLink> run(int s, int count) {
      double wText = RelatedIndex.this.text.isEmpty(s) ? 0 : settings.textWeight();
      double wNames = RelatedIndex.this.names.isEmpty(s) ? 0 : settings.namesWeight();
      double wTags = RelatedIndex.this.tags.isEmpty(s) ? 0 : settings.tagsWeight();
      double wSection = sections[s] < 0 ? 0 : settings.sectionWeight();
      double wTime = settings.timeWeight();
      double total = wText + wNames + wTags + wSection + wTime;
      if (count == 0 || wText + wNames + wTags == 0) {
        return List.of();
      }
      // Only older or same-time articles by default: a published page's "See also" list must not
      // change each time a newer article arrives, or every old page would be rebuilt and re-cached.
      int limit = settings.allowNewer() ? keys.length - 1 : lastPeer[s];
      touchedCount = 0;
      stamp++;
      if (wText > 0) {
        gather(RelatedIndex.this.text, s, tuning.queryTerms(), limit, TEXT);
      }
      if (wNames > 0) {
        gather(RelatedIndex.this.names, s, Integer.MAX_VALUE, limit, NAMES);
      }
      if (wTags > 0) {
        gather(RelatedIndex.this.tags, s, Integer.MAX_VALUE, limit, TAGS);
      }
      double textScale = wText * RelatedIndex.this.text.scale[s];
      double namesScale = wNames * RelatedIndex.this.names.scale[s];
      double tagsScale = wTags * RelatedIndex.this.tags.scale[s];
      for (int i = 0; i < touchedCount; i++) {
        int c = touched[i];
        int at = c * SLOTS;
        estimates[i] =
            textScale * acc[at + TEXT]
                + namesScale * acc[at + NAMES]
                + tagsScale * acc[at + TAGS]
                + wSection * sameSection(s, c);
      }
      // The time part adds at most wTime to an estimate. Whatever is below the k-th best estimate
      // by more than that cannot be among the k best, so only the rest pay for the exponential
      // and the heap: the same candidates as offering every one, in time linear in the touched.
      int heapSize = 0;
      double threshold =
          touchedCount <= heap.length ? Double.NEGATIVE_INFINITY : kthLargest(touchedCount, heap.length);
      for (int i = 0; i < touchedCount; i++) {
        double estimate = estimates[i];
        // below the k-th estimate, or below the worst of a full heap, no time part can lift it
        if (estimate + wTime < threshold || (heapSize == heap.length && estimate + wTime < heapScore[0])) {
          continue;
        }
        int c = touched[i];
        heapSize = offer(heapSize, c, estimate + wTime * decay(s, c));
      }
      if (wText > 0) {
        source.load(s);
      }
      double best = 0;
      int keptCount = 0;
      for (int i = 0; i < heapSize; i++) {
        int c = heap[i];
        int at = c * SLOTS;
        // the estimate saw only the best query terms; the exact text score sees all stored terms
        double textSim = wText > 0 ? textSimilarity(source, s, c) : 0;
        double tagPoints = wTags * Math.min(1, acc[at + TAGS]) + wSection * sameSection(s, c);
        text[i] = 100 * wText * textSim / total;
        names[i] = 100 * wNames * Math.min(1, acc[at + NAMES]) / total;
        tags[i] = 100 * tagPoints / total;
        time[i] = 100 * wTime * decay(s, c) / total;
        heapScore[i] = text[i] + names[i] + tags[i] + time[i];
        // time only orders: whether a link is kept depends on the other signals alone
        double untimed = heapScore[i] - time[i];
        if (untimed > 0) {
          kept[keptCount++] = i;
          best = Math.max(best, untimed);
        }
      }
      double floor = Math.max(settings.minScore(), settings.minShareOfBest() * best);
      int k = 0;
      for (int j = 0; j < keptCount; j++) {
        int i = kept[j];
        if (heapScore[i] - time[i] >= floor) {
          kept[k++] = i;
        }
      }
      sortKept(k, Math.min(k, count));
      RelatedLink[] links = new RelatedLink[Math.min(k, count)];
      for (int j = 0; j < links.length; j++) {
        int i = kept[j];
        ScoreParts parts = new ScoreParts(text[i], names[i], tags[i], time[i]);
        links[j] = new RelatedLink(keys[heap[i]], parts.total(), parts);
      }
      return List.of(links);
    }

    /**
     * Adds {@code query weight * posting weight} for the newest eligible postings of each of the
     * source's best terms. Walking at most {@code postingsPerTerm} postings per term bounds the
     * work per article whatever the archive size; taking the newest agrees with the time decay,
     * and an article that shares several terms is still met through one of them.
     */
    private void gather(Matrix m, int s, int maxTerms, int limit, int slot) {
      float mark = Float.intBitsToFloat(stamp);
      for (int i = 0, k = Math.min(maxTerms, m.rowLength(s)); i < k; i++) {
        int pos = m.byWeight[m.rowStart[s] + i];
        int t = m.col[pos];
        float q = m.queryWeight(pos);
        int start = m.postStart[t];
        // s is in its own term's postings, which ascend: the last eligible one is s or a later
        // article of the same instant, found by a gallop from s rather than a search of the list
        int end = limit == keys.length - 1 ? m.postStart[t + 1] : upperBoundFrom(m.postDoc, m.postOf[pos] + 1, m.postStart[t + 1], limit);
        for (int p = end - 1, stop = Math.max(start, end - tuning.postingsPerTerm()); p >= stop; p--) {
          int c = m.postDoc[p];
          if (c == s) {
            continue;
          }
          int at = c * SLOTS;
          if (Float.floatToRawIntBits(acc[at + STAMP]) != stamp) {
            acc[at + TEXT] = 0;
            acc[at + NAMES] = 0;
            acc[at + TAGS] = 0;
            acc[at + STAMP] = mark;
            touched[touchedCount++] = c;
          }
          acc[at + slot] += q * m.postValue[p];
        }
      }
    }

    /**
     * The {@code k}-th largest of the first {@code size} estimates: the smallest of a min-heap of
     * the k largest seen. Most estimates are below that smallest and cost one comparison, a
     * branch the processor soon predicts, where a partition would swap them around.
     */
    private double kthLargest(int size, int k) {
      double[] top = scratch;
      System.arraycopy(estimates, 0, top, 0, k);
      for (int i = k / 2 - 1; i >= 0; i--) {
        siftDownValue(top, i, k);
      }
      for (int i = k; i < size; i++) {
        double v = estimates[i];
        if (v > top[0]) {
          top[0] = v;
          siftDownValue(top, 0, k);
        }
      }
      return top[0];
    }

    private static void siftDownValue(double[] top, int i, int size) {
      double v = top[i];
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && top[child + 1] < top[child]) {
          child++;
        }
        if (top[child] >= v) {
          break;
        }
        top[i] = top[child];
        i = child;
      }
      top[i] = v;
    }

    /**
     * Puts the first {@code wanted} of the {@code size} kept positions in order (score descending,
     * date descending, key): only they become links, so the rest need no order.
     */
    private void sortKept(int size, int wanted) {
      for (int j = 0; j < wanted; j++) {
        int best = j;
        for (int i = j + 1; i < size; i++) {
          if (before(kept[i], kept[best])) {
            best = i;
          }
        }
        int i = kept[best];
        kept[best] = kept[j];
        kept[j] = i;
      }
    }

    /**
     * Whether heap position {@code a} comes before {@code b}. Ordinals follow date then key, so
     * among articles of the same date the smaller ordinal has the smaller key.
     */
    private boolean before(int a, int b) {
      if (heapScore[a] != heapScore[b]) {
        return heapScore[a] > heapScore[b];
      }
      int byDate = dates[heap[a]].compareTo(dates[heap[b]]);
      return byDate != 0 ? byDate > 0 : heap[a] < heap[b];
    }

    /** Keeps the best {@code heap.length} candidates in a min-heap; newer wins a tie. */
    private int offer(int size, int c, double score) {
      if (size < heap.length) {
        heap[size] = c;
        heapScore[size] = score;
        siftUp(size);
        return size + 1;
      }
      if (less(c, score, heap[0], heapScore[0])) {
        return size;
      }
      heap[0] = c;
      heapScore[0] = score;
      siftDown(size);
      return size;
    }

    private boolean less(int a, double sa, int b, double sb) {
      return sa < sb || (sa == sb && a < b);
    }

    private void siftUp(int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!less(heap[i], heapScore[i], heap[parent], heapScore[parent])) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void siftDown(int size) {
      int i = 0;
      while (true) {
        int left = 2 * i + 1;
        int right = left + 1;
        int smallest = i;
        if (left < size && less(heap[left], heapScore[left], heap[smallest], heapScore[smallest])) {
          smallest = left;
        }
        if (right < size
            && less(heap[right], heapScore[right], heap[smallest], heapScore[smallest])) {
          smallest = right;
        }
        if (smallest == i) {
          return;
        }
        swap(i, smallest);
        i = smallest;
      }
    }

    private void swap(int i, int j) {
      int c = heap[i];
      heap[i] = heap[j];
      heap[j] = c;
      double sc = heapScore[i];
      heapScore[i] = heapScore[j];
      heapScore[j] = sc;
    }
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /**
   * As {@link #upperBound}, knowing that {@code a[from - 1] <= key}: steps of 1, 2, 4 … from there,
   * then a search of the last step, so the cost grows with the distance to the answer.
   */
  private static int upperBoundFrom(int[] a, int from, int to, int key) {
    int lo = from;
    int hi = from;
    for (int step = 1; hi < to && a[hi] <= key; step <<= 1) {
      lo = hi + 1;
      hi = from + step;
    }
    return upperBound(a, lo, Math.min(hi, to), key);
  }

  /** The first index in {@code a[from..to)} (ascending) whose value exceeds {@code key}. */
  private static int upperBound(int[] a, int from, int to, int key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The words' cosine blended with the latent view's, as {@link Tuning#latentShare} says. */
  private double textSimilarity(Matrix.Row source, int s, int c) {
    double words = source.similarity(c);
    return latent == Latent.NONE ? words : (1 - tuning.latentShare()) * words + tuning.latentShare() * latent.similarity(s, c);
  }

  private int sameSection(int s, int c) {
    return sections[s] >= 0 && sections[s] == sections[c] ? 1 : 0;
  }

  private double decay(int s, int c) {
    return Math.exp(-LN2 * Math.abs(days[s] - days[c]) / settings.timeHalfLifeDays());
  }

  /**
   * Collects articles, from any number of threads, and freezes them into an index. The index never
   * depends on the order of the calls.
   */
  public static final class Builder {
    /**
     * The body, or its start when {@link Tuning#bodyChars} caps it; by default the whole body is
     * read: on real news a cap of 3,000 characters cost precision (CorpusTuning).
     */
    private String lede(String text) {
      int max = tuning.bodyChars();
      if (max <= 0 || text.length() <= max) {
        return text;
      }
      int cut = text.lastIndexOf(' ', max);
      return text.substring(0, cut > max / 2 ? cut : max);
    }

    private final RelatedSettings settings;
    private final Tuning tuning;
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    /** Whether a document was added, changed or removed since {@link #built}. */
    private volatile boolean changed = true;
    private RelatedIndex built;
    private final Vocabulary termVocabulary = new Vocabulary();
    private final Vocabulary nameVocabulary = new Vocabulary();
    private final Vocabulary tagVocabulary = new Vocabulary();
    private final Vocabulary sectionVocabulary = new Vocabulary();
    private volatile SavedAnalyses saved = SavedAnalyses.NONE;
    private final java.util.concurrent.atomic.AtomicInteger analysed = new java.util.concurrent.atomic.AtomicInteger();

    private Builder(RelatedSettings settings, Tuning tuning) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.tuning = tuning;
    }

    /**
     * Adds an article. Thread-safe: may be called from several threads. Analyses the text at once
     * and keeps only term statistics, never the body.
     *
     * @throws IllegalArgumentException if an article with the same key was added before
     */
    public Builder add(RelatedDocument doc) {
      if (docs.putIfAbsent(doc.key(), analyse(doc, null, new boolean[1])) != null) {
        throw new IllegalArgumentException("duplicate related document key: " + doc.key());
      }
      changed = true;
      return this;
    }

    /**
     * Adds an article, or replaces the one of the same key: for a builder kept between builds
     * (see {@code Site.warm()}), which analyses again only the articles that changed.
     */
    public Builder put(RelatedDocument doc) {
      put(doc, null);
      return this;
    }

    /**
     * As {@link #put(RelatedDocument)}, and, when the article is analysed now and whole (not
     * restored, not kept, its body not cut by {@link Tuning#bodyChars}), gives {@code words} every
     * word kept (see {@link Analysis#analyse}).
     *
     * @return whether {@code words} was given the article's words and its {@link Analysis.Words#end}
     */
    public boolean put(RelatedDocument doc, Analysis.Words words) {
      boolean[] given = {false};
      Doc d = analyse(doc, words, given);
      Doc before = docs.put(doc.key(), d);
      if (before == null || !before.sameAs(d)) {
        changed = true;
      }
      return given[0];
    }

    /** Whether an article of this key was added. */
    public boolean contains(String key) {
      return docs.containsKey(key);
    }

    /** Drops every article whose key is not in {@code keys}: those removed since the last build. */
    public Builder retain(java.util.Set<String> keys) {
      if (docs.keySet().retainAll(keys)) {
        changed = true;
      }
      return this;
    }

    /**
     * Takes the analyses a build saved with {@link #save}: an article added with the same text,
     * title, tags, section, language and date is then not analysed again. Nothing is taken from a
     * missing or damaged file, or from one saved under another key (other code or settings).
     */
    public Builder restore(java.nio.file.Path file, byte[] key) {
      saved = SavedAnalyses.read(file, key);
      return this;
    }

    /** Drops what {@link #restore} took, once every article was added: it is only needed then. */
    public void forgetRestored() {
      saved = SavedAnalyses.NONE;
    }

    /** Whether no article was added yet. */
    public boolean isEmpty() {
      return docs.isEmpty();
    }

    /** Whether saving now would write what {@link #restore} read: every article was taken from it. */
    public boolean sameAsRestored() {
      return analysed.get() == 0 && docs.size() == saved.size();
    }

    /** The analysis of every article added, for the cache file that {@link #restore} reads in a later process. */
    public dev.warta.internal.CacheData.Snapshot saved(byte[] key) {
      return SavedAnalyses.saved(key, List.copyOf(docs.values()), termVocabulary, nameVocabulary, tagVocabulary, sectionVocabulary);
    }

    private Doc analyse(RelatedDocument doc, Analysis.Words words, boolean[] given) {
      String lede = lede(doc.text());
      byte[] digest = SavedAnalyses.digest(doc, lede);
      // a kept builder already holds the analysis of an article touched, or edited past its lede
      Doc mine = docs.get(doc.key());
      if (mine != null && Arrays.equals(mine.digest(), digest)) {
        return mine;
      }
      Doc known = saved.get(doc.key(), digest, termVocabulary, nameVocabulary, tagVocabulary, sectionVocabulary);
      if (known != null) {
        return known;
      }
      analysed.incrementAndGet();
      Analyzer analyzer = Terms.analyzer(doc.lang());
      String body = PlainText.stripMarkdown(lede);
      CharArrayMap<float[]> termCounts = new CharArrayMap<>(256, false);
      // the words go on only for a whole body: a cut one would index part of the article
      Analysis.Words sink = lede.length() == doc.text().length() ? words : null;
      float length = Terms.count(analyzer, doc.title(), tuning.titleBoost(), termCounts, sink, true);
      length += Terms.count(analyzer, body, 1f, termCounts, sink, false);
      if (sink != null) {
        sink.end();
        given[0] = true;
      }
      Map<String, float[]> nameCounts = new HashMap<>();
      Names.count(doc.title(), body, tuning.titleBoost(), nameCounts);
      Map<String, float[]> tagCounts = new HashMap<>();
      for (String tag : doc.tags()) {
        String label = PlainText.label(tag);
        if (!label.isEmpty()) {
          tagCounts.put(label, new float[] {1});
        }
      }
      String section = PlainText.label(doc.section());
      Doc d =
          new Doc(
              doc.key(),
              digest,
              doc.date(),
              section.isEmpty() ? -1 : sectionVocabulary.id(section),
              Counts.of(termCounts, termVocabulary),
              length,
              Counts.of(nameCounts, nameVocabulary),
              Counts.of(tagCounts, tagVocabulary));
      return d;
    }

    /** Freezes the articles added so far into an index and computes every related list. */
    public RelatedIndex build() {
      // the index is a function of the documents alone: when none changed since the last build
      // (an edit past the lede, a new author), the last index is the same one
      if (!changed && built != null) {
        return built;
      }
      built = freeze();
      changed = false;
      return built;
    }

    /** Builds the index again even if nothing changed: for timing the build alone (RelatedSpeed). */
    RelatedIndex rebuild() {
      return freeze();
    }

    private RelatedIndex freeze() {
      Doc[] sorted = docs.values().toArray(new Doc[0]);
      // keys are distinct, so the order is total and a parallel sort gives the one answer
      Arrays.parallelSort(sorted, Comparator.comparing((Doc d) -> d.date).thenComparing(d -> d.key));
      List<Doc> list = Arrays.asList(sorted);
      // vocabularies after the documents: every id a listed document uses is then ranked
      int[] termRanks = termVocabulary.ranks();
      int[] nameRanks = nameVocabulary.ranks();
      int[] tagRanks = tagVocabulary.ranks();
      int[] sectionRanks = sectionVocabulary.ranks();
      int n = list.size();
      Counts[] termRows = new Counts[n];
      Counts[] nameRows = new Counts[n];
      Counts[] tagRows = new Counts[n];
      float[] lengths = new float[n];
      int[] sections = new int[n];
      // each article apart from the others, so in parallel: the same rows whatever the threads
      IntStream.range(0, n).parallel().forEach(i -> {
        Doc d = list.get(i);
        termRows[i] = d.terms.renumbered(termRanks);
        nameRows[i] = d.names.renumbered(nameRanks);
        tagRows[i] = d.tags.renumbered(tagRanks);
        lengths[i] = d.length;
        sections[i] = d.section < 0 ? -1 : sectionRanks[d.section];
      });
      Matrix.Weighting textWeighting =
          switch (tuning.model()) {
            case BM25 -> Matrix.Weighting.BM25;
            case BM25_COSINE -> Matrix.Weighting.BM25_COSINE;
            case TFIDF_COSINE -> Matrix.Weighting.LOG_TF_IDF;
          };
      int maxDf = Math.max((int) Math.floor(tuning.maxDocFraction() * n), MIN_PRUNED_DOC_FREQ);
      Matrix text =
          Matrix.of(termRows, lengths, termRanks.length, textWeighting, tuning.storedTerms(), maxDf);
      Matrix names =
          Matrix.of(nameRows, lengths, nameRanks.length, Matrix.Weighting.LOG_TF_IDF, 64, maxDf);
      Matrix tags = Matrix.of(tagRows, lengths, tagRanks.length, Matrix.Weighting.IDF, 64, maxDf);
      Latent latent =
          tuning.latentShare() > 0
              ? Latent.of(text, termRanks.length, tuning.latentDims(), tuning.latentFitRows())
              : Latent.NONE;
      return new RelatedIndex(settings, tuning, list, text, latent, names, tags, sections);
    }
  }

  /**
   * What the builder keeps of an article, with the digest of what it was analysed from ({@link
   * SavedAnalyses#digest}).
   */
  record Doc(
      String key, byte[] digest, Instant date, int section, Counts terms, float length, Counts names, Counts tags) {
    /** Whether two analyses of an article found the same (records compare arrays by identity). */
    boolean sameAs(Doc o) {
      return key.equals(o.key) && date.equals(o.date) && section == o.section && Float.compare(length, o.length) == 0
          && terms.sameAs(o.terms) && names.sameAs(o.names) && tags.sameAs(o.tags);
    }
  }
}
