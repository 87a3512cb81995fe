package dev.sitesearch.content;

import java.util.List;
import java.util.Objects;

/**
 * Where a published page lives on the site.
 *
 * @param url the page's relative permalink, with the {@code baseURL} path ({@code /docs/install/})
 * @param permalink the absolute URL, or null when {@code baseURL} names no host
 * @param aliases the other URLs that lead to the page (Hugo serves them as redirects), resolved as
 *     Hugo resolves them: relative ones against the page's own folder, each with the {@code
 *     baseURL} path and language prefix
 */
public record PageAddress(String url, String permalink, List<String> aliases) {
  public PageAddress {
    Objects.requireNonNull(url);
    aliases = List.copyOf(aliases);
  }
}
