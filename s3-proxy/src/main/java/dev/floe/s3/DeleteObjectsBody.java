package dev.floe.s3;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.sigv4.BodyVerificationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The body of a DeleteObjects request, read in full so that each key it names can be authorized
 * on its own ARN, as AWS does ({@code s3:DeleteObject}, or {@code s3:DeleteObjectVersion} with a
 * version id), before the same verified bytes are forwarded.
 *
 * @param bytes the verified body, forwarded as it is
 * @param objects the objects it asks to delete
 */
record DeleteObjectsBody(byte[] bytes, List<BodyObject> objects) {
  /** AWS allows 1,000 keys of at most 1,024 bytes each; with their XML this stays well below. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private static final int MAX_OBJECTS = 1000;
  private static final XMLInputFactory XML = secureFactory();

  /**
   * Reads and parses the verified body.
   *
   * @throws S3ErrorException {@code MalformedXML} for a body that is not a Delete document of at
   *     most 1,000 objects, or the verification failure of a body that does not match its
   *     signature
   */
  static DeleteObjectsBody read(InputStream verified) throws S3ErrorException {
    byte[] bytes;
    try (verified) {
      bytes = verified.readNBytes(MAX_BYTES + 1);
    } catch (BodyVerificationException e) {
      throw new S3ErrorException(S3Error.of(e.failure(), e.getMessage()));
    } catch (IOException e) {
      throw new S3ErrorException(
          S3Error.of(AuthFailure.INCOMPLETE_BODY, "The request body ended before it was complete."));
    }
    if (bytes.length > MAX_BYTES) {
      throw malformed("The Delete document exceeds " + MAX_BYTES + " bytes.");
    }
    return new DeleteObjectsBody(bytes, parse(bytes));
  }

  private static List<BodyObject> parse(byte[] bytes) throws S3ErrorException {
    List<BodyObject> objects = new ArrayList<>();
    try {
      XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
      String key = null;
      String versionId = null;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "Object" -> {
              key = null;
              versionId = null;
            }
            case "Key" -> key = xml.getElementText();
            case "VersionId" -> versionId = xml.getElementText();
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Object")) {
          if (key == null) {
            throw malformed("Every Object in a Delete document needs a Key.");
          }
          objects.add(new BodyObject(key, Optional.ofNullable(versionId).filter(v -> !v.isEmpty())));
          if (objects.size() > MAX_OBJECTS) {
            throw malformed("A Delete document may name at most " + MAX_OBJECTS + " objects.");
          }
        }
      }
    } catch (XMLStreamException e) {
      throw malformed("The Delete document is not well-formed XML.");
    }
    if (objects.isEmpty()) {
      throw malformed("A Delete document must name at least one Object.");
    }
    return objects;
  }

  private static S3ErrorException malformed(String message) {
    return new S3ErrorException(
        new S3Error(
            400,
            "MalformedXML",
            "The XML you provided was not well-formed or did not validate against our published schema. "
                + message));
  }

  /** No DTDs and no external entities: the body comes from the client. */
  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
