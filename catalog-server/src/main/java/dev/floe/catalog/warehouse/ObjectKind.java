package dev.floe.catalog.warehouse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Tables and views share one name space per namespace; a name object says which it is. */
enum ObjectKind {
  TABLE,
  VIEW;

  @JsonValue
  String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static ObjectKind fromJson(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
