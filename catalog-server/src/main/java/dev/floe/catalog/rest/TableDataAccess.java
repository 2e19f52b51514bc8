package dev.floe.catalog.rest;

import dev.floe.auth.session.SessionCredentials;
import dev.floe.auth.session.TableDataScope;
import dev.floe.auth.session.VendedCredentials;
import java.time.Duration;
import java.util.Map;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.rest.credentials.Credential;
import org.apache.iceberg.rest.credentials.ImmutableCredential;

/**
 * Access to a table's files handed to a client: session credentials limited to the table's
 * location, for reading, or for reading and writing when the caller's policies allow {@code
 * s3tables:PutTableData} (as in S3 Tables, {@code GetTableData} is the right to read and {@code
 * PutTableData} the right to write).
 */
final class TableDataAccess {
  static final String GET_TABLE_DATA = "s3tables:GetTableData";
  static final String PUT_TABLE_DATA = "s3tables:PutTableData";

  /** Session credentials work with any region; clients need one to build their S3 client. */
  private static final String CLIENT_REGION = "us-east-1";

  private final CatalogAuthorization authorization;
  private final SessionCredentials sessions;
  private final Duration lifetime;

  TableDataAccess(CatalogAuthorization authorization, SessionCredentials sessions, Duration lifetime) {
    this.authorization = authorization;
    this.sessions = sessions;
    this.lifetime = lifetime;
  }

  /**
   * The scope the caller of {@code request} may be given on {@code table}: read-write with {@code
   * PutTableData}, read-only with {@code GetTableData}.
   *
   * @throws org.apache.iceberg.exceptions.ForbiddenException when it may do neither
   */
  TableDataScope scopeFor(CatalogRequest request, CatalogResource table, String uuid) {
    if (authorization.allows(request, Permission.of(PUT_TABLE_DATA, table))) {
      return new TableDataScope(table.warehouse(), uuid, true);
    }
    Permission read = Permission.of(GET_TABLE_DATA, table);
    if (authorization.allows(request, read)) {
      return new TableDataScope(table.warehouse(), uuid, false);
    }
    throw CatalogAuthorization.denied(request.principal(), read);
  }

  /** Credentials for the caller of {@code request} on the table {@code metadata} describes. */
  VendedCredentials vend(CatalogRequest request, CatalogResource table, TableMetadata metadata) {
    requireFloeLocation(table.warehouse(), metadata);
    return sessions.mint(request.principal(), scopeFor(request, table, metadata.uuid()), lifetime);
  }

  VendedCredentials vend(CatalogRequest request, TableDataScope scope) {
    return sessions.mint(request.principal(), scope, lifetime);
  }

  /** The credentials as Iceberg's {@code storage-credentials} entry for the table's location. */
  static Credential storageCredential(VendedCredentials credentials) {
    return ImmutableCredential.builder()
        .prefix(credentials.scope().location())
        .config(fileIoProperties(credentials))
        .build();
  }

  /** The S3FileIO properties that make a client use {@code credentials}. */
  static Map<String, String> fileIoProperties(VendedCredentials credentials) {
    return Map.of(
        "s3.access-key-id", credentials.accessKeyId(),
        "s3.secret-access-key", credentials.secretAccessKey(),
        "s3.session-token", credentials.sessionToken(),
        "s3.session-token-expires-at-ms", String.valueOf(credentials.expiresAt().toEpochMilli()),
        "client.region", CLIENT_REGION);
  }

  /**
   * Credentials are scoped to {@code s3://<warehouse>/<uuid>/}, the location Floe assigns; a table
   * registered with files elsewhere has none to give.
   */
  private static void requireFloeLocation(String warehouse, TableMetadata metadata) {
    String expected = "s3://" + warehouse + "/" + metadata.uuid();
    String location = metadata.location();
    if (location == null || !(location.equals(expected) || location.equals(expected + "/"))) {
      throw new BadRequestException(
          "Cannot vend credentials for a table whose location (%s) is not the one Floe assigned (%s)",
          location, expected);
    }
  }
}
