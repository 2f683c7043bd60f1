package dev.vpatch.engine.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends audit records to a file, one JSON object per line (SecAuditLog, serial). */
public final class AuditFileSink implements AuditSink, AutoCloseable {
  private final Path path;
  private OutputStream out;

  public AuditFileSink(Path path) {
    this.path = path;
  }

  @Override
  public synchronized void write(String jsonLine) {
    try {
      if (out == null) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      out.write((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write audit log " + path, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) out.close();
  }
}
