package dev.floe.catalog.rest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
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

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

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
