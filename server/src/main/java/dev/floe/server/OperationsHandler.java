package dev.floe.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /_floe/health} (the process is up), {@code /_floe/ready} (the backing store answers) and
 * {@code /_floe/metrics} (Prometheus text). They are unauthenticated so load balancers and
 * scrapers need no credentials; they reveal no data.
 */
final class OperationsHandler extends Handler.Abstract {
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier storeReachable;

  OperationsHandler(PrometheusMeterRegistry registry, BooleanSupplier storeReachable) {
    this.registry = registry;
    this.storeReachable = storeReachable;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (!read) {
      return reply(request, response, callback, 405, "application/json", json("method not allowed"));
    }
    return switch (path) {
      case "/_floe/health" -> reply(request, response, callback, 200, "application/json", json("ok"));
      case "/_floe/ready" ->
          storeReachable.getAsBoolean()
              ? reply(request, response, callback, 200, "application/json", json("ready"))
              : reply(request, response, callback, 503, "application/json", json("backing store unreachable"));
      case "/_floe/metrics" ->
          reply(request, response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
      default -> reply(request, response, callback, 404, "application/json", json("no such endpoint"));
    };
  }

  private static String json(String status) {
    return "{\"status\":\"" + status + "\"}";
  }

  private static boolean reply(
      Request request, Response response, Callback callback, int status, String type, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, "HEAD".equals(request.getMethod()) ? null : ByteBuffer.wrap(bytes), callback);
    return true;
  }
}
