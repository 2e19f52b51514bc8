package dev.floe.catalog.rest;

import dev.floe.auth.Principal;
import dev.floe.auth.identity.Authorizer;
import dev.floe.auth.policy.AuthorizationRequest;
import dev.floe.auth.policy.Decision.Outcome;
import dev.floe.catalog.warehouse.FloeCatalog;
import dev.floe.catalog.warehouse.NoSuchWarehouseException;
import dev.floe.catalog.warehouse.Warehouses;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.exceptions.ForbiddenException;

/**
 * The authorization step of the catalog: after authentication and before anything is read, every
 * permission of the route (see {@link RouteAuthorization}) must be allowed by the caller's
 * policies. Root bypasses policies.
 *
 * <p>A table or view is asked about under two ARNs, its name's and its uuid's: allowed when either
 * is allowed and neither is explicitly denied. A denial names the action and the ARN by name only,
 * so a caller who may not see a table learns nothing about whether it exists.
 */
final class CatalogAuthorization {
  private final Authorizer authorizer;
  private final Warehouses warehouses;
  private final Clock clock;

  CatalogAuthorization(Authorizer authorizer, Warehouses warehouses, Clock clock) {
    this.authorizer = authorizer;
    this.warehouses = warehouses;
    this.clock = clock;
    RouteAuthorization.requireEveryRouteMapped();
  }

  /**
   * Refuses {@code request} with a {@link ForbiddenException} unless its principal holds every
   * permission it needs.
   *
   * @param sourceIp the connection's remote address ({@code aws:SourceIp})
   * @param secure whether the connection is TLS ({@code aws:SecureTransport})
   */
  void authorize(CatalogRequest request, String sourceIp, boolean secure) {
    Principal principal = request.principal();
    if (principal.root()) {
      return;
    }
    Map<String, List<String>> global =
        Authorizer.globalContext(principal, sourceIp, secure, clock.instant());
    for (Permission permission : RouteAuthorization.permissionsFor(request)) {
      if (!isAllowed(principal, permission, global)) {
        throw new ForbiddenException(
            "Access denied: %s may not perform %s on %s",
            principal.name(), permission.describeActions(), permission.resource().arn());
      }
    }
  }

  private boolean isAllowed(
      Principal principal, Permission permission, Map<String, List<String>> global) {
    CatalogResource resource = permission.resource();
    Map<String, List<String>> context = new HashMap<>(global);
    context.putAll(resource.conditionKeys());
    List<String> arns = new ArrayList<>(2);
    arns.add(resource.arn());
    uuidOf(resource).map(resource::arnByUuid).ifPresent(arns::add);
    boolean allowed = false;
    for (String action : permission.actions()) {
      for (String arn : arns) {
        Outcome outcome = authorizer.outcome(principal, new AuthorizationRequest(action, arn, context));
        if (outcome == Outcome.EXPLICIT_DENY) {
          return false;
        }
        allowed |= outcome == Outcome.ALLOW;
      }
    }
    return allowed;
  }

  private Optional<String> uuidOf(CatalogResource resource) {
    if (!resource.entry()) {
      return Optional.empty();
    }
    FloeCatalog catalog;
    try {
      catalog = warehouses.catalog(resource.warehouse());
    } catch (NoSuchWarehouseException e) {
      return Optional.empty();
    }
    return resource.isView()
        ? catalog.viewUuid(resource.identifier())
        : catalog.tableUuid(resource.identifier());
  }
}
