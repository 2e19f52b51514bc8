package dev.floe.s3;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request's query string as decoded parameters, in arrival order. S3 sub-resources such as
 * {@code ?uploads} have no value, which is kept apart from an empty one so that the forwarded
 * query reads like the client's.
 */
final class S3QueryString {

  /** A decoded parameter; {@code value} is null when the parameter had no {@code =}. */
  record Parameter(String name, String value) {}

  /** The query parameters of a presigned URL: Floe's authentication, never forwarded. */
  private static final Set<String> PRESIGNED_AUTH =
      Set.of(
          "x-amz-algorithm",
          "x-amz-credential",
          "x-amz-date",
          "x-amz-expires",
          "x-amz-signedheaders",
          "x-amz-signature",
          "x-amz-security-token");

  private final List<Parameter> parameters;

  private S3QueryString(List<Parameter> parameters) {
    this.parameters = Collections.unmodifiableList(parameters);
  }

  static S3QueryString parse(String rawQuery) throws S3ErrorException {
    List<Parameter> parameters = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String part : rawQuery.split("&")) {
        if (part.isEmpty()) {
          continue;
        }
        int equals = part.indexOf('=');
        if (equals < 0) {
          parameters.add(new Parameter(PercentCoding.decode(part), null));
        } else {
          parameters.add(
              new Parameter(
                  PercentCoding.decode(part.substring(0, equals)),
                  PercentCoding.decode(part.substring(equals + 1))));
        }
      }
    }
    return new S3QueryString(parameters);
  }

  boolean has(String name) {
    return parameters.stream().anyMatch(parameter -> parameter.name().equals(name));
  }

  /** The parameters minus a presigned URL's authentication, which the backend must not see. */
  S3QueryString withoutPresignedAuth() {
    return new S3QueryString(
        parameters.stream()
            .filter(p -> !PRESIGNED_AUTH.contains(p.name().toLowerCase(Locale.ROOT)))
            .collect(Collectors.toCollection(ArrayList::new)));
  }

  /** First value per name; a parameter without a value maps to the empty string. */
  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (Parameter parameter : parameters) {
      map.putIfAbsent(parameter.name(), parameter.value() == null ? "" : parameter.value());
    }
    return Collections.unmodifiableMap(map);
  }

  /** The query as sent to the backend, AWS-encoded; empty when there are no parameters. */
  String encoded() {
    return parameters.stream()
        .map(
            p ->
                p.value() == null
                    ? PercentCoding.encode(p.name())
                    : PercentCoding.encode(p.name()) + "=" + PercentCoding.encode(p.value()))
        .collect(Collectors.joining("&"));
  }
}
