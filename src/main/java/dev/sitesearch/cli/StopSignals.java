package dev.sitesearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT for {@code serve}: the first starts a clean stop (on its own thread, so the
 * signal is not held up) after which the command returns and exits 0, as a supervisor expects of a
 * service told to stop; a second one, while that stop runs, exits at once. The JVM's default
 * handling would run the shutdown hooks and then exit 143 whatever they did.
 */
final class StopSignals {
  private StopSignals() {}

  static void install(Runnable stop, PrintWriter err) {
    var stopping = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              if (stopping.compareAndSet(false, true)) {
                Thread.ofPlatform().name("sitesearch-stop").start(stop);
              } else {
                err.println("sitesearch: second SIG" + signal.getName() + ", exiting at once");
                err.flush();
                Runtime.getRuntime().halt(128 + signal.getNumber());
              }
            });
      } catch (IllegalArgumentException unsupported) {
        // a signal this platform or JVM does not let us handle keeps its default
      }
    }
  }
}
