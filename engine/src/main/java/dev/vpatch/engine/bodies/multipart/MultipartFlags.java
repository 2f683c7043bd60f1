package dev.vpatch.engine.bodies.multipart;

import dev.vpatch.engine.bodies.BodySink;

/** ModSecurity's multipart strictness flags, reported as MULTIPART_* variables. */
final class MultipartFlags {
  boolean error;
  boolean boundaryQuoted;
  boolean boundaryWhitespace;
  boolean dataBefore;
  boolean dataAfter;
  boolean headerFolding;
  boolean lfLine;
  boolean crlfLine;
  /** 0 none, 1 something looked like our boundary but was not one, 2 a later boundary matched. */
  int unmatchedBoundary;
  boolean missingSemicolon;
  boolean invalidQuoting;
  boolean invalidPart;
  boolean invalidHeaderFolding;
  boolean fileLimitExceeded;

  boolean strictError() {
    return error
        || boundaryQuoted
        || boundaryWhitespace
        || dataBefore
        || dataAfter
        || headerFolding
        || lfLine
        || missingSemicolon
        || invalidQuoting
        || invalidPart
        || invalidHeaderFolding
        || fileLimitExceeded;
  }

  void report(BodySink sink) {
    sink.scalar("MULTIPART_UNMATCHED_BOUNDARY", Integer.toString(unmatchedBoundary));
    sink.scalar("MULTIPART_DATA_BEFORE", bit(dataBefore));
    sink.scalar("MULTIPART_DATA_AFTER", bit(dataAfter));
    sink.scalar("MULTIPART_BOUNDARY_QUOTED", bit(boundaryQuoted));
    sink.scalar("MULTIPART_BOUNDARY_WHITESPACE", bit(boundaryWhitespace));
    sink.scalar("MULTIPART_HEADER_FOLDING", bit(headerFolding));
    sink.scalar("MULTIPART_LF_LINE", bit(lfLine));
    sink.scalar("MULTIPART_CRLF_LF_LINES", bit(crlfLine && lfLine));
    sink.scalar("MULTIPART_MISSING_SEMICOLON", bit(missingSemicolon));
    sink.scalar("MULTIPART_INVALID_QUOTING", bit(invalidQuoting));
    sink.scalar("MULTIPART_INVALID_PART", bit(invalidPart));
    sink.scalar("MULTIPART_INVALID_HEADER_FOLDING", bit(invalidHeaderFolding));
    sink.scalar("MULTIPART_FILE_LIMIT_EXCEEDED", bit(fileLimitExceeded));
    sink.scalar("MULTIPART_STRICT_ERROR", bit(strictError()));
  }

  private static String bit(boolean flag) {
    return flag ? "1" : "0";
  }
}
