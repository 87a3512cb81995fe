package dev.sitesearch.solr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitesearch.content.ContentProblem;
import dev.sitesearch.content.ContentWalker;
import dev.sitesearch.content.PageReader;
import dev.sitesearch.content.ReadOutcome;
import dev.sitesearch.content.Site;
import dev.sitesearch.content.SourceFile;
import dev.sitesearch.index.IndexSummary;
import dev.sitesearch.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sitesearch index} on SolrCloud, with the content rules of the local indexer (the same
 * walk, Hugo site and page reader; the same mapping of a page, {@link SolrPageMapper}) and its
 * report ({@link IndexSummary}).
 *
 * <ul>
 *   <li><b>Full</b> (asked for, no collection behind the alias yet, or another configset: the
 *       schema, stemmer or synonyms changed): a new collection {@code <alias>_<time>} is created
 *       and filled in batches, committed, and only then is the alias moved to it (CREATEALIAS,
 *       atomic for readers, as the local commit is) and the old collection dropped. A run that
 *       fails or is killed leaves the alias where it was; its half-filled collection is dropped by
 *       it, or by the next full run.
 *   <li><b>Incremental</b>: the file state each document keeps (path, size, modification time) is
 *       read back and compared with the folder; only new and changed pages are sent, and vanished,
 *       now-unpublished and expired ones deleted, then one commit.
 * </ul>
 */
public final class SolrIndexer {
  private static final Logger LOG = LoggerFactory.getLogger(SolrIndexer.class);

  /** Documents per update request. */
  static final int BATCH = 500;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  /** Called after each batch sent to a rebuilt collection (the tests interrupt a run there). */
  public interface Progress {
    Progress NONE = sent -> {};

    void sent(int pages) throws IOException;
  }

  /** What the index holds for a file. */
  private record Indexed(String id, long size, long mtime, Long expires) {}

  private final Path content;
  private final Schema schema;
  private final SolrFields fields;
  private final SolrConfigset configset;
  private final PageReader reader;
  private final SolrCluster cluster;
  private final String alias;
  private final int shards;
  private final int replicas;
  private final int threads;
  private final Clock clock;
  private final SolrPageMapper mapper;

  public SolrIndexer(
      Path content,
      Schema schema,
      SolrConfigset configset,
      PageReader reader,
      SolrCluster cluster,
      SolrLayout layout,
      int threads,
      Clock clock) {
    this.content = content;
    this.schema = schema;
    this.fields = new SolrFields(schema);
    this.configset = configset;
    this.reader = reader;
    this.cluster = cluster;
    this.alias = layout.alias();
    this.shards = layout.shards();
    this.replicas = layout.replicationFactor();
    this.threads = Math.max(1, threads);
    this.clock = clock;
    this.mapper = new SolrPageMapper(schema, fields);
  }

  /** Whether there is no collection behind the alias yet (a server builds one before serving). */
  public boolean needsBuild() throws IOException {
    return cluster.aliasTarget(alias).isEmpty();
  }

  /** Brings the collection in line with the content folder; {@code full} rebuilds it. */
  public IndexSummary run(boolean full) throws IOException {
    return run(full, Progress.NONE);
  }

  public IndexSummary run(boolean full, Progress progress) throws IOException {
    long start = System.nanoTime();
    cluster.ensureConfigset(configset);
    var target = cluster.aliasTarget(alias);
    String reason = null;
    if (full) reason = "asked for";
    else if (target.isEmpty()) reason = "new index";
    else if (!cluster.configsetOf(target.get()).equals(configset.name())) reason = "schema changed";
    ContentWalker.Result walk = ContentWalker.walk(content);
    Site site = reader.site(content, walk.files());
    var run = new Run(walk);
    if (reason != null) rebuild(run, site, target.orElse(null), progress);
    else update(run, site, target.get());
    long documents = count(alias);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    int written = run.added + run.updated;
    IndexSummary summary =
        new IndexSummary(
            reason == null ? "incremental" : "full",
            reason,
            run.added,
            run.updated,
            run.deleted,
            run.unchanged,
            run.skipped.size(),
            run.failures.size(),
            documents,
            tookMs,
            tookMs == 0 ? written : written * 1000.0 / tookMs,
            0,
            sorted(run.failures),
            sorted(run.skipped),
            sorted(run.warnings));
    LOG.info("solrcloud {}: {}", alias, summary.line());
    return summary;
  }

  private static List<ContentProblem> sorted(List<ContentProblem> problems) {
    var copy = new ArrayList<>(problems);
    copy.sort(Comparator.comparing(ContentProblem::path).thenComparing(ContentProblem::reason));
    return copy;
  }

  /** One run's counts and problems. */
  private static final class Run {
    final ContentWalker.Result walk;
    int added;
    int updated;
    int deleted;
    int unchanged;
    final List<ContentProblem> failures = new ArrayList<>();
    final List<ContentProblem> skipped = new ArrayList<>();
    final List<ContentProblem> warnings = new ArrayList<>();

    Run(ContentWalker.Result walk) {
      this.walk = walk;
      failures.addAll(walk.problems());
    }
  }

  private void rebuild(Run run, Site site, String previous, Progress progress) throws IOException {
    String collection = alias + "_" + STAMP.format(clock.instant());
    cluster.createCollection(collection, configset.name(), shards, replicas);
    try {
      var ids = new HashMap<String, String>();
      var batch = new ArrayList<Map<String, Object>>();
      for (var outcome : read(run.walk.files(), site)) {
        switch (outcome) {
          case ReadOutcome.Parsed parsed -> {
            var mapped = mapper.map(parsed.page());
            String path = parsed.path();
            String owner = ids.putIfAbsent(mapped.id(), path);
            if (owner != null) { // files are in path order: the smaller path keeps the id
              run.failures.add(
                  ContentProblem.of(path, "id '" + mapped.id() + "' is already used by " + owner));
              continue;
            }
            run.warnings.addAll(mapped.warnings());
            batch.add(mapped.document());
            run.added++;
            if (batch.size() == BATCH) {
              send(collection, batch);
              progress.sent(run.added);
            }
          }
          case ReadOutcome.Skipped s -> run.skipped.add(ContentProblem.of(s.path(), s.reason()));
          case ReadOutcome.Gone g -> {}
          case ReadOutcome.Changed c -> run.warnings.add(c.problem());
          case ReadOutcome.Unreadable u -> run.failures.add(u.problem());
          case ReadOutcome.Failed f -> run.failures.add(f.problem());
        }
      }
      send(collection, batch);
      progress.sent(run.added);
      commit(collection);
      cluster.moveAlias(alias, collection);
    } catch (IOException | RuntimeException e) {
      dropQuietly(collection, e);
      throw e;
    }
    // The old collection, and any left by a run that was killed before it could drop its own.
    for (String old : cluster.collections()) {
      if (!old.equals(collection) && old.matches(alias + "_\\d{17}")) dropQuietly(old, null);
    }
    LOG.debug("alias {} moved from {} to {}", alias, previous, collection);
  }

  private void dropQuietly(String collection, Exception cause) {
    try {
      cluster.deleteCollection(collection);
    } catch (IOException | RuntimeException e) {
      if (cause != null) cause.addSuppressed(e);
      else LOG.warn("could not drop the old collection {}: {}", collection, e.getMessage());
    }
  }

  private void update(Run run, Site site, String collection) throws IOException {
    Map<String, Indexed> indexed = indexedFiles(alias);
    long now = clock.millis();
    var toRead = new ArrayList<SourceFile>();
    var deletes = new ArrayList<String>();
    var seen = new java.util.HashSet<String>();
    for (SourceFile file : run.walk.files()) {
      seen.add(file.relPath());
      Indexed old = indexed.get(file.relPath());
      boolean expired = old != null && old.expires() != null && old.expires() <= now;
      if (old != null
          && !expired
          && old.size() == file.size()
          && old.mtime() == file.modifiedMillis()) run.unchanged++;
      else toRead.add(file);
    }
    for (var e : indexed.entrySet()) {
      if (!seen.contains(e.getKey())) deletes.add(e.getValue().id());
    }
    var batch = new ArrayList<Map<String, Object>>();
    for (var outcome : read(toRead, site)) {
      Indexed old = indexed.get(outcome.path());
      switch (outcome) {
        case ReadOutcome.Parsed parsed -> {
          var mapped = mapper.map(parsed.page());
          run.warnings.addAll(mapped.warnings());
          if (old != null && !old.id().equals(mapped.id())) deletes.add(old.id());
          batch.add(mapped.document());
          if (old == null) run.added++;
          else run.updated++;
          if (batch.size() == BATCH) send(collection, batch);
        }
        case ReadOutcome.Skipped s -> {
          run.skipped.add(ContentProblem.of(s.path(), s.reason()));
          if (old != null) deletes.add(old.id());
        }
        case ReadOutcome.Gone g -> {
          if (old != null) deletes.add(old.id());
        }
        case ReadOutcome.Changed c -> run.warnings.add(c.problem());
        case ReadOutcome.Unreadable u -> {
          run.failures.add(u.problem());
          if (old != null) deletes.add(old.id());
        }
        case ReadOutcome.Failed f -> run.failures.add(f.problem()); // its last good version stays
      }
    }
    send(collection, batch);
    if (!deletes.isEmpty()) {
      for (int i = 0; i < deletes.size(); i += BATCH)
        cluster
            .nodes()
            .postJson(
                "/" + collection + "/update",
                Map.of("wt", "json"),
                Map.of("delete", deletes.subList(i, Math.min(deletes.size(), i + BATCH))));
      run.deleted = deletes.size();
    }
    commit(collection);
  }

  /** Reads the files on {@code threads} cores, in path order. */
  private List<ReadOutcome> read(List<SourceFile> files, Site site) throws IOException {
    var sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SourceFile::relPath));
    var pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> sorted.parallelStream().map(f -> reader.read(f, site)).toList())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("reading the content failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private void send(String collection, List<Map<String, Object>> batch) throws IOException {
    if (batch.isEmpty()) return;
    cluster.nodes().postJson("/" + collection + "/update", Map.of("wt", "json"), batch);
    batch.clear();
  }

  private void commit(String collection) throws IOException {
    cluster.nodes().get("/" + collection + "/update", Map.of("commit", "true", "wt", "json"));
  }

  private long count(String collection) throws IOException {
    return cluster
        .nodes()
        .get("/" + collection + "/select", Map.of("q", "*:*", "rows", "0", "wt", "json"))
        .path("response")
        .path("numFound")
        .asLong();
  }

  /** Each indexed file's state, by path: read in pages of 1,000 with a cursor. */
  private Map<String, Indexed> indexedFiles(String collection) throws IOException {
    var out = new LinkedHashMap<String, Indexed>();
    String cursor = "*";
    while (true) {
      JsonNode page =
          cluster
              .nodes()
              .get(
                  "/" + collection + "/select",
                  Map.of(
                      "q", "*:*",
                      "fl",
                          String.join(
                              ",",
                              SolrFields.ID,
                              SolrFields.PATH,
                              SolrFields.SIZE,
                              SolrFields.MTIME,
                              SolrFields.EXPIRES),
                      "rows", "1000",
                      "sort", "id asc",
                      "cursorMark", cursor,
                      "wt", "json"));
      for (JsonNode doc : page.path("response").path("docs")) {
        JsonNode expires = doc.path(SolrFields.EXPIRES);
        out.put(
            doc.path(SolrFields.PATH).asText(),
            new Indexed(
                doc.path(SolrFields.ID).asText(),
                doc.path(SolrFields.SIZE).asLong(),
                doc.path(SolrFields.MTIME).asLong(),
                expires.isNumber() ? expires.asLong() : null));
      }
      String next = page.path("nextCursorMark").asText();
      if (next.equals(cursor)) return out;
      cursor = next;
    }
  }
}
