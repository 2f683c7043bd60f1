package dev.vpatch.engine.operators.regex;

/** A PCRE construct that has no RE2 equivalent (lookaround, backreference...). */
final class UnsupportedPcreException extends Exception {
  UnsupportedPcreException(String construct) {
    super(construct, null, false, false);
  }
}
