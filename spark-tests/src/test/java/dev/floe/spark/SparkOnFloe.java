package dev.floe.spark;

import java.net.URI;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A local-mode SparkSession whose catalog {@value #CATALOG} is configured exactly as the README's
 * "Spark" section tells a user to: the Iceberg REST catalog at {@code /_iceberg} with SigV4, and
 * S3FileIO pointed at the same port, so every catalog call and every data byte goes through Floe.
 */
final class SparkOnFloe {
  static final String CATALOG = "floe";
  static final String REGION = "us-east-1";

  private SparkOnFloe() {}

  static SparkSession start(URI floe, String warehouse, String accessKey, String secretKey, Path workDir) {
    String catalog = "spark.sql.catalog." + CATALOG;
    return SparkSession.builder()
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
        .config(catalog, "org.apache.iceberg.spark.SparkCatalog")
        .config(catalog + ".type", "rest")
        .config(catalog + ".uri", floe + "/_iceberg")
        .config(catalog + ".warehouse", warehouse)
        .config(catalog + ".rest.sigv4-enabled", "true")
        .config(catalog + ".rest.signing-name", "s3tables")
        .config(catalog + ".rest.signing-region", REGION)
        .config(catalog + ".rest.access-key-id", accessKey)
        .config(catalog + ".rest.secret-access-key", secretKey)
        .config(catalog + ".io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .config(catalog + ".s3.endpoint", floe.toString())
        .config(catalog + ".s3.path-style-access", "true")
        .config(catalog + ".s3.access-key-id", accessKey)
        .config(catalog + ".s3.secret-access-key", secretKey)
        .config(catalog + ".client.region", REGION)
        .getOrCreate();
  }
}
