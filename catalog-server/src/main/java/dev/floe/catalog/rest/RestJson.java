package dev.floe.catalog.rest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.rest.RESTRequest;
import org.apache.iceberg.rest.RESTSerializers;

/**
 * JSON for the REST API, configured as Iceberg's own (package-private) REST object mapper so that
 * every request and response class round-trips exactly as Iceberg clients expect.
 */
final class RestJson {
  private static final ObjectMapper MAPPER = newMapper();

  private RestJson() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new BadRequestException("Missing request body: expected %s", type.getSimpleName());
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "Malformed %s: %s", type.getSimpleName(), e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("Malformed %s: %s", type.getSimpleName(), rootMessage(e));
    }
    if (value == null) {
      throw new BadRequestException("Missing request body: expected %s", type.getSimpleName());
    }
    if (value instanceof RESTRequest request) {
      try {
        request.validate();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new BadRequestException("Invalid %s: %s", type.getSimpleName(), e.getMessage());
      }
    }
    return value;
  }

  /** The JSON of a response or request body; a {@link Serialized} body is already its JSON. */
  static byte[] write(Object value) {
    if (value instanceof Serialized serialized) {
      return serialized.json();
    }
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The loadTable answer for a metadata file whose JSON is at hand, byte for byte what Iceberg's
   * serializer writes for a {@link org.apache.iceberg.rest.responses.LoadTableResponse} without
   * config or credentials, without serializing the metadata again.
   */
  static Serialized loadTableResponse(String metadataLocation, String metadataJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(metadataJson.length() + 256);
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("metadata-location", metadataLocation);
      generator.writeFieldName("metadata");
      generator.writeRawValue(metadataJson);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Serialized(out.toByteArray());
  }

  /**
   * A response body serialized ahead of time, such as a loadTable answer kept for a metadata file
   * that never changes; the array is shared and must not be modified.
   */
  record Serialized(byte[] json) {}

  private static String rootMessage(Throwable error) {
    Throwable current = error;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current.getMessage() == null ? current.getClass().getSimpleName() : current.getMessage();
  }

  private static ObjectMapper newMapper() {
    JsonFactory factory =
        new JsonFactoryBuilder()
            .configure(JsonFactory.Feature.INTERN_FIELD_NAMES, false)
            .configure(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW, false)
            .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
    RESTSerializers.registerAll(mapper);
    return mapper;
  }
}
