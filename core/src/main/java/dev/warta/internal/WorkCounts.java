package dev.warta.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often this process did the costly steps an article's walk through a build is made of: its file
 * looked at (size and time), its file read, its front matter split from its body, its body parsed
 * by flexmark for its page, a summary parsed by flexmark, its body kept from loading for rendering;
 * and the keys made of pages and bodies for the next build (a fingerprint of a page's model, a
 * digest of a body's sources). Each step counts itself where it is done, so a test can check that
 * a build does each once per article ({@code ArticleWalkTest}); the counts only grow, and cost one
 * uncontended add per step.
 */
public final class WorkCounts {
  private static final LongAdder STATS = new LongAdder();
  private static final LongAdder READS = new LongAdder();
  private static final LongAdder SPLITS = new LongAdder();
  private static final LongAdder BODY_PARSES = new LongAdder();
  private static final LongAdder SUMMARY_PARSES = new LongAdder();
  private static final LongAdder KEEPS = new LongAdder();
  private static final LongAdder KEYS = new LongAdder();

  private WorkCounts() {}

  /** The counts at one moment; {@link #since} gives what happened between two. */
  public record Counts(long stats, long reads, long splits, long bodyParses, long summaryParses, long keeps, long keys) {
    /** What was counted after {@code before} was taken, up to these counts. */
    public Counts since(Counts before) {
      return new Counts(stats - before.stats, reads - before.reads, splits - before.splits, bodyParses - before.bodyParses,
          summaryParses - before.summaryParses, keeps - before.keeps, keys - before.keys);
    }
  }

  /** The counts now. */
  public static Counts now() {
    return new Counts(STATS.sum(), READS.sum(), SPLITS.sum(), BODY_PARSES.sum(), SUMMARY_PARSES.sum(), KEEPS.sum(), KEYS.sum());
  }

  /** An article file's attributes (size, modification time) were asked of the file system. */
  public static void stat() {
    STATS.increment();
  }

  /** An article file was read. */
  public static void read() {
    READS.increment();
  }

  /** An article's front matter was split from its body. */
  public static void split() {
    SPLITS.increment();
  }

  /** An article's body was parsed by flexmark to render it. */
  public static void bodyParse() {
    BODY_PARSES.increment();
  }

  /** An article's body was kept from loading until rendering. */
  public static void keep() {
    KEEPS.increment();
  }

  /** A key for the next build was made: a page's fingerprint or a body's digest. */
  public static void key() {
    KEYS.increment();
  }

  /** A summary's Markdown was parsed by flexmark. */
  public static void summaryParse() {
    SUMMARY_PARSES.increment();
  }
}
