package dev.floe.catalog.store;

import java.net.URI;

/** Where the backing S3 store is and the credentials Floe itself uses on it (never handed out). */
public record StoreConnection(URI endpoint, String region, String accessKeyId, String secretKey) {

  @Override
  public String toString() {
    return "StoreConnection[endpoint="
        + endpoint
        + ", region="
        + region
        + ", accessKeyId="
        + accessKeyId
        + "]";
  }
}
