package dev.vpatch.engine.bodies.multipart;

import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.BodyProcessor;
import dev.vpatch.engine.bodies.BodySink;

/**
 * MULTIPART: {@code multipart/form-data} bodies as libmodsecurity 3 reads them. Form fields go to
 * ARGS_POST, file parts to FILES / FILES_NAMES / FILES_SIZES / FILES_COMBINED_SIZE (file contents
 * are only counted, never stored), Content-Disposition parameters to MULTIPART_NAME and
 * MULTIPART_FILENAME, each finished part's header lines to MULTIPART_PART_HEADERS, and every
 * strictness flag to its MULTIPART_* variable. Fatal problems (no usable boundary, no final
 * boundary, malformed part headers) are reported through {@link BodySink#error(String)}; as in
 * ModSecurity, fields and files are then only reported if the final boundary was seen.
 *
 * <p>Like ModSecurity, SecArgumentsLimit does not apply to multipart fields.
 */
public final class MultipartProcessor implements BodyProcessor {
  @Override
  public String name() {
    return "MULTIPART";
  }

  @Override
  public void process(byte[] body, int length, BodyContext context, BodySink sink) {
    MultipartParser parser =
        new MultipartParser(MultipartContentType.parse(context.contentType()), sink);
    parser.process(body, length);
    parser.finish();
  }
}
