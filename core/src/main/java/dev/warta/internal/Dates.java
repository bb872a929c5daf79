package dev.warta.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates people write, in front matter and in settings alike: ISO 8601 dates and
 * date-times, with or without an offset, and the YAML timestamp forms Jekyll writes ({@code
 * 2023-09-05 08:30:00 +0700}). A value without an offset is in the site's zone; a date alone is
 * midnight there. The one date parser of Warta.
 */
public final class Dates {
  private static final Pattern FORM =
      Pattern.compile(
          "(\\d{4}-\\d{1,2}-\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?)?\\s*"
              + "(Z|z|[+-]\\d{1,2}(?::?\\d{2})?)?");

  private Dates() {}

  /** The instant written, in {@code zone}; empty when the text is no date. */
  public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      String[] ymd = m.group(1).split("-");
      LocalDate date = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
      if (m.group(2) == null) {
        if (m.group(6) != null) {
          return Optional.empty();
        }
        return Optional.of(date.atStartOfDay(zone));
      }
      int nanos = 0;
      if (m.group(5) != null) {
        String fraction = (m.group(5).substring(1) + "000000000").substring(0, 9);
        nanos = Integer.parseInt(fraction);
      }
      LocalDateTime local =
          date.atTime(
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
              nanos);
      String offset = m.group(6);
      if (offset == null) {
        return Optional.of(local.atZone(zone));
      }
      return Optional.of(OffsetDateTime.of(local, java.time.ZoneOffset.of(normaliseOffset(offset))).atZoneSameInstant(zone));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The instant written, for a setting that must not depend on a zone ({@code buildTime}): a
   * date-time with its offset; empty for anything else.
   */
  public static Optional<java.time.Instant> instant(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches() || m.group(2) == null || m.group(6) == null) {
      return Optional.empty();
    }
    return parse(text, java.time.ZoneOffset.UTC).map(ZonedDateTime::toInstant);
  }

  private static String normaliseOffset(String offset) {
    if (offset.equalsIgnoreCase("z")) {
      return "Z";
    }
    char sign = offset.charAt(0);
    String digits = offset.substring(1).replace(":", "");
    String hours;
    String minutes;
    if (digits.length() <= 2) {
      hours = digits;
      minutes = "00";
    } else {
      hours = digits.substring(0, digits.length() - 2);
      minutes = digits.substring(digits.length() - 2);
    }
    if (hours.length() == 1) {
      hours = "0" + hours;
    }
    return sign + hours + ":" + minutes;
  }
}
