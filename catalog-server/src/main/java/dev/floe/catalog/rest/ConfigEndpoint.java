package dev.floe.catalog.rest;

import dev.floe.catalog.warehouse.Warehouses;
import java.time.Duration;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.rest.responses.ConfigResponse;

/**
 * {@code GET /v1/config?warehouse=NAME}: points the client at the warehouse (as the path
 * prefix), lists exactly the endpoints Floe serves, advertises the Idempotency-Key lifetime, and
 * defaults the client's S3 settings to this same endpoint so table files go through Floe.
 */
final class ConfigEndpoint {

  private ConfigEndpoint() {}

  static CatalogResponse config(
      Warehouses warehouses, CatalogRequest request, Duration idempotencyLifetime) {
    String warehouse =
        request
            .queryParam("warehouse")
            .map(ConfigEndpoint::warehouseName)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "Missing query parameter 'warehouse': set the catalog property"
                            + " warehouse=<name> (list them with GET /_iceberg/v1/warehouses)"));
    warehouses.get(warehouse);
    ConfigResponse.Builder config =
        ConfigResponse.builder()
            .withOverride("prefix", warehouse)
            .withEndpoints(Route.advertisedEndpoints())
            .withIdempotencyKeyLifetime(idempotencyLifetime.toString());
    request
        .header("host")
        .ifPresent(
            host -> {
              String scheme = request.header("x-forwarded-proto").orElse("http");
              config.withDefault("s3.endpoint", scheme + "://" + host);
              config.withDefault("s3.path-style-access", "true");
            });
    return CatalogResponse.ok(config.build());
  }

  /** Accepts the bare name and the {@code s3://name/} form some clients send. */
  static String warehouseName(String value) {
    String name = value.trim();
    if (name.startsWith("s3://") || name.startsWith("s3a://")) {
      name = name.substring(name.indexOf("://") + 3);
    }
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty() || name.contains("/")) {
      throw new BadRequestException("Invalid warehouse: %s", value);
    }
    return name;
  }
}
