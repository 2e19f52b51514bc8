package dev.floe.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.rest.RESTCatalogProperties;

/** The client settings both contenders share, so only the catalog differs between them. */
final class ClientProperties {
  private ClientProperties() {}

  static Map<String, String> forCatalog(
      URI catalogUri, URI s3Endpoint, String s3AccessKey, String s3SecretKey, boolean tableCache) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.URI, catalogUri.toString());
    properties.put(CatalogProperties.FILE_IO_IMPL, S3FileIO.class.getName());
    properties.put("s3.endpoint", s3Endpoint.toString());
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", s3AccessKey);
    properties.put("s3.secret-access-key", s3SecretKey);
    properties.put("client.region", SharedStore.REGION);
    if (!tableCache) {
      properties.put(RESTCatalogProperties.TABLE_CACHE_MAX_ENTRIES, "0");
    }
    return properties;
  }

  /** A Floe client as users configure one: Floe's catalog with SigV4, its files through Floe. */
  static Map<String, String> forFloe(
      URI floe, String warehouse, String accessKey, String secretKey, boolean tableCache) {
    Map<String, String> properties =
        forCatalog(floe.resolve("/_iceberg"), floe, accessKey, secretKey, tableCache);
    properties.put("warehouse", warehouse);
    properties.put("rest.auth.type", "sigv4");
    properties.put("rest.signing-name", "s3tables");
    properties.put("rest.signing-region", SharedStore.REGION);
    properties.put("rest.access-key-id", accessKey);
    properties.put("rest.secret-access-key", secretKey);
    return properties;
  }
}
