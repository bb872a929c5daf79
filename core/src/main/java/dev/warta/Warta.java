package dev.warta;

import java.nio.file.Path;

/**
 * Warta builds static news archives: Markdown articles in, a fast, linked, searchable-by-engines
 * site out.
 *
 * <pre>{@code
 * BuildResult result = Warta.site(Path.of("my-archive"))      // reads my-archive/warta.yml
 *     .output(Path.of("target/site"))
 *     .baseUrl(URI.create("https://news.example.org/"))
 *     .build();                                           // throws BuildException listing every Problem
 * System.out.println(result.summary());
 * }</pre>
 *
 * <p>A site folder holds {@code warta.yml} (optional), {@code content/} (the articles), and
 * optionally {@code templates/}, {@code static/} and {@code i18n/}.
 */
public final class Warta {
  private Warta() {}

  /** The site in a folder; nothing is read until a terminal method ({@code build}, {@code check}, {@code load}) runs. */
  public static Site site(Path folder) {
    return new Site(folder);
  }
}
