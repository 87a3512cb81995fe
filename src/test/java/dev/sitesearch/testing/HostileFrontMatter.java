package dev.sitesearch.testing;

/**
 * Front matter written to hurt a parser, for the parser's own tests and for the indexer's, which
 * must report it as one bad file among good ones.
 */
public final class HostileFrontMatter {
  /**
   * A YAML "billion laughs" page: nine levels of nine aliases each, 9^9 strings if anything
   * expanded them.
   */
  public static final String ALIAS_BOMB =
      """
      ---
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      ---
      Body
      """;

  private HostileFrontMatter() {}
}
