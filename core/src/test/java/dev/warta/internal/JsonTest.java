package dev.warta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void escapesWhatWouldEndAStringOrAScriptElement() {
    assertEquals("\"a\\\"b\\\\c\\n\\r\\t\"", Json.write("a\"b\\c\n\r\t"));
    assertEquals("\"\\u003c/script\\u003e\\u003c!-- \\u0026 ]]\\u003e\"", Json.write("</script><!-- & ]]>"));
    assertEquals("\"\\u2028\\u2029\"", Json.write("\u2028\u2029"));
  }

  @Test
  void dropsForbiddenControlsAndLoneSurrogatesButKeepsPairs() {
    assertEquals("\"ab\"", Json.write("a\u0000\u0001\u001f\u007f\u009fb"));
    assertEquals("\"x\uD83D\uDE00y\"", Json.write("x\uD83D\uDE00y"));
    assertEquals("\"xy\"", Json.write("x\uD83Dy\uDE00"));
  }

  @Test
  void writesMapsInOrderListsNumbersAndBooleans() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", List.of(true, 2L, "s"));
    m.put("e", Map.of());
    assertEquals("{\"z\":1,\"a\":[true,2,\"s\"],\"e\":{}}", Json.write(m));
    assertEquals("{\n  \"z\": 1,\n  \"a\": [\n    true,\n    2,\n    \"s\"\n  ],\n  \"e\": {}\n}\n", Json.pretty(m));
  }

  @Test
  void refusesWhatItCannotWriteExactly() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(1.5));
    assertThrows(IllegalArgumentException.class, () -> Json.write(null));
  }
}
