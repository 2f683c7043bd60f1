package dev.vpatch.engine.bodies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What libmodsecurity 3.0.9 extracted from CRS test bodies, recorded as JSON lines (one flat
 * object per body: strings, nulls and arrays of strings), keyed by the vector id.
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

  @SuppressWarnings("unchecked")
  public static List<String> strings(Map<String, Object> record, String field) {
    return (List<String>) record.get(field);
  }

  /** Byte strings decoded as UTF-8 text (as the oracle's JSON shows them), sorted. */
  public static List<String> sortedText(List<String> byteStrings) {
    List<String> text = new ArrayList<>();
    for (String value : byteStrings) {
      text.add(dev.vpatch.engine.ByteStrings.toText(value));
    }
    Collections.sort(text);
    return text;
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
