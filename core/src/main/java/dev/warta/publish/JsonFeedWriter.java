package dev.warta.publish;

import dev.warta.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a feed as JSON Feed 1.1. */
final class JsonFeedWriter {
  private JsonFeedWriter() {}

  static byte[] write(Feed feed) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", "https://jsonfeed.org/version/1.1");
    root.put("title", feed.title());
    root.put("home_page_url", feed.home());
    root.put("feed_url", feed.json());
    if (!feed.description().isEmpty()) {
      root.put("description", feed.description());
    }
    root.put("language", feed.lang());
    root.put("authors", List.of(Map.of("name", feed.publisher())));
    List<Object> items = new ArrayList<>();
    for (Feed.Item item : feed.items()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("id", item.id());
      i.put("url", item.url());
      i.put("title", item.title());
      if (!item.contentHtml().isEmpty()) {
        i.put("content_html", item.contentHtml());
      } else {
        // an item needs content_html or content_text; the summary is the text there is
        i.put("content_text", item.summary());
      }
      if (!item.summary().isEmpty()) {
        i.put("summary", item.summary());
      }
      item.image().ifPresent(u -> i.put("image", u));
      i.put("date_published", Feed.rfc3339(item.published()));
      i.put("date_modified", Feed.rfc3339(item.updated()));
      List<Object> authors = new ArrayList<>();
      for (Feed.Author a : item.authors()) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", a.name());
        if (!a.url().isEmpty()) {
          author.put("url", a.url());
        }
        authors.add(author);
      }
      if (!authors.isEmpty()) {
        i.put("authors", authors);
      }
      if (!item.categories().isEmpty()) {
        i.put("tags", item.categories());
      }
      i.put("language", item.lang());
      items.add(i);
    }
    root.put("items", items);
    return Json.pretty(root).getBytes(StandardCharsets.UTF_8);
  }
}
