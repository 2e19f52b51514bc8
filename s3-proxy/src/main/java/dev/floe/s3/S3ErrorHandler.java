package dev.floe.s3;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Renders the errors Jetty raises before any handler runs (an unparseable URI, headers over the
 * size limit, a path escaping the root) as S3 error XML instead of an HTML page, so S3 clients get
 * a body they can parse. Install it with {@code server.setErrorHandler(new S3ErrorHandler())}.
 */
public class S3ErrorHandler extends ErrorHandler {

  /** S3 clients read an error body whatever the method (HEAD responses stay empty regardless). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    S3ErrorResponses.send(request, response, callback, errorFor(code, message), RequestIds.next());
  }

  static S3Error errorFor(int status, String reason) {
    String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    return switch (status) {
      case 400 -> new S3Error(400, "InvalidRequest", "Bad request: " + detail);
      case 405 -> S3Error.methodNotAllowed();
      case 408 -> new S3Error(408, "RequestTimeout", "Your socket connection to the server was "
          + "not read from or written to within the timeout period.");
      case 411 -> new S3Error(411, "MissingContentLength",
          "You must provide the Content-Length HTTP header.");
      case 413 -> new S3Error(413, "EntityTooLarge",
          "Your proposed upload exceeds the maximum allowed size.");
      case 414 -> S3Error.invalidUri("The request URI is too long.");
      case 431 -> new S3Error(431, "RequestHeaderSectionTooLarge",
          "Your request header section exceeds the maximum allowed size.");
      case 503 -> S3Error.serviceUnavailable();
      default -> status >= 500
          ? S3Error.internalError()
          : new S3Error(status, "InvalidRequest", detail);
    };
  }
}
