package dev.floe.spark;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A local-mode SparkSession whose catalog {@value #CATALOG} is configured exactly as the README's
 * "Spark" section tells a user to: the Iceberg REST catalog at {@code /_iceberg}, and S3FileIO
 * pointed at the same port, so every catalog call and every data byte goes through Floe.
 */
final class SparkOnFloe {
  static final String CATALOG = "floe";
  static final String REGION = "us-east-1";

  private SparkOnFloe() {}

  /** SigV4 for the catalog, and the same keys for S3. */
  static SparkSession start(URI floe, String warehouse, String accessKey, String secretKey, Path workDir) {
    Map<String, String> catalog = restCatalog(floe, warehouse);
    catalog.put("rest.sigv4-enabled", "true");
    catalog.put("rest.signing-name", "s3tables");
    catalog.put("rest.signing-region", REGION);
    catalog.put("rest.access-key-id", accessKey);
    catalog.put("rest.secret-access-key", secretKey);
    catalog.put("s3.endpoint", floe.toString());
    catalog.put("s3.path-style-access", "true");
    catalog.put("s3.access-key-id", accessKey);
    catalog.put("s3.secret-access-key", secretKey);
    catalog.put("client.region", REGION);
    return session(catalog, workDir);
  }

  /**
   * Only the catalog credentials, as an OAuth2 client credential: no S3 keys, endpoint or region.
   * Floe's catalog config supplies the endpoint, and each table's files are read and written with
   * the credentials Floe vends for that table.
   */
  static SparkSession startWithVendedCredentials(
      URI floe, String warehouse, String accessKey, String secretKey, Path workDir) {
    Map<String, String> catalog = restCatalog(floe, warehouse);
    catalog.put("credential", accessKey + ":" + secretKey);
    catalog.put("header.X-Iceberg-Access-Delegation", "vended-credentials");
    return session(catalog, workDir);
  }

  private static Map<String, String> restCatalog(URI floe, String warehouse) {
    Map<String, String> catalog = new LinkedHashMap<>();
    catalog.put("type", "rest");
    catalog.put("uri", floe + "/_iceberg");
    catalog.put("warehouse", warehouse);
    catalog.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    return catalog;
  }

  private static SparkSession session(Map<String, String> catalog, Path workDir) {
    String prefix = "spark.sql.catalog." + CATALOG;
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("floe-spark-tests")
            .master("local[2]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.local.dir", workDir.resolve("spark-local").toString())
            .config("spark.sql.warehouse.dir", workDir.resolve("spark-warehouse").toString())
            .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
            .config(prefix, "org.apache.iceberg.spark.SparkCatalog");
    catalog.forEach((name, value) -> builder.config(prefix + "." + name, value));
    return builder.getOrCreate();
  }
}
