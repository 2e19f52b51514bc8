package dev.floe.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a backend error response into one fit for Floe's clients. A client error keeps its status,
 * code and message, minus elements that describe the backend (its access key, the string it
 * signed, its host) and with the backend's address replaced by Floe's. A backend failure (5xx) or
 * a backend refusing Floe's own credentials is Floe's problem, not the client's: it becomes a
 * generic InternalError or ServiceUnavailable without details.
 */
final class BackendErrorSanitizer {

  private static final Logger LOG = LoggerFactory.getLogger(BackendErrorSanitizer.class);

  /** Elements that describe the backend's credentials, signing or topology. */
  private static final Set<String> BACKEND_DETAILS =
      Set.of(
          "AWSAccessKeyId",
          "StringToSign",
          "StringToSignBytes",
          "CanonicalRequest",
          "CanonicalRequestBytes",
          "SignatureProvided",
          "HostId",
          "Endpoint",
          "Region");

  /** Codes by which the backend says it does not accept Floe's signature or credentials. */
  private static final Set<String> BACKEND_AUTH_FAILURES =
      Set.of(
          "SignatureDoesNotMatch",
          "InvalidAccessKeyId",
          "AuthorizationHeaderMalformed",
          "AuthorizationQueryParametersError",
          "RequestTimeTooSkewed",
          "InvalidToken",
          "ExpiredToken",
          "TokenRefreshRequired",
          "MissingSecurityHeader",
          "InvalidSecurity",
          "XAmzContentSHA256Mismatch");

  /** What a sanitized error response consists of. */
  record Sanitized(int status, byte[] body) {}

  private final Pattern backendAddress;

  BackendErrorSanitizer(BackendTarget backend) {
    this.backendAddress =
        Pattern.compile(Pattern.quote(backend.authority()), Pattern.CASE_INSENSITIVE);
  }

  /**
   * @param status the backend's status
   * @param body the backend's error body (possibly not XML at all)
   * @param clientHost the Host the client addressed Floe with, to replace the backend's
   * @param resource the path the client asked for
   * @param requestId Floe's id for the request, used when the backend's is dropped
   */
  Sanitized sanitize(
      int status, byte[] body, String clientHost, String resource, String requestId) {
    Optional<Element> error =
        BackendXml.parse(body)
            .map(Document::getDocumentElement)
            .filter(root -> root.getNodeName().equals("Error"));
    String code = error.flatMap(e -> child(e, "Code")).orElse("");
    if (status >= 500 || BACKEND_AUTH_FAILURES.contains(code)) {
      LOG.warn("Backend answered {} {}; the client gets a generic error", status, code);
      S3Error generic = genericFailure(status, code);
      return new Sanitized(generic.status(), S3ErrorXml.render(generic, resource, requestId));
    }
    if (error.isEmpty() || code.isEmpty()) {
      S3Error unparsed =
          new S3Error(status, "InvalidRequest", "The storage backend rejected the request.");
      return new Sanitized(status, S3ErrorXml.render(unparsed, resource, requestId));
    }
    List<Map.Entry<String, String>> kept = new ArrayList<>();
    for (Node node = error.get().getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && !BACKEND_DETAILS.contains(element.getNodeName())) {
        kept.add(Map.entry(element.getNodeName(), withoutBackend(element.getTextContent(),
            clientHost)));
      }
    }
    return new Sanitized(status, S3ErrorXml.render(kept));
  }

  /** The error a client sees for a backend failure, without the backend's details. */
  static S3Error genericFailure(int status, String code) {
    if (status == 501) {
      return new S3Error(501, "NotImplemented",
          "A header you provided implies functionality that is not implemented.");
    }
    if (status == 503 && code.equals("SlowDown")) {
      return new S3Error(503, "SlowDown", "Please reduce your request rate.");
    }
    if (status == 503) {
      return S3Error.serviceUnavailable();
    }
    return S3Error.internalError();
  }

  private String withoutBackend(String text, String clientHost) {
    return backendAddress.matcher(text).replaceAll(Matcher.quoteReplacement(clientHost));
  }

  private static Optional<String> child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getNodeName().equals(name)) {
        return Optional.of(element.getTextContent());
      }
    }
    return Optional.empty();
  }
}
