package dev.vpatch.engine.bodies;

/**
 * What a body processor needs to know about the request and the engine's limits.
 *
 * @param contentType the request's Content-Type header value (byte string), or null
 * @param argumentSeparator SecArgumentSeparator (default {@code &})
 * @param argumentsLimit SecArgumentsLimit: arguments beyond it are not added and are an error
 * @param jsonDepthLimit SecRequestBodyJsonDepthLimit
 */
public record BodyContext(
    String contentType, char argumentSeparator, int argumentsLimit, int jsonDepthLimit) {
  public static BodyContext defaults(String contentType) {
    return new BodyContext(contentType, '&', 1000, 512);
  }
}
