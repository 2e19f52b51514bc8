package dev.floe.catalog.rest;

import java.util.List;
import java.util.Optional;
import org.apache.iceberg.exceptions.BadRequestException;

/** The {@code pageToken} / {@code pageSize} query parameters, validated. */
record Pagination(String pageToken, String pageSize) {

  static Optional<Pagination> from(CatalogRequest request) {
    Optional<String> size = request.queryParam("pageSize");
    if (size.isEmpty()) {
      return Optional.empty();
    }
    int parsed;
    try {
      parsed = Integer.parseInt(size.get());
    } catch (NumberFormatException e) {
      throw new BadRequestException("Invalid pageSize: %s (expected a positive integer)", size.get());
    }
    if (parsed < 1) {
      throw new BadRequestException("Invalid pageSize: %s (expected a positive integer)", parsed);
    }
    String token = request.queryParam("pageToken").orElse(null);
    if (token != null && !token.isEmpty() && !token.chars().allMatch(Character::isDigit)) {
      throw new BadRequestException("Invalid pageToken: %s", token);
    }
    return Optional.of(new Pagination(token, size.get()));
  }

  /** Pages an in-memory list with the same token scheme as Iceberg's CatalogHandlers. */
  <T> List<T> page(List<T> items) {
    int start = pageToken == null || pageToken.isEmpty() ? 0 : Integer.parseInt(pageToken);
    int end = Math.min(items.size(), start + Integer.parseInt(pageSize));
    return start >= items.size() ? List.of() : items.subList(start, end);
  }

  <T> String nextToken(List<T> items) {
    int start = pageToken == null || pageToken.isEmpty() ? 0 : Integer.parseInt(pageToken);
    int end = start + Integer.parseInt(pageSize);
    return end >= items.size() ? null : String.valueOf(end);
  }
}
