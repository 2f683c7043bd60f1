package dev.vpatch.engine.bodies;

/**
 * What a body processor needs to know about the request and the engine's limits.
 *
 * @param contentType the request's Content-Type header value (byte string), or null
 * @param argumentSeparator SecArgumentSeparator (default {@code &})
 * @param argumentsLimit how many arguments the body may still add: ModSecurity counts SecArgumentsLimit
 *     over all of ARGS, so pass the limit minus the query string's arguments. Beyond it URLENCODED
 *     drops arguments silently and JSON stops with an error; MULTIPART ignores it, as ModSecurity
 *     does
 * @param jsonDepthLimit SecRequestBodyJsonDepthLimit
 */
public record BodyContext(
    String contentType, char argumentSeparator, int argumentsLimit, int jsonDepthLimit) {
  public static BodyContext defaults(String contentType) {
    return new BodyContext(contentType, '&', 1000, 512);
  }
}
