package dev.sitesearch.solr;

import dev.sitesearch.config.RankingSettings;
import dev.sitesearch.index.Fields;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import dev.sitesearch.index.TextAnalyzer;
import dev.sitesearch.index.TitleKey;
import dev.sitesearch.search.UserQuery;
import dev.sitesearch.search.UserQuery.Clause;
import dev.sitesearch.search.UserQueryParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * The local engine's ranking stages written as edismax parameters, with the local constants ({@link
 * RankingSettings}) and the same conditions (docs/relevance.md, "How a query is answered"):
 *
 * <ul>
 *   <li>each word BM25F over the text fields: {@code qf} is {@link SolrFields#WORDS}, which holds
 *       each field's text as many times as its weight; a compound word one word ({@link #word});
 *   <li>the bonuses as {@code bq} clauses added to the words' score: an exact title and an exact
 *       heading (constant, {@code ^=}); for a query of two or three words, the tier (all its words)
 *       and the summary tier (each word in the title or description), constant; each word's title
 *       score again for up to three words; each pair of adjacent words within the proximity window
 *       for up to five words, as a phrase in the field that matches best.
 * </ul>
 *
 * Which words count is read as the local {@code WordMatcher} reads them: the same parser, English
 * stop words dropped from loose words when the query has other words, a word's terms from the same
 * analysis. What Solr cannot know without asking first is left as it is: a word no page has still
 * counts towards the tiers (locally it does not). Recency multiplies the words' relevance alone, as
 * locally: under edismax's {@code boost} (which multiplies everything) each bonus is added divided
 * by the same factor. Feedback is {@link SolrFeedback}; typos are not translated (README, "Running
 * on SolrCloud").
 */
final class SolrRanking {
  /**
   * The most words a query may have for the tiers and title words (the local {@code TierBonus}).
   */
  static final int TIER_WORDS = 3;

  /** The most words a query may have for the proximity bonus (the local {@code ProximityBonus}). */
  static final int PROXIMITY_WORDS = 5;

  /** The local {@code FieldQueries.TIE_BREAKER}: a phrase's best field, and a little of others. */
  static final String TIE = "0.1";

  private final RankingSettings ranking;
  private final SolrFields fields;
  private final Map<String, Float> weights;
  private final Analyzer analyzer;
  private final String primaryDate;

  SolrRanking(Schema schema, SolrFields fields, RankingSettings ranking) {
    this.ranking = ranking;
    this.primaryDate = schema.primaryDate();
    this.fields = fields;
    this.weights = schema.textFields();
    this.analyzer = new TextAnalyzer(schema.stemmer());
  }

  /** Adds the scoring parameters of the visitor's text to an edismax request. */
  void addTo(Map<String, Object> p, String text, long nowMillis) {
    // BM25F off (ranking.bm25f: false): each word's best field, as the local DisjunctionMaxQuery.
    p.put("qf", ranking.bm25f() ? SolrFields.WORDS : weighted());
    p.put("tie", TIE);
    UserQuery typed = UserQueryParser.parse(text);
    var bq = new ArrayList<String>();
    exact(typed, SolrFields.TITLE_EXACT, ranking.exactTitleBoost()).ifPresent(bq::add);
    exact(typed, SolrFields.HEADING_EXACT, ranking.exactHeadingBoost()).ifPresent(bq::add);
    List<Clause> counted = counted(typed);
    List<String> single = counted.stream().map(this::singleTerm).toList();
    if (counted.size() >= 2 && counted.size() <= TIER_WORDS) {
      if (ranking.tierBoost() > 0) bq.add(tier(counted, ranking.tierBoost()));
      if (ranking.summaryTierBoost() > 0 && !single.contains(null) && !summaryFields().isEmpty())
        bq.add(summaryTier(counted, ranking.summaryTierBoost()));
    }
    String title = fields.text(Fields.TITLE);
    if (ranking.titleWordsWeight() > 0 && title != null && counted.size() <= TIER_WORDS) {
      for (int i = 0; i < counted.size(); i++)
        if (single.get(i) != null)
          bq.add(title + ":" + word(counted.get(i)) + "^" + ranking.titleWordsWeight());
    }
    for (Clause c : counted)
      if (ranking.proximity().weight() > 0
          && c instanceof UserQuery.Word w
          && isCompound(w.text())
          && !compoundParts(w.text()).isEmpty()) bq.add(phrase(w.text(), 0));
    if (ranking.proximity().weight() > 0 && counted.size() <= PROXIMITY_WORDS) {
      for (int i = 0; i + 1 < counted.size(); i++) {
        if (single.get(i) == null || single.get(i + 1) == null) continue;
        bq.add(pair(counted.get(i), counted.get(i + 1)));
      }
    }
    String recency = recency();
    if (recency == null) {
      if (!bq.isEmpty()) p.put("bq", bq);
      return;
    }
    // Recency multiplies the words' relevance, not the bonuses (the local RecencyBoost): edismax's
    // boost multiplies the whole query, so each bonus is added divided by the same factor.
    p.put("NOW", String.valueOf(nowMillis));
    p.put(RECENCY_PARAM, recency);
    p.put("boost", "product(" + p.getOrDefault("boost", "1") + ",$" + RECENCY_PARAM + ")");
    var bf = new ArrayList<String>();
    for (int i = 0; i < bq.size(); i++) {
      p.put(BONUS_PARAM + i, bq.get(i));
      bf.add("div(query($" + BONUS_PARAM + i + ",0),$" + RECENCY_PARAM + ")");
    }
    if (!bf.isEmpty()) p.put("bf", bf);
  }

  /** The request parameter holding the recency factor, and the prefix of those holding bonuses. */
  static final String RECENCY_PARAM = "rank_recency";

  static final String BONUS_PARAM = "rank_bonus";

  private static final double MILLIS_PER_DAY = 86_400_000d;

  /**
   * The local recency factor as a Solr function of the primary date: {@code 1 - weight × (1 -
   * 0.5^(age / halfLife))}, 1 for an undated page (current), at least 0.001 (the bonuses are
   * divided by it); null when recency is off or the schema has no date.
   */
  private String recency() {
    var r = ranking.recency();
    String date = primaryDate == null ? null : fields.date(primaryDate);
    if (r.halfLifeDays() <= 0 || r.weight() <= 0 || date == null) return null;
    String age = "max(ms(NOW," + date + "),0)";
    String halfLife = String.valueOf((long) (r.halfLifeDays() * MILLIS_PER_DAY));
    return "if(exists("
        + date
        + "),max(sub(1,mul("
        + r.weight()
        + ",sub(1,pow(0.5,div("
        + age
        + ","
        + halfLife
        + "))))),0.001),1)";
  }

  /** The text fields at their schema weights, for a word's best field. */
  private String weighted() {
    return fields.textFields().entrySet().stream()
        .map(e -> e.getValue() + "^" + number(weights.get(e.getKey())))
        .collect(Collectors.joining(" "));
  }

  /**
   * A constant {@code boost} for pages whose {@code field} holds the typed query as one term, as
   * the local {@code ExactTitleBonus}: plain words and phrases only, no exclusions.
   */
  private static java.util.Optional<String> exact(UserQuery typed, String field, float boost) {
    if (boost <= 0 || !typed.exclude().isEmpty()) return java.util.Optional.empty();
    var text = new ArrayList<String>();
    for (Clause c : typed.include()) {
      switch (c) {
        case UserQuery.Word w -> text.add(w.text());
        case UserQuery.Phrase ph -> text.add(ph.text());
        default -> {
          return java.util.Optional.empty();
        }
      }
    }
    String key = TitleKey.of(String.join(" ", text));
    if (key.isEmpty()) return java.util.Optional.empty();
    return java.util.Optional.of(field + ":" + SolrQueryBuilder.quoted(key) + "^=" + number(boost));
  }

  private static final java.util.regex.Pattern NOT_A_LETTER =
      java.util.regex.Pattern.compile("\\P{L}+");

  /**
   * A loose word as the main query reads it, as the local {@code WordMatcher}: a word the analysis
   * keeps whole is itself; one with digits it splits ({@code covid-19}) is a code, a phrase; one of
   * letters ({@code two-dimensional}, {@code e-mail}) is one word whose parts share its weight
   * ({@code CompoundWord}: a part of one letter or a stop word no part of its own), its closed form
   * ({@code email}) counting as the whole word; the parts written together earn the proximity
   * weight on top ({@link #addTo}).
   */
  String word(String text) {
    String plain = SolrQueryBuilder.escape(text.toLowerCase(Locale.ROOT));
    if (!isCompound(text)) {
      return terms(text).size() > 1 ? SolrQueryBuilder.quoted(text) : plain;
    }
    var parts = compoundParts(text);
    if (parts.isEmpty()) return SolrQueryBuilder.quoted(text);
    String share = number(1f / parts.size());
    var out = new java.util.StringJoiner(" ", "(", ")");
    for (String part : parts)
      out.add(SolrQueryBuilder.escape(part.toLowerCase(Locale.ROOT)) + "^" + share);
    String closed = closedForm(text);
    if (closed != null) out.add(SolrQueryBuilder.escape(closed));
    return out.toString();
  }

  /** An excluded word: a compound takes out the compound itself, with or without its hyphen. */
  String excludedWord(String text) {
    if (!isCompound(text)) return word(text);
    String closed = closedForm(text);
    String phrase = SolrQueryBuilder.quoted(text);
    return closed == null ? phrase : "(" + phrase + " " + SolrQueryBuilder.escape(closed) + ")";
  }

  /** A word of letters that the analysis splits, read as one word (ranking.splitCompounds). */
  private boolean isCompound(String text) {
    return ranking.splitCompounds()
        && text.chars().noneMatch(Character::isDigit)
        && terms(text).size() > 1;
  }

  /** The parts of a compound that are words of their own (not one letter, not a stop word). */
  private List<String> compoundParts(String text) {
    var parts = new ArrayList<String>();
    for (String piece : NOT_A_LETTER.split(text)) {
      List<String> t = terms(piece);
      if (t.size() == 1
          && t.get(0).length() > 1
          && !Languages.ENGLISH_STOP_WORDS.contains(t.get(0))) parts.add(piece);
    }
    return parts;
  }

  /** The parts written as one word ({@code email}), or null when the analysis splits that too. */
  private String closedForm(String text) {
    String closed = NOT_A_LETTER.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    return terms(closed).size() == 1 ? closed : null;
  }

  /** The analysed terms of the loose words that are not stop words (the local WordMatcher's). */
  java.util.Set<String> contentTerms(String text) {
    var terms = new java.util.LinkedHashSet<String>();
    for (Clause c : UserQueryParser.parse(text).include())
      if (c instanceof UserQuery.Word w && !isStopWord(c)) terms.addAll(terms(w.text()));
    return terms;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /**
   * The clauses that count as the query's words: those with something to search, English stop words
   * left out of loose words when there are other words (the local {@code WordMatcher}).
   */
  private List<Clause> counted(UserQuery typed) {
    var searched = new ArrayList<Clause>();
    for (Clause c : typed.include()) if (searches(c)) searched.add(c);
    boolean dropStopWords = searched.stream().anyMatch(c -> !isStopWord(c));
    var out = new ArrayList<Clause>();
    for (Clause c : searched) if (!(dropStopWords && isStopWord(c)) && !out.contains(c)) out.add(c);
    return out;
  }

  private boolean searches(Clause c) {
    return switch (c) {
      case UserQuery.Word w -> !terms(w.text()).isEmpty();
      case UserQuery.Phrase ph -> !terms(ph.text()).isEmpty();
      case UserQuery.Prefix pr -> !terms(pr.text()).isEmpty();
      case UserQuery.TypedWords t -> t.parts().stream().anyMatch(this::searches);
      case UserQuery.AnyOf any -> any.options().stream().anyMatch(this::searches);
    };
  }

  private static boolean isStopWord(Clause c) {
    return c instanceof UserQuery.Word w
        && Languages.ENGLISH_STOP_WORDS.contains(w.text().toLowerCase(Locale.ROOT));
  }

  /** A loose word's one analysed term, or null (a phrase, a prefix, a word the analysis splits). */
  private String singleTerm(Clause c) {
    if (!(c instanceof UserQuery.Word w)) return null;
    List<String> terms = terms(w.text());
    return terms.size() == 1 ? terms.get(0) : null;
  }

  private List<String> terms(String text) {
    var out = new ArrayList<String>();
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      var term =
          stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) out.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Pages with every word (each in any field) get {@code boost}, once. */
  private static String tier(List<Clause> words, float boost) {
    return "("
        + words.stream()
            .map(c -> "+" + SolrFields.WORDS + ":" + word(c))
            .collect(Collectors.joining(" "))
        + ")^="
        + number(boost);
  }

  /** Pages whose title or description holds each word get {@code boost}, once. */
  private String summaryTier(List<Clause> words, float boost) {
    var all = new StringBuilder("(");
    for (Clause c : words) {
      all.append("+(");
      all.append(
          summaryFields().stream().map(f -> f + ":" + word(c)).collect(Collectors.joining(" ")));
      all.append(") ");
    }
    return all.toString().strip() + ")^=" + number(boost);
  }

  private List<String> summaryFields() {
    var out = new ArrayList<String>();
    for (String f : List.of(Fields.TITLE, Fields.DESCRIPTION))
      if (fields.text(f) != null) out.add(fields.text(f));
    return out;
  }

  /**
   * Two adjacent words within the proximity window, as a phrase in each text field unweighted by
   * the field (the words' own scores carry the weights), the best field counting, at the proximity
   * weight: the local {@code ProximityBonus}. ({@code bq=''}, {@code bf=''}: the nested parser
   * would otherwise read the request's own, this clause among them.)
   */
  private String pair(Clause a, Clause b) {
    String text = ((UserQuery.Word) a).text() + " " + ((UserQuery.Word) b).text();
    return phrase(text, ranking.proximity().slop());
  }

  /**
   * {@code text} as a phrase within {@code slop} in its best text field, at the proximity weight.
   */
  private String phrase(String text, int slop) {
    String weight = number(ranking.proximity().weight());
    String qf =
        fields.textFields().values().stream()
            .map(f -> f + "^" + weight)
            .collect(Collectors.joining(" "));
    return "{!dismax qf='"
        + qf
        + "' qs="
        + slop
        + " tie="
        + TIE
        + " mm=0 bq='' bf='' v="
        + SolrQueryBuilder.quoted(SolrQueryBuilder.quoted(text))
        + "}";
  }

  /** A clause as the value of a field clause: a word escaped, anything else grouped. */
  private static String word(Clause c) {
    String s = SolrQueryBuilder.clause(c);
    return c instanceof UserQuery.Word ? s : "(" + s + ")";
  }

  /** A float as Solr reads it, without a trailing ".0". */
  private static String number(float f) {
    return f == Math.rint(f) ? String.valueOf((long) f) : String.valueOf(f);
  }
}
