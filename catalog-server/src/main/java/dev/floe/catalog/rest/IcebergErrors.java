package dev.floe.catalog.rest;

import dev.floe.auth.AuthenticationException;
import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.warehouse.WarehouseNotEmptyException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchIcebergTableException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.apache.iceberg.exceptions.UnprocessableEntityException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become Iceberg error responses. Client mistakes keep their
 * message; anything unexpected is logged here and answered with a generic 500 so internals never
 * leak.
 */
final class IcebergErrors {
  private static final Logger LOG = LoggerFactory.getLogger(IcebergErrors.class);

  private static final Map<Class<? extends Exception>, Integer> STATUS_BY_TYPE =
      Map.ofEntries(
          Map.entry(BadRequestException.class, 400),
          Map.entry(IllegalArgumentException.class, 400),
          Map.entry(ValidationException.class, 400),
          Map.entry(NotAuthorizedException.class, 401),
          Map.entry(ForbiddenException.class, 403),
          Map.entry(NoSuchNamespaceException.class, 404),
          Map.entry(NoSuchTableException.class, 404),
          Map.entry(NoSuchIcebergTableException.class, 404),
          Map.entry(NoSuchViewException.class, 404),
          Map.entry(NotFoundException.class, 404),
          Map.entry(UnsupportedOperationException.class, 406),
          Map.entry(AlreadyExistsException.class, 409),
          Map.entry(CommitFailedException.class, 409),
          Map.entry(NamespaceNotEmptyException.class, 409),
          Map.entry(WarehouseNotEmptyException.class, 409),
          Map.entry(UnprocessableEntityException.class, 422),
          Map.entry(CommitStateUnknownException.class, 500),
          Map.entry(ServiceUnavailableException.class, 503),
          Map.entry(StoreUnavailableException.class, 503));

  private IcebergErrors() {}

  static ErrorResponse of(int status, String type, String message) {
    return ErrorResponse.builder().responseCode(status).withType(type).withMessage(message).build();
  }

  static ErrorResponse forAuthentication(AuthenticationException e) {
    int status = e.failure().httpStatus() == 400 ? 401 : e.failure().httpStatus();
    String type = status == 401 ? "NotAuthorizedException" : "ForbiddenException";
    return of(status, type, e.getMessage());
  }

  static ErrorResponse forException(Throwable error) {
    Throwable cause = unwrap(error);
    Integer status = statusOf(cause);
    if (status == null) {
      LOG.error("Unexpected error while serving a catalog request", cause);
      return of(500, "InternalServerError", "Internal server error; see the server log");
    }
    if (cause instanceof StoreUnavailableException) {
      LOG.warn("Backing store unavailable", cause);
      return of(status, "ServiceUnavailableException", "The backing object store is unavailable; retry later");
    }
    if (status >= 500) {
      LOG.warn("Catalog request failed: {}", cause.toString());
    }
    return of(status, typeName(cause), messageOf(cause));
  }

  private static Integer statusOf(Throwable error) {
    for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
      Integer status = STATUS_BY_TYPE.get(type);
      if (status != null) {
        return status;
      }
    }
    return null;
  }

  /**
   * Iceberg clients choose the exception to raise from the error type, so subclasses that the
   * client does not know are reported under the Iceberg type they extend.
   */
  private static String typeName(Throwable error) {
    for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().startsWith("org.apache.iceberg.")) {
        return type.getSimpleName();
      }
    }
    return error.getClass().getSimpleName();
  }

  private static String messageOf(Throwable error) {
    return error.getMessage() == null ? typeName(error) : error.getMessage();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof UncheckedIOException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
