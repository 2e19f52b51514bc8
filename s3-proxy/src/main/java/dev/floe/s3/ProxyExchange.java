package dev.floe.s3;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.sigv4.BodyVerificationException;
import dev.floe.auth.sigv4.PayloadMode;
import dev.floe.auth.sigv4.S3Authentication;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.OutputStreamRequestContent;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated, classified and checked request on its way to the backend and back.
 *
 * <p>The request body is pumped on the handler thread from the verified body stream into the
 * backend request, one buffer at a time, so memory stays bounded and a slow side slows the other.
 * The verified stream withholds the body's last byte until every end-of-body check passed and the
 * backend request announces the exact decoded length, so when verification fails the backend
 * request is aborted one byte short and the backend never stores the object.
 *
 * <p>The response streams back unchanged, except error documents and CompleteMultipartUpload
 * results, which are small, read whole and rewritten so they never name the backend.
 *
 * <p>Whichever side answers first owns the client response: an early backend response (a 404
 * while the body is still arriving) or Floe's own refusal of a body that failed verification.
 */
final class ProxyExchange {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyExchange.class);

  private static final int PUMP_BUFFER = 128 * 1024;
  private static final int MAX_INSPECTED_BODY = 256 * 1024;
  private static final String CONTENT_SHA256 = "x-amz-content-sha256";
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final Request clientRequest;
  private final Response clientResponse;
  private final Callback callback;
  private final S3Request s3Request;
  private final S3Address address;
  private final S3QueryString query;
  private final S3Authentication authentication;
  private final ProxyContext context;
  private final String requestId;
  private final long startNanos;
  private final boolean createOnly;

  private final AtomicBoolean responding = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final LongAdder bytesReceived = new LongAdder();
  private final LongAdder bytesSent = new LongAdder();
  private volatile int status;
  private volatile org.eclipse.jetty.client.Request upstream;

  ProxyExchange(
      Request clientRequest,
      Response clientResponse,
      Callback callback,
      S3Request s3Request,
      S3Address address,
      S3QueryString query,
      S3Authentication authentication,
      ProxyContext context,
      String requestId,
      long startNanos,
      boolean createOnly) {
    this.clientRequest = clientRequest;
    this.clientResponse = clientResponse;
    this.callback = callback;
    this.s3Request = s3Request;
    this.address = address;
    this.query = query;
    this.authentication = authentication;
    this.context = context;
    this.requestId = requestId;
    this.startNanos = startNanos;
    this.createOnly = createOnly;
  }

  /** Forwards the request; returns once the body (if any) has been handed to the backend. */
  void run() {
    if (!hasBody()) {
      boolean needsLength = HttpMethod.PUT.is(clientRequest.getMethod())
          || HttpMethod.POST.is(clientRequest.getMethod());
      send(needsLength ? OptionalLong.of(0) : OptionalLong.empty(), null);
      return;
    }
    InputStream verified =
        authentication.verifiedBody(Content.Source.asInputStream(clientRequest));
    OptionalLong length = authentication.decodedContentLength();
    if (length.isPresent() && length.getAsLong() == 0) {
      // Nothing to withhold: the whole (framing-only) body is verified before anything is sent.
      if (drainVerified(verified)) {
        send(OptionalLong.of(0), null);
      }
      return;
    }
    OutputStreamRequestContent content = new OutputStreamRequestContent(null);
    send(length, content);
    pump(verified, content, length);
  }

  /**
   * Forwards the request with a body Floe has already read and verified in full (a DeleteObjects
   * body, read to authorize each key it names).
   */
  void run(byte[] verifiedBody) {
    OutputStreamRequestContent content = new OutputStreamRequestContent(null);
    OptionalLong length = OptionalLong.of(verifiedBody.length);
    send(length, content);
    pump(new ByteArrayInputStream(verifiedBody), content, length);
  }

  private boolean hasBody() {
    return clientRequest.getLength() > 0
        || clientRequest.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  private void send(OptionalLong contentLength, OutputStreamRequestContent content) {
    org.eclipse.jetty.client.Request request =
        context
            .backend()
            .newRequest(
                clientRequest.getMethod(),
                address,
                query,
                forwardedHeaders(),
                contentLength,
                backendPayloadHash());
    if (content != null) {
      request.body(content);
    }
    upstream = request;
    request.send(new BackendResponseListener());
  }

  /**
   * The client's headers, and for a create-only write the condition that makes the store refuse
   * an overwrite (412) in place of whatever conditions the client sent.
   */
  private List<Map.Entry<String, String>> forwardedHeaders() {
    List<Map.Entry<String, String>> headers =
        ForwardedRequestHeaders.of(clientRequest.getHeaders());
    S3Operation operation = s3Request.operation();
    if (!createOnly
        || (operation != S3Operation.PutObject
            && operation != S3Operation.CompleteMultipartUpload)) {
      return headers;
    }
    List<Map.Entry<String, String>> conditional = new ArrayList<>();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey();
      if (!name.equalsIgnoreCase("If-None-Match") && !name.equalsIgnoreCase("If-Match")) {
        conditional.add(header);
      }
    }
    conditional.add(Map.entry("If-None-Match", "*"));
    return conditional;
  }

  /**
   * The client's hex SHA-256 when Floe verifies the body against it, so that the backend checks
   * the bytes it stores as well; for every other kind of body, {@code UNSIGNED-PAYLOAD}.
   */
  private String backendPayloadHash() {
    if (authentication.payloadMode() != PayloadMode.SIGNED) {
      return BackendSigner.UNSIGNED_PAYLOAD;
    }
    String declared = clientRequest.getHeaders().get(CONTENT_SHA256);
    return declared != null && HEX_SHA256.matcher(declared.strip()).matches()
        ? declared.strip().toLowerCase(Locale.ROOT)
        : BackendSigner.UNSIGNED_PAYLOAD;
  }

  private boolean drainVerified(InputStream verified) {
    try (verified) {
      // Framing only: nothing to keep.
      verified.transferTo(OutputStream.nullOutputStream());
      return true;
    } catch (BodyVerificationException e) {
      refuse(S3Error.of(e.failure(), e.getMessage()), e);
    } catch (IOException e) {
      refuse(incompleteBody(), e);
    }
    return false;
  }

  private void pump(InputStream verified, OutputStreamRequestContent content, OptionalLong length) {
    byte[] buffer = new byte[pumpBufferSize(length)];
    OutputStream toBackend = content.getOutputStream();
    try (verified) {
      while (true) {
        int read;
        try {
          // Whole buffers, not whatever one network read brought: each write waits until the
          // backend connection has taken the bytes, so fewer, larger writes mean fewer hand-offs.
          read = verified.readNBytes(buffer, 0, buffer.length);
        } catch (BodyVerificationException e) {
          refuse(S3Error.of(e.failure(), e.getMessage()), e);
          return;
        } catch (IOException e) {
          refuse(incompleteBody(), e);
          return;
        }
        if (read == 0) {
          break;
        }
        toBackend.write(buffer, 0, read);
        bytesReceived.add(read);
      }
      toBackend.close();
    } catch (IOException e) {
      // The backend stopped reading (it answered early or failed); the response listener reports
      // whatever it said, or a generic error if it said nothing.
      LOG.debug("Backend stopped reading the body of {} {}", s3Request.operation(), requestId, e);
    }
  }

  /** A body known to be small gets a buffer of its size. */
  private static int pumpBufferSize(OptionalLong length) {
    return length.isPresent() && length.getAsLong() < PUMP_BUFFER
        ? (int) Math.max(1, length.getAsLong())
        : PUMP_BUFFER;
  }

  private static S3Error incompleteBody() {
    return S3Error.of(
        AuthFailure.INCOMPLETE_BODY,
        "You did not provide the number of bytes specified by the Content-Length HTTP header.");
  }

  /**
   * Answers with Floe's own error and aborts the backend request, unless the backend's response
   * is already on its way (then it stands, and the backend is not reading any more). The client
   * response is claimed before the abort, so the abort's own failure report cannot answer first.
   */
  private void refuse(S3Error error, Throwable cause) {
    if (!responding.compareAndSet(false, true)) {
      return;
    }
    org.eclipse.jetty.client.Request request = upstream;
    if (request != null) {
      request.abort(cause);
    }
    context.metrics().refused(error.code());
    sendError(error);
  }

  private void sendError(S3Error error) {
    status = error.status();
    S3ErrorResponses.send(
        clientRequest, clientResponse, Callback.from(() -> finish(null), this::finish), error,
        requestId);
  }

  private void finish(Throwable failure) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    context
        .metrics()
        .completed(
            s3Request.operation().name(),
            status,
            System.nanoTime() - startNanos,
            bytesReceived.sum(),
            bytesSent.sum());
    if (failure == null) {
      callback.succeeded();
    } else {
      callback.failed(failure);
    }
  }

  private String clientOrigin() {
    HttpURI uri = clientRequest.getHttpURI();
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /** How the backend's response body reaches the client. */
  private enum Delivery {
    /** Unchanged, streamed. */
    STREAM,
    /** An error document, read whole and sanitized. */
    SANITIZE_ERROR,
    /** A CompleteMultipartUpload result, read whole and its Location rewritten. */
    REWRITE_LOCATION,
    /** A body-less failure (HEAD): replaced by a generic status. */
    GENERIC_FAILURE
  }

  private final class BackendResponseListener
      implements org.eclipse.jetty.client.Response.Listener {

    private volatile Delivery delivery;
    private volatile boolean contentSeen;

    @Override
    public void onHeaders(org.eclipse.jetty.client.Response response) {
      if (!responding.compareAndSet(false, true)) {
        response.abort(new CancellationException("Floe already answered the client"));
        return;
      }
      status = response.getStatus();
      delivery = delivery(response.getStatus());
      if (delivery == Delivery.STREAM) {
        clientResponse.setStatus(response.getStatus());
        context
            .responseHeaders()
            .copy(response.getHeaders(), clientResponse.getHeaders(), true, clientOrigin());
      }
    }

    private Delivery delivery(int backendStatus) {
      boolean head = HttpMethod.HEAD.is(clientRequest.getMethod());
      if (backendStatus >= 500) {
        return head ? Delivery.GENERIC_FAILURE : Delivery.SANITIZE_ERROR;
      }
      if (head || backendStatus == 304 || backendStatus == 204) {
        return Delivery.STREAM;
      }
      if (backendStatus >= 300) {
        return Delivery.SANITIZE_ERROR;
      }
      if (s3Request.operation() == S3Operation.CompleteMultipartUpload) {
        return Delivery.REWRITE_LOCATION;
      }
      return Delivery.STREAM;
    }

    @Override
    public void onContentSource(
        org.eclipse.jetty.client.Response response, Content.Source source) {
      if (delivery == null) {
        source.fail(new CancellationException("Floe already answered the client"));
        return;
      }
      contentSeen = true;
      if (delivery == Delivery.STREAM) {
        Content.Sink counted =
            (last, bytes, writeCallback) -> {
              if (bytes != null) {
                bytesSent.add(bytes.remaining());
              }
              clientResponse.write(last, bytes, writeCallback);
            };
        Content.copy(
            source, counted, Callback.from(() -> finish(null), ProxyExchange.this::finish));
        return;
      }
      Content.Source.asByteArrayAsync(
          source,
          MAX_INSPECTED_BODY,
          Promise.Invocable.from(
              InvocationType.NON_BLOCKING,
              body -> deliverInspected(response, body),
              failure -> {
                LOG.warn("Backend response to {} {} could not be read", s3Request.operation(),
                    requestId, failure);
                sendError(S3Error.internalError());
              }));
    }

    @Override
    public void onSuccess(org.eclipse.jetty.client.Response response) {
      if (delivery == null || contentSeen) {
        return;
      }
      if (delivery == Delivery.STREAM) {
        clientResponse.write(
            true, null, Callback.from(() -> finish(null), ProxyExchange.this::finish));
      } else {
        deliverInspected(response, new byte[0]);
      }
    }

    @Override
    public void onComplete(Result result) {
      Throwable responseFailure = result.getResponseFailure();
      if (responseFailure == null && result.getRequestFailure() == null) {
        return;
      }
      if (responding.compareAndSet(false, true)) {
        Throwable failure = result.getFailure();
        LOG.warn("Backend request for {} {} failed: {}", s3Request.operation(), requestId,
            failure.toString());
        sendError(unreachable(failure) ? S3Error.serviceUnavailable() : S3Error.internalError());
      } else if (responseFailure != null && delivery != null) {
        finish(responseFailure);
      }
    }

    private void deliverInspected(org.eclipse.jetty.client.Response response, byte[] body) {
      if (delivery == Delivery.GENERIC_FAILURE) {
        sendError(BackendErrorSanitizer.genericFailure(response.getStatus(), ""));
        return;
      }
      String resource = clientRequest.getHttpURI().getPath();
      String clientHost = clientRequest.getHttpURI().getAuthority();
      byte[] rewritten = null;
      int finalStatus = response.getStatus();
      if (delivery == Delivery.REWRITE_LOCATION) {
        rewritten =
            CompletedUploadRewriter.rewrite(body, clientOrigin() + resource).orElse(null);
      }
      if (rewritten == null) {
        BackendErrorSanitizer.Sanitized sanitized =
            context.errors().sanitize(finalStatus, body, clientHost, resource, requestId);
        finalStatus = sanitized.status();
        rewritten = sanitized.body();
      }
      status = finalStatus;
      clientResponse.setStatus(finalStatus);
      context
          .responseHeaders()
          .copy(response.getHeaders(), clientResponse.getHeaders(), false, clientOrigin());
      clientResponse.getHeaders().put(HttpHeader.CONTENT_TYPE, S3ErrorXml.CONTENT_TYPE);
      clientResponse.getHeaders().put(HttpHeader.CONTENT_LENGTH, rewritten.length);
      bytesSent.add(rewritten.length);
      clientResponse.write(
          true,
          ByteBuffer.wrap(rewritten),
          Callback.from(() -> finish(null), ProxyExchange.this::finish));
    }
  }

  private static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof UnresolvedAddressException
          || cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
