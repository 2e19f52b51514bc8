package dev.floe.catalog.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.session.BearerTokens;
import dev.floe.auth.session.BearerTokens.IssuedToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.rest.auth.OAuth2Properties;
import org.apache.iceberg.rest.responses.OAuthTokenResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * {@code POST /_iceberg/v1/oauth/tokens}, the OAuth2 token endpoint Iceberg clients call with
 * {@code credential=<access key>:<secret>}: the client-credentials grant (the access key and its
 * secret as client id and secret, in the form or as HTTP Basic) and the token-exchange grant with
 * which clients refresh a token before it expires. It answers in OAuth2's own format, errors
 * included ({@code {"error": "invalid_client", …}}), which Iceberg clients parse as such.
 */
public final class OAuthTokenHandler extends Handler.Abstract {
  public static final String PATH = IcebergRestHandler.PATH_PREFIX + "/v1/oauth/tokens";

  private static final String CLIENT_CREDENTIALS = "client_credentials";
  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final int MAX_FORM_BYTES = 16 * 1024;

  private final BearerTokens tokens;

  public OAuthTokenHandler(BearerTokens tokens) {
    this.tokens = tokens;
  }

  public static boolean serves(String path) {
    return PATH.equals(path);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    OAuthAnswer answer;
    if (!"POST".equals(request.getMethod())) {
      answer = OAuthAnswer.error(405, "invalid_request", "The token endpoint accepts POST only");
    } else {
      answer = answer(request);
    }
    write(response, callback, answer);
    return true;
  }

  private OAuthAnswer answer(Request request) {
    Map<String, String> form;
    try {
      form = readForm(request);
    } catch (IOException | RuntimeException e) {
      return OAuthAnswer.error(400, "invalid_request", "The body must be a form (application/x-www-form-urlencoded) of at most 16 KiB");
    }
    String grant = form.getOrDefault("grant_type", "");
    try {
      if (CLIENT_CREDENTIALS.equals(grant)) {
        String[] client = clientCredentials(request, form);
        return OAuthAnswer.token(tokens.issue(client[0], client[1]));
      }
      if (TOKEN_EXCHANGE.equals(grant)) {
        String subject = form.get("subject_token");
        if (subject == null || subject.isBlank()) {
          return OAuthAnswer.error(400, "invalid_request", "Token exchange needs a subject_token");
        }
        return OAuthAnswer.token(tokens.exchange(subject));
      }
      return OAuthAnswer.error(
          400, "unsupported_grant_type", "Supported grant types: client_credentials, " + TOKEN_EXCHANGE);
    } catch (AuthenticationException e) {
      return refusal(grant, e);
    } catch (MissingClientException e) {
      return OAuthAnswer.error(400, "invalid_request", e.getMessage());
    }
  }

  private static OAuthAnswer refusal(String grant, AuthenticationException e) {
    if (CLIENT_CREDENTIALS.equals(grant)) {
      return OAuthAnswer.error(401, "invalid_client", "Unknown client id or wrong client secret");
    }
    String why = e.failure() == AuthFailure.EXPIRED_TOKEN ? "The subject token has expired" : "The subject token is not valid";
    return OAuthAnswer.error(400, "invalid_grant", why);
  }

  /** From the form, or from HTTP Basic authentication as RFC 6749 prefers. */
  private static String[] clientCredentials(Request request, Map<String, String> form) throws MissingClientException {
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    if (id != null && secret != null) {
      return new String[] {id, secret};
    }
    Optional<String[]> basic = basicCredentials(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    return basic.orElseThrow(() -> new MissingClientException("The client-credentials grant needs client_id and client_secret"));
  }

  private static Optional<String[]> basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> readForm(Request request) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
      if (body.length > MAX_FORM_BYTES) {
        throw new IOException("form too large");
      }
      Map<String, String> form = new HashMap<>();
      String text = new String(body, StandardCharsets.UTF_8);
      UrlEncoded.decodeUtf8To(text, 0, text.length(), (name, value) -> form.putIfAbsent(name, value));
      return form;
    }
  }

  private static void write(Response response, Callback callback, OAuthAnswer answer) {
    byte[] json = RestJson.write(answer.body());
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
    response.write(true, ByteBuffer.wrap(json), callback);
  }

  private record OAuthAnswer(int status, Object body) {
    static OAuthAnswer token(IssuedToken token) {
      return new OAuthAnswer(
          200,
          OAuthTokenResponse.builder()
              .withToken(token.accessToken())
              .withTokenType("bearer")
              .withIssuedTokenType(OAuth2Properties.ACCESS_TOKEN_TYPE)
              .setExpirationInSeconds((int) token.expiresIn().toSeconds())
              .build());
    }

    static OAuthAnswer error(int status, String error, String description) {
      ObjectNode body = RestJson.mapper().createObjectNode();
      body.put("error", error);
      body.put("error_description", description);
      return new OAuthAnswer(status, body);
    }
  }

  private static final class MissingClientException extends Exception {
    MissingClientException(String message) {
      super(message);
    }
  }
}
