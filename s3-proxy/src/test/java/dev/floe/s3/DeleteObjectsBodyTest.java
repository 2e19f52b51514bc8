package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A DeleteObjects body is read once, its objects listed for authorization, its bytes kept as sent. */
class DeleteObjectsBodyTest {

  @Test
  void listsEveryObjectWithItsVersionAndKeepsTheBytes() throws Exception {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Quiet>true</Quiet><Object><Key>a/1.txt</Key></Object>"
            + "<Object><Key>b &amp; c/2.txt</Key><VersionId>v7</VersionId></Object></Delete>";
    DeleteObjectsBody body = read(xml);
    assertThat(body.objects())
        .containsExactly(new BodyObject("a/1.txt", Optional.empty()), new BodyObject("b & c/2.txt", Optional.of("v7")));
    assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(xml);
  }

  @Test
  void refusesWhatIsNotADeleteDocument() {
    assertMalformed("<Delete><Object><Key>a");
    assertMalformed("");
    assertMalformed("<Delete><Quiet>true</Quiet></Delete>");
    assertMalformed("<Delete><Object><VersionId>v1</VersionId></Object></Delete>");
    StringBuilder tooMany = new StringBuilder("<Delete>");
    for (int i = 0; i <= 1000; i++) {
      tooMany.append("<Object><Key>k").append(i).append("</Key></Object>");
    }
    assertMalformed(tooMany.append("</Delete>").toString());
  }

  @Test
  void neverResolvesEntitiesFromTheClient() {
    String external =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
            + "<Delete><Object><Key>&secret;</Key></Object></Delete>";
    assertThatThrownBy(() -> read(external)).isInstanceOf(S3ErrorException.class);
  }

  private static DeleteObjectsBody read(String xml) throws S3ErrorException {
    return DeleteObjectsBody.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertMalformed(String xml) {
    assertThatThrownBy(() -> read(xml))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> assertThat(e.error().code()).isEqualTo("MalformedXML"));
  }
}
