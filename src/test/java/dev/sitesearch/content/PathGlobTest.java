package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The glob table of Hugo's documentation (quick-reference/glob-patterns), and a few more. */
class PathGlobTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a/*.md            | a/page.md        | true
      a/*/page.md       | a/b/page.md      | true
      a/*/page.md       | a/b/c/page.md    | false
      a/**/page.md      | a/b/c/page.md    | true
      file.???          | file.txt         | true
      file.???          | file.js          | false
      ?at               | f/at             | false
      f.[jt]xt          | f.txt            | true
      f.[!j]xt          | f.txt            | true
      f.[a-c].txt       | f.b.txt          | true
      f.[a-c].txt       | f.z.txt          | false
      f.[!a-c].txt      | f.z.txt          | true
      *.{jpg,png}       | logo.png         | true
      *.{jpg,png}       | logo.webp        | false
      {/news/**}        | /news/2024/a     | true
      {/news/**}        | /news            | false
      {/docs,/docs/**}  | /docs            | true
      {,/**}/_includes{,/**} | /docs/_includes/x | true
      {,/**}/_includes{,/**} | /_includes        | true
      {,/**}/_includes{,/**} | /docs/includes    | false
      a,b/*.md          | a,b/x.md         | true
      {a,{b,c}d}/x      | cd/x             | true
      {a,{b,c}d}/x      | c/x              | false
      f\\*.md           | f*.md            | true
      f\\*.md           | fa.md            | false
      """)
  void matches_as_hugo_documents(String glob, String path, boolean matches) {
    assertEquals(matches, PathGlob.of(glob).matches(path));
  }

  @Test
  void a_glob_a_path_almost_matches_is_decided_at_once() {
    var glob = PathGlob.of("/**a**a**a**a**a**a**a**a**a**a**b");
    String path = "/" + "a".repeat(60) + "/" + "a".repeat(60);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertFalse(glob.matches(path)));
    assertTrue(glob.matches(path + "b"));
  }

  @Test
  void braces_that_multiply_past_the_limit_are_an_error() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PathGlob.of("{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}"));
    assertTrue(e.getMessage().contains("more than 256 alternatives"), e.getMessage());
  }

  @Test
  void an_unbalanced_brace_is_an_error_naming_the_glob() {
    var e = assertThrows(IllegalArgumentException.class, () -> PathGlob.of("{/docs,/x"));
    assertEquals("'{/docs,/x': a { without a }", e.getMessage());
  }
}
