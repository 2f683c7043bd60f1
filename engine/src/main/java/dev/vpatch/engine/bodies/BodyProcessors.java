package dev.vpatch.engine.bodies;

import dev.vpatch.engine.bodies.json.JsonProcessor;
import dev.vpatch.engine.bodies.multipart.MultipartProcessor;
import dev.vpatch.engine.bodies.xml.XmlProcessor;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The registry of request body processors by name (URLENCODED, MULTIPART, JSON, XML). */
public final class BodyProcessors {
  private static final Map<String, BodyProcessor> BY_NAME = new TreeMap<>();

  static {
    register(new UrlEncodedProcessor());
    register(new MultipartProcessor());
    register(new JsonProcessor());
    register(new XmlProcessor());
  }

  private BodyProcessors() {}

  private static void register(BodyProcessor processor) {
    BY_NAME.put(processor.name().toUpperCase(Locale.ROOT), processor);
  }

  /** The processor named {@code name}, or null. */
  public static BodyProcessor lookup(String name) {
    return BY_NAME.get(name.toUpperCase(Locale.ROOT));
  }
}
