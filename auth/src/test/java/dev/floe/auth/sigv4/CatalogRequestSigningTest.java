package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.StaticCredentialStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Catalog requests as the AWS SDK signer builds them for a non-S3 service named s3tables. */
class CatalogRequestSigningTest {

  private static final CatalogRequestVerifier VERIFIER =
      new CatalogRequestVerifier(
          StaticCredentialStore.root(SdkSigning.ACCESS_KEY, SdkSigning.SECRET_KEY),
          Clock.fixed(SdkSigning.NOW, ZoneOffset.UTC));

  @Test
  void aMultiLevelNamespaceIsSignedWithItsSeparatorEncodedTwice() throws Exception {
    SignedRequest request =
        SdkSigning.path(SdkHttpMethod.GET, "/_iceberg/v1/namespaces/sales%1Feu/tables/orders")
            .query(List.of("snapshots", "all"))
            .service("s3tables")
            .sign()
            .asReceived();

    assertThat(VERIFIER.verify(request, new byte[0]).root()).isTrue();
  }

  @Test
  void aPostIsVerifiedAgainstTheBodyItCarries() throws Exception {
    byte[] body = "{\"namespace\":[\"a\"]}".getBytes(StandardCharsets.UTF_8);
    SignedRequest request =
        SdkSigning.path(SdkHttpMethod.POST, "/_iceberg/v1/namespaces")
            .payload(body)
            .service("s3tables")
            .sign()
            .asReceived();

    assertThat(VERIFIER.verify(request, body).accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY);
    assertThatThrownBy(
            () ->
                VERIFIER.verify(
                    request, "{\"namespace\":[\"b\"]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH));
  }

  @Test
  void aRequestSignedForS3IsNotACatalogRequest() {
    SignedRequest request =
        SdkSigning.path(SdkHttpMethod.GET, "/_iceberg/v1/config").sign().asReceived();

    assertThatThrownBy(() -> VERIFIER.verify(request, new byte[0]))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION);
              assertThat(e.getMessage()).contains("s3tables");
            });
  }

  @Test
  void anUnsignedCatalogRequestIsMissingAuthentication() {
    SignedRequest request =
        new SignedRequest(
            "GET", "/_iceberg/v1/config", "", List.of(Map.entry("Host", "localhost")));

    assertThatThrownBy(() -> VERIFIER.verify(request, new byte[0]))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.MISSING_AUTHENTICATION));
  }
}
