package dev.sitesearch.index;

/**
 * What the index remembers of a file it holds, read from doc values to judge change without reading
 * the file.
 */
record IndexedFile(
    String path,
    String id,
    long size,
    long modifiedMillis,
    String contentHash,
    long expiresMillis) {
  static final long NEVER = Long.MAX_VALUE;
}
