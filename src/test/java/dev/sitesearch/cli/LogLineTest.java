package dev.sitesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The default log line is what Logback's pattern layout wrote for the same pattern. */
class LogLineTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void a_line_reads_as_the_pattern_layout_wrote_it_with_or_without_an_exception() {
    var pattern = new PatternLayout();
    pattern.setContext(context);
    pattern.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ} [%level] %logger{0} - %msg%n");
    pattern.start();
    var line = new LogLine();
    line.setContext(context);
    line.start();

    var failure = new IOException("disk full", new IllegalStateException("inner"));
    LoggingEvent[] events = {
      event("sitesearch.access", Level.INFO, "GET {} {} {}ms", null, "/api/search", 200, 3),
      event("dev.sitesearch.app.CatchUp", Level.WARN, "catch-up failed", failure),
      event("root", Level.ERROR, "plain: {}", null, "ünïcode ✓"),
      event("NoDots", Level.INFO, "", null),
    };
    for (LoggingEvent e : events) {
      assertEquals(pattern.doLayout(e), line.doLayout(e));
    }
  }

  private LoggingEvent event(
      String logger, Level level, String message, Throwable thrown, Object... args) {
    var event =
        new LoggingEvent(
            LogLineTest.class.getName(), context.getLogger(logger), level, message, thrown, args);
    event.setTimeStamp(1_764_500_000_123L);
    return event;
  }
}
