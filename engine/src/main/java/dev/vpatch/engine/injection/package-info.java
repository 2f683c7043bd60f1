/**
 * SQL injection and XSS detection in the manner of libinjection, written for this project:
 * {@link dev.vpatch.engine.injection.SqlInjectionDetector} (tokenize in three quote contexts, fold
 * to a five-token fingerprint, judge it with {@code SqlFingerprintRules}) and {@link
 * dev.vpatch.engine.injection.XssDetector} (an HTML5-style tokenizer started in five states).
 * Both are linear in the input length and keep only a few tokens in memory. They back the
 * {@code @detectSQLi} and {@code @detectXSS} operators.
 */
package dev.vpatch.engine.injection;
