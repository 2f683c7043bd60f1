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
          // Jackson's symbol table may refuse names whose hashes collide; then a body the quick
          // check accepted would fail only while its arguments are built, with no error reported
          // and the later arguments lost. Slower lookups on such names are the better outcome.
          .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
          .build();

  @Override
  public String name() {
    return "JSON";
  }

  @Override
  public void process(byte[] body, int length, BodyContext context, BodySink sink) {
    parse(body, length, context, sink, true, true);
  }

  @Override
  public boolean processAllButArguments(byte[] body, int length, BodyContext context, BodySink sink) {
    // Only errors are reported now: plain JSON within the limits has none, so Jackson walks only
    // the bodies that may have one (and words it).
    if (!PlainJsonCheck.certainlyValid(body, length, context.jsonDepthLimit(), context.argumentsLimit())) {
      parse(body, length, context, sink, false, true);
    }
    return length > 0;
  }

  @Override
  public void addArguments(byte[] body, int length, BodyContext context, BodySink sink) {
    parse(body, length, context, sink, true, false);
  }

  /**
   * One walk over the document, stopping where an error stops it. Without {@code arguments} no
   * name or value is built; without {@code errors} nothing but the arguments is reported.
   *
   * <p>Without arguments, string values are still decoded when the body has a byte above 0x7F:
   * only decoding finds every invalid UTF-8 sequence (Jackson's skipping lets an encoded surrogate
   * through). In ASCII, skipping and decoding check escapes and control characters with the same
   * code, so an ASCII body's strings are skipped.
   */
  private static void parse(
      byte[] body, int length, BodyContext context, BodySink sink, boolean arguments, boolean errors) {
    if (length == 0) {
      return;
    }
    String error = null;
    JsonArgumentNames names = arguments ? new JsonArgumentNames() : null;
    boolean decodeStrings = !arguments && !AsciiBytes.isAscii(body, length);
    int depth = 0;
    int count = 0;
    try (JsonParser parser = FACTORY.createParser(body, 0, length)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        error = "parse error: premature EOF";
      } else {
        do {
          switch (token) {
            case START_OBJECT, START_ARRAY -> {
              if (depth >= context.jsonDepthLimit()) {
                error = "Parsing depth limit exceeded";
              } else {
                depth++;
                if (arguments) names.startContainer(token == JsonToken.START_ARRAY);
              }
            }
            case END_OBJECT, END_ARRAY -> {
              depth--;
              if (arguments) names.endContainer();
            }
            case FIELD_NAME -> {
              if (arguments) names.key(byteString(parser.currentName()));
            }
            default -> {
              if (count >= context.argumentsLimit()) {
                error = "too many arguments (SecArgumentsLimit)";
              } else {
                count++;
                if (arguments) {
                  sink.argumentNotInPost(names.scalarName(), scalarText(parser, token));
                } else if (decodeStrings) {
                  parser.finishToken();
                }
              }
            }
          }
          if (error != null) {
            break;
          }
          token = parser.nextToken();
        } while (depth > 0 && token != null);
        if (error == null && depth > 0) {
          error = "parse error: premature EOF";
        } else if (error == null && parser.nextToken() != null) {
          error = "parse error: trailing garbage";
        }
      }
    } catch (JsonProcessingException e) {
      error = e.getOriginalMessage();
    } catch (IOException e) {
      error = e.getMessage();
    }
    if (error != null && errors) {
      sink.error(PREFIX + error);
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
