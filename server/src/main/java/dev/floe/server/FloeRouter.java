package dev.floe.server;

import dev.floe.catalog.rest.IcebergRestHandler;
import dev.floe.catalog.rest.OAuthTokenHandler;
import dev.floe.server.admin.AdminHandler;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Splits the one port by the raw request path: the Iceberg catalog under {@code /_iceberg} (its
 * OAuth2 token endpoint, which needs no signature, apart), the
 * admin API under {@code /_floe/v1/admin}, Floe's own operations API elsewhere under {@code
 * /_floe}, and S3 for everything else.
 * The raw path is used on purpose: S3 keys may contain {@code ..} and {@code //}, and a
 * normalized path must never move a request from one API to another.
 *
 * <p>As a real container its children get the server and lifecycle, and Jetty learns from them
 * that handling blocks (bodies are read synchronously), so it never runs a request on the
 * selector thread.
 */
final class FloeRouter extends Handler.AbstractContainer {
  private static final String OPERATIONS_PREFIX = "/_floe";

  private final Handler catalog;
  private final Handler oauth;
  private final Handler admin;
  private final Handler operations;
  private final Handler s3;

  FloeRouter(Handler catalog, Handler oauth, Handler admin, Handler operations, Handler s3) {
    super(false);
    this.catalog = catalog;
    this.oauth = oauth;
    this.admin = admin;
    this.operations = operations;
    this.s3 = s3;
    addBean(catalog, true);
    addBean(oauth, true);
    addBean(admin, true);
    addBean(operations, true);
    addBean(s3, true);
  }

  @Override
  public List<Handler> getHandlers() {
    return List.of(catalog, oauth, admin, operations, s3);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (OAuthTokenHandler.serves(path)) {
      return oauth.handle(request, response, callback);
    }
    if (isUnder(path, IcebergRestHandler.PATH_PREFIX)) {
      return catalog.handle(request, response, callback);
    }
    if (AdminHandler.serves(path)) {
      return admin.handle(request, response, callback);
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
