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
 * policies. Root bypasses policies, but not the scope of credentials vended to it.
 *
 * <p>A table or view is asked about under two ARNs, its name's and its uuid's (whichever the route
 * names it by, the other is looked up): allowed when either is allowed and neither is explicitly
 * denied. A denial names the action and the ARN by name only,
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
   */
  void authorize(CatalogRequest request) {
    Principal principal = request.principal();
    if (principal.unrestricted()) {
      return;
    }
    Map<String, List<String>> global = globalContext(request);
    for (Permission permission : RouteAuthorization.permissionsFor(request)) {
      if (!isAllowed(request, permission, global)) {
        throw denied(principal, permission);
      }
    }
  }

  /** Whether the caller of {@code request} holds {@code permission}, besides what its route needs. */
  boolean allows(CatalogRequest request, Permission permission) {
    return request.principal().unrestricted() || isAllowed(request, permission, globalContext(request));
  }

  static ForbiddenException denied(Principal principal, Permission permission) {
    return new ForbiddenException(
        "Access denied: %s may not perform %s on %s",
        principal.name(), permission.describeActions(), permission.resource().arn());
  }

  private Map<String, List<String>> globalContext(CatalogRequest request) {
    return Authorizer.globalContext(
        request.principal(), request.sourceIp(), request.secure(), clock.instant());
  }

  private boolean isAllowed(
      CatalogRequest request, Permission permission, Map<String, List<String>> global) {
    Principal principal = request.principal();
    CatalogResource resource = permission.resource();
    Map<String, List<String>> context = new HashMap<>(global);
    List<String> arns = new ArrayList<>(2);
    arns.add(resource.arn());
    if (resource.byUuid()) {
      Optional<CatalogResource> named = namedTable(resource);
      named.ifPresent(table -> arns.add(table.arn()));
      named.ifPresent(table -> context.putAll(table.conditionKeys()));
    } else {
      context.putAll(resource.conditionKeys());
      uuidOf(request, resource).map(resource::arnByUuid).ifPresent(arns::add);
    }
    boolean allowed = false;
    for (String action : permission.actions()) {
      List<AuthorizationRequest> underEachArn = new ArrayList<>(arns.size());
      for (String arn : arns) {
        underEachArn.add(new AuthorizationRequest(action, arn, context));
      }
      Outcome outcome = authorizer.outcome(principal, underEachArn);
      if (outcome == Outcome.EXPLICIT_DENY) {
        return false;
      }
      allowed |= outcome == Outcome.ALLOW;
    }
    return allowed;
  }

  private Optional<String> uuidOf(CatalogRequest request, CatalogResource resource) {
    if (!resource.entry()) {
      return Optional.empty();
    }
    return catalogOf(resource)
        .flatMap(
            catalog ->
                resource.isView()
                    ? catalog.viewUuid(resource.identifier())
                    : request
                        .tables()
                        .pointer(catalog, resource.warehouse(), resource.identifier())
                        .map(FloeCatalog.TablePointer::uuid));
  }

  /** A table known by uuid, by its name, when it has one (a staged table has none yet). */
  private Optional<CatalogResource> namedTable(CatalogResource byUuid) {
    return catalogOf(byUuid)
        .flatMap(catalog -> catalog.tableIdentifier(byUuid.name()))
        .map(identifier -> CatalogResource.table(byUuid.warehouse(), identifier));
  }

  private Optional<FloeCatalog> catalogOf(CatalogResource resource) {
    try {
      return Optional.of(warehouses.catalog(resource.warehouse()));
    } catch (NoSuchWarehouseException e) {
      return Optional.empty();
    }
  }
}
