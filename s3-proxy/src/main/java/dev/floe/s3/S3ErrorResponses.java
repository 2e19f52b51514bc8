package dev.floe.s3;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes an error Floe itself produces as an S3 error response. */
final class S3ErrorResponses {

  static final String REQUEST_ID_HEADER = "x-amz-request-id";

  private S3ErrorResponses() {}

  static void send(
      Request request, Response response, Callback callback, S3Error error, String requestId) {
    response.setStatus(error.status());
    response.getHeaders().put(REQUEST_ID_HEADER, requestId);
    if (HttpMethod.HEAD.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      response.write(true, null, callback);
      return;
    }
    byte[] body = S3ErrorXml.render(error, request.getHttpURI().getPath(), requestId);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, S3ErrorXml.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
