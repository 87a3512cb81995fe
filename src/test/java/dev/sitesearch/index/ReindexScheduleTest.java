package dev.sitesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The watcher's pace, on simulated time (milliseconds turned into nanoTime readings). */
class ReindexScheduleTest {
  static final long MS = 1_000_000;

  private final ReindexSchedule schedule =
      new ReindexSchedule(Duration.ofMillis(150), Duration.ofSeconds(1));

  /**
   * A change every {@code changesEvery} ms for {@code forMs}, a reindex whenever one is due; the
   * longest time a change waited for the reindex that saw it.
   */
  private long longestWait(long changesEvery, long forMs) {
    long longest = 0;
    long oldestUnindexed = -1;
    for (long t = 0; t <= forMs; t++) {
      if (t % changesEvery == 0) {
        schedule.changed(t * MS);
        if (oldestUnindexed < 0) oldestUnindexed = t;
      }
      if (schedule.due(t * MS)) {
        schedule.started();
        longest = Math.max(longest, t - oldestUnindexed);
        oldestUnindexed = -1;
      }
    }
    return longest;
  }

  @Test
  void nothing_is_due_until_something_changes() {
    assertEquals(Long.MAX_VALUE, schedule.nanosUntilDue(0));
    assertFalse(schedule.due(10_000 * MS));
  }

  @Test
  void a_burst_of_saves_makes_one_reindex_once_the_folder_is_quiet() {
    for (long t = 0; t < 100; t += 10) schedule.changed(t * MS);

    assertFalse(schedule.due(200 * MS));
    assertEquals(40 * MS, schedule.nanosUntilDue(200 * MS));
    assertTrue(schedule.due(240 * MS));
    schedule.started();
    assertFalse(schedule.due(10_000 * MS), "one reindex for the burst");
  }

  @Test
  void a_folder_that_never_goes_quiet_is_reindexed_within_the_max_wait_of_each_change() {
    // The attackers' churn: a write every 8 ms (~130 a second) for 45 s.
    assertEquals(1_000, longestWait(8, 45_000));
  }

  @Test
  void a_failed_reindex_is_tried_again_after_its_delay_without_further_changes() {
    schedule.changed(0);
    assertTrue(schedule.due(150 * MS));
    schedule.started();

    schedule.failed(200 * MS, Duration.ofSeconds(2));

    assertFalse(schedule.due(2_199 * MS));
    assertTrue(schedule.due(2_200 * MS));
  }

  @Test
  void changes_do_not_cut_a_retry_delay_short() {
    schedule.changed(0);
    schedule.started();
    schedule.failed(100 * MS, Duration.ofSeconds(4));

    for (long t = 100; t < 4_100; t += 8) {
      schedule.changed(t * MS);
      assertFalse(schedule.due(t * MS), "due at " + t + " ms");
    }
    assertTrue(schedule.due(4_100 * MS));
  }
}
