package dev.floe.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A query string as sent, decoded into its parameters. The canonical form re-encodes each name and
 * value per SigV4 ({@code %20} for a space, never {@code +}; {@code name=} for an empty value) and
 * sorts them, so the client's own choice of encoding does not matter.
 */
final class QueryString {

  private record Parameter(byte[] name, byte[] value) {

    String encodedName() {
      return UriEncoding.encode(name, false);
    }

    String encodedValue() {
      return UriEncoding.encode(value, false);
    }

    String decodedName() {
      return new String(name, StandardCharsets.UTF_8);
    }
  }

  private final List<Parameter> parameters;

  private QueryString(List<Parameter> parameters) {
    this.parameters = parameters;
  }

  static QueryString parse(String rawQuery) {
    List<Parameter> parameters = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.add(
          new Parameter(UriEncoding.decode(name, true), UriEncoding.decode(value, true)));
    }
    return new QueryString(parameters);
  }

  boolean contains(String name) {
    return parameters.stream().anyMatch(p -> p.decodedName().equals(name));
  }

  /** The decoded value of the first parameter with this exact name. */
  Optional<String> first(String name) {
    return parameters.stream()
        .filter(p -> p.decodedName().equals(name))
        .findFirst()
        .map(p -> new String(p.value(), StandardCharsets.UTF_8));
  }

  /** The canonical query string, leaving out parameters with the given name. */
  String canonical(String excludedName) {
    return parameters.stream()
        .filter(p -> !p.decodedName().equals(excludedName))
        .map(p -> new String[] {p.encodedName(), p.encodedValue()})
        .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
        .map(p -> p[0] + "=" + p[1])
        .reduce((a, b) -> a + "&" + b)
        .orElse("");
  }

  String canonical() {
    return canonical(null);
  }
}
