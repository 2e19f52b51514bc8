package dev.floe.server;

import dev.floe.catalog.rest.IcebergRestHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Splits the one port three ways by the raw request path: the Iceberg catalog under
 * {@code /_iceberg}, Floe's own operations API under {@code /_floe}, and S3 for everything else.
 * The raw path is used on purpose: S3 keys may contain {@code ..} and {@code //}, and a
 * normalized path must never move a request from one API to another.
 */
final class FloeRouter extends Handler.Wrapper {
  private static final String OPERATIONS_PREFIX = "/_floe";

  private final Handler catalog;
  private final Handler operations;
  private final Handler s3;

  FloeRouter(Handler catalog, Handler operations, Handler s3) {
    this.catalog = catalog;
    this.operations = operations;
    this.s3 = s3;
    installBean(catalog);
    installBean(operations);
    installBean(s3);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (isUnder(path, IcebergRestHandler.PATH_PREFIX)) {
      return catalog.handle(request, response, callback);
    }
    if (isUnder(path, OPERATIONS_PREFIX)) {
      return operations.handle(request, response, callback);
    }
    return s3.handle(request, response, callback);
  }

  private static boolean isUnder(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
