package dev.floe.s3.guard;

import dev.floe.auth.Principal;
import dev.floe.integrity.GuardRefusal;
import dev.floe.integrity.GuardedAccess;
import dev.floe.integrity.IntegrityGuard;
import dev.floe.integrity.TableLocationsUnavailableException;
import dev.floe.s3.CreateOnlyWrites;
import dev.floe.s3.S3AccessCheck;
import dev.floe.s3.S3AccessDeniedException;
import dev.floe.s3.S3Error;
import dev.floe.s3.S3ErrorException;
import dev.floe.s3.S3Request;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrity guard on the S3 path: refuses what its rules forbid with 403 AccessDenied naming
 * the rule, counts each refusal, and marks the writes the proxy must make create-only. The guard
 * judges every caller alike, so the principal plays no part here.
 */
public final class IntegrityGuardCheck implements S3AccessCheck, CreateOnlyWrites {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrityGuardCheck.class);

  private final IntegrityGuard guard;
  private final GuardMetrics metrics;

  public IntegrityGuardCheck(IntegrityGuard guard, GuardMetrics metrics) {
    this.guard = guard;
    this.metrics = metrics;
  }

  @Override
  public void check(Principal principal, S3Request request) throws S3ErrorException {
    for (GuardedAccess access : GuardedAccesses.of(request)) {
      Optional<GuardRefusal> refusal;
      try {
        refusal = guard.check(access);
      } catch (TableLocationsUnavailableException e) {
        LOG.warn("Integrity guard could not read the catalog for {}: {}", access, e.toString());
        throw new S3ErrorException(
            new S3Error(
                503,
                "ServiceUnavailable",
                "Floe could not read the catalog to check this request. Please try again."));
      }
      if (refusal.isPresent()) {
        metrics.refused(refusal.get().rule());
        throw new S3AccessDeniedException(refusal.get().message());
      }
    }
  }

  @Override
  public boolean appliesTo(S3Request request) {
    return request.hasBucket()
        && guard.createOnly(
            new GuardedAccess(
                GuardedAccesses.kind(request.operation()), request.bucket(), request.key()));
  }

  @Override
  public void refusedOverwrite() {
    metrics.refused(CREATE_ONLY_RULE);
  }
}
