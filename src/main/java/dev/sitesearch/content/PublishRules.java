package dev.sitesearch.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Whether Hugo writes a page to the site, from its front matter (keys in lower case, cascades
 * applied) and the site's settings: drafts ({@code draft}, or {@code published: false}), a future
 * publish date and a past expiry date (each unless the site builds them, or drafts are let in),
 * {@code build.render} ({@code _build} before Hugo 0.123, which still wins when both are set),
 * {@code headless}, {@code outputs} without HTML, and kinds the site disables.
 */
final class PublishRules {
  private PublishRules() {}

  /**
   * Why the page is not published, or null when it is.
   *
   * @param includeDrafts drafts, future and expired pages are let in (a preview index)
   */
  static String skipReason(
      PagePlace place,
      Map<String, Object> fm,
      FrontMatterDates.Dates dates,
      Publishing site,
      boolean includeDrafts,
      Instant now) {
    if (site.disabledKinds().contains(place.kind()))
      return "Hugo renders no " + place.kind() + " pages here (disableKinds)";
    if (isDraft(fm) && !includeDrafts && !site.buildDrafts()) return "draft";
    if (dates.publishDate() != null
        && dates.publishDate().isAfter(now)
        && !includeDrafts
        && !site.buildFuture()) return "future date " + dates.publishDate();
    if (dates.expiryDate() != null
        && !dates.expiryDate().isAfter(now)
        && !includeDrafts
        && !site.buildExpired()) return "expired on " + dates.expiryDate();
    if (isTrue(fm.get("headless"))) return "headless: Hugo does not publish it";
    String render = render(fm);
    if (render.equals("never")) return "build.render is never: Hugo does not publish it";
    if (render.equals("link"))
      return "build.render is link: Hugo gives it an address but writes no page";
    if (fm.get("outputs") instanceof List<?> outputs
        && outputs.stream().noneMatch(o -> String.valueOf(o).equalsIgnoreCase("html")))
      return "its outputs have no HTML page: " + outputs;
    return null;
  }

  /** The expiry date the index keeps, so that the page leaves it on time; null for none. */
  static Instant expiresAt(FrontMatterDates.Dates dates, Publishing site, boolean includeDrafts) {
    return includeDrafts || site.buildExpired() ? null : dates.expiryDate();
  }

  static boolean isDraft(Map<String, Object> fm) {
    Object draft = fm.get("draft");
    if (draft != null) return isTrue(draft);
    return fm.get("published") instanceof Boolean published && !published;
  }

  /** {@code build.render}: always, never or link; {@code headless: true} means never. */
  static String render(Map<String, Object> fm) {
    if (isTrue(fm.get("headless"))) return "never";
    Object build = fm.containsKey("_build") ? fm.get("_build") : fm.get("build");
    if (!(build instanceof Map<?, ?> map)) return "always";
    Object render = null;
    for (var e : map.entrySet()) {
      if (String.valueOf(e.getKey()).equalsIgnoreCase("render")) render = e.getValue();
    }
    // As Hugo decodes it: false or 0 is never, and a value it does not know (Never) is always.
    if (render instanceof Boolean b) return b ? "always" : "never";
    return switch (String.valueOf(render).strip()) {
      case "never", "0" -> "never";
      case "link" -> "link";
      default -> "always";
    };
  }

  /**
   * True as Hugo's {@code cast.ToBool} reads it: a boolean, a number other than 0, or the text Go's
   * {@code strconv.ParseBool} takes as true ({@code 1}, {@code t}, {@code true} in its three
   * cases); anything else is false.
   */
  private static boolean isTrue(Object v) {
    return switch (v) {
      case Boolean b -> b;
      case Number n -> n.doubleValue() != 0;
      case String s ->
          switch (s) {
            case "1", "t", "T", "true", "True", "TRUE" -> true;
            default -> false;
          };
      case null, default -> false;
    };
  }
}
