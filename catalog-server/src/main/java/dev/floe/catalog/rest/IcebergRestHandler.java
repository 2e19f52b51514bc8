package dev.floe.catalog.rest;

import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Principal;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.identity.Authorizer;
import dev.floe.auth.session.SessionCredentials;
import dev.floe.catalog.warehouse.CommitKey;
import dev.floe.catalog.warehouse.FloeCatalog;
import dev.floe.catalog.warehouse.IdempotencyKeyTakenException;
import dev.floe.catalog.warehouse.Warehouses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * The Iceberg REST catalog under {@code /_iceberg}: reads the (bounded) body, authenticates (SigV4
 * or a bearer token), routes, authorizes (see {@link RouteAuthorization}), applies Idempotency-Key
 * semantics, and writes the JSON answer. Everything protocol-shaped happens here; what a route
 * does lives in the endpoint classes.
 */
public final class IcebergRestHandler extends Handler.Abstract {
  /** Path prefix under which the catalog is served. */
  public static final String PATH_PREFIX = "/_iceberg";

  private final CatalogAuthentication authentication;
  private final CatalogAuthorization authorization;
  private final CatalogDispatcher dispatcher;
  private final IdempotencyKeys idempotency;
  private final Warehouses warehouses;
  private final long maxBodyBytes;
  private final MeterRegistry meters;

  public IcebergRestHandler(
      Warehouses warehouses,
      CatalogAuthentication authentication,
      Authorizer authorizer,
      SessionCredentials sessions,
      CatalogSettings settings,
      MeterRegistry meters) {
    this.authentication = authentication;
    this.authorization = new CatalogAuthorization(authorizer, warehouses, settings.clock());
    this.dispatcher =
        new CatalogDispatcher(
            warehouses,
            settings.idempotencyLifetime(),
            new TableDataAccess(authorization, sessions, settings.vendedCredentialsLifetime()));
    this.idempotency =
        new IdempotencyKeys(
            settings.store(),
            settings.systemBucket(),
            settings.idempotencyLifetime(),
            settings.clock(),
            warehouses);
    this.warehouses = warehouses;
    this.maxBodyBytes = settings.maxBodyBytes();
    this.meters = meters;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Timer.Sample timing = Timer.start(meters);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String rawPath = request.getHttpURI().getPath();
    List<String> segments = PathSegments.split(rawPath.substring(PATH_PREFIX.length()));
    Optional<RouteMatch> match = Optional.empty();
    CatalogResponse answer;
    try {
      byte[] body = readBody(request);
      Principal principal = authentication.authenticate(signedRequest(request), body);
      request.setAttribute(Principal.REQUEST_ATTRIBUTE, principal);
      match = Route.match(method, segments);
      answer =
          match.isPresent()
              ? authorizeAndServe(
                  new CatalogRequest(
                      match.get(),
                      query(request),
                      headers(request),
                      body,
                      principal,
                      Request.getRemoteAddr(request),
                      request.isSecure(),
                      new RequestTables()))
              : noRoute(method, rawPath, segments);
    } catch (AuthenticationException e) {
      answer = error(IcebergErrors.forAuthentication(e));
    } catch (RuntimeException | LinkageError e) {
      answer = error(IcebergErrors.forException(e));
    }
    timing.stop(
        meters.timer(
            "floe.catalog.requests",
            "route",
            match.map(m -> m.route().name()).orElse("NONE"),
            "status",
            String.valueOf(answer.status())));
    write(request, response, callback, answer);
    return true;
  }

  private CatalogResponse authorizeAndServe(CatalogRequest request) {
    authorization.authorize(request);
    return serve(request);
  }

  private CatalogResponse serve(CatalogRequest request) {
    Optional<String> key = request.header(org.apache.iceberg.rest.RESTUtil.IDEMPOTENCY_KEY_HEADER);
    if (key.isEmpty() || !request.route().mutates()) {
      return dispatchSafely(request);
    }
    String fingerprint =
        request.route().name()
            + ' '
            + request.match().variables()
            + ' '
            + IdempotencyKeys.sha256Hex(request.body());
    if (request.route() == Route.UPDATE_TABLE) {
      return serveTableCommit(request, key.get(), fingerprint, TableEndpoints::update);
    }
    boolean delegates = request.header(AccessDelegation.HEADER).isPresent();
    if (request.route() == Route.CREATE_TABLE && !delegates) {
      return serveTableCommit(request, key.get(), fingerprint, TableEndpoints::create);
    }
    IdempotencyKeys.Outcome outcome =
        idempotency.begin(request.principal().accessKeyId(), key.get(), fingerprint);
    if (!(outcome instanceof IdempotencyKeys.Claimed claim)) {
      return replay(outcome, request);
    }
    CatalogResponse answer = dispatchSafely(request);
    if (isFinal(answer.status())) {
      idempotency.complete(claim, fingerprint, answer);
    } else {
      idempotency.release(claim);
    }
    return answer;
  }

  /**
   * A table commit or create under an Idempotency-Key. The commit itself claims the key, beside its
   * metadata write, and its pointer swap records the success (see {@link IdempotencyKeys}); here
   * only a final error is recorded or the key released. It goes to the endpoint directly, not
   * through the dispatcher, to hand it the key; so a create asking for access delegation, whose
   * answer the dispatcher completes, takes the general path instead.
   */
  private CatalogResponse serveTableCommit(
      CatalogRequest request, String key, String fingerprint, KeyedEndpoint endpoint) {
    String warehouse = request.pathVariable("prefix");
    IdempotencyKeys.TableCommitKey commitKey =
        idempotency.forTableCommit(request.principal().accessKeyId(), key, fingerprint, warehouse);
    CatalogResponse answer;
    try {
      answer = endpoint.serve(warehouses.catalog(warehouse), request, commitKey);
    } catch (IdempotencyKeyTakenException taken) {
      return replay(idempotency.resolve(commitKey), request);
    } catch (RuntimeException | LinkageError e) {
      answer = error(IcebergErrors.forException(e));
    }
    if (commitKey.claimed() && !isFinal(answer.status())) {
      commitKey.release();
    } else if (commitKey.claimed() && answer.status() >= 400) {
      commitKey.completeWithError(answer);
    }
    return answer;
  }

  /** A table route that takes its request's Idempotency-Key into its commit. */
  @FunctionalInterface
  private interface KeyedEndpoint {
    CatalogResponse serve(FloeCatalog catalog, CatalogRequest request, CommitKey key);
  }

  /** The answer for a key an earlier request holds. */
  private CatalogResponse replay(IdempotencyKeys.Outcome outcome, CatalogRequest request) {
    if (outcome instanceof IdempotencyKeys.Replay replay) {
      return replay.response();
    }
    if (outcome instanceof IdempotencyKeys.ReplayCommit commit) {
      try {
        FloeCatalog catalog = warehouses.catalog(commit.warehouse());
        return TableEndpoints.committed(
            catalog, catalog.tableMetadata(commit.metadataLocation()), request);
      } catch (RuntimeException e) {
        return error(IcebergErrors.forException(e));
      }
    }
    if (outcome instanceof IdempotencyKeys.Mismatch) {
      return error(
          IcebergErrors.of(
              422,
              "UnprocessableEntityException",
              "This Idempotency-Key was already used for a different request"));
    }
    return error(
        IcebergErrors.of(
            409, "CommitFailedException", "A request with this Idempotency-Key is in progress"));
  }

  private CatalogResponse dispatchSafely(CatalogRequest request) {
    try {
      return dispatcher.dispatch(request);
    } catch (RuntimeException | LinkageError e) {
      return error(IcebergErrors.forException(e));
    }
  }

  /** Outcomes a retry must see again; auth failures, conflicts and server errors may change. */
  private static boolean isFinal(int status) {
    return (status >= 200 && status < 300)
        || (status >= 400 && status < 500 && status != 401 && status != 403 && status != 408
            && status != 409 && status != 429);
  }

  private static CatalogResponse noRoute(String method, String rawPath, List<String> segments) {
    if (Route.pathExists(segments)) {
      return error(
          IcebergErrors.of(405, "MethodNotAllowedException", method + " is not supported on " + rawPath));
    }
    return error(IcebergErrors.of(404, "NotFoundException", "No such endpoint: " + method + " " + rawPath));
  }

  private static CatalogResponse error(ErrorResponse error) {
    return new CatalogResponse(error.code(), error, Map.of());
  }

  private byte[] readBody(Request request) {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      throw new BadRequestException("Request body of %s bytes exceeds the limit of %s", declared, maxBodyBytes);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw new BadRequestException("Request body exceeds the limit of %s bytes", maxBodyBytes);
      }
      return body;
    } catch (IOException e) {
      throw new BadRequestException("Could not read the request body: %s", e.getMessage());
    }
  }

  private static SignedRequest signedRequest(Request request) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      headers.add(Map.entry(field.getName(), field.getValue()));
    }
    String query = request.getHttpURI().getQuery();
    return new SignedRequest(request.getMethod(), request.getHttpURI().getPath(), query, headers);
  }

  private static Map<String, String> query(Request request) {
    String raw = request.getHttpURI().getQuery();
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    try {
      UrlEncoded.decodeUtf8To(raw, 0, raw.length(), (name, value) -> params.putIfAbsent(name, value));
    } catch (RuntimeException e) {
      throw new BadRequestException("Malformed query string: %s", raw);
    }
    return params;
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> headers = new HashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
    }
    return headers;
  }

  private static void write(Request request, Response response, Callback callback, CatalogResponse answer) {
    response.setStatus(answer.status());
    answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    boolean bodyAllowed =
        answer.body() != null && !"HEAD".equals(request.getMethod()) && answer.status() != 304;
    if (!bodyAllowed) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      response.write(true, null, callback);
      return;
    }
    byte[] json = RestJson.write(answer.body());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
    response.write(true, ByteBuffer.wrap(json), callback);
  }
}
