package dev.floe.server;

import dev.floe.auth.Principal;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, principal, status, bytes in and out, milliseconds. The
 * query string is left out because presigned URLs carry signatures in it.
 */
final class AccessLog implements RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("floe.access");

  @Override
  public void log(Request request, Response response) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    Object principal = request.getAttribute(Principal.REQUEST_ATTRIBUTE);
    long millis = (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000;
    LOG.info(
        "{} {} principal={} status={} in={} out={} ms={}",
        request.getMethod(),
        request.getHttpURI().getPath(),
        principal instanceof Principal p ? p.name() : "-",
        response.getStatus(),
        Request.getContentBytesRead(request),
        Response.getContentBytesWritten(response),
        millis);
  }
}
