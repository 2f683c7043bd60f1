package dev.vpatch.proxy.observe;

import dev.vpatch.engine.audit.AuditSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends one JSON document per line to a file; thread-safe, each line flushed whole. */
public final class JsonLinesFile implements AuditSink, AutoCloseable {
  private final Path path;
  private final OutputStream out;

  public JsonLinesFile(Path path) {
    this.path = path;
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path + " for appending: " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public synchronized void write(String jsonLine) {
    byte[] bytes = (jsonLine + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
