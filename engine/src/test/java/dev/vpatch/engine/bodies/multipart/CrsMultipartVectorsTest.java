package dev.vpatch.engine.bodies.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.CrsBodyVectors;
import dev.vpatch.engine.bodies.OracleRecords;
import dev.vpatch.engine.bodies.RecordingSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every multipart body in the CRS regression tests, parsed by us and compared with what
 * libmodsecurity 3.0.9 extracted from it (recorded in {@code crs-multipart-oracle.jsonl}: sorted
 * ARGS, FILES*, MULTIPART_NAME/FILENAME/PART_HEADERS, flags, error; no flags where ModSecurity
 * did not pick its multipart processor for the Content-Type). One deliberate difference is
 * already folded into the recording: MULTIPART_PART_HEADERS values carry no trailing CRLF (3.0.9
 * keeps it, a bug fixed upstream that makes CRS 922110 misfire).
 */
class CrsMultipartVectorsTest {
  private static final String[] FLAG_ORDER = {
    "SE:MULTIPART_STRICT_ERROR", "UB:MULTIPART_UNMATCHED_BOUNDARY", "BQ:MULTIPART_BOUNDARY_QUOTED",
    "BW:MULTIPART_BOUNDARY_WHITESPACE", "DB:MULTIPART_DATA_BEFORE", "DA:MULTIPART_DATA_AFTER",
    "HF:MULTIPART_HEADER_FOLDING", "LF:MULTIPART_LF_LINE", "CL:MULTIPART_CRLF_LF_LINES",
    "SM:MULTIPART_MISSING_SEMICOLON", "IQ:MULTIPART_INVALID_QUOTING", "IP:MULTIPART_INVALID_PART",
    "IH:MULTIPART_INVALID_HEADER_FOLDING"
  };

  @TestFactory
  Stream<DynamicTest> crsMultipartBodiesMatchModSecurity() throws IOException {
    return CrsBodyVectors.checkAgainstRecording(
        getClass(), "crs-multipart-oracle.jsonl", "multipart", ct -> ct.contains("multipart"), CrsMultipartVectorsTest::check);
  }

  private static void check(CrsBodyVectors.Vector vector, Map<String, Object> expected) {
    if (((String) expected.get("flags")).isEmpty()) {
      return; // ModSecurity did not use its multipart processor for this Content-Type
    }
    RecordingSink sink = new RecordingSink();
    byte[] body = vector.bytes();
    new MultipartProcessor()
        .process(body, body.length, BodyContext.defaults(ByteStrings.fromText(vector.contentType())), sink);
    OracleRecords.assertSameValues(sink.arguments, expected, "arguments");
    OracleRecords.assertSameValues(sink.collections, expected, "collections");
    assertThat(sink.scalars.get("FILES_COMBINED_SIZE")).isEqualTo(expected.get("combinedSize"));
    assertThat(flags(sink)).isEqualTo(expected.get("flags"));
    assertThat(sink.errors.isEmpty() ? null : ByteStrings.toText(sink.errors.get(0))).isEqualTo(expected.get("error"));
  }

  private static String flags(RecordingSink sink) {
    List<String> parts = new ArrayList<>();
    for (String entry : FLAG_ORDER) {
      String[] codeAndName = entry.split(":");
      parts.add(codeAndName[0] + sink.scalars.get(codeAndName[1]));
    }
    return String.join(" ", parts);
  }
}
