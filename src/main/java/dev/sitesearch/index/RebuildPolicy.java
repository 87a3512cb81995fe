package dev.sitesearch.index;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The one answer to "must this index be rebuilt before it can be used as it is?", asked by {@code
 * serve} (through {@link Indexer#rebuildReason()}) and by every run. Both must agree: an index that
 * a run would rebuild must not be served meanwhile, or pages it should not show (drafts of a
 * preview run) stay public until the catch-up pass.
 *
 * <p>It reads the latest commit's user data, which {@link #commitData} writes, so what is checked
 * and what is recorded live side by side.
 *
 * @param schema the schema the index must have been built with (compared by fingerprint)
 * @param includeDrafts whether the index must hold drafts, future and expired pages
 */
record RebuildPolicy(Schema schema, boolean includeDrafts) {
  static final String NEW_INDEX = "new index";
  static final String SITE_CHANGED = "Hugo site changed: config, bundles, sections or cascades";

  /**
   * Why {@code dir} must be rebuilt before it is served as it is, or null: the schema and the
   * drafts setting. A changed site is found by the run itself ({@link #reason(Directory, String)}),
   * as edited pages are.
   */
  String reason(Directory dir) throws IOException {
    return reason(dir, null);
  }

  /**
   * Why a run over a site with {@code siteFingerprint} must rebuild {@code dir}, or null when an
   * incremental run will do; a null fingerprint is not compared.
   */
  String reason(Directory dir, String siteFingerprint) throws IOException {
    if (!DirectoryReader.indexExists(dir)) return NEW_INDEX;
    return reason(SegmentInfos.readLatestCommit(dir).getUserData(), siteFingerprint);
  }

  /** Why an index whose latest commit carries {@code commitData} must be rebuilt, or null. */
  String reason(Map<String, String> commitData, String siteFingerprint) {
    if (!schema.fingerprint().equals(commitData.get(Fields.COMMIT_SCHEMA))) return "schema changed";
    if (!String.valueOf(includeDrafts).equals(commitData.get(Fields.COMMIT_INCLUDE_DRAFTS))) {
      return "drafts " + (includeDrafts ? "included" : "left out") + " now";
    }
    // A page's address and whether it is published also depend on files other than its own.
    if (siteFingerprint != null && !siteFingerprint.equals(commitData.get(Fields.COMMIT_SITE)))
      return SITE_CHANGED;
    return null;
  }

  /**
   * The user data of a commit made under this policy over a site with {@code siteFingerprint};
   * {@link #reason(Map, String)} answers null for it.
   */
  Map<String, String> commitData(Instant indexedAt, String siteFingerprint) {
    return Map.of(
        Fields.COMMIT_SCHEMA, schema.fingerprint(),
        Fields.COMMIT_SCHEMA_VERSION, String.valueOf(Schema.VERSION),
        Fields.COMMIT_SCHEMA_TEXT, schema.describe(),
        Fields.COMMIT_INDEXED_AT, indexedAt.toString(),
        Fields.COMMIT_INCLUDE_DRAFTS, String.valueOf(includeDrafts),
        Fields.COMMIT_SITE, siteFingerprint);
  }
}
