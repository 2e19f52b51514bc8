package dev.floe.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.floe.catalog.warehouse.WarehouseRecord;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.rest.RESTRequest;
import org.apache.iceberg.rest.RESTResponse;

/** Request and response bodies of the warehouse API (compatible with MinIO AIStor's). */
final class WarehouseMessages {

  private WarehouseMessages() {}

  record CreateWarehouseRequest(String name, Boolean upgradeExisting) implements RESTRequest {
    @Override
    public void validate() {
      if (name == null || name.isBlank()) {
        throw new BadRequestException("Invalid warehouse: 'name' is required");
      }
    }

    boolean upgrade() {
      return Boolean.TRUE.equals(upgradeExisting);
    }
  }

  record WarehouseResponse(
      String name, String id, String createdAt, Map<String, String> properties)
      implements RESTResponse {
    static WarehouseResponse of(WarehouseRecord record) {
      return new WarehouseResponse(
          record.name(), record.id(), record.created().toString(), record.properties());
    }

    @Override
    public void validate() {}
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ListWarehousesResponse(List<WarehouseResponse> warehouses, String nextPageToken)
      implements RESTResponse {
    @Override
    public void validate() {}
  }
}
