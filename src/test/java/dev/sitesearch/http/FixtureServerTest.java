package dev.sitesearch.http;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class over the fixture server its class shares ({@link FixtureServer}): {@link #server}
 * and {@link #fixture} are set before its first test runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FixtureServer.class)
abstract class FixtureServerTest {
  /** The real server, started over a fresh copy of the fixture site. */
  TestServer server;

  /** The fixture's published pages, read straight from its files for expected values. */
  FixturePages fixture;

  /**
   * Whether the class's server answers from a SolrCloud collection ({@code engine.type: solrcloud})
   * instead of the local index: a contract test's {@code …OnSolrCloud…} subclass says yes, so the
   * same tests run against both engines.
   */
  boolean onSolrCloud() {
    return false;
  }
}
