package dev.vpatch.engine.injection;

/** What an {@link HtmlTokenizer} token is. */
enum HtmlTokenType {
  TEXT,
  /** The name in {@code <name}. */
  TAG_OPEN,
  /** The {@code >} that ends a start tag. */
  TAG_END,
  /** The {@code />} that ends a self-closing start tag. */
  TAG_SELF_CLOSE,
  /** The name in {@code </name>}. */
  TAG_CLOSE,
  ATTRIBUTE_NAME,
  ATTRIBUTE_VALUE,
  /** The body of {@code <!-- -->}, {@code <? >}, {@code <% %>} and other bogus comments. */
  COMMENT,
  DOCTYPE
}
