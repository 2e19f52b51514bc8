package dev.floe.catalog.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.rest.responses.LoadTableResponse;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/**
 * A commit's answer is assembled from the JSON just written to the metadata file instead of
 * serializing the metadata a second time: clients must not be able to tell the difference.
 */
class LoadTableAnswerTest {

  @Test
  void anAnswerAssembledFromTheMetadataFileIsByteForByteIcebergsOwn() {
    String location = "s3://warehouse/8b5f6bd2-0c4e-4cf5-9a9e-8a3a6c5f3d21/metadata/00002-x.metadata.json";
    TableMetadata metadata =
        TableMetadata.buildFrom(
                TableMetadata.newTableMetadata(
                    new Schema(
                        Types.NestedField.required(1, "id", Types.LongType.get()),
                        Types.NestedField.optional(2, "name \"quoted\" \u00e9", Types.StringType.get())),
                    PartitionSpec.unpartitioned(),
                    SortOrder.unsorted(),
                    "s3://warehouse/8b5f6bd2-0c4e-4cf5-9a9e-8a3a6c5f3d21",
                    Map.of("k", "v\\with\"escapes")))
            .discardChanges()
            .withMetadataLocation(location)
            .build();

    byte[] assembled =
        RestJson.loadTableResponse(location, TableMetadataParser.toJson(metadata)).json();

    assertThat(new String(assembled, StandardCharsets.UTF_8))
        .isEqualTo(
            new String(
                RestJson.write(LoadTableResponse.builder().withTableMetadata(metadata).build()),
                StandardCharsets.UTF_8));
  }
}
