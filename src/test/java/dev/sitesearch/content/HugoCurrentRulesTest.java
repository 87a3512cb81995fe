package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules where current Hugo differs from Debian's 0.111, or that 0.111 does not know, as current
 * Hugo's documentation (gohugoio/hugoDocs) and its own tests state them; each test names its
 * source. docs/hugo.md lists the differences.
 */
class HugoCurrentRulesTest {
  @TempDir Path root;
  HugoOracle site;

  @BeforeEach
  void setUp() {
    site = new HugoOracle(root);
  }

  private ProductPages read(String content) throws Exception {
    return ProductPages.read(root.resolve(content));
  }

  @Test
  void build_options_under_build_and_the_older_underscore_build_which_wins() throws Exception {
    // content-management/build-options.md; _build is the name before Hugo 0.123 (page__meta.go).
    site.file("hugo.toml", "baseURL = 'https://example.org/'\n")
        .page("content/a/never.md", "title: N\nbuild:\n  render: never")
        .page("content/a/link.md", "title: L\nbuild:\n  render: link")
        .page("content/a/unlisted.md", "title: U\nbuild:\n  list: never")
        .page("content/a/both.md", "title: B\nbuild:\n  render: never\n_build:\n  render: always")
        .page("content/a/headless-page.md", "title: H\nheadless: true");

    ProductPages r = read("content");

    assertEquals(Map.of("a/both.md", "/a/both/", "a/unlisted.md", "/a/unlisted/"), r.urls());
    assertEquals("headless: Hugo does not publish it", r.skipped().get("a/headless-page.md"));
  }

  @Test
  void a_cascade_targets_kinds_and_applies_to_its_own_page_too() throws Exception {
    // build-options.md "publish without listing"; hugolib/cascade_test.go TestCascadeOverlap,
    // TestRegularPageCascadeToSelf; target is the key from Hugo 0.156, _target before.
    site.file("hugo.toml", "baseURL = 'https://example.org/'\n")
        .page(
            "content/s/_index.md",
            "title: S\ncascade:\n  build:\n    render: never\n  target:\n    kind: section")
        .page("content/s/p.md", "title: P")
        .page("content/s/sub/_index.md", "title: Sub")
        .page("content/s/sub/q.md", "title: Q")
        .page("content/t/_index.md", "title: T\ncascade:\n  build:\n    render: never")
        .page("content/t/p.md", "title: P")
        .page("content/u/p.md", "title: P\ncascade:\n  build:\n    render: never")
        .page("content/u/q.md", "title: Q");

    assertEquals(
        Map.of("s/p.md", "/s/p/", "s/sub/q.md", "/s/sub/q/", "u/q.md", "/u/q/"),
        read("content").urls());
  }

  @Test
  void a_draft_section_hides_only_itself() throws Exception {
    // hugolib/content_map_test.go: the pages below blog/draftsection are published. Hugo 0.111
    // left them out with it.
    site.file("hugo.toml", "baseURL = 'https://example.org/'\n")
        .page("content/blog/draftsection/_index.md", "title: Draft\ndraft: true")
        .page("content/blog/draftsection/page/index.md", "title: Page")
        .page("content/blog/draftsection/sub/_index.md", "title: Sub")
        .page("content/blog/draftsection/sub/page.md", "title: Sub page");

    assertEquals(
        Map.of(
            "blog/draftsection/page/index.md", "/blog/draftsection/page/",
            "blog/draftsection/sub/_index.md", "/blog/draftsection/sub/",
            "blog/draftsection/sub/page.md", "/blog/draftsection/sub/page/"),
        read("content").urls());
  }

  @Test
  void yaml_reads_yes_no_on_and_off_as_text_so_a_norwegian_language_keeps_its_key()
      throws Exception {
    // parser/metadecoders/decoder.go: Hugo reads YAML with goccy/go-yaml from 0.152 (YAML 1.2's
    // scalars); 0.111, on yaml.v2, read the key no: as false and published under /false/.
    site.file(
            "hugo.yaml",
            """
            baseURL: https://example.org/
            defaultContentLanguage: en
            languages:
              en:
                weight: 1
              no:
                weight: 2
                contentDir: content-no
            """)
        .page("content/hello.md", "title: yes\nparams:\n  starts: 1:20\n  on: off")
        .page("content-no/hei.md", "title: Hei\ndraft: no");

    ProductPages en = read("content");
    ProductPages no = read("content-no");

    assertEquals(Map.of("hei.md", "/no/hei/"), no.urls());
    assertEquals("no", no.pages().get("hei.md").place().lang());
    ContentPage hello = en.pages().get("hello.md");
    assertEquals("yes", hello.title());
    assertEquals(Map.of("starts", "1:20", "on", "off"), hello.frontMatter().get("params"));
  }

  @Test
  void absolute_aliases_get_the_language_prefix() throws Exception {
    // content-management/urls.md, "Defining aliases": /old-url is /en/old-url/ for a page in
    // a site whose languages live in subfolders. Hugo 0.111 wrote /old-url/.
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            defaultContentLanguage = 'en'
            defaultContentLanguageInSubdir = true
            [languages.en]
              weight = 1
            [languages.de]
              weight = 2
            """)
        .page(
            "content/examples/example-1.en.md",
            "title: Example 1\naliases: ['/old-url', 'old-name', '../old/path']")
        .page("content/examples/example-1.de.md", "title: Beispiel 1\naliases: ['/alt']");

    ProductPages r = read("content");

    assertEquals(
        "[/en/old-url/, /en/examples/old-name/, /en/old/path/]",
        r.pages().get("examples/example-1.en.md").address().aliases().toString());
    assertEquals(
        "[/de/alt/]", r.pages().get("examples/example-1.de.md").address().aliases().toString());
  }

  @Test
  void ugly_urls_write_lists_as_index_files_and_pages_and_terms_as_html() throws Exception {
    // resources/page/path_integration_test.go TestMiscPathIssues (hugo#13829): a section is
    // /s1/index.html; Hugo 0.111 made it /s1.html.
    site.file("hugo.toml", "baseURL = 'https://example.org/'\nuglyURLs = true\n")
        .page("content/_index.md", "title: Home")
        .page("content/s1/_index.md", "title: S1")
        .page("content/s1/p1.md", "title: P1")
        .page("content/tags/_index.md", "title: Tags")
        .page("content/tags/red/_index.md", "title: Red");

    assertEquals(
        Map.of(
            "_index.md", "/index.html",
            "s1/_index.md", "/s1/index.html",
            "s1/p1.md", "/s1/p1.html",
            "tags/_index.md", "/tags/index.html",
            "tags/red/_index.md", "/tags/red.html"),
        read("content").urls());
  }

  @Test
  void permalinks_by_kind_by_nested_section_and_by_language() throws Exception {
    // configuration/permalinks.md: the map form keyed by kind, and per language.
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            defaultContentLanguage = 'en'
            [permalinks.page]
              articles = '/blog/:year/:month/:slug/'
              'docs/concepts' = '/concepts/:slug/'
            [permalinks.section]
              articles = '/blog/'
            [languages.en]
              weight = 1
            [languages.de]
              weight = 2
              [languages.de.permalinks.page]
                articles = '/artikel/:year/:slug/'
            """)
        .page("content/articles/_index.md", "title: Articles")
        .page("content/articles/a.md", "title: Hello\ndate: 2024-05-06")
        .page("content/articles/a.de.md", "title: Hallo\ndate: 2024-05-06")
        .page("content/docs/concepts/_index.md", "title: Concepts")
        .page("content/docs/concepts/pods.md", "title: Pods");

    assertEquals(
        Map.of(
            "articles/_index.md", "/blog/",
            "articles/a.md", "/blog/2024/05/hello/",
            "articles/a.de.md", "/de/artikel/2024/hallo/",
            "docs/concepts/_index.md", "/docs/concepts/",
            "docs/concepts/pods.md", "/concepts/pods/"),
        read("content").urls());
  }

  @Test
  void a_config_folder_with_an_environment_and_mounts_by_sites_matrix() throws Exception {
    // configuration/introduction.md (config/_default, config/production) and module.md
    // (sites.matrix.languages on a mount, from Hugo 0.153).
    site.file(
            "config/_default/hugo.toml",
            """
            baseURL = 'https://staging.example.org/'
            defaultContentLanguage = 'en'
            """)
        .file("config/_default/languages.toml", "[en]\nweight = 1\n[fr]\nweight = 2\n")
        .file(
            "config/_default/module.yaml",
            """
            mounts:
              - source: content/en
                target: content
                sites: {matrix: {languages: [en]}}
              - source: content/fr
                target: content
                sites: {matrix: {languages: [fr]}}
            """)
        .file("config/production/hugo.toml", "baseURL = 'https://example.org/'\n")
        .page("content/en/docs/a.md", "title: A")
        .page("content/fr/docs/a.md", "title: A fr");

    ProductPages en = read("content/en");
    ProductPages all = read("content");

    assertEquals("https://example.org/docs/a/", en.pages().get("docs/a.md").address().permalink());
    assertEquals(Map.of("en/docs/a.md", "/docs/a/", "fr/docs/a.md", "/fr/docs/a/"), all.urls());
  }

  @Test
  void a_config_cascade_keeps_include_folders_out_as_opentelemetry_does() throws Exception {
    // opentelemetry.io config/_default/hugo.yaml, with the sites.matrix target form.
    site.file(
            "hugo.yaml",
            """
            baseURL: https://example.org
            cascade:
              - build: { list: never, publishResources: false, render: never }
                target: { path: '{,/**}/_includes{,/**}' }
              - params: { audience: everyone }
                target: { kind: page, sites: { matrix: { languages: [en] } } }
            """)
        .page("content/_includes/snippet.md", "title: Snippet")
        .page("content/docs/_includes/other.md", "title: Other")
        .page("content/docs/page.md", "title: Page");

    ProductPages r = read("content");

    assertEquals(Map.of("docs/page.md", "/docs/page/"), r.urls());
    assertEquals(Map.of("audience", "everyone"), r.pages().get("docs/page.md").value("params"));
  }

  @Test
  void published_false_is_a_draft_and_an_upper_case_extension_is_still_markdown() throws Exception {
    // page__meta.go reads "published: false" as a draft; current Hugo lower-cases paths before
    // it looks at their extension (paths/pathparser.go), where 0.111 copied a.MD as a file.
    site.file("hugo.toml", "baseURL = 'https://example.org/'\n")
        .page("content/a.md", "title: A\npublished: false")
        .page("content/B.MD", "title: B");

    ProductPages r = read("content");

    assertEquals(Map.of("B.MD", "/b/"), r.urls());
    assertEquals("draft", r.skipped().get("a.md"));
  }

  @Test
  void a_folder_mounted_into_several_languages_is_read_in_its_own() throws Exception {
    // opentelemetry.io mounts content/en/docs into every language as a fallback (module.md,
    // sites.matrix); the English pages are English, from the first mount that takes them.
    site.file(
            "hugo.yaml",
            """
            baseURL: https://example.org
            defaultContentLanguage: en
            languages: {en: {weight: 1}, fr: {weight: 2}}
            module:
              mounts:
                - {source: content/en, target: content, sites: {matrix: {languages: [en]}}}
                - {source: content/fr, target: content, sites: {matrix: {languages: [fr]}}}
                - source: content/en/docs
                  target: content/docs
                  files: ['! specs/**']
                  sites: {matrix: {languages: [fr]}}
            """)
        .page("content/en/docs/a.md", "title: A")
        .page("content/en/docs/specs/s.md", "title: Spec")
        .page("content/fr/docs/b.md", "title: B");

    assertEquals(
        Map.of(
            "en/docs/a.md", "/docs/a/",
            "en/docs/specs/s.md", "/docs/specs/s/",
            "fr/docs/b.md", "/fr/docs/b/"),
        read("content").urls());
  }
}
