package dev.sitesearch.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short, stable digest of settings made of maps, lists and plain values: maps are read in key
 * order, so the same settings give the same digest in every run (the order of a {@code Map.of}
 * changes from one JVM to the next).
 */
final class Digest {
  private Digest() {}

  static String of(Object value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(sorted(value)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      var out = new TreeMap<String, Object>();
      m.forEach((k, x) -> out.put(String.valueOf(k), sorted(x)));
      return out;
    }
    if (v instanceof List<?> list) return list.stream().map(Digest::sorted).toList();
    return v;
  }
}
