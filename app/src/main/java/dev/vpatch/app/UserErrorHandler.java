package dev.vpatch.app;

import dev.vpatch.patches.PatchStateException;
import dev.vpatch.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Errors a user can act on (bad arguments, refused lifecycle steps, database problems) print one
 * line and exit 1; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) throws Exception {
    if (e instanceof IllegalArgumentException || e instanceof PatchStateException || e instanceof StoreException
        || e instanceof IllegalStateException || e instanceof UnsupportedOperationException) {
      command.getErr().println("vpatch " + command.getCommandName() + ": " + e.getMessage());
      return 1;
    }
    throw e;
  }
}
