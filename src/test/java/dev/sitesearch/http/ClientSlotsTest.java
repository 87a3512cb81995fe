package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each client gets its own few slots, and a client with nothing in flight is forgotten. */
class ClientSlotsTest {
  @Test
  void a_client_gets_its_slots_and_no_more_and_others_are_not_counted_against_it() {
    var slots = new ClientSlots(2);

    assertTrue(slots.tryAcquire("a"));
    assertTrue(slots.tryAcquire("a"));
    assertFalse(slots.tryAcquire("a"), "a third at once");
    assertTrue(slots.tryAcquire("b"));

    slots.release("a");
    assertTrue(slots.tryAcquire("a"), "a slot given back can be taken again");
  }

  @Test
  void a_client_with_nothing_in_flight_is_forgotten() {
    var slots = new ClientSlots(3);
    slots.tryAcquire("a");
    slots.tryAcquire("a");
    slots.tryAcquire("b");

    slots.release("a");
    slots.release("a");
    slots.release("b");

    assertEquals(0, slots.clients());
  }
}
