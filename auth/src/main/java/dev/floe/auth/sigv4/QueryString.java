package dev.floe.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A query string as sent, decoded into its parameters. The canonical form re-encodes each name and
 * value per SigV4 ({@code %20} for a space, never {@code +}; {@code name=} for an empty value) and
 * sorts them, so the client's own choice of encoding does not matter. A literal {@code +} reads as
 * a space, as in form-encoded queries.
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

  /** The canonical query string. */
  String canonical() {
    return canonical(parameters.stream());
  }

  /** The canonical query string, leaving out the parameters with the given name. */
  String canonicalWithout(String excludedName) {
    return canonical(parameters.stream().filter(p -> !p.decodedName().equals(excludedName)));
  }

  private static String canonical(Stream<Parameter> parameters) {
    return parameters
        .map(p -> Map.entry(p.encodedName(), p.encodedValue()))
        .sorted(
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
        .map(p -> p.getKey() + "=" + p.getValue())
        .collect(Collectors.joining("&"));
  }
}
