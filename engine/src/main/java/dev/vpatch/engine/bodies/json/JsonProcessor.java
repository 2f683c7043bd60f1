package dev.vpatch.engine.bodies.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.BodyProcessor;
import dev.vpatch.engine.bodies.BodySink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON: every scalar becomes an argument named as libmodsecurity 3 names it (see {@link
 * JsonArgumentNames}), in ARGS but, as there, not in ARGS_POST. Numbers keep their text, booleans
 * are {@code true}/{@code false}, null is empty. Arguments found before an error stay, as with ModSecurity's streaming parser. Exceeding
 * SecRequestBodyJsonDepthLimit or SecArgumentsLimit, malformed JSON and trailing content are
 * errors. An empty body is no error.
 */
public final class JsonProcessor implements BodyProcessor {
  private static final String PREFIX = "JSON parsing error: ";

  /** Our own depth and argument limits apply; the body size bounds everything else. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNameLength(Integer.MAX_VALUE)
                  .build())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  @Override
  public String name() {
    return "JSON";
  }

  @Override
  public void process(byte[] body, int length, BodyContext context, BodySink sink) {
    if (length == 0) {
      return;
    }
    JsonArgumentNames names = new JsonArgumentNames();
    int arguments = 0;
    try (JsonParser parser = FACTORY.createParser(body, 0, length)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        sink.error(PREFIX + "parse error: premature EOF");
        return;
      }
      do {
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            if (names.depth() >= context.jsonDepthLimit()) {
              sink.error(PREFIX + "Parsing depth limit exceeded");
              return;
            }
            names.startContainer(token == JsonToken.START_ARRAY);
          }
          case END_OBJECT, END_ARRAY -> names.endContainer();
          case FIELD_NAME -> names.key(byteString(parser.currentName()));
          default -> {
            if (arguments >= context.argumentsLimit()) {
              sink.error(PREFIX + "too many arguments (SecArgumentsLimit)");
              return;
            }
            arguments++;
            sink.argumentNotInPost(names.scalarName(), scalarText(parser, token));
          }
        }
        token = parser.nextToken();
      } while (names.depth() > 0 && token != null);
      if (names.depth() > 0) {
        sink.error(PREFIX + "parse error: premature EOF");
      } else if (parser.nextToken() != null) {
        sink.error(PREFIX + "parse error: trailing garbage");
      }
    } catch (JsonProcessingException e) {
      sink.error(PREFIX + e.getOriginalMessage());
    } catch (IOException e) {
      sink.error(PREFIX + e.getMessage());
    }
  }

  private static String scalarText(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NULL -> "";
      case VALUE_STRING -> byteString(parser.getText());
      default -> parser.getText();
    };
  }

  /** Jackson decodes UTF-8; the engine wants the bytes back (ASCII text already is). */
  private static String byteString(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return ByteStrings.of(text.getBytes(StandardCharsets.UTF_8));
      }
    }
    return text;
  }
}
