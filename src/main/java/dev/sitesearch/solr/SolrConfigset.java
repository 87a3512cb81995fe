package dev.sitesearch.solr;

import dev.sitesearch.config.Stemmer;
import dev.sitesearch.index.Languages;
import dev.sitesearch.index.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Solr configset made from our schema: {@code schema.xml} with the text fields analysed as the
 * local English analysis does ({@code TextAnalyzer}: standard tokenizer, colon as a word break,
 * possessives, lower case, accents folded, the configured stemmer; no stop words), the query side
 * dropping English stop words (as the local planner does when a query has other words) and adding
 * the configured synonyms; every text field again in one field at its weight ({@link
 * SolrFields#WORDS}: BM25F), the title and headings as exact keys (the bonuses of {@link
 * SolrRanking}); facets as docValues strings; dates; the stored fields a hit and a document show;
 * and each page's file state (path, size, modification time, hash) for incremental runs. {@code
 * solrconfig.xml} is the least a collection needs: {@code /select}, the update log, commits the
 * indexer asks for.
 *
 * <p>Its {@link #name()} is a hash of its files, so a changed schema, stemmer or synonym file is
 * another configset: the indexer then rebuilds into a new collection, as the local index rebuilds
 * when its schema changes.
 */
public final class SolrConfigset {
  /** The schema file's name, read as is (ClassicIndexSchemaFactory: no managed schema edits). */
  static final String SCHEMA_FILE = "schema.xml";

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final String name;

  /**
   * @param synonyms the Solr-format synonym file's text ({@code ranking.synonyms}), or "" for none
   */
  public SolrConfigset(Schema schema, SolrFields fields, String synonyms) {
    files.put(SCHEMA_FILE, utf8(schemaXml(schema, fields)));
    files.put("solrconfig.xml", utf8(SOLRCONFIG));
    files.put(
        "synonyms.txt",
        utf8(synonyms.isBlank() ? "# no synonyms (ranking.synonyms: none)\n" : synonyms));
    // The local analysis splits words at a colon (title:broadband); the standard tokenizer joins.
    files.put("colon.txt", utf8("\":\" => \" \"\n"));
    // The English stop words the local planner drops from a query that has other words (edismax
    // keeps them when a query has nothing else).
    files.put("stopwords.txt", utf8(stopWords()));
    this.name = "sitesearch_" + hash();
  }

  /** The configset's name: {@code sitesearch_} and the first 16 hex digits of its files' hash. */
  public String name() {
    return name;
  }

  /** The files by name, as uploaded. */
  public Map<String, byte[]> files() {
    return Map.copyOf(files);
  }

  /** The configset as the Configsets API's UPLOAD takes it: a zip of its files. */
  public byte[] zip() {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String stopWords() {
    var words = new java.util.TreeSet<String>();
    for (Object word : Languages.ENGLISH_STOP_WORDS) words.add(new String((char[]) word));
    return String.join("\n", words) + "\n";
  }

  private String hash() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (var file : files.entrySet()) {
        digest.update(utf8(file.getKey()));
        digest.update((byte) 0);
        digest.update(file.getValue());
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String stemFilter(Stemmer stemmer) {
    return switch (stemmer) {
      case PORTER -> "<filter class=\"solr.PorterStemFilterFactory\"/>";
      case SNOWBALL -> "<filter class=\"solr.SnowballPorterFilterFactory\" language=\"English\"/>";
      case KSTEM -> "<filter class=\"solr.KStemFilterFactory\"/>";
      case MINIMAL -> "<filter class=\"solr.EnglishMinimalStemFilterFactory\"/>";
      case NONE -> "";
    };
  }

  static String schemaXml(Schema schema, SolrFields f) {
    String stem = stemFilter(schema.stemmer());
    var x = new StringBuilder();
    x.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Made by sitesearch from its schema (dev.sitesearch.solr.SolrConfigset): do not edit. -->
        <schema name="sitesearch" version="1.7">
          <uniqueKey>id</uniqueKey>
          <fieldType name="string" class="solr.StrField" sortMissingLast="true" docValues="true"/>
          <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
          <fieldType name="pint" class="solr.IntPointField" docValues="true"/>
          <fieldType name="pfloat" class="solr.FloatPointField" docValues="true"/>
          <fieldType name="pdate" class="solr.DatePointField" docValues="true" sortMissingLast="true"/>
          <fieldType name="text_site" class="solr.TextField" positionIncrementGap="100"
                     storeOffsetsWithPositions="true">
            <analyzer type="index">
              <charFilter class="solr.MappingCharFilterFactory" mapping="colon.txt"/>
              <tokenizer class="solr.StandardTokenizerFactory"/>
              <filter class="solr.EnglishPossessiveFilterFactory"/>
              <filter class="solr.LowerCaseFilterFactory"/>
              <filter class="solr.ASCIIFoldingFilterFactory"/>
              STEM
            </analyzer>
            <analyzer type="query">
              <charFilter class="solr.MappingCharFilterFactory" mapping="colon.txt"/>
              <tokenizer class="solr.StandardTokenizerFactory"/>
              <filter class="solr.EnglishPossessiveFilterFactory"/>
              <filter class="solr.LowerCaseFilterFactory"/>
              <filter class="solr.ASCIIFoldingFilterFactory"/>
              <filter class="solr.StopFilterFactory" words="stopwords.txt" ignoreCase="true"/>
              <filter class="solr.SynonymGraphFilterFactory" synonyms="synonyms.txt" ignoreCase="true" expand="true"/>
              STEM
            </analyzer>
          </fieldType>
          <fieldType name="text_suggest" class="solr.TextField" positionIncrementGap="100">
            <analyzer type="index">
              <tokenizer class="solr.StandardTokenizerFactory"/>
              <filter class="solr.LowerCaseFilterFactory"/>
              <filter class="solr.ASCIIFoldingFilterFactory"/>
              <filter class="solr.EdgeNGramFilterFactory" minGramSize="1" maxGramSize="30"/>
            </analyzer>
            <analyzer type="query">
              <tokenizer class="solr.StandardTokenizerFactory"/>
              <filter class="solr.LowerCaseFilterFactory"/>
              <filter class="solr.ASCIIFoldingFilterFactory"/>
            </analyzer>
          </fieldType>
          <field name="_version_" type="plong" indexed="false" stored="false"/>
          <field name="id" type="string" indexed="true" stored="true" required="true"/>
        """
            .replace("STEM", stem));
    // Each page's file state: what an incremental run compares with the folder.
    field(x, SolrFields.PATH, "string", "indexed=\"true\" stored=\"true\"");
    field(x, SolrFields.HASH, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\"");
    field(x, SolrFields.SIZE, "plong", "indexed=\"false\" stored=\"true\"");
    field(x, SolrFields.MTIME, "plong", "indexed=\"false\" stored=\"true\"");
    field(x, SolrFields.EXPIRES, "plong", "indexed=\"true\" stored=\"true\"");
    // Where the page is and what it is.
    field(x, SolrFields.URL, "string", "indexed=\"true\" stored=\"true\"");
    field(
        x, SolrFields.PERMALINK, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\"");
    field(
        x,
        SolrFields.ALIASES,
        "string",
        "indexed=\"true\" stored=\"true\" multiValued=\"true\" docValues=\"false\"");
    field(x, SolrFields.LANG, "string", "indexed=\"true\" stored=\"true\"");
    field(x, SolrFields.KIND, "string", "indexed=\"true\" stored=\"true\"");
    field(
        x,
        SolrFields.SECTIONS,
        "string",
        "indexed=\"false\" stored=\"true\" multiValued=\"true\" docValues=\"false\"");
    field(
        x,
        SolrFields.DESCRIPTION_SHOWN,
        "string",
        "indexed=\"false\" stored=\"true\" docValues=\"false\"");
    field(x, SolrFields.TITLE_SORT, "string", "indexed=\"false\" stored=\"false\"");
    field(x, SolrFields.TITLE_SUGGEST, "text_suggest", "indexed=\"true\" stored=\"false\"");
    field(x, SolrFields.BOOST, "pfloat", "indexed=\"false\" stored=\"false\"");
    for (String name : f.textFields().values())
      field(x, name, "text_site", "indexed=\"true\" stored=\"true\"");
    // The words BM25F scores: every text field, each repeated its weight's times (SolrFields).
    field(
        x,
        SolrFields.WORDS,
        "text_site",
        "indexed=\"true\" stored=\"false\" multiValued=\"true\" storeOffsetsWithPositions=\"false\"");
    field(
        x,
        SolrFields.TITLE_EXACT,
        "string",
        "indexed=\"true\" stored=\"false\" docValues=\"false\"");
    field(
        x,
        SolrFields.HEADING_EXACT,
        "string",
        "indexed=\"true\" stored=\"false\" multiValued=\"true\" docValues=\"false\"");
    for (String name : f.facetFields().values())
      field(x, name, "string", "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
    for (String name : f.shownFacetFields().values())
      field(
          x,
          name,
          "string",
          "indexed=\"false\" stored=\"true\" multiValued=\"true\" docValues=\"false\"");
    for (String name : f.dateFields().values())
      field(x, name, "pdate", "indexed=\"true\" stored=\"false\"");
    for (String name : f.shownDateFields().values())
      field(x, name, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\"");
    for (String name : f.storedFields().values())
      field(
          x,
          name,
          "string",
          "indexed=\"false\" stored=\"true\" multiValued=\"true\" docValues=\"false\"");
    x.append("</schema>\n");
    return x.toString();
  }

  private static void field(StringBuilder x, String name, String type, String attributes) {
    x.append("  <field name=\"")
        .append(name)
        .append("\" type=\"")
        .append(type)
        .append("\" ")
        .append(attributes)
        .append("/>\n");
  }

  private static final String SOLRCONFIG =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Made by sitesearch (dev.sitesearch.solr.SolrConfigset): do not edit. -->
      <config>
        <luceneMatchVersion>9.0</luceneMatchVersion>
        <dataDir>${solr.data.dir:}</dataDir>
        <directoryFactory name="DirectoryFactory"
                          class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
        <schemaFactory class="ClassicIndexSchemaFactory"/>
        <indexConfig>
          <lockType>${solr.lock.type:native}</lockType>
        </indexConfig>
        <updateHandler class="solr.DirectUpdateHandler2">
          <updateLog>
            <str name="dir">${solr.ulog.dir:}</str>
          </updateLog>
          <!-- Durable every 15 s; visible when the indexer commits (once per run). -->
          <autoCommit>
            <maxTime>15000</maxTime>
            <openSearcher>false</openSearcher>
          </autoCommit>
        </updateHandler>
        <query>
          <maxBooleanClauses>${solr.max.booleanClauses:1024}</maxBooleanClauses>
          <filterCache size="512" initialSize="512" autowarmCount="0"/>
          <queryResultCache size="512" initialSize="512" autowarmCount="0"/>
          <documentCache size="512" initialSize="512" autowarmCount="0"/>
          <useColdSearcher>false</useColdSearcher>
        </query>
        <requestDispatcher>
          <requestParsers enableRemoteStreaming="false" multipartUploadLimitInKB="2048"
                          formdataUploadLimitInKB="2048"/>
        </requestDispatcher>
        <requestHandler name="/select" class="solr.SearchHandler">
          <lst name="defaults">
            <str name="echoParams">none</str>
            <str name="wt">json</str>
          </lst>
        </requestHandler>
      </config>
      """;
}
