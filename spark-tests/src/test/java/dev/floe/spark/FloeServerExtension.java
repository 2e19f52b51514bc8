package dev.floe.spark;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Runs one {@link FloeProcess} for a test class and, when a test or a set-up step fails, attaches
 * the server's last log lines to the failure: most failures seen from Spark (a 403, a 500, a
 * refused commit) are explained only on the server side.
 */
final class FloeServerExtension
    implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
  private static final int LOG_LINES_ON_FAILURE = 80;

  private FloeProcess floe;

  FloeProcess floe() {
    return floe;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path jar = Path.of(System.getProperty("floe.server.jar", "../server/target/floe-server.jar"));
    Path logs = Path.of(System.getProperty("floe.server.logs", "target"));
    floe = FloeProcess.start(jar, logs.resolve("floe-server-" + context.getRequiredTestClass().getSimpleName() + ".log"));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (floe != null) {
      floe.close();
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withServerLog(failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withServerLog(failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withServerLog(failure);
  }

  private Throwable withServerLog(Throwable failure) {
    if (floe != null) {
      failure.addSuppressed(new ServerLog(floe, LOG_LINES_ON_FAILURE));
    }
    return failure;
  }

  /** The server's log tail, carried as a suppressed exception so that reports print it. */
  static final class ServerLog extends Exception {
    private static final long serialVersionUID = 1L;

    ServerLog(FloeProcess floe, int lines) {
      super("last " + lines + " lines of " + floe.log() + ":\n" + floe.logTail(lines), null, false, false);
    }
  }
}
