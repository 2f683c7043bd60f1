package dev.vpatch.ftw.backend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON document albedo's {@code /reflect} endpoint answers from: {@code status}, {@code headers}
 * (name to value), {@code body} or base64 {@code encodedBody}, {@code logMessage}. Field names match
 * case-insensitively and unknown fields are ignored, as Go's encoding/json does; a value of the wrong
 * type or malformed JSON makes the document invalid.
 */
record ReflectionSpec(long status, List<String[]> headers, String body, String encodedBody) {
  private static final JsonFactory JSON = new JsonFactory();

  static final class InvalidSpecException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSpecException(String message) {
      super(message);
    }
  }

  static ReflectionSpec parse(byte[] json) throws InvalidSpecException {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidSpecException("unexpected end of JSON input");
      }
      ReflectionSpec spec = first == JsonToken.VALUE_NULL ? new ReflectionSpec(0, List.of(), "", "") : object(parser, first);
      if (parser.nextToken() != null) {
        throw new InvalidSpecException("invalid character after top-level value");
      }
      return spec;
    } catch (IOException e) {
      throw new InvalidSpecException(e.getMessage());
    }
  }

  private static ReflectionSpec object(JsonParser parser, JsonToken first) throws IOException, InvalidSpecException {
    if (first != JsonToken.START_OBJECT) {
      throw new InvalidSpecException("cannot unmarshal " + first + " into the reflection spec");
    }
    long status = 0;
    List<String[]> headers = new ArrayList<>();
    String body = "";
    String encodedBody = "";
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName().toLowerCase(Locale.ROOT);
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "status" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidSpecException("status must be an integer");
          }
          status = parser.getLongValue();
        }
        case "headers" -> headers = headers(parser, value);
        case "body" -> body = string(parser, value, "body");
        case "encodedbody" -> encodedBody = string(parser, value, "encodedBody");
        case "logmessage" -> string(parser, value, "logMessage");
        default -> parser.skipChildren();
      }
    }
    return new ReflectionSpec(status, headers, body, encodedBody);
  }

  private static List<String[]> headers(JsonParser parser, JsonToken start) throws IOException, InvalidSpecException {
    if (start != JsonToken.START_OBJECT) {
      throw new InvalidSpecException("headers must be an object");
    }
    List<String[]> headers = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        headers.add(new String[] {name, ""});
      } else {
        headers.add(new String[] {name, string(parser, value, "headers." + name)});
      }
    }
    return headers;
  }

  private static String string(JsonParser parser, JsonToken value, String field) throws IOException, InvalidSpecException {
    if (value != JsonToken.VALUE_STRING) {
      throw new InvalidSpecException(field + " must be a string");
    }
    return parser.getText();
  }
}
