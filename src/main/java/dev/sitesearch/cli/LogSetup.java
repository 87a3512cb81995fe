package dev.sitesearch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import dev.sitesearch.config.LoggingSettings;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code logging:} settings to Logback (with {@link LogDefaults}, which sets the text
 * format, the one place that knows the logging backend): the levels, and for {@code json} an
 * encoder that writes each event as one JSON object per line (time, level, logger, the formatted
 * message, the event's key-value pairs: a request's method, path, status and ms; a reindex's
 * counts).
 */
final class LogSetup {
  private LogSetup() {}

  /**
   * The command's own level before any config is read: {@code serve} logs as it goes, the other
   * commands print their own report and keep their log to warnings.
   */
  static void start(boolean serving) {
    root().setLevel(serving ? Level.INFO : Level.WARN);
  }

  /** Applies {@code settings} (nothing to do for the defaults). */
  static void apply(LoggingSettings settings, boolean serving) {
    if (settings.equals(LoggingSettings.DEFAULTS)) return;
    Logger root = root();
    root.setLevel(
        settings.level() != null
            ? Level.toLevel(settings.level())
            : serving ? Level.INFO : Level.WARN);
    for (Map.Entry<String, String> e : settings.levels().entrySet()) {
      context().getLogger(e.getKey()).setLevel(Level.toLevel(e.getValue()));
    }
    if (settings.format() == LoggingSettings.Format.JSON) json(root);
  }

  private static void json(Logger root) {
    var appender = (ConsoleAppender<ILoggingEvent>) root.getAppender(LogDefaults.APPENDER);
    if (appender == null) return; // a logback.xml of the user's own decides
    var encoder = new JsonEncoder();
    encoder.setContext(context());
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMDC(false);
    encoder.setWithMarkers(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithArguments(false);
    encoder.setWithThreadName(false);
    encoder.start();
    appender.stop();
    appender.setEncoder(encoder);
    appender.start();
  }

  private static Logger root() {
    return context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }
}
