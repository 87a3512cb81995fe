package dev.sitesearch.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The default log line, {@code 2026-11-30T15:28:57.542+0000 [INFO] access - message}, then the
 * stack of a logged exception: what Logback's {@code PatternLayout} writes for {@code
 * %d{yyyy-MM-dd'T'HH:mm:ss.SSSZ} [%level] %logger{0} - %msg%n}. Parsing that pattern loads
 * Logback's sixty-odd converters, about 60 ms of every start; one fixed shape needs none of them.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneId.systemDefault());

  @Override
  public String doLayout(ILoggingEvent event) {
    var line = new StringBuilder(128);
    TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
    String logger = event.getLoggerName();
    line.append(" [")
        .append(event.getLevel())
        .append("] ")
        .append(logger, logger.lastIndexOf('.') + 1, logger.length())
        .append(" - ")
        .append(event.getFormattedMessage())
        .append(CoreConstants.LINE_SEPARATOR);
    if (event.getThrowableProxy() != null) {
      line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())); // ends with a newline
    }
    return line.toString();
  }
}
