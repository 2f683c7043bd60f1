package dev.vpatch.engine.audit;

/** Receives one audit log record (a JSON object on one line, no trailing newline). Thread-safe. */
@FunctionalInterface
public interface AuditSink {
  void write(String jsonLine);
}
