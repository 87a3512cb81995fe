package dev.sitesearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sitesearch.search.CurationChange;
import dev.sitesearch.search.CurationChange.Action;
import dev.sitesearch.search.CurationChange.Kind;
import dev.sitesearch.search.CurationEditor;
import dev.sitesearch.search.CurationEditor.Edit;
import dev.sitesearch.search.CurationException;
import dev.sitesearch.search.CurationRules;
import dev.sitesearch.search.CurationRules.Curated;
import dev.sitesearch.search.InvalidRequestException;
import dev.sitesearch.search.SearchEngine;
import dev.sitesearch.search.SearchRequest;
import dev.sitesearch.search.UnsupportedFeatureException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curation editors change at run time, behind the admin token (as {@code /api/admin/reindex},
 * with the same throttling of wrong tokens):
 *
 * <ul>
 *   <li>{@code GET /api/admin/curation[?q=]}: the rules in force, each entry with its source (the
 *       config, or the version of the edit that made it); with {@code q}, only that query's pins
 *       and hides;
 *   <li>{@code GET /api/admin/curation/history[?limit=&before=]}: the changes, newest first;
 *   <li>{@code POST /api/admin/curation}: a change (add or remove a synonym group, pins or hides);
 *   <li>{@code POST /api/admin/curation/undo}: takes back the change of a version.
 * </ul>
 *
 * Bodies are JSON objects read strictly ({@link JsonBody}); every wrong field is a 400 naming it, a
 * change made against an older version ({@code expectedVersion}) a 409. Pages pinned or hidden must
 * be in the index: unknown ids are refused by name, as a typo there would pin nothing.
 */
final class CurationRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CurationRoutes.class);
  static final int MAX_HISTORY = 1000;
  static final int DEFAULT_HISTORY = 100;

  private static final Set<String> CHANGE_FIELDS =
      Set.of("editor", "action", "kind", "query", "ids", "words", "position", "expectedVersion");
  private static final Set<String> UNDO_FIELDS = Set.of("version", "editor", "expectedVersion");

  private final CurationEditor curation;
  private final SearchEngine search;
  private final AdminRoutes admin;
  private final long maxBodyBytes;

  CurationRoutes(
      CurationEditor curation, SearchEngine search, AdminRoutes admin, long maxBodyBytes) {
    this.curation = curation;
    this.search = search;
    this.admin = admin;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The curation paths on an engine that does not apply curation (SolrCloud): each answers 501
   * saying so.
   */
  static void unsupported(RoutesConfig routes) {
    Handler refuse =
        ctx -> {
          throw new UnsupportedFeatureException("curation", "solrcloud");
        };
    HttpServer.getAndHead(routes, "/api/admin/curation", refuse);
    HttpServer.getAndHead(routes, "/api/admin/curation/history", refuse);
    routes.post("/api/admin/curation", refuse);
    routes.post("/api/admin/curation/undo", refuse);
  }

  void register(RoutesConfig routes) {
    HttpServer.getAndHead(routes, "/api/admin/curation", this::rules);
    HttpServer.getAndHead(routes, "/api/admin/curation/history", this::history);
    routes.post("/api/admin/curation", this::change);
    routes.post("/api/admin/curation/undo", this::undo);
  }

  /**
   * The rules in force.
   *
   * @param version the last change's version (0: none yet); send it back as {@code expectedVersion}
   * @param problem why the stored history could not be read at start, else absent
   * @param query with {@code ?q=}: the query asked, and {@code key} how curation matches it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RulesAnswer(
      long version,
      String problem,
      String query,
      String key,
      List<CurationRules.SynonymGroup> synonyms,
      List<Curated> pins,
      List<Curated> hides) {}

  /** One change of the history, and whether an undo that stands has taken it back. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HistoryItem(
      long version,
      String editor,
      String at,
      String action,
      String kind,
      String query,
      List<String> ids,
      List<String> words,
      Integer position,
      Long undoes,
      boolean undone) {
    static HistoryItem of(CurationChange c, boolean undone) {
      return new HistoryItem(
          c.version(),
          c.editor(),
          c.at().toString(),
          c.action().lowerCase(),
          c.kind().lowerCase(),
          c.query(),
          c.ids().isEmpty() ? null : c.ids(),
          c.words().isEmpty() ? null : c.words(),
          c.position(),
          c.undoes(),
          undone);
    }
  }

  record HistoryAnswer(long version, List<HistoryItem> changes) {}

  /** A change made: as stored, and the rules it led to. */
  record ChangeAnswer(HistoryItem change, RulesAnswer curation) {}

  private void rules(Context ctx) {
    admin.admit(ctx);
    String q = ctx.queryParam("q");
    ctx.header("Cache-Control", SearchRoutes.NO_STORE).json(answer(curation.rules(), q));
  }

  private RulesAnswer answer(CurationRules rules, String q) {
    if (q == null) {
      return new RulesAnswer(
          rules.version(),
          curation.problem(),
          null,
          null,
          rules.synonyms(),
          rules.pins(),
          rules.hides());
    }
    if (q.length() > SearchRequest.MAX_QUERY_CHARS)
      throw ProblemException.badParameter(
          "q", "q may have at most " + SearchRequest.MAX_QUERY_CHARS + " characters");
    String key = CurationRules.key(q);
    return new RulesAnswer(
        rules.version(),
        curation.problem(),
        q,
        key,
        rules.synonyms(),
        rules.pins().stream().filter(c -> c.key().equals(key)).toList(),
        rules.hides().stream().filter(c -> c.key().equals(key)).toList());
  }

  private void history(Context ctx) {
    admin.admit(ctx);
    int limit = Params.integer(ctx, "limit", DEFAULT_HISTORY, 1, MAX_HISTORY);
    CurationEditor.History read = curation.historyWithUndone();
    List<CurationChange> all = read.changes();
    int before = Params.integer(ctx, "before", all.size() + 1, 1, Integer.MAX_VALUE);
    Set<Long> undone = read.undone();
    var items = new ArrayList<HistoryItem>();
    for (int i = Math.min(before - 1, all.size()) - 1; i >= 0 && items.size() < limit; i--) {
      CurationChange c = all.get(i);
      items.add(HistoryItem.of(c, undone.contains(c.version())));
    }
    ctx.header("Cache-Control", SearchRoutes.NO_STORE).json(new HistoryAnswer(all.size(), items));
  }

  private void change(Context ctx) throws IOException {
    admin.admit(ctx);
    JsonBody body = JsonBody.read(ctx.req().getInputStream(), maxBodyBytes, CHANGE_FIELDS);
    var edit =
        new Edit(
            body.string("editor"),
            action(body.string("action")),
            kind(body.string("kind")),
            body.string("query"),
            body.strings("ids"),
            body.strings("words"),
            position(body.whole("position", 1, CurationEditor.MAX_IDS)));
    Long expected = body.whole("expectedVersion", 0, Long.MAX_VALUE);
    if (edit.action() == Action.ADD && edit.ids() != null) requireKnown(edit.ids());
    CurationChange made = saved(ctx, () -> curation.change(edit, expected));
    answerChange(ctx, made);
  }

  private void undo(Context ctx) throws IOException {
    admin.admit(ctx);
    JsonBody body = JsonBody.read(ctx.req().getInputStream(), maxBodyBytes, UNDO_FIELDS);
    Long version = body.whole("version", 1, Long.MAX_VALUE);
    if (version == null)
      throw ProblemException.badParameter("version", "version is required: the change to undo");
    String editor = body.string("editor");
    Long expected = body.whole("expectedVersion", 0, Long.MAX_VALUE);
    CurationChange made = saved(ctx, () -> curation.undo(version, editor, expected));
    answerChange(ctx, made);
  }

  private void answerChange(Context ctx, CurationChange made) {
    ctx.header("Cache-Control", SearchRoutes.NO_STORE)
        .json(
            new ChangeAnswer(HistoryItem.of(made, false), answer(curation.rules(), made.query())));
  }

  /** A step of an edit that may fail on the disk. */
  private interface Step {
    CurationChange run() throws IOException;
  }

  /** Runs an edit, turning what the editor refuses into problems and a failed write into a 500. */
  private static CurationChange saved(Context ctx, Step step) {
    try {
      return step.run();
    } catch (CurationException e) {
      if (e.conflict()) throw new ProblemException(409, "Conflict", e.getMessage());
      throw ProblemException.badParameter(e.field(), e.getMessage());
    } catch (IOException e) {
      LOG.error("{} {}: the curation history could not be saved", ctx.method(), ctx.path(), e);
      throw new ProblemException(
          500,
          "Curation not saved",
          "the change could not be written, so nothing changed; the server log has the cause");
    }
  }

  /** Refuses ids the index does not have, naming them: a typo there would pin nothing. */
  private void requireKnown(List<String> ids) throws IOException {
    var unknown = new ArrayList<String>();
    for (String id : ids) {
      if (id != null && !id.isBlank() && search.document(id.strip()).isEmpty()) unknown.add(id);
    }
    if (!unknown.isEmpty()) {
      var shown = unknown.stream().limit(10).map(InvalidRequestException::shorten).toList();
      throw ProblemException.badParameter(
          "ids",
          "no page in the index has the id"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", shown)
              + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : ""));
    }
  }

  private static Action action(String name) {
    if (name == null)
      throw ProblemException.badParameter("action", "action is required: add or remove");
    Action a = Action.named(name);
    if (a == null || a == Action.UNDO)
      throw ProblemException.badParameter(
          "action",
          "action must be add or remove, not '"
              + InvalidRequestException.shorten(name)
              + "' (undo has its own endpoint)");
    return a;
  }

  private static Kind kind(String name) {
    if (name == null)
      throw ProblemException.badParameter("kind", "kind is required: synonym, pin or hide");
    Kind k = Kind.named(name);
    if (k == null)
      throw ProblemException.badParameter(
          "kind",
          "kind must be synonym, pin or hide, not '" + InvalidRequestException.shorten(name) + "'");
    return k;
  }

  private static Integer position(Long position) {
    return position == null ? null : position.intValue();
  }
}
