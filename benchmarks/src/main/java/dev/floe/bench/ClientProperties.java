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
}
