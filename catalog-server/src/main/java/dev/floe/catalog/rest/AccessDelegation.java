package dev.floe.catalog.rest;

import dev.floe.auth.session.VendedCredentials;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.ResourcePaths;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.responses.LoadTableResponse;

/**
 * {@code X-Iceberg-Access-Delegation} on loadTable and createTable: a client that asks for {@code
 * vended-credentials} gets session credentials for the table's files ({@code storage-credentials}
 * and the {@code s3.*} properties) and where to refresh them; one that asks for {@code
 * remote-signing} is told to have its S3 requests signed by the catalog. A client that accepts
 * both gets credentials.
 */
final class AccessDelegation {
  static final String HEADER = "X-Iceberg-Access-Delegation";
  static final String VENDED_CREDENTIALS = "vended-credentials";
  static final String REMOTE_SIGNING = "remote-signing";

  private final TableDataAccess access;

  AccessDelegation(TableDataAccess access) {
    this.access = access;
  }

  /** {@code answer}, with what the request's delegation header asks for added to it. */
  CatalogResponse apply(CatalogRequest request, CatalogResponse answer) {
    Optional<String> header = request.header(HEADER);
    if (header.isEmpty() || !(answer.body() instanceof LoadTableResponse loaded)) {
      return answer;
    }
    Set<String> modes = modes(header.get());
    if (modes.contains(VENDED_CREDENTIALS)) {
      return withBody(answer, withCredentials(request, loaded));
    }
    if (modes.contains(REMOTE_SIGNING)) {
      return withBody(answer, copy(loaded).addConfig("s3.remote-signing-enabled", "true").build());
    }
    return answer;
  }

  private LoadTableResponse withCredentials(CatalogRequest request, LoadTableResponse loaded) {
    TableIdentifier ident = identifier(request);
    String warehouse = request.pathVariable("prefix");
    VendedCredentials credentials =
        access.vend(request, CatalogResource.table(warehouse, ident), loaded.tableMetadata());
    return copy(loaded)
        .addAllConfig(TableDataAccess.fileIoProperties(credentials))
        .addConfig("client.refresh-credentials-endpoint", credentialsPath(warehouse, ident))
        .addCredential(TableDataAccess.storageCredential(credentials))
        .build();
  }

  /** Relative to the catalog URI, as Iceberg clients resolve it. */
  static String credentialsPath(String warehouse, TableIdentifier ident) {
    return ResourcePaths.forCatalogProperties(java.util.Map.of("prefix", warehouse)).table(ident)
        + "/credentials";
  }

  private static TableIdentifier identifier(CatalogRequest request) {
    if (request.route() == Route.CREATE_TABLE) {
      return TableIdentifier.of(
          Identifiers.namespace(request), RestJson.read(request.body(), CreateTableRequest.class).name());
    }
    return Identifiers.table(request, "table");
  }

  private static CatalogResponse withBody(CatalogResponse answer, LoadTableResponse body) {
    return new CatalogResponse(answer.status(), body, answer.headers());
  }

  private static LoadTableResponse.Builder copy(LoadTableResponse loaded) {
    LoadTableResponse.Builder builder =
        LoadTableResponse.builder()
            .withTableMetadata(loaded.tableMetadata())
            .addAllConfig(loaded.config())
            .addAllCredentials(loaded.credentials());
    if (loaded.remoteSigningConfig() != null) {
      builder.withRemoteSigningConfig(loaded.remoteSigningConfig());
    }
    return builder;
  }

  private static Set<String> modes(String header) {
    return Arrays.stream(header.split(","))
        .map(mode -> mode.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }
}
