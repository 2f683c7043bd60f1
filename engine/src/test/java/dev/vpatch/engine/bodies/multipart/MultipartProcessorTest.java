package dev.vpatch.engine.bodies.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.RecordingSink;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values were checked against libmodsecurity 3.0.9 (the oracle). */
class MultipartProcessorTest {
  private static final String CT = "multipart/form-data; boundary=AaB03x";
  private static final String STANDARD =
      lines(
          "--AaB03x",
          "Content-Disposition: form-data; name=\"field1\"",
          "Content-Type: text/plain; charset=utf-8",
          "",
          "line1",
          "line2",
          "--AaB03x",
          "Content-Disposition: form-data; name=\"files\"; filename=\"file1.txt\"",
          "Content-Type: text/plain",
          "",
          "...contents of file1.txt...",
          "--AaB03x",
          "Content-Disposition: form-data; name=\"f2\"; filename=\"\"",
          "",
          "",
          "--AaB03x--",
          "");

  static String lines(String... lines) {
    return String.join("\r\n", lines);
  }

  static RecordingSink run(String contentType, String body) {
    RecordingSink sink = new RecordingSink();
    byte[] bytes = ByteStrings.bytes(body);
    new MultipartProcessor().process(bytes, bytes.length, BodyContext.defaults(contentType), sink);
    return sink;
  }

  /** The flags that are set, as the two-letter codes of ModSecurity's rule 200003 plus UB/CL/SE. */
  static String flags(RecordingSink sink) {
    Map<String, String> codes =
        Map.ofEntries(
            Map.entry("MULTIPART_STRICT_ERROR", "SE"),
            Map.entry("MULTIPART_BOUNDARY_QUOTED", "BQ"),
            Map.entry("MULTIPART_BOUNDARY_WHITESPACE", "BW"),
            Map.entry("MULTIPART_DATA_BEFORE", "DB"),
            Map.entry("MULTIPART_DATA_AFTER", "DA"),
            Map.entry("MULTIPART_HEADER_FOLDING", "HF"),
            Map.entry("MULTIPART_LF_LINE", "LF"),
            Map.entry("MULTIPART_CRLF_LF_LINES", "CL"),
            Map.entry("MULTIPART_MISSING_SEMICOLON", "SM"),
            Map.entry("MULTIPART_INVALID_QUOTING", "IQ"),
            Map.entry("MULTIPART_INVALID_PART", "IP"),
            Map.entry("MULTIPART_INVALID_HEADER_FOLDING", "IH"),
            Map.entry("MULTIPART_FILE_LIMIT_EXCEEDED", "FL"));
    StringBuilder out = new StringBuilder();
    for (String name :
        new String[] {
          "MULTIPART_STRICT_ERROR", "MULTIPART_BOUNDARY_QUOTED", "MULTIPART_BOUNDARY_WHITESPACE",
          "MULTIPART_DATA_BEFORE", "MULTIPART_DATA_AFTER", "MULTIPART_HEADER_FOLDING",
          "MULTIPART_LF_LINE", "MULTIPART_CRLF_LF_LINES", "MULTIPART_MISSING_SEMICOLON",
          "MULTIPART_INVALID_QUOTING", "MULTIPART_INVALID_PART",
          "MULTIPART_INVALID_HEADER_FOLDING", "MULTIPART_FILE_LIMIT_EXCEEDED"
        }) {
      assertThat(sink.scalars).containsKey(name);
      if (sink.scalars.get(name).equals("1")) {
        out.append(codes.get(name)).append(' ');
      }
    }
    out.append("UB").append(sink.scalars.get("MULTIPART_UNMATCHED_BOUNDARY"));
    return out.toString();
  }

  @Test
  void standardBodyGivesFieldsFilesNamesAndPartHeaders() {
    RecordingSink sink = run(CT, STANDARD);
    assertThat(sink.errors).isEmpty();
    assertThat(flags(sink)).isEqualTo("UB2");
    // libmodsecurity 3 drops the line breaks inside form field values.
    assertThat(sink.arguments).containsExactly("field1=line1line2", "f2=");
    assertThat(sink.collection("FILES")).containsExactly("files=file1.txt");
    assertThat(sink.collection("FILES_NAMES")).containsExactly("files=files");
    assertThat(sink.collection("FILES_SIZES")).containsExactly("files=27");
    assertThat(sink.scalars).containsEntry("FILES_COMBINED_SIZE", "27");
    assertThat(sink.collection("MULTIPART_NAME")).containsExactly("field1=field1", "files=files", "f2=f2");
    assertThat(sink.collection("MULTIPART_FILENAME")).containsExactly("file1.txt=file1.txt", "=");
    assertThat(sink.collection("MULTIPART_PART_HEADERS"))
        .containsExactly(
            "field1=Content-Disposition: form-data; name=\"field1\"",
            "field1=Content-Type: text/plain; charset=utf-8",
            "files=Content-Disposition: form-data; name=\"files\"; filename=\"file1.txt\"",
            "files=Content-Type: text/plain",
            "f2=Content-Disposition: form-data; name=\"f2\"; filename=\"\"");
  }

  @Test
  void contentTypeOdditiesAreFlagged() {
    assertThat(flags(run("multipart/form-data; boundary=\"AaB03x\"", STANDARD))).isEqualTo("SE BQ UB2");
    assertThat(flags(run("multipart/form-data; boundary =AaB03x", STANDARD))).isEqualTo("SE BW UB2");
    assertThat(flags(run("multipart/form-data boundary=AaB03x", STANDARD))).isEqualTo("SE SM UB2");
    assertThat(run("Multipart/Form-Data; boundary=AaB03x", STANDARD).errors).isEmpty();
    assertThat(run("multipart/form-data; boundary=AaB03x; charset=utf-8", STANDARD).arguments)
        .hasSize(2);
  }

  @Test
  void whitespaceBeforeTheBoundaryValueBecomesPartOfIt() {
    RecordingSink sink = run("multipart/form-data; boundary= AaB03x", STANDARD);
    assertThat(flags(sink)).isEqualTo("SE BW DB UB1");
    assertThat(sink.errors).containsExactly("Multipart parsing error: Multipart: No boundaries found in payload.");
    assertThat(sink.arguments).isEmpty();
  }

  @Test
  void unusableContentTypesAreErrors() {
    assertThat(run("multipart/form-data", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Boundary not found in C-T.");
    assertThat(run("multipart/form-data; BOUNDARY=AaB03x", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Invalid boundary in C-T (case sensitivity).");
    assertThat(run("multipart/form-data; boundary=AaB03x; boundary=x", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Multiple boundary parameters in C-T.");
    assertThat(run("multipart/form-data; boundary=\"AaB03x", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Invalid boundary in C-T (quote).");
    assertThat(run("multipart/form-data; boundary=\"AaB\"; charset=x", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Invalid boundary in C-T (quote).");
    assertThat(run("multipart/form-data; boundary=Aa<B03x", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Invalid boundary in C-T (characters).");
    assertThat(run("multipart/form-data; boundary=AaB ;charset=x", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Invalid boundary in C-T (characters).");
    assertThat(run("multipart/form-data; charset=x; boundary=AaB", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Invalid boundary in C-T (malformed).");
    assertThat(run("text/plain; boundary=AaB03x", STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Invalid MIME type.");
    assertThat(run(null, STANDARD).errors)
        .containsExactly("Multipart parsing error: Multipart: Content-Type header not available.");
    RecordingSink rejected = run("multipart/form-data", STANDARD);
    assertThat(flags(rejected)).isEqualTo("SE UB0");
    assertThat(rejected.arguments).isEmpty();
  }

  @Test
  void anEmptyBoundaryIsIgnoredSilently() {
    RecordingSink sink = run("multipart/form-data; boundary=\"\"", lines("----", ""));
    assertThat(sink.errors).isEmpty();
    assertThat(sink.arguments).isEmpty();
    assertThat(flags(sink)).isEqualTo("UB0");
  }

  @Test
  void emptyBodyIsNoError() {
    RecordingSink sink = run(CT, "");
    assertThat(sink.errors).isEmpty();
    assertThat(flags(sink)).isEqualTo("UB0");
  }

  @Test
  void lineEndingsAreFlagged() {
    assertThat(flags(run(CT, STANDARD.replace("\r\n", "\n")))).isEqualTo("SE LF UB2");
    // A bare LF inside a value is not a protocol line: no flag.
    assertThat(flags(run(CT, STANDARD.replace("line1\r\n", "line1\n")))).isEqualTo("UB2");
    String mixed = STANDARD.replace("Content-Type: text/plain\r\n", "Content-Type: text/plain\n");
    assertThat(flags(run(CT, mixed))).isEqualTo("SE LF CL UB2");
  }

  @Test
  void dataBeforeTheFirstAndAfterTheLastBoundaryIsFlagged() {
    assertThat(flags(run(CT, "junk\r\n" + STANDARD))).isEqualTo("SE DB UB2");
    RecordingSink after = run(CT, STANDARD + "junk\r\n");
    assertThat(flags(after)).isEqualTo("SE DA UB2");
    assertThat(after.arguments).hasSize(2);
    String twice = lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "1", "--AaB03x--", "--AaB03x--", "");
    assertThat(flags(run(CT, twice))).isEqualTo("SE DA UB2");
  }

  @Test
  void missingFinalBoundaryIsAnErrorAndHidesFieldsButNotPartHeaders() {
    RecordingSink sink = run(CT, STANDARD.replace("--AaB03x--\r\n", ""));
    assertThat(sink.errors).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
    assertThat(sink.arguments).isEmpty();
    assertThat(sink.collection("FILES")).isEmpty();
    assertThat(sink.collection("MULTIPART_PART_HEADERS")).hasSize(4);
    assertThat(sink.collection("MULTIPART_NAME")).hasSize(3);
  }

  @Test
  void finalBoundaryWithoutLineEndingIsAccepted() {
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "1", "--AaB03x--"));
    assertThat(sink.errors).isEmpty();
    assertThat(sink.arguments).containsExactly("a=1");
    assertThat(flags(sink)).isEqualTo("UB0");
  }

  @Test
  void bodyWithoutBoundaryIsAnError() {
    RecordingSink sink = run(CT, "hello\r\n");
    assertThat(sink.errors).containsExactly("Multipart parsing error: Multipart: No boundaries found in payload.");
    assertThat(flags(sink)).isEqualTo("SE DB UB0");
  }

  @Test
  void headerFoldingIsJoinedAndFlagged() {
    String folded = lines("--AaB03x", "Content-Disposition: form-data;", " name=\"a\"", "", "v", "--AaB03x--", "");
    RecordingSink sink = run(CT, folded);
    assertThat(sink.arguments).containsExactly("a=v");
    assertThat(flags(sink)).isEqualTo("SE HF UB2");
    assertThat(sink.collection("MULTIPART_PART_HEADERS")).containsExactly("a=Content-Disposition: form-data; name=\"a\"");
    assertThat(flags(run(CT, folded.replace(" name", "\u000b name")))).isEqualTo("SE HF IH UB2");
  }

  @Test
  void singleQuotesAreAcceptedButFlagged() {
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name='a'", "", "v", "--AaB03x--", ""));
    assertThat(sink.arguments).containsExactly("a=v");
    assertThat(flags(sink)).isEqualTo("SE IQ UB2");
  }

  @Test
  void escapesInQuotedParametersAndBareTokens() {
    RecordingSink sink =
        run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\\\"b\\\\c\\d\"; filename=\"x\\\"y\"", "", "1", "--AaB03x--", ""));
    assertThat(sink.collection("FILES")).containsExactly("a\"b\\c\\d=x\"y");
    assertThat(sink.collection("FILES_SIZES")).containsExactly("a\"b\\c\\d=1");
    RecordingSink bare = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=abc; filename=x.txt ", "", "1", "--AaB03x--", ""));
    assertThat(bare.collection("FILES")).containsExactly("abc=x.txt");
    assertThat(bare.errors).isEmpty();
  }

  @Test
  void invalidPartsMakeTheFinalBoundaryUnrecognisable() {
    // The header block never ends successfully, so every later line is read as a header.
    String noName = lines("--AaB03x", "Content-Disposition: form-data", "", "v", "--AaB03x", "Content-Disposition: form-data; name=\"b\"", "", "2", "--AaB03x--", "");
    RecordingSink sink = run(CT, noName);
    assertThat(sink.errors).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
    assertThat(sink.arguments).isEmpty();
    assertThat(flags(sink)).isEqualTo("SE IP UB0");
    for (String disposition :
        new String[] {
          "Content-Disposition: attachment; name=\"x\"",
          "Content-Disposition: form-data; filename=\"f\"",
          "Content-Disposition: form-data; name=\"a\"; name=\"b\"",
          "Content-Disposition: form-data; name=\"a\"; foo=\"b\"",
          "X-A: b"
        }) {
      RecordingSink bad = run(CT, lines("--AaB03x", disposition, "", "1", "--AaB03x--", ""));
      assertThat(bad.errors).as(disposition).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
      assertThat(bad.scalars).as(disposition).containsEntry("MULTIPART_INVALID_PART", "1");
    }
    RecordingSink junk = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"x", "", "1", "--AaB03x--", ""));
    assertThat(flags(junk)).isEqualTo("SE IQ IP UB0");
  }

  @Test
  void headerErrorsAreReportedButParsingGoesOn() {
    RecordingSink noColon = run(CT, lines("--AaB03x", "XFoo bar", "Content-Disposition: form-data; name=\"a\"", "", "1", "--AaB03x--", ""));
    assertThat(noColon.arguments).containsExactly("a=1");
    assertThat(noColon.errors).containsExactly("Multipart parsing error: Multipart: Invalid part header (colon missing): XFoo bar\r\n");
    assertThat(flags(noColon)).isEqualTo("UB2");

    RecordingSink emptyPart = run(CT, lines("--AaB03x", "--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "1", "--AaB03x--", ""));
    assertThat(emptyPart.arguments).containsExactly("a=1");
    assertThat(emptyPart.errors).containsExactly("Multipart parsing error: Multipart: Invalid part header (colon missing): --AaB03x\r\n");
    assertThat(flags(emptyPart)).isEqualTo("SE IP UB2");
  }

  @Test
  void duplicatePartHeadersKeepTheFirstSilently() {
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "Content-Disposition: form-data; name=\"b\"", "", "1", "--AaB03x--", ""));
    assertThat(sink.arguments).containsExactly("a=1");
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void duplicateFieldNamesAreAllKept() {
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "1", "--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "2", "--AaB03x--", ""));
    assertThat(sink.arguments).containsExactly("a=1", "a=2");
  }

  @Test
  void nulBytesInHeadersAreErrorsButAllowedInValues() {
    RecordingSink header = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\0b\"", "", "1", "--AaB03x--", ""));
    assertThat(header.errors).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
    assertThat(header.scalars).containsEntry("MULTIPART_INVALID_PART", "1");
    RecordingSink value = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "1\0" + "2", "--AaB03x--", ""));
    assertThat(value.arguments).containsExactly("a=1\0" + "2");
  }

  @Test
  void malformedBoundaryLinesStopParsing() {
    RecordingSink trailing = run(CT, lines("--AaB03x ", "Content-Disposition: form-data; name=\"a\"", "", "1", "--AaB03x--", ""));
    assertThat(trailing.errors).containsExactly("Multipart parsing error: Multipart: No boundaries found in payload.");
    assertThat(flags(trailing)).isEqualTo("SE UB0");
    RecordingSink longer = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "1", "--AaB03xyz", "--AaB03x--", ""));
    assertThat(longer.errors).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
    assertThat(flags(longer)).isEqualTo("SE UB2");
    assertThat(longer.arguments).isEmpty();
    RecordingSink quoted = run("multipart/form-data; boundary=\"AaB03x\"", lines("--\"AaB03x\"", "x", "--AaB03x--", ""));
    assertThat(flags(quoted)).isEqualTo("SE BQ UB0");
    RecordingSink spaced = run(CT, lines("-- AaB03x", "x", "--AaB03x--", ""));
    assertThat(flags(spaced)).isEqualTo("SE UB0");
  }

  @Test
  void lookalikeBoundariesInValuesAreFlaggedUnmatched() {
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "v --AaB03x x", "--AaB03y", "--AaB03x", "Content-Disposition: form-data; name=\"b\"", "", "x", "--AaB03x--", ""));
    assertThat(sink.arguments).containsExactly("a=v --AaB03x x--AaB03y", "b=x");
    RecordingSink onlyFirst = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", "v --AaB03x x", "--AaB03x--"));
    assertThat(onlyFirst.scalars).containsEntry("MULTIPART_UNMATCHED_BOUNDARY", "1");
  }

  @Test
  void fileSizesCountInnerLineBreaksButNotTheLastOne() {
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"", "", "12345", "--AaB03x", "Content-Disposition: form-data; name=\"g\"; filename=\"b.txt\"", "", "abc", "def", "--AaB03x--", ""));
    assertThat(sink.collection("FILES_SIZES")).containsExactly("f=5", "g=8");
    assertThat(sink.scalars).containsEntry("FILES_COMBINED_SIZE", "13");
    assertThat(sink.arguments).isEmpty();
  }

  @Test
  void longLinesAreChunkedAndLongHeadersRejected() {
    String big = "x".repeat(10_000);
    RecordingSink value = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", big, "--AaB03x--", ""));
    assertThat(value.arguments).containsExactly("a=" + big);
    RecordingSink header = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"" + big + "\"", "", "1", "--AaB03x--", ""));
    assertThat(header.errors).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
    assertThat(header.scalars).containsEntry("MULTIPART_STRICT_ERROR", "1");
  }

  @Test
  void truncatedBodiesAreErrors() {
    for (int cut = 1; cut < STANDARD.length() - 2; cut += 7) {
      RecordingSink sink = run(CT, STANDARD.substring(0, cut));
      assertThat(sink.errors).as("cut at %d", cut).hasSize(1);
      assertThat(sink.arguments).isEmpty();
    }
  }

  @Test
  void manyPartsAreAllReported() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      body.append("--AaB03x\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\n").append(i).append("\r\n");
    }
    body.append("--AaB03x--\r\n");
    RecordingSink sink = run(CT, body.toString());
    assertThat(sink.arguments).hasSize(5000);
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void longBoundariesAndAdversarialLinesStayFast() {
    String boundary = "a".repeat(900);
    String line = ("--" + "a".repeat(899) + "b").repeat(4);
    String body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + (line + "\r\n").repeat(250) + "--" + boundary + "--\r\n");
    long start = System.nanoTime();
    RecordingSink sink = run("multipart/form-data; boundary=" + boundary, body);
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    assertThat(sink.errors).isEmpty();
    assertThat(sink.arguments).hasSize(1);
  }

  @Test
  void partHeaderNamesAreCaseInsensitiveButFormDataIsNot() {
    for (String header : new String[] {"content-disposition", "CONTENT-DISPOSITION"}) {
      RecordingSink sink = run(CT, lines("--AaB03x", header + ": form-data; name=\"a\"", "", "1", "--AaB03x--", ""));
      assertThat(sink.arguments).as(header).containsExactly("a=1");
      assertThat(sink.errors).as(header).isEmpty();
    }
    RecordingSink upper = run(CT, lines("--AaB03x", "Content-Disposition: Form-Data; name=\"a\"", "", "1", "--AaB03x--", ""));
    assertThat(upper.errors).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
  }

  @Test
  void aFilenameParameterNotSpelledFilenameEqualsIsRejected() {
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"; filename =\"x\"", "", "1", "--AaB03x--", ""));
    assertThat(sink.errors).containsExactly("Multipart parsing error: Multipart: Final boundary missing.");
    assertThat(sink.collection("FILES")).isEmpty();
  }

  @Test
  void aCarriageReturnIsNeverTheLastByteOfTheLineBuffer() {
    String value = "x".repeat(MultipartParser.BUFFER_SIZE - 1);
    RecordingSink sink = run(CT, lines("--AaB03x", "Content-Disposition: form-data; name=\"a\"", "", value, "--AaB03x--", ""));
    assertThat(sink.errors).isEmpty();
    assertThat(sink.arguments).containsExactly("a=" + value);
  }
}
