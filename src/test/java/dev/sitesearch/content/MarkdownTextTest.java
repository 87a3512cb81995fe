package dev.sitesearch.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text of Markdown as a reader sees it on a Hugo site: what each construct leaves behind. In
 * the tables, {@code \n} stands for a line break and {@code ¶} for a blank line between blocks.
 */
class MarkdownTextTest {

  private static String render(String markdown) {
    return MarkdownText.render(markdown.replace("\\n", "\n")).text().replace("\n\n", " ¶ ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      self-closing, dropped             | Before {{< youtube id=abc >}} after.                      | Before after.
      self-closing with slash           | Before {{< new-in 0.120.0 />}} after.                     | Before after.
      percent form, dropped             | {{% include "/_common/a.md" %}}\\n\\nText.                | Text.
      paired: the inner text stays      | {{< note >}}\\nTake care.\\n{{< /note >}}                  | Take care.
      paired percent form               | {{% note %}}\\nTake **care**.\\n{{% /note %}}              | Take care.
      tabs                              | {{< tabs >}}\\n{{< tab "Go" >}}\\nUse go.\\n{{< /tab >}}\\n{{< /tabs >}} | Use go.
      arguments over several lines      | {{< code-toggle\\n  file=hugo\\n  copy=true >}}\\ntitle = "x"\\n{{< /code-toggle >}} | title = "x"
      inside a code block, as in Hugo   | ```\\n{{< code-toggle >}}\\na = 1\\n{{< /code-toggle >}}\\n```   | a = 1
      escaped: literal text             | Write {{</* note */>}} and {{%/* include "a" */%}}.       | Write {{< note >}} and {{% include "a" %}}.
      escaped closing marker            | ```\\n{{</* /note */>}}\\n```                            | {{< /note >}}
      Go template braces stay           | The {{ .Title }} and {{< >}} stay.                         | The {{ .Title }} and {{< >}} stay.
      never closed: left as written     | Broken {{< note here.                                      | Broken {{< note here.
      """)
  void shortcode_markers_are_removed_and_paired_ones_keep_their_inner_text(
      String why, String markdown, String text) {
    assertEquals(text, render(markdown), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
      alert                              => > [!NOTE]\\n> Mind the gap. => Mind the gap.
      alert in lower case with a title   => > [!warning]+ Heads up\\n> Mind the gap. => Heads up Mind the gap.
      a quote that is no alert           => > [see] this => [see] this
      table cells, no pipes or dashes    => | Format | Zone |\\n| :-- | --- |\\n| `x` | UTC | => Format Zone\\nx UTC
      table after a paragraph            => Forms:\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 | => Forms: ¶ a b\\n1 2
      task list boxes                    => - [ ] todo\\n- [x] done => todo ¶ done
      heading id                         => ## Install {#install}\\n\\nText. => Install ¶ Text.
      heading classes and values         => ## Install {.note data-x="a b" #i}\\n\\nText. => Install ¶ Text.
      braces that are not attributes     => ## Sets {a, b} => Sets {a, b}
      attribute line under a paragraph   => Some text.\\n{.lead} => Some text.
      attribute line under a table       => | a |\\n|---|\\n| 1 |\\n{.table} => a\\n1
      """)
  void alerts_tables_task_boxes_and_attributes_leave_only_their_text(
      String why, String markdown, String text) {
    assertEquals(text.replace("\\n", "\n"), render(markdown), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      block: tags, entities                | <div class="note">Boxed <b>note</b> &amp; more&#33;</div> | Boxed note & more!
      block: comment                       | <!-- hidden -->\\n\\nShown.                              | Shown.
      block: comment never closed          | Shown.\\n\\n<!-- hidden\\n\\nstill hidden                | Shown.
      block: script and style bodies       | <script>track()</script>\\n<style>.x{}</style>\\n\\nText. | Text.
      block: script never closed           | <script src=x\\nalert(1)                                 | ''
      block: quoted > in an attribute      | <div title="a > b">Inside</div>                          | Inside
      inline: word-level tags leave no gap | Un<em>believ</em>able <span>words</span>.               | Unbelievable words.
      inline: script body dropped          | Before <script>steal()</script> after.                   | Before after.
      inline: a < that opens no tag        | When a < b and c > d.                                    | When a < b and c > d.
      """)
  void html_leaves_the_text_a_browser_shows(String why, String markdown, String text) {
    assertEquals(text, render(markdown), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a Markdown link                     | [Jane Doe](https://example.org/jane) | Jane Doe
      HTML and an entity                  | <b>Care</b> &amp; cure              | Care & cure
      emphasis and code                   | Use **`hugo server`** _now_          | Use hugo server now
      a list number stays                 | 1. Basics                            | 1. Basics
      a heading sign stays                | # tags                               | # tags
      plain text is kept as it is         | C++ / R&D, 2024                      | C++ / R&D, 2024
      a shortcode                         | See {{< param "name" >}} here        | See here
      """)
  void inline_values_lose_markup_but_keep_their_words(String why, String value, String text) {
    assertEquals(text, MarkdownText.inline(value), why);
  }
}
