package dev.sitesearch.config;

/** A configuration that cannot be used; the message names the file and the key. Exit code 2. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
