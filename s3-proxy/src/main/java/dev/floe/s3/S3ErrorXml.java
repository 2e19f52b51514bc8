package dev.floe.s3;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Renders S3 error documents: {@code <Error><Code/><Message/><Resource/><RequestId/></Error>}. */
final class S3ErrorXml {

  static final String CONTENT_TYPE = "application/xml";

  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  private S3ErrorXml() {}

  static byte[] render(S3Error error, String resource, String requestId) {
    return render(
        List.of(
            Map.entry("Code", error.code()),
            Map.entry("Message", error.message()),
            Map.entry("Resource", resource),
            Map.entry("RequestId", requestId)));
  }

  /** Renders an {@code <Error>} with the given child elements, in order. */
  static byte[] render(List<Map.Entry<String, String>> elements) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("Error");
      for (Map.Entry<String, String> element : elements) {
        xml.writeStartElement(element.getKey());
        xml.writeCharacters(xmlSafe(element.getValue()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot render an S3 error document", e);
    }
    return out.toByteArray();
  }

  /**
   * Replaces characters XML 1.0 cannot carry (control characters from a client's garbled input
   * that a message quotes) with U+FFFD.
   */
  private static String xmlSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints()
        .map(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD)
        .forEach(safe::appendCodePoint);
    return safe.toString();
  }
}
