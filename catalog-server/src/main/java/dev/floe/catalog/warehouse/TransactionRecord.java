package dev.floe.catalog.warehouse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The record {@code .floe/txn/<id>.json} of a multi-table transaction; its state is the single
 * commit point every pending entity is resolved against.
 */
record TransactionRecord(String id, State state, List<String> tables, Instant deadline) {

  TransactionRecord {
    tables = List.copyOf(tables);
  }

  TransactionRecord withState(State newState) {
    return new TransactionRecord(id, newState, tables, deadline);
  }

  enum State {
    OPEN,
    COMMITTED,
    ABORTED;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static State fromJson(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
