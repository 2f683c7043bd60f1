package dev.vpatch.ftw.run;

import dev.vpatch.ftw.model.StageInput;

/**
 * Where a stage's request goes: the engine in-process ({@link InProcessTarget}) or a server over a
 * socket ({@link WireTarget}). Implementations used with more than one runner thread must be
 * thread-safe.
 */
public interface StageTarget {
  /**
   * Sends the raw request bytes built for {@code input} and reports what came back.
   *
   * @param input the stage input (for its destination and for targets that need more context)
   * @param request the exact bytes to send
   */
  StageOutcome send(StageInput input, byte[] request);
}
