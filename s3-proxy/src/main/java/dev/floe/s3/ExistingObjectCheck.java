package dev.floe.s3;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;

/**
 * Refuses a create-only write whose destination key already exists, by asking the backend with a
 * HEAD before the write is forwarded. The request thread blocks for that one round trip; any
 * answer other than 404 or 200 refuses the write as unavailable, never lets it through.
 */
final class ExistingObjectCheck {
  private static final long TIMEOUT_SECONDS = 30;

  private final Backend backend;

  ExistingObjectCheck(Backend backend) {
    this.backend = backend;
  }

  void refuseIfExists(S3Address address) throws S3ErrorException {
    int status = headStatus(address);
    if (status == 404) {
      return;
    }
    if (status == 200) {
      throw new S3AccessDeniedException(
          "Refused by Floe's integrity guard (rule "
              + CreateOnlyWrites.CREATE_ONLY_RULE
              + "): "
              + address.key()
              + " already exists; files in a warehouse are written once and never replaced.");
    }
    throw new S3ErrorException(S3Error.serviceUnavailable());
  }

  private int headStatus(S3Address address) throws S3ErrorException {
    try {
      ContentResponse response =
          backend
              .newRequest(
                  "HEAD",
                  address,
                  S3QueryString.parse(null),
                  List.of(),
                  OptionalLong.empty(),
                  BackendSigner.UNSIGNED_PAYLOAD)
              .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .send();
      return response.getStatus();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new S3ErrorException(S3Error.serviceUnavailable());
    } catch (ExecutionException | TimeoutException e) {
      throw new S3ErrorException(S3Error.serviceUnavailable());
    }
  }
}
