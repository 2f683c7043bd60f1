package dev.vpatch.engine.bodies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/** A sink that remembers everything, as "name=value" / "VAR:key=value" strings. */
public final class RecordingSink implements BodySink {
  public final List<String> arguments = new ArrayList<>();
  /** The arguments that are not for ARGS_POST (a subset of {@link #arguments}). */
  public final List<String> notInPost = new ArrayList<>();
  public final List<String> collections = new ArrayList<>();
  public final Map<String, String> scalars = new LinkedHashMap<>();
  public final List<String> errors = new ArrayList<>();
  public Document document;

  @Override
  public void argument(String name, String value) {
    arguments.add(name + "=" + value);
  }

  @Override
  public void argumentNotInPost(String name, String value) {
    notInPost.add(name + "=" + value);
    argument(name, value);
  }

  @Override
  public void collection(String variable, String key, String value) {
    collections.add(variable + ":" + key + "=" + value);
  }

  @Override
  public void scalar(String variable, String value) {
    scalars.put(variable, value);
  }

  @Override
  public void error(String message) {
    errors.add(message);
  }

  @Override
  public void xml(Document document) {
    this.document = document;
  }

  /** The collection entries of one variable, as "key=value". */
  public List<String> collection(String variable) {
    List<String> entries = new ArrayList<>();
    for (String entry : collections) {
      if (entry.startsWith(variable + ":")) {
        entries.add(entry.substring(variable.length() + 1));
      }
    }
    return entries;
  }
}
