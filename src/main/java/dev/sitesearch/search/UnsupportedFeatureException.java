package dev.sitesearch.search;

/**
 * A feature the serving engine does not have (the SolrCloud engine has no related pages, for one):
 * the API answers 501 naming the feature and the engine, not a failure.
 */
public final class UnsupportedFeatureException extends RuntimeException {
  private final String feature;
  private final String engine;

  public UnsupportedFeatureException(String feature, String engine) {
    super(feature + " is not available on the " + engine + " engine");
    this.feature = feature;
    this.engine = engine;
  }

  /** A feature the engine lacks, said in full ({@code message}). */
  public UnsupportedFeatureException(String message) {
    super(message);
    this.feature = null;
    this.engine = null;
  }

  public String feature() {
    return feature;
  }

  public String engine() {
    return engine;
  }
}
