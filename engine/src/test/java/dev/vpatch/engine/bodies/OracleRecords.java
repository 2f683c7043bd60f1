package dev.vpatch.engine.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vpatch.engine.ByteStrings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What libmodsecurity 3.0.9 extracted from CRS test bodies, recorded as JSON lines keyed by the
 * vector id. Lists of extracted values are recorded as their count ({@code fieldCount}) and the
 * SHA-256 of the values (as UTF-8 text, sorted by their bytes, joined by newlines), so no CRS test
 * content is copied here; flags and error messages are plain.
 */
public final class OracleRecords {
  private OracleRecords() {}

  public static Map<String, Map<String, Object>> load(Class<?> near, String resource) {
    Map<String, Map<String, Object>> records = new HashMap<>();
    JsonFactory factory = new JsonFactory();
    try (InputStream in = near.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          Map<String, Object> record = readObject(factory, line);
          records.put((String) record.get("id"), record);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /** Asserts that {@code byteStrings} are, in any order, the values recorded in {@code field}. */
  public static void assertSameValues(List<String> byteStrings, Map<String, Object> record, String field) {
    List<String> text = new ArrayList<>();
    for (String value : byteStrings) {
      text.add(ByteStrings.toText(value));
    }
    text.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
    assertThat(Integer.toString(text.size())).as(field + " count, ours: " + text).isEqualTo(record.get(field + "Count"));
    assertThat(sha256(String.join("\n", text))).as(field + ", ours: " + text).isEqualTo(record.get(field));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(text)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> readObject(JsonFactory factory, String json) throws IOException {
    Map<String, Object> record = new HashMap<>();
    try (JsonParser parser = factory.createParser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
          List<String> items = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(parser.getText());
          }
          record.put(field, items);
        } else {
          record.put(field, token == JsonToken.VALUE_NULL ? null : parser.getText());
        }
      }
    }
    return record;
  }
}
