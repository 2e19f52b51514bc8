package dev.floe.catalog.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.floe.auth.session.TableDataScope;
import dev.floe.auth.session.VendedCredentials;
import dev.floe.catalog.warehouse.FloeCatalog;
import dev.floe.catalog.warehouse.Warehouses;
import java.time.Duration;
import java.util.Optional;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTCatalogProperties.SnapshotMode;
import org.apache.iceberg.rest.requests.RemoteSignRequest;
import org.apache.iceberg.rest.responses.ImmutableLoadCredentialsResponse;

/**
 * The routes that hand out access to a table's files: {@code GET …/tables/{t}/credentials}
 * (refreshing vended credentials) and remote signing, per table ({@code POST …/tables/{t}/sign})
 * and by location ({@code POST /v1/aws/s3/sign}, which older Iceberg clients call).
 *
 * <p>Remote signing signs with session credentials scoped like vended ones, so Floe's S3 endpoint
 * applies the same scope to the signed request. Credentials are reused for a few minutes per
 * caller and table: a client signs every request it makes, and each fresh token would cost the
 * S3 endpoint a new unsealing.
 */
final class TableDataEndpoints {
  private static final Duration SIGNING_CREDENTIALS_REUSE = Duration.ofMinutes(10);

  private final TableDataAccess access;
  private final S3RequestSigner signer = new S3RequestSigner();
  private final Cache<SigningKey, VendedCredentials> signingCredentials =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(SIGNING_CREDENTIALS_REUSE).build();

  TableDataEndpoints(TableDataAccess access) {
    this.access = access;
  }

  CatalogResponse credentials(FloeCatalog catalog, CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    CatalogResource table = CatalogResource.table(request.pathVariable("prefix"), ident);
    VendedCredentials credentials =
        access.vend(request, table, CatalogHandlers.loadTable(catalog, ident, SnapshotMode.REFS).tableMetadata());
    return CatalogResponse.ok(
        ImmutableLoadCredentialsResponse.builder()
            .addCredentials(TableDataAccess.storageCredential(credentials))
            .build());
  }

  CatalogResponse signForTable(FloeCatalog catalog, CatalogRequest request) {
    TableIdentifier ident = Identifiers.table(request, "table");
    String warehouse = request.pathVariable("prefix");
    String uuid =
        catalog.tableUuid(ident).orElseThrow(() -> new NoSuchTableException("Table does not exist: %s", ident));
    RemoteSignRequest body = RestJson.read(request.body(), RemoteSignRequest.class);
    TableFileRequest target = TableFileRequest.of(body);
    if (!target.bucket().equals(warehouse) || !target.tableUuid().equals(Optional.of(uuid))) {
      throw new ForbiddenException(
          "Access denied: the signing endpoint of %s signs requests for its own files only (s3://%s/%s/…)",
          ident, warehouse, uuid);
    }
    return sign(request, body, target, CatalogResource.table(warehouse, ident), uuid);
  }

  /** Route authorization has already asked for the data action on the addressed table's ARN. */
  CatalogResponse signForLocation(Warehouses warehouses, CatalogRequest request) {
    RemoteSignRequest body = RestJson.read(request.body(), RemoteSignRequest.class);
    TableFileRequest target = TableFileRequest.of(body);
    warehouses.catalog(target.bucket());
    String uuid = requireTableFile(target);
    return sign(request, body, target, CatalogResource.tableByUuid(target.bucket(), uuid), uuid);
  }

  static String requireTableFile(TableFileRequest target) {
    return target
        .tableUuid()
        .orElseThrow(
            () ->
                new ForbiddenException(
                    "Access denied: Floe signs requests for table files only"
                        + " (s3://<warehouse>/<table-uuid>/…), not s3://%s/%s",
                    target.bucket(), target.key().isEmpty() ? target.listingPrefix() : target.key()));
  }

  private CatalogResponse sign(
      CatalogRequest request,
      RemoteSignRequest body,
      TableFileRequest target,
      CatalogResource table,
      String uuid) {
    TableDataScope scope = access.scopeFor(request, table, uuid);
    if (!target.reads() && !scope.write()) {
      throw CatalogAuthorization.denied(
          request.principal(), Permission.of(TableDataAccess.PUT_TABLE_DATA, table));
    }
    VendedCredentials credentials =
        signingCredentials.get(
            new SigningKey(request.principal().accessKeyId(), scope),
            key -> access.vend(request, scope));
    return CatalogResponse.ok(signer.sign(body, credentials)).withHeader("Cache-Control", "no-cache");
  }

  private record SigningKey(String callerAccessKeyId, TableDataScope scope) {}
}
