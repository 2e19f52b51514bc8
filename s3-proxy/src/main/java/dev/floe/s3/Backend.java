package dev.floe.s3;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * The backing store as the proxy talks to it: path-style URLs below the configured endpoint,
 * signed with the backend's keys, sent with Floe's HTTP client.
 */
final class Backend {

  private final BackendTarget target;
  private final HttpClient client;
  private final BackendSigner signer;

  Backend(BackendTarget target, HttpClient client) {
    this.target = target;
    this.client = client;
    this.signer = new BackendSigner(target, Clock.systemUTC());
  }

  /**
   * A signed request for the backend.
   *
   * @param headers the client headers that are forwarded
   * @param contentLength the exact body length to announce, if known; absent with a body means
   *     the body is sent chunked
   * @param payloadHash the body's hex SHA-256 for the backend to check, or {@link
   *     BackendSigner#UNSIGNED_PAYLOAD}
   */
  Request newRequest(
      String method,
      S3Address address,
      S3QueryString query,
      List<Map.Entry<String, String>> headers,
      OptionalLong contentLength,
      String payloadHash) {
    URI uri = uri(address, query);
    List<Map.Entry<String, String>> toSign = new ArrayList<>(headers.size() + 1);
    toSign.addAll(headers);
    contentLength.ifPresent(
        length -> toSign.add(Map.entry("Content-Length", Long.toString(length))));
    List<Map.Entry<String, String>> signed = signer.sign(method, uri, toSign, payloadHash);
    Request request = client.newRequest(uri).method(method);
    request.headers(
        fields -> {
          fields.clear();
          for (Map.Entry<String, String> header : signed) {
            fields.add(header.getKey(), header.getValue());
          }
        });
    return request;
  }

  private URI uri(S3Address address, S3QueryString query) {
    StringBuilder path = new StringBuilder(target.basePath()).append('/');
    if (address.hasBucket()) {
      path.append(PercentCoding.encode(address.bucket()));
      if (address.hasKey()) {
        path.append('/').append(PercentCoding.encodePath(address.key()));
      }
    }
    String encodedQuery = query.encoded();
    URI endpoint = target.endpoint();
    String authority = endpoint.getRawAuthority();
    return URI.create(
        endpoint.getScheme()
            + "://"
            + authority
            + path
            + (encodedQuery.isEmpty() ? "" : "?" + encodedQuery));
  }
}
