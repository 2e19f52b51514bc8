package dev.floe.s3.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.auth.policy.AuthorizationRequest;
import dev.floe.integrity.TableLocationIndex;
import dev.floe.s3.BodyObject;
import dev.floe.s3.S3CopySource;
import dev.floe.s3.S3Operation;
import dev.floe.s3.S3Request;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which permissions an S3 request needs: AWS's {@code s3:} action on the bucket or object ARN, or
 * {@code s3tables:GetTableData}/{@code PutTableData} on the owning table for a table's files.
 */
class S3PermissionsTest {
  private static final String WAREHOUSE = "wh";
  private static final String TABLE = "0b6e2f0c-8c1e-4c37-9d7b-5f7d8f0e4a11";
  private static final String TABLE_ARN = "arn:aws:s3tables:::bucket/wh/table/" + TABLE;
  private static final Map<String, List<String>> GLOBAL = Map.of("aws:username", List.of("alice"));

  /** One warehouse named {@code wh}; any canonical {@code <uuid>/} prefix in it is a table. */
  private static final TableLocationIndex TABLES =
      new TableLocationIndex() {
        @Override
        public boolean isWarehouse(String bucket) {
          return bucket.equals(WAREHOUSE);
        }

        @Override
        public Optional<String> owningTable(String warehouseBucket, String key) {
          int slash = key.indexOf('/');
          if (slash <= 0) {
            return Optional.empty();
          }
          String segment = key.substring(0, slash);
          try {
            return Optional.of(UUID.fromString(segment).toString()).filter(segment::equals);
          } catch (IllegalArgumentException notATable) {
            return Optional.empty();
          }
        }
      };

  private final S3Permissions permissions = new S3Permissions(TABLES, TableNames.NONE);

  @ParameterizedTest
  @EnumSource(S3Operation.class)
  void everyOperationNeedsAtLeastOneNamedS3ActionOnAnS3Arn(S3Operation operation) {
    List<AuthorizationRequest> needed =
        permissions.of(request(operation, "assets", "k"), GLOBAL).stream().map(S3Permission::first).toList();

    assertThat(needed).isNotEmpty();
    assertThat(needed)
        .allSatisfy(
            permission -> {
              assertThat(permission.action()).matches("s3(express)?:[A-Z][A-Za-z]+");
              assertThat(permission.resource()).startsWith("arn:aws:s3:::");
              assertThat(permission.context()).containsEntry("aws:username", List.of("alice"));
            });
  }

  @Test
  void objectOperationsAskForAwsActionsOnTheObjectArn() {
    assertThat(single(S3Operation.GetObject, "assets", "a/b.txt"))
        .isEqualTo("s3:GetObject on arn:aws:s3:::assets/a/b.txt");
    assertThat(single(S3Operation.HeadObject, "assets", "a/b.txt"))
        .isEqualTo("s3:GetObject on arn:aws:s3:::assets/a/b.txt");
    assertThat(single(S3Operation.UploadPart, "assets", "big"))
        .isEqualTo("s3:PutObject on arn:aws:s3:::assets/big");
    assertThat(single(S3Operation.CompleteMultipartUpload, "assets", "big"))
        .isEqualTo("s3:PutObject on arn:aws:s3:::assets/big");
    assertThat(single(S3Operation.ListParts, "assets", "big"))
        .isEqualTo("s3:ListMultipartUploadParts on arn:aws:s3:::assets/big");
  }

  @Test
  void aBatchDeleteAsksForEachKeyItsBodyNames() {
    S3Request batch =
        request(S3Operation.DeleteObjects, "assets", "")
            .withBodyObjects(
                List.of(
                    new BodyObject("a/1.txt", Optional.empty()),
                    new BodyObject("b/2.txt", Optional.of("v7")),
                    new BodyObject(TABLE + "/data/x.parquet", Optional.empty())));
    assertThat(describe(permissions.of(batch, GLOBAL)))
        .containsExactly(
            "s3:DeleteObject on arn:aws:s3:::assets/a/1.txt",
            "s3:DeleteObjectVersion on arn:aws:s3:::assets/b/2.txt",
            "s3:DeleteObject on arn:aws:s3:::assets/" + TABLE + "/data/x.parquet");
    S3Request inWarehouse =
        request(S3Operation.DeleteObjects, WAREHOUSE, "")
            .withBodyObjects(List.of(new BodyObject(TABLE + "/data/x.parquet", Optional.empty())));
    assertThat(describe(permissions.of(inWarehouse, GLOBAL))).containsExactly("s3tables:PutTableData on " + TABLE_ARN);
  }

  @Test
  void bucketAndServiceOperationsAskOnTheBucketArn() {
    assertThat(single(S3Operation.ListBuckets, "", "")).isEqualTo("s3:ListAllMyBuckets on arn:aws:s3:::*");
    assertThat(single(S3Operation.HeadBucket, "assets", "")).isEqualTo("s3:ListBucket on arn:aws:s3:::assets");
    assertThat(single(S3Operation.ListMultipartUploads, "assets", ""))
        .isEqualTo("s3:ListBucketMultipartUploads on arn:aws:s3:::assets");
    assertThat(single(S3Operation.DeleteBucketCors, "assets", ""))
        .isEqualTo("s3:PutBucketCORS on arn:aws:s3:::assets");
  }

  @Test
  void aRequestForAVersionAsksForTheVersionAction() {
    S3Request request =
        new S3Request(S3Operation.GetObject, "assets", "k", Optional.empty(), Map.of("versionId", "v1"), Map.of());
    assertThat(describe(permissions.of(request, GLOBAL))).containsExactly("s3:GetObjectVersion on arn:aws:s3:::assets/k");
  }

  @Test
  void aCopyReadsItsSourceAndWritesItsDestination() {
    S3Request copy =
        new S3Request(
            S3Operation.CopyObject, "assets", "copy", Optional.of(new S3CopySource("other", "orig", Optional.empty())),
            Map.of(), Map.of());
    assertThat(describe(permissions.of(copy, GLOBAL)))
        .containsExactly("s3:PutObject on arn:aws:s3:::assets/copy", "s3:GetObject on arn:aws:s3:::other/orig");
  }

  @Test
  void listingsCarryPrefixDelimiterAndMaxKeys() {
    S3Request list =
        new S3Request(
            S3Operation.ListObjectsV2, "assets", "", Optional.empty(),
            Map.of("list-type", "2", "prefix", "home/alice/", "delimiter", "/", "max-keys", "10"), Map.of());
    AuthorizationRequest needed = permissions.of(list, GLOBAL).get(0).first();
    assertThat(needed.context())
        .containsEntry("s3:prefix", List.of("home/alice/"))
        .containsEntry("s3:delimiter", List.of("/"))
        .containsEntry("s3:max-keys", List.of("10"));
    AuthorizationRequest topLevel = permissions.of(request(S3Operation.ListObjects, "assets", ""), GLOBAL).get(0).first();
    assertThat(topLevel.context()).containsEntry("s3:prefix", List.of("")).doesNotContainKey("s3:delimiter");
  }

  @Test
  void tableFilesAreReadAndWrittenAsTableData() {
    String file = TABLE + "/data/00000-0.parquet";
    assertThat(single(S3Operation.GetObject, WAREHOUSE, file)).isEqualTo("s3tables:GetTableData on " + TABLE_ARN);
    assertThat(single(S3Operation.HeadObject, WAREHOUSE, file)).isEqualTo("s3tables:GetTableData on " + TABLE_ARN);
    assertThat(single(S3Operation.ListParts, WAREHOUSE, file)).isEqualTo("s3tables:GetTableData on " + TABLE_ARN);
    for (S3Operation write :
        List.of(S3Operation.PutObject, S3Operation.CreateMultipartUpload, S3Operation.UploadPart,
            S3Operation.CompleteMultipartUpload, S3Operation.AbortMultipartUpload)) {
      assertThat(single(write, WAREHOUSE, file)).isEqualTo("s3tables:PutTableData on " + TABLE_ARN);
    }
  }

  @Test
  void copyingATableFileOutReadsTableDataAndWritesTheDestination() {
    S3Request copy =
        new S3Request(
            S3Operation.CopyObject, "assets", "export.parquet",
            Optional.of(new S3CopySource(WAREHOUSE, TABLE + "/data/f.parquet", Optional.empty())), Map.of(), Map.of());
    assertThat(describe(permissions.of(copy, GLOBAL)))
        .containsExactly("s3:PutObject on arn:aws:s3:::assets/export.parquet", "s3tables:GetTableData on " + TABLE_ARN);
  }

  @Test
  void listingInsideOneTableIsReadingItsDataAndListingElsewhereIsListBucket() {
    S3Request insideTable =
        new S3Request(S3Operation.ListObjectsV2, WAREHOUSE, "", Optional.empty(), Map.of("prefix", TABLE + "/data/"), Map.of());
    assertThat(describe(permissions.of(insideTable, GLOBAL))).containsExactly("s3tables:GetTableData on " + TABLE_ARN);
    assertThat(single(S3Operation.ListObjectsV2, WAREHOUSE, "")).isEqualTo("s3:ListBucket on arn:aws:s3:::wh");
  }

  @Test
  void keysOutsideEveryTableAndUuidPrefixesInOrdinaryBucketsAreOrdinaryObjects() {
    assertThat(single(S3Operation.GetObject, WAREHOUSE, ".floe/warehouse.json"))
        .isEqualTo("s3:GetObject on arn:aws:s3:::wh/.floe/warehouse.json");
    assertThat(single(S3Operation.GetObject, "assets", TABLE + "/x"))
        .isEqualTo("s3:GetObject on arn:aws:s3:::assets/" + TABLE + "/x");
  }

  @Test
  void aNamedTablesFilesAreAskedAboutByUuidAndByNameWithItsConditionKeys() {
    S3Permissions withNames =
        new S3Permissions(TABLES, (warehouse, uuid) -> Optional.of(new TableNames.TableName("sales.eu", "orders")));
    List<S3Permission> needed = withNames.of(request(S3Operation.GetObject, WAREHOUSE, TABLE + "/data/f.parquet"), GLOBAL);

    assertThat(needed).hasSize(1);
    assertThat(needed.get(0).underEachArn())
        .extracting(AuthorizationRequest::resource)
        .containsExactly(TABLE_ARN, "arn:aws:s3tables:::bucket/wh/table/sales.eu/orders");
    assertThat(needed.get(0).first().context())
        .containsEntry("s3tables:namespace", List.of("sales.eu"))
        .containsEntry("s3tables:tableName", List.of("orders"));
  }

  private String single(S3Operation operation, String bucket, String key) {
    List<String> needed = describe(permissions.of(request(operation, bucket, key), GLOBAL));
    assertThat(needed).hasSize(1);
    return needed.get(0);
  }

  private static List<String> describe(List<S3Permission> needed) {
    return needed.stream().map(S3Permission::first).map(r -> r.action() + " on " + r.resource()).toList();
  }

  /** A request as the classifier would give it; copies read {@code src/orig}. */
  private static S3Request request(S3Operation operation, String bucket, String key) {
    Optional<S3CopySource> source =
        operation == S3Operation.CopyObject || operation == S3Operation.UploadPartCopy
            ? Optional.of(new S3CopySource("src", "orig", Optional.empty()))
            : Optional.empty();
    return new S3Request(operation, bucket, key, source, Map.of(), Map.of());
  }
}
