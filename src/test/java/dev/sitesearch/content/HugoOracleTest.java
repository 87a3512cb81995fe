package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sitesearch.testing.HugoBuild;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hugo is the oracle: each test writes a small site, builds it with Debian's {@code hugo} (0.111)
 * at a fixed clock, reads it as an indexing run does, and requires the same pages published at the
 * same addresses (URL, permalink, kind, language, alias redirects), page for page. The sites use
 * the rules that Hugo 0.111 and current Hugo share; where they differ, {@link HugoCurrentRulesTest}
 * follows current Hugo's documentation (docs/hugo.md lists the differences).
 */
class HugoOracleTest {
  @TempDir Path root;
  HugoOracle site;

  @BeforeEach
  void setUp() {
    HugoBuild.assumeHugo();
    site = new HugoOracle(root);
  }

  @Test
  void sections_bundles_and_paths_with_upper_case_spaces_and_punctuation() throws Exception {
    site.file("hugo.toml", "baseURL = 'https://example.org/sub/'\ntitle = 'x'\n")
        .page("content/_index.md", "title: Home")
        .page("content/about.md", "title: About")
        .page("content/Docs/My Page.md", "title: My Page")
        .page("content/docs/_index.md", "title: Docs")
        .page("content/docs/getting-started.mdown", "title: Getting started")
        .page("content/docs/install.markdown", "title: Install")
        .page("content/docs/notes.mkd", "title: Not read by Hugo")
        .page("content/docs/deep/er/page.md", "title: Deep")
        .page("content/docs/concepts/_index.md", "title: Concepts")
        .page("content/docs/concepts/pods.md", "title: Pods")
        .page("content/docs/concepts/leaf/index.md", "title: A leaf bundle")
        .page("content/docs/concepts/leaf/part.md", "title: A resource, not a page")
        .page("content/docs/concepts/leaf/more/deeper.md", "title: A resource too")
        .page("content/docs/ñandú Ünï.md", "title: Accents")
        .page("content/docs/x&y (1).md", "title: Punctuation")
        .page("content/blog/2024/post.md", "title: A post in a plain folder")
        .page("content/tags/_index.md", "title: Tags")
        .page("content/tags/go/_index.md", "title: Go");

    HugoOracle.Result r = site.agree("content");

    assertEquals(
        "/sub/docs/my-page/", r.ours().pages().get("Docs/My Page.md").url(), "lower case, hyphen");
    assertEquals(
        "https://example.org/sub/docs/concepts/",
        r.ours().pages().get("docs/concepts/_index.md").address().permalink());
    assertTrue(r.ours().skipped().get("docs/concepts/leaf/part.md").contains("leaf bundle"));
    assertTrue(r.ours().skipped().get("docs/notes.mkd").contains(".mdown"));
  }

  @Test
  void slugs_urls_and_aliases() throws Exception {
    site.file("hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'x'\n")
        .page("content/news/_index.md", "title: News")
        .page("content/news/a.md", "title: A\nslug: Slug With Space")
        .page("content/news/b.md", "title: B\nurl: /Custom/Place/")
        .page("content/news/c.md", "title: C\nurl: relative/place")
        .page("content/news/d.md", "title: D\nurl: /file.html")
        .page("content/news/e.md", "title: E\nurl: /a/../b/c/")
        .page(
            "content/news/f.md",
            "title: F\naliases: [/old/f, older, ../elsewhere/f, /Upper/Case/, /wild/*]")
        .page("content/news/leaf/index.md", "title: Leaf\naliases: [leafalias]")
        .page("content/news/s/_index.md", "title: S\nurl: /section-url/")
        .page("content/news/s/p.md", "title: P\nslug: --dashes--");

    HugoOracle.Result r = site.agree("content");

    ContentPage f = r.ours().pages().get("news/f.md");
    assertEquals("/news/f/", f.url(), "an alias is never the page's URL");
    assertEquals(5, f.address().aliases().size(), f.address().aliases().toString());
  }

  @Test
  void permalink_patterns_with_their_tokens() throws Exception {
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            title = 'x'
            [permalinks]
              posts = '/:year/:month/:day/:slug/'
              news = '/n/:sections/:filename/'
              guides = '/g/:sections[1:]/:title/'
              tut = '/t/:section/:slugorfilename/'
              go = '/:06/:01/:02/:title'
            """)
        .page("content/posts/_index.md", "title: Posts")
        .page("content/posts/first.md", "title: First Post!\ndate: 2024-03-05")
        .page("content/posts/second.md", "title: Second\ndate: 2024-04-05T10:00:00Z\nslug: sec")
        .page("content/posts/undated.md", "title: Undated")
        .page("content/posts/bundle/index.md", "title: Bundle\ndate: 2023-12-31")
        .page("content/news/a/_index.md", "title: A")
        .page("content/news/a/b/index.md", "title: B leaf")
        .page("content/news/x/y.md", "title: Yes")
        .page("content/guides/one/_index.md", "title: One")
        .page("content/guides/one/two/_index.md", "title: Two")
        .page("content/guides/one/two/three.md", "title: Three Things")
        .page("content/tut/Hello.md", "title: Hello")
        .page("content/tut/World.md", "title: World\nslug: the-world")
        .page("content/go/p.md", "title: Go Layout\ndate: 2021-07-09")
        .page("content/go/q.md", "title: Explicit\ndate: 2021-07-09\nurl: /explicit/");

    HugoOracle.Result r = site.agree("content");

    assertEquals("/2024/03/05/first-post/", r.ours().pages().get("posts/first.md").url());
  }

  @Test
  void drafts_future_and_expired_pages_with_every_date_key_hugo_reads() throws Exception {
    site.file("hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'x'\n")
        .page("content/p/published.md", "title: Published\ndate: 2020-01-01")
        .page("content/p/draft.md", "title: Draft\ndraft: true")
        .page("content/p/draft-upper.md", "title: Draft\nDraft: true")
        .page("content/p/draft-one.md", "title: Draft\ndraft: 1")
        .page("content/p/draft-t.md", "title: Draft\ndraft: 'T'")
        .page("content/p/draft-zero.md", "title: Not a draft\ndraft: 0")
        .page("content/p/draft-word.md", "title: Not a draft\ndraft: 'maybe'")
        .page("content/p/future-date.md", "title: Future\ndate: 2030-01-01")
        .page("content/p/future-publishdate.md", "title: Future\npublishDate: 2030-01-01")
        .page("content/p/future-pubdate.md", "title: Future\npubdate: 2030-01-01")
        .page("content/p/future-published.md", "title: Future\npublished: 2030-01-01")
        .page(
            "content/p/past-publishdate.md",
            "title: Past\ndate: 2030-01-01\npublishdate: 2020-01-01")
        .page("content/p/expired.md", "title: Expired\nexpiryDate: 2020-01-01")
        .page("content/p/unpublished.md", "title: Expired\nunpublishdate: 2020-01-01")
        .page("content/p/expires-later.md", "title: Later\nexpirydate: 2030-01-01");

    HugoOracle.Result r = site.agree("content");

    assertEquals(
        Map.of(
            "p/draft.md", "draft",
            "p/draft-upper.md", "draft"),
        Map.of(
            "p/draft.md", r.ours().skipped().get("p/draft.md"),
            "p/draft-upper.md", r.ours().skipped().get("p/draft-upper.md")));
    assertEquals("draft", r.ours().skipped().get("p/draft-one.md"), "1 is true to Hugo");
  }

  @Test
  void build_options_headless_bundles_and_cascades() throws Exception {
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            title = 'x'
            [[cascade]]
              draft = true
              [cascade._target]
                path = '/notes/old/**'
            """)
        .page("content/docs/_index.md", "title: Docs")
        .page("content/docs/never.md", "title: Never\n_build:\n  render: never")
        .page("content/docs/false.md", "title: False\n_build:\n  render: false")
        .page("content/docs/link.md", "title: Link\n_build:\n  render: link")
        .page("content/docs/unlisted.md", "title: Unlisted\n_build:\n  list: never")
        .page("content/docs/headless/index.md", "title: Headless\nheadless: true")
        .page("content/docs/headless/part.md", "title: Part of it")
        .page("content/books/_index.md", "title: Books\n_build:\n  render: never\n  list: never")
        .page("content/books/b1.md", "title: Book one")
        .page(
            "content/glossary/_index.md",
            "title: Glossary\ncascade:\n  _build:\n    render: never\n    list: never")
        .page("content/glossary/term.md", "title: A term")
        .page("content/glossary/more/_index.md", "title: More terms")
        .page("content/glossary/more/other.md", "title: Another term")
        .page("content/notes/_index.md", "title: Notes")
        .page("content/notes/new.md", "title: New note")
        .page("content/notes/old/x.md", "title: Old note")
        .page("content/notes/old/y.md", "title: Old note kept\ndraft: false");

    HugoOracle.Result r = site.agree("content");

    assertTrue(r.ours().skipped().get("glossary/term.md").startsWith("build.render is never"));
    assertTrue(r.ours().skipped().get("docs/link.md").startsWith("build.render is link"));
    assertEquals(
        "headless: Hugo does not publish it", r.ours().skipped().get("docs/headless/index.md"));
    assertEquals("draft", r.ours().skipped().get("notes/old/x.md"));
  }

  @Test
  void languages_by_file_name_suffix() throws Exception {
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            title = 'x'
            defaultContentLanguage = 'en'
            [languages.en]
              weight = 1
            [languages.fr]
              weight = 2
            [permalinks]
              blog = '/:section/:year/:slug/'
            """)
        .page("content/_index.md", "title: Home")
        .page("content/_index.fr.md", "title: Accueil")
        .page("content/a.md", "title: A\naliases: [/old-a, rel-a]")
        .page("content/a.fr.md", "title: A fr\naliases: [rel-a-fr]")
        .page("content/b.fr.md", "title: B fr\nurl: relative-fr")
        .page("content/c.fr.md", "title: C fr\nurl: /absolute-fr/")
        .page("content/d.en.md", "title: D")
        .page("content/e.xx.md", "title: Not a language")
        .page("content/s/_index.fr.md", "title: S fr")
        .page("content/s/p.fr.md", "title: P fr")
        .page("content/s/leaf/index.md", "title: Leaf en")
        .page("content/s/leaf/index.fr.md", "title: Leaf fr")
        .page("content/s/leaf/part.md", "title: Part")
        .page("content/blog/post.fr.md", "title: Billet\ndate: 2024-01-02");

    HugoOracle.Result r = site.agree("content");

    assertEquals("fr", r.ours().pages().get("a.fr.md").place().lang());
    assertEquals("/fr/blog/2024/billet/", r.ours().pages().get("blog/post.fr.md").url());
  }

  @Test
  void languages_in_their_own_content_folders_found_from_one_of_them() throws Exception {
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/docs/'
            title = 'x'
            defaultContentLanguage = 'en'
            defaultContentLanguageInSubdir = true
            [languages.en]
              weight = 1
              contentDir = 'content/en'
            [languages.de]
              weight = 2
              contentDir = 'content/de'
            """)
        .page("content/en/_index.md", "title: Home")
        .page("content/en/guide/_index.md", "title: Guide")
        .page("content/en/guide/start.md", "title: Start\naliases: [begin]")
        .page("content/de/_index.md", "title: Start")
        .page("content/de/guide/start.md", "title: Anfang")
        .page("content/de/guide/only.fr.md", "title: French in the German folder");

    HugoOracle.assertAgree(site.both("content"));
    HugoOracle.Result en = site.agree("content/en");

    assertEquals("en", en.ours().pages().get("guide/start.md").place().lang());
    assertEquals("/docs/en/guide/start/", en.ours().pages().get("guide/start.md").url());
  }

  @Test
  void module_mounts_that_remap_content() throws Exception {
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            title = 'x'
            [[module.mounts]]
              source = 'content/en'
              target = 'content'
            [[module.mounts]]
              source = 'shared/snippets'
              target = 'content/docs/snippets'
            """)
        .page("content/en/_index.md", "title: Home")
        .page("content/en/docs/_index.md", "title: Docs")
        .page("content/en/docs/a.md", "title: A")
        .page("shared/snippets/s.md", "title: A mounted page")
        .page("content/other/lost.md", "title: Not mounted");

    HugoOracle.Result r = site.agree("content/en");

    assertEquals("/docs/a/", r.ours().pages().get("docs/a.md").url());
    HugoOracle.assertAgree(site.both("shared/snippets"));
  }

  @Test
  void ugly_urls_for_pages_and_terms_path_case_and_accents() throws Exception {
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            title = 'x'
            uglyURLs = true
            disablePathToLower = true
            removePathAccents = true
            """)
        .page("content/Docs/Big Page.md", "title: Big")
        .page("content/Docs/Leaf/index.md", "title: Leaf\naliases: [LeafAlias]")
        .page("content/Docs/Café Crème.md", "title: Coffee")
        .page("content/tags/go/_index.md", "title: Go");

    HugoOracle.Result r = site.both("content");

    // Hugo 0.111 writes a section or taxonomy as /docs.html, current Hugo as /docs/index.html
    // (hugo#13829): only pages and terms are compared here.
    assertEquals(r.hugoUrls(), r.ours().urls());
    assertEquals("/Docs/Big-Page.html", r.ours().pages().get("Docs/Big Page.md").url());
    assertEquals("/Docs/Cafe-Creme.html", r.ours().pages().get("Docs/Café Crème.md").url());
  }

  @Test
  void front_matter_date_sources_disabled_kinds_and_building_the_future() throws Exception {
    site.file(
            "hugo.toml",
            """
            baseURL = 'https://example.org/'
            title = 'x'
            buildFuture = true
            disableKinds = ['taxonomy', 'term']
            [frontmatter]
              date = [':filename', ':default']
            [permalinks]
              blog = '/:year/:month/:slug/'
            """)
        .page("content/blog/2024-02-03-Hello There.md", "title: Hi")
        .page("content/blog/2024-02-04-named.md", "title: Named\nslug: given")
        .page("content/blog/2031-01-01-later.md", "title: Later")
        .page("content/tags/_index.md", "title: Tags")
        .page("content/tags/go/_index.md", "title: Go");

    HugoOracle.Result r = site.agree("content");

    assertEquals(
        "/2024/02/hello-there/", r.ours().pages().get("blog/2024-02-03-Hello There.md").url());
  }
}
