package dev.warta.render;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}. {@link java.io.StringWriter} writes into a
 * synchronized {@link StringBuffer}, and FreeMarker writes a page in thousands of small pieces:
 * taking a lock for each cost 3% of a cold build's CPU, for a writer only one thread ever sees.
 */
final class BuilderWriter extends Writer {
  private final StringBuilder text;

  BuilderWriter(int capacity) {
    text = new StringBuilder(capacity);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s) {
    text.append(s);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence s) {
    text.append(s);
    return this;
  }

  @Override
  public Writer append(CharSequence s, int start, int end) {
    text.append(s, start, end);
    return this;
  }

  @Override
  public Writer append(char c) {
    text.append(c);
    return this;
  }

  @Override
  public void flush() {
    // nothing is held back
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
