package dev.vpatch.store.model;

/** Where the flaw is: method and path of the endpoint, and the parameter carrying the payload. */
public record Location(String method, String path, String parameter, ParamWhere where) {
  public Location {
    where = where == null ? ParamWhere.UNKNOWN : where;
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(method == null ? "*" : method).append(' ').append(path == null ? "*" : path);
    if (parameter != null && !parameter.isEmpty()) {
      text.append(" [").append(where.label()).append(':').append(parameter).append(']');
    }
    return text.toString();
  }
}
