package dev.floe.s3;

import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * CompleteMultipartUpload answers with the object's URL in {@code <Location>}, which names the
 * backend; Floe replaces it with the URL the client would use to reach the object through Floe.
 */
final class CompletedUploadRewriter {

  private CompletedUploadRewriter() {}

  /**
   * The result document with its Location replaced, or empty when the body is not a
   * CompleteMultipartUploadResult (S3 reports some failures as an error document with status 200).
   */
  static Optional<byte[]> rewrite(byte[] body, String clientLocation) {
    Optional<Document> parsed = BackendXml.parse(body);
    if (parsed.isEmpty()
        || !parsed.get().getDocumentElement().getNodeName()
            .equals("CompleteMultipartUploadResult")) {
      return Optional.empty();
    }
    Document document = parsed.get();
    NodeList locations = document.getDocumentElement().getElementsByTagName("Location");
    for (int i = 0; i < locations.getLength(); i++) {
      Node location = locations.item(i);
      location.setTextContent(clientLocation);
    }
    return Optional.of(BackendXml.write(document));
  }
}
