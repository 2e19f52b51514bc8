package dev.floe.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Principal;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.identity.Authorizer;
import dev.floe.auth.identity.IdentityDirectory;
import dev.floe.auth.identity.IdentityException;
import dev.floe.auth.identity.StoredCredentials;
import dev.floe.auth.policy.AuthorizationRequest;
import dev.floe.auth.sigv4.CatalogRequestVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.UrlEncoded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code /_floe/v1/admin}: users, access keys, policies and groups, JSON in and
 * out. Requests are signed with SigV4 exactly like catalog requests (signing name {@code
 * s3tables}), so one client signs for both; root may do everything, anyone else needs the route's
 * {@code floe:Admin…} action (see {@link AdminRoute}). Errors are Iceberg-style error documents, so
 * the same clients read them.
 */
public final class AdminHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CatalogRequestVerifier verifier;
  private final Authorizer authorizer;
  private final StoredCredentials credentials;
  private final AdminOperations operations;
  private final Clock clock;

  public AdminHandler(
      CatalogRequestVerifier verifier,
      StoredCredentials credentials,
      IdentityDirectory directory,
      Clock clock) {
    this.verifier = verifier;
    this.authorizer = new Authorizer(credentials);
    this.credentials = credentials;
    this.operations = new AdminOperations(directory, JSON);
    this.clock = clock;
  }

  /** Whether a raw request path belongs to the admin API. */
  public static boolean serves(String path) {
    return path.startsWith(AdminRoute.PATH_PREFIX);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = 200;
    JsonNode answer;
    try {
      answer = serve(request);
    } catch (AuthenticationException e) {
      status = e.failure().httpStatus();
      answer = error(status, "NotAuthorizedException", e.getMessage());
    } catch (AdminException e) {
      status = e.status();
      answer = error(status, e.type(), e.getMessage());
    } catch (IdentityException e) {
      status = statusOf(e.reason());
      answer = error(status, e.reason().name(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Admin request {} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
      status = 500;
      answer = error(status, "ServiceFailureException", "The server could not complete the request");
    }
    write(response, callback, status, answer);
    return true;
  }

  private JsonNode serve(Request request) throws AuthenticationException {
    byte[] body = readBody(request);
    Principal principal = verifier.verify(signedRequest(request), body);
    request.setAttribute(Principal.REQUEST_ATTRIBUTE, principal);
    String path = request.getHttpURI().getPath();
    String method = request.getMethod();
    AdminRoute.Match match =
        AdminRoute.match(method, segments(path))
            .orElseThrow(() -> new AdminException(404, "NoSuchEndpointException", "No such endpoint: " + method + " " + path));
    String resource = match.route().resource(match.variables());
    AuthorizationRequest asked =
        new AuthorizationRequest(
            match.route().action(),
            resource,
            Authorizer.globalContext(
                principal, Request.getRemoteAddr(request), request.isSecure(), clock.instant()));
    if (!authorizer.isAllowed(principal, asked)) {
      throw new AdminException(
          403,
          "ForbiddenException",
          "Access denied: " + principal.name() + " may not perform " + match.route().action() + " on " + resource);
    }
    JsonNode result = operations.perform(match.route(), match.variables(), document(body), query(request));
    if (!"GET".equals(method)) {
      credentials.invalidateAll();
    }
    return result;
  }

  private static List<String> segments(String path) {
    if (!path.startsWith(AdminRoute.PATH_PREFIX)) {
      return List.of();
    }
    List<String> segments = new ArrayList<>();
    for (String raw : path.substring(AdminRoute.PATH_PREFIX.length()).split("/", -1)) {
      segments.add(URIUtil.decodePath(raw));
    }
    return segments;
  }

  private static JsonNode document(byte[] body) {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw AdminException.badRequest("the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw AdminException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw AdminException.badRequest("the request body cannot be read");
    }
  }

  private static byte[] readBody(Request request) {
    if (request.getLength() > MAX_BODY_BYTES) {
      throw new AdminException(413, "BadRequestException", "request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new AdminException(413, "BadRequestException", "request body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw AdminException.badRequest("could not read the request body");
    }
  }

  private static SignedRequest signedRequest(Request request) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      headers.add(Map.entry(field.getName(), field.getValue()));
    }
    return new SignedRequest(
        request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(), headers);
  }

  private static Map<String, String> query(Request request) {
    String raw = request.getHttpURI().getQuery();
    Map<String, String> params = new HashMap<>();
    if (raw != null && !raw.isEmpty()) {
      try {
        UrlEncoded.decodeUtf8To(raw, 0, raw.length(), params::putIfAbsent);
      } catch (RuntimeException e) {
        throw AdminException.badRequest("malformed query string");
      }
    }
    return params;
  }

  private static int statusOf(IdentityException.Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, IN_USE, CONFLICT -> 409;
      case INVALID -> 400;
    };
  }

  private static JsonNode error(int status, String type, String message) {
    ObjectNode document = JSON.createObjectNode();
    document.putObject("error").put("message", message).put("type", type).put("code", status);
    return document;
  }

  private static void write(Response response, Callback callback, int status, JsonNode answer) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
