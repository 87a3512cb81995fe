package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.ContentFiles;
import dev.sitesearch.testing.TestAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A multilingual Hugo site, in both of Hugo's layouts (a language suffix on the file, or a content
 * folder per language), searched as a visitor in each language would: French words found by their
 * inflections and elided articles, French stop words ignored, Japanese and Chinese words found
 * inside sentences written without spaces, and {@code lang} narrowing the results to one language.
 */
class MultilingualSearchTest {
  @TempDir Path tmp;

  /** The two ways a Hugo site keeps its languages' pages. */
  enum Layout {
    /** {@code docs/sampling.fr.md} beside {@code docs/sampling.md}. */
    SUFFIX,
    /** {@code content/fr/docs/sampling.md}, each language's {@code contentDir}. */
    FOLDERS
  }

  private static final String CONFIG =
      """
      baseURL = 'https://example.org/'
      defaultContentLanguage = 'en'
      [languages.en]
        weight = 1
      [languages.fr]
        weight = 2
      [languages.ja]
        weight = 3
      [languages.zh-cn]
        weight = 4
      """;

  /** Writes the site in {@code layout}, indexes it, and opens the index. */
  private OpenedIndex site(Layout layout) throws IOException {
    Path site = tmp.resolve("site");
    String config = CONFIG;
    if (layout == Layout.FOLDERS) {
      config =
          CONFIG.replaceAll(
              "\\[languages\\.([a-z-]+)]\\n", "[languages.$1]\n  contentDir = 'content/$1'\n");
    }
    ContentFiles.write(site, "hugo.toml", config);
    page(layout, site, "en", "docs/sampling", "Sampling", "Sampling keeps a share of the traces.");
    page(
        layout,
        site,
        "en",
        "docs/signals",
        "Signals",
        "Traces, metrics and logs are the signals a system emits.");
    page(
        layout,
        site,
        "fr",
        "docs/sampling",
        "Échantillonnage",
        "L'échantillonnage garde une part des traces collectées.");
    page(
        layout,
        site,
        "fr",
        "docs/signals",
        "Les signaux",
        "Les traces, les métriques et les journaux sont les signaux qu'émet un système.");
    page(
        layout,
        site,
        "fr",
        "docs/primer",
        "Introduction à l'observabilité",
        "L'observabilité est la capacité à comprendre l'état d'un système.");
    page(
        layout,
        site,
        "fr",
        "docs/glossary",
        "Les mots de la page",
        "Le, la, les, des, du, de la, et, une, pour, sur, par, dans, avec, qui, que.");
    page(
        layout,
        site,
        "ja",
        "docs/sampling",
        "サンプリング",
        "分散システムでは、トレースデータを収集します。サンプリングはトレースの量を減らします。");
    page(layout, site, "zh-cn", "docs/propagation", "上下文传播", "通过上下文传播，信号彼此之间都可以相互关联。采样可以减少收集的数据量。");
    Path content = site.resolve("content");
    return OpenedIndex.of(TestAssembly.indexBeside(content));
  }

  private static void page(
      Layout layout, Path site, String lang, String path, String title, String body)
      throws IOException {
    String rel =
        switch (layout) {
          case SUFFIX -> "content/" + path + (lang.equals("en") ? "" : "." + lang) + ".md";
          case FOLDERS -> "content/" + lang + "/" + path + ".md";
        };
    ContentFiles.page(site, rel, "title: \"" + title + "\"", body);
  }

  private static List<String> titles(SearchResponse response) {
    return response.hits().stream().map(SearchResponse.Hit::title).toList();
  }

  private static SearchResponse search(OpenedIndex index, String q, String lang)
      throws IOException {
    return index.search(SearchRequest.of(q).withLang(lang));
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void a_french_page_is_found_by_an_inflection_and_without_its_elided_article(Layout layout)
      throws Exception {
    try (var index = site(layout)) {
      assertEquals(
          "Les signaux", titles(search(index, "signal", "fr")).get(0), "signal finds signaux");
      assertEquals(
          "Introduction à l'observabilité",
          titles(search(index, "observabilite", "fr")).get(0),
          "observabilité is found in l'observabilité, with or without its accents");
      assertEquals(
          "Échantillonnage", titles(search(index, "trace collectée", "fr")).get(0), "collectées");
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void french_stop_words_do_not_find_a_page_by_themselves(Layout layout) throws Exception {
    try (var index = site(layout)) {
      List<String> found = titles(search(index, "la collecte des traces", "fr"));

      assertEquals("Échantillonnage", found.get(0), found.toString());
      assertFalse(found.contains("Les mots de la page"), found.toString());
      assertEquals(
          List.of("Les mots de la page"),
          titles(search(index, "\"de la\"", "fr")),
          "a quoted phrase of stop words still matches exactly");
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void a_japanese_or_chinese_word_is_found_inside_a_sentence(Layout layout) throws Exception {
    try (var index = site(layout)) {
      assertEquals(List.of("サンプリング"), titles(search(index, "データ", "ja")), "inside トレースデータ");
      assertEquals(List.of("サンプリング"), titles(search(index, "分散", "ja")));
      assertEquals(List.of("上下文传播"), titles(search(index, "采样", "zh-cn")), "inside a sentence");
      assertEquals(List.of("上下文传播"), titles(search(index, "信号", null)), "with no lang too");
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void lang_narrows_the_results_to_one_language_and_no_lang_searches_all(Layout layout)
      throws Exception {
    try (var index = site(layout)) {
      SearchResponse all = search(index, "traces", null);
      SearchResponse french = search(index, "traces", "fr");
      SearchResponse english = search(index, "traces", "EN");

      Set<String> langs = all.hits().stream().map(h -> h.lang()).collect(Collectors.toSet());
      assertEquals(Set.of("en", "fr"), langs, titles(all).toString());
      assertTrue(french.hits().stream().allMatch(h -> h.lang().equals("fr")), titles(french) + "");
      assertEquals(2, french.total(), titles(french).toString());
      assertEquals(List.of("Sampling", "Signals"), titles(english).stream().sorted().toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void a_language_the_site_does_not_have_is_refused_naming_the_site_languages(Layout layout)
      throws Exception {
    try (var index = site(layout)) {
      var e = assertThrows(InvalidRequestException.class, () -> search(index, "traces", "de"));

      assertEquals(InvalidRequestException.Part.LANG, e.part());
      assertTrue(e.getMessage().contains("'de'"), e.getMessage());
      assertTrue(e.getMessage().contains("en, fr, ja, zh-cn"), e.getMessage());
    }
  }
}
