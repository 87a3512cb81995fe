package dev.sitesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The forms of an address a page is looked up by: what templates and browsers send for it. */
class PageFinderTest {
  @Test
  void a_relative_permalink_is_tried_as_written_first() {
    assertEquals(List.of("/docs/intro/"), List.copyOf(PageFinder.forms("/docs/intro/")));
  }

  @Test
  void the_browsers_percent_encoded_path_finds_a_url_written_in_unicode() {
    var forms = PageFinder.forms("/posts/caf%C3%A9-cr%C3%A8me/");
    assertTrue(forms.contains("/posts/café-crème/"), forms::toString);
    // And the other way round: Hugo's URLs are percent-encoded, a path typed in a template is not.
    assertTrue(PageFinder.forms("/posts/café crème/").contains("/posts/caf%C3%A9%20cr%C3%A8me/"));
    // A plus sign in a path is a plus, not a space.
    assertTrue(PageFinder.forms("/c%2B%2B/a+b/").contains("/c++/a+b/"));
  }

  @Test
  void index_html_a_missing_trailing_slash_and_an_absolute_url_lead_to_the_page() {
    assertTrue(PageFinder.forms("/docs/intro/index.html").contains("/docs/intro/"));
    assertTrue(PageFinder.forms("/docs/intro").contains("/docs/intro/"));
    assertTrue(PageFinder.forms("docs/intro/").contains("/docs/intro/"));
    var absolute = PageFinder.forms("https://www.example.org/blog/docs/intro/?utm=x#top");
    assertTrue(absolute.contains("/blog/docs/intro/"), absolute::toString);
    // An ugly URL keeps its extension: no slash is added after it.
    assertEquals(List.of("/docs/intro.html"), List.copyOf(PageFinder.forms("/docs/intro.html")));
  }

  @Test
  void a_malformed_escape_is_looked_up_as_written() {
    var forms = PageFinder.forms("/100%/");
    assertEquals(List.of("/100%/"), List.copyOf(forms));
  }
}
