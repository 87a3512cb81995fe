package dev.sitesearch.search;

import java.util.Objects;

/**
 * A curation change that cannot be made: a field of the change is wrong ({@link #field}, a 400 over
 * HTTP), or it no longer fits the current rules ({@link #conflict}, a 409: another editor changed
 * them first, or the version was already undone).
 */
public class CurationException extends RuntimeException {
  private final String field;
  private final boolean conflict;

  private CurationException(String field, boolean conflict, String message) {
    super(message);
    this.field = field;
    this.conflict = conflict;
  }

  /** The change's field {@code field} is wrong, as {@code message} says. */
  public static CurationException invalid(String field, String message) {
    return new CurationException(Objects.requireNonNull(field), false, message);
  }

  /** The change does not fit the rules as they are now. */
  public static CurationException conflict(String message) {
    return new CurationException(null, true, message);
  }

  /** The field at fault, or null for a conflict. */
  public String field() {
    return field;
  }

  public boolean conflict() {
    return conflict;
  }
}
