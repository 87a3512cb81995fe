package dev.sitesearch.content;

import java.io.IOException;

/**
 * The Hugo site's own configuration ({@code hugo.toml}, {@code config/_default/…}) cannot be read
 * or holds a value sitesearch cannot use: the message names the file and the key. An indexing run
 * stops on it (pages published at the wrong address would be worse than none) and keeps the index
 * as it was.
 */
public final class HugoConfigException extends IOException {
  public HugoConfigException(String message) {
    super(message);
  }
}
