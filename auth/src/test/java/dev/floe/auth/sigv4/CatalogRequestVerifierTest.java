package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Principal;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.StaticCredentialStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real catalog requests signed by Iceberg Java 1.12, PyIceberg 0.11.1 and Trino 476, captured raw,
 * verified with a clock fixed at each request's own x-amz-date.
 */
class CatalogRequestVerifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Vector(JsonNode json) {

    SignedRequest request() {
      String pathAndQuery = json.get("raw_path_and_query").asText();
      int question = pathAndQuery.indexOf('?');
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (JsonNode header : json.get("headers")) {
        headers.add(Map.entry(header.get(0).asText(), header.get(1).asText()));
      }
      return new SignedRequest(
          json.get("method").asText(),
          question < 0 ? pathAndQuery : pathAndQuery.substring(0, question),
          question < 0 ? "" : pathAndQuery.substring(question + 1),
          headers);
    }

    byte[] body() {
      return json.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }

    CatalogRequestVerifier verifier() {
      String amzDate = request().header("X-Amz-Date").orElseThrow();
      Instant signedAt =
          LocalDateTime.parse(amzDate, DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'"))
              .toInstant(ZoneOffset.UTC);
      return new CatalogRequestVerifier(
          StaticCredentialStore.root(
              json.get("access_key").asText(), json.get("secret_key").asText()),
          Clock.fixed(signedAt, ZoneOffset.UTC));
    }

    String expect() {
      return json.get("expect").asText();
    }
  }

  static Stream<Named<Vector>> vectors(String expectation) throws IOException {
    List<Named<Vector>> vectors = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                CatalogRequestVerifierTest.class.getResourceAsStream(
                    "/sigv4-catalog-vectors.jsonl"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        Vector vector = new Vector(JSON.readTree(line));
        if (vector.expect().startsWith(expectation)) {
          vectors.add(
              Named.of(
                  vector.json().get("client").asText()
                      + " "
                      + vector.json().get("kind").asText()
                      + " ("
                      + vector.expect()
                      + ")",
                  vector));
        }
      }
    }
    return vectors.stream();
  }

  static Stream<Named<Vector>> validVectors() throws IOException {
    return vectors("valid");
  }

  static Stream<Named<Vector>> invalidVectors() throws IOException {
    return vectors("invalid");
  }

  @Test
  void theCapturedFileHoldsNineteenValidAndThreeInvalidRequests() throws IOException {
    assertThat(validVectors()).hasSize(19);
    assertThat(invalidVectors()).hasSize(3);
  }

  @ParameterizedTest
  @MethodSource("validVectors")
  void everyRequestARealClientSignedVerifies(Vector vector) throws AuthenticationException {
    Principal principal = vector.verifier().verify(vector.request(), vector.body());

    assertThat(principal.accessKeyId()).isEqualTo("admin");
  }

  @ParameterizedTest
  @MethodSource("invalidVectors")
  void alteredRequestsAreRefusedAsSignatureMismatches(Vector vector) {
    assertThatThrownBy(() -> vector.verifier().verify(vector.request(), vector.body()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH));
  }
}
