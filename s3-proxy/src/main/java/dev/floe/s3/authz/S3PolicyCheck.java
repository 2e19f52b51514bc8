package dev.floe.s3.authz;

import dev.floe.auth.Principal;
import dev.floe.auth.identity.Authorizer;
import dev.floe.auth.policy.Decision.Outcome;
import dev.floe.integrity.TableLocationIndex;
import dev.floe.integrity.TableLocationsUnavailableException;
import dev.floe.s3.S3AccessCheck;
import dev.floe.s3.S3AccessDeniedException;
import dev.floe.s3.S3Error;
import dev.floe.s3.S3ErrorException;
import dev.floe.s3.S3Request;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization step of the S3 API: every permission the request needs (see {@link
 * S3OperationActions}) must be allowed by the caller's policies. Root bypasses policies, but not
 * the scope of credentials vended to it.
 *
 * <p>It runs before the integrity guard, so that a caller who may not touch a key learns nothing
 * from the guard's answer about whether it exists or what protects it. A denial names the first
 * action and ARN that were not allowed.
 */
public final class S3PolicyCheck implements S3AccessCheck {
  private static final Logger LOG = LoggerFactory.getLogger(S3PolicyCheck.class);

  private final Authorizer authorizer;
  private final S3Permissions permissions;
  private final Clock clock;

  public S3PolicyCheck(Authorizer authorizer, TableLocationIndex tables, TableNames names, Clock clock) {
    this.authorizer = authorizer;
    this.permissions = new S3Permissions(tables, names);
    this.clock = clock;
  }

  @Override
  public void check(Principal principal, S3Request request) throws S3ErrorException {
    if (principal.unrestricted()) {
      return;
    }
    Map<String, List<String>> global =
        Authorizer.globalContext(
            principal, request.sourceIp().orElse(null), request.secure(), clock.instant());
    for (S3Permission needed : needed(request, global)) {
      if (authorizer.outcome(principal, needed.underEachArn()) != Outcome.ALLOW) {
        throw new S3AccessDeniedException(
            "Access denied: "
                + principal.name()
                + " may not perform "
                + needed.first().action()
                + " on "
                + needed.first().resource());
      }
    }
  }


  private List<S3Permission> needed(S3Request request, Map<String, List<String>> global)
      throws S3ErrorException {
    try {
      return permissions.of(request, global);
    } catch (TableLocationsUnavailableException e) {
      LOG.warn("Could not read the catalog to authorize {}: {}", request.operation(), e.toString());
      throw new S3ErrorException(
          new S3Error(
              503,
              "ServiceUnavailable",
              "Floe could not read the catalog to authorize this request. Please try again."));
    }
  }
}
