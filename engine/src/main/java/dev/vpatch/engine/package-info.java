/**
 * The vpatch WAF engine: SecLang in, verdicts out.
 *
 * <p><b>Byte strings.</b> ModSecurity inspects bytes, not characters. Every value the engine
 * handles (URIs, arguments, headers, bodies, rule patterns read from files) is a <em>byte
 * string</em>: a {@link java.lang.String} whose chars are all in 0x00–0xFF, one char per byte, as
 * decoded with ISO-8859-1. Transformations and operators keep that invariant, so lengths are byte
 * counts and regular expressions match bytes exactly like PCRE without UTF mode. Convert at the
 * edges only: {@link dev.vpatch.engine.ByteStrings}.
 */
package dev.vpatch.engine;
