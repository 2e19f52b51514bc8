package dev.floe.s3;

import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Principal;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.sigv4.S3Authentication;
import dev.floe.auth.sigv4.S3RequestVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The S3 API on Floe's port: authenticate → classify → check → forward.
 *
 * <p>Every request is verified with SigV4 against Floe's credentials, resolved to a bucket and key
 * (path-style or virtual-hosted), classified as an {@link S3Operation}, passed through the
 * configured {@link S3AccessCheck}s and then streamed to the backing store, re-signed with the
 * backend's keys. The backend's answer streams back unchanged except where it would reveal the
 * backend. Refusals are S3 error documents with the status of their cause.
 *
 * <p>The handler owns the HTTP client it forwards with; it starts and stops with the handler. The
 * server connector must use {@link S3UriCompliance#S3} so that keys reach the handler raw.
 *
 * <p>For the server's request log, the handler leaves the authenticated principal in the request
 * attribute {@link #PRINCIPAL_ATTRIBUTE} and the classified request in {@link #REQUEST_ATTRIBUTE}.
 */
public final class S3ProxyHandler extends Handler.Abstract {

  /** Request attribute holding the {@link dev.floe.auth.Principal} once authenticated. */
  public static final String PRINCIPAL_ATTRIBUTE = Principal.REQUEST_ATTRIBUTE;

  /** Request attribute holding the {@link S3Request} once classified. */
  public static final String REQUEST_ATTRIBUTE = "dev.floe.s3.request";

  private static final Duration BACKEND_IDLE_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration BACKEND_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int BACKEND_CONNECTIONS = 256;
  // Object bodies stream through these: the larger they are, the fewer reads, writes and
  // hand-offs between the backend connection and the client's per byte. 64 KiB is the largest
  // size Jetty's default buffer pool keeps for reuse.
  private static final int BACKEND_RESPONSE_BUFFER = 64 * 1024;

  private final S3RequestVerifier verifier;
  private final S3ProxyOptions options;
  private final S3Addressing addressing;
  private final ProxyContext context;
  private final ExistingObjectCheck existingObjects;

  public S3ProxyHandler(S3RequestVerifier verifier, BackendTarget backend, S3ProxyOptions options) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.options = Objects.requireNonNull(options, "options");
    this.addressing = new S3Addressing(options.virtualHostDomain());
    HttpClient client = backendClient();
    addBean(client);
    this.context =
        new ProxyContext(
            new Backend(backend, client),
            new ReturnedResponseHeaders(backend),
            new BackendErrorSanitizer(backend),
            new ProxyMetrics(options.meters()));
    this.existingObjects = new ExistingObjectCheck(context.backend());
  }

  private static HttpClient backendClient() {
    HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP();
    // Every response listener of an exchange only hands bytes on asynchronously (to the client's
    // response or to a bounded in-memory read), so Jetty may run them on the thread that read the
    // backend's bytes instead of dispatching each event to another thread first.
    transport.setInvocationType(InvocationType.NON_BLOCKING);
    HttpClient client = new HttpClient(transport);
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("floe-s3-backend");
    client.setExecutor(threads);
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    client.setDefaultRequestContentType(null);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setIdleTimeout(BACKEND_IDLE_TIMEOUT.toMillis());
    client.setConnectTimeout(BACKEND_CONNECT_TIMEOUT.toMillis());
    client.setMaxConnectionsPerDestination(BACKEND_CONNECTIONS);
    client.setResponseBufferSize(BACKEND_RESPONSE_BUFFER);
    // The proxy passes bodies and status codes through as they are: no transparent
    // decompression, no following of 100/401/redirect protocol steps on the client's behalf.
    client.getContentDecoderFactories().clear();
    client.getProtocolHandlers().clear();
    return client;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String requestId = RequestIds.next();
    S3Authentication authentication;
    try {
      authentication = verifier.authenticate(signedRequest(request));
    } catch (AuthenticationException e) {
      refuse(request, response, callback, S3Error.of(e.failure(), e.getMessage()), null,
          requestId, start);
      return true;
    }
    request.setAttribute(PRINCIPAL_ATTRIBUTE, authentication.principal());
    S3Request s3Request = null;
    try {
      S3Address address =
          addressing.resolve(request.getHttpURI().getHost(), request.getHttpURI().getPath());
      S3QueryString query = S3QueryString.parse(request.getHttpURI().getQuery())
          .withoutPresignedAuth();
      s3Request =
          S3RequestClassifier.classify(request.getMethod(), address, query, headers(request))
              .from(Request.getRemoteAddr(request), request.isSecure());
      DeleteObjectsBody deletion = null;
      if (s3Request.operation() == S3Operation.DeleteObjects && !authentication.principal().unrestricted()) {
        deletion = DeleteObjectsBody.read(authentication.verifiedBody(Content.Source.asInputStream(request)));
        s3Request = s3Request.withBodyObjects(deletion.objects());
      }
      request.setAttribute(REQUEST_ATTRIBUTE, s3Request);
      for (S3AccessCheck check : options.checks()) {
        check.check(authentication.principal(), s3Request);
      }
      boolean createOnly = options.createOnly().appliesTo(s3Request);
      if (createOnly && checkedForExistingObject(s3Request.operation())) {
        try {
          existingObjects.refuseIfExists(address);
        } catch (S3AccessDeniedException overwrite) {
          options.createOnly().refusedOverwrite();
          throw overwrite;
        }
      }
      ProxyExchange exchange =
          new ProxyExchange(
              request, response, callback, s3Request, address, query, authentication, context,
              requestId, start, createOnly);
      if (deletion == null) {
        exchange.run();
      } else {
        exchange.run(deletion.bytes());
      }
    } catch (S3ErrorException e) {
      refuse(request, response, callback, e.error(), s3Request, requestId, start);
    }
    return true;
  }

  /**
   * The create-only writes whose destination is checked before forwarding: the store may ignore
   * {@code If-None-Match} on them (S3Proxy does on copies). The check and the write are not one
   * atomic step; where the store honours the condition it closes the remaining window.
   */
  private static boolean checkedForExistingObject(S3Operation operation) {
    return operation == S3Operation.CopyObject
        || operation == S3Operation.CompleteMultipartUpload;
  }

  private void refuse(
      Request request,
      Response response,
      Callback callback,
      S3Error error,
      S3Request s3Request,
      String requestId,
      long start) {
    context.metrics().refused(error.code());
    String operation = s3Request == null ? ProxyMetrics.UNCLASSIFIED : s3Request.operation().name();
    S3ErrorResponses.send(
        request,
        response,
        Callback.from(
            () -> context.metrics().completed(operation, error.status(),
                System.nanoTime() - start, 0, 0),
            callback),
        error,
        requestId);
  }

  private static SignedRequest signedRequest(Request request) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      headers.add(Map.entry(field.getName(), field.getValue() == null ? "" : field.getValue()));
    }
    return new SignedRequest(
        request.getMethod(),
        request.getHttpURI().getPath(),
        request.getHttpURI().getQuery(),
        headers);
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      String value = field.getValue() == null ? "" : field.getValue();
      headers.merge(field.getLowerCaseName(), value, (first, next) -> first + "," + next);
    }
    return headers;
  }
}
