package live.harvest.orders.idempotency;

import live.harvest.orders.redis.LuaKeys;
import live.harvest.testkit.RedisSlots;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The idempotency scripts under Redis Cluster: a claim reads the key's entry and the buyer's sentinel, a reseed writes
 * the sentinel and any number of the buyer's entries; the buyer id is their hash tag, so each call is one slot.
 */
@UnitTest
class IdempotencyKeysTest {

    @Test
    void givenAClaim_whenItsKeysAreSlotted_thenEntryAndSentinelShareTheBuyersSlot() {
        assertEquals(2, LuaKeys.all().get("claim"));
        for (int i = 0; i < 1000; i++) {
            UUID buyer = UUID.randomUUID();
            List<String> keys = List.of(Idempotency.entryKey(buyer, "key-" + i), Idempotency.sentinelKey(buyer));
            assertEquals(Set.of(RedisSlots.slot(buyer.toString())), RedisSlots.slots(keys));
        }
    }

    @Test
    void givenAReseedOfManyAnswers_whenItsKeysAreSlotted_thenTheyAllShareTheBuyersSlot() {
        assertEquals(LuaKeys.ANY, LuaKeys.all().get("reseed"));
        UUID buyer = UUID.randomUUID();
        List<String> keys = new ArrayList<>(List.of(Idempotency.sentinelKey(buyer)));
        for (int i = 0; i < 500; i++) {
            keys.add(Idempotency.entryKey(buyer, UUID.randomUUID() + "{with braces}" + i));
        }
        assertEquals(1, RedisSlots.slots(keys).size());
    }

    @Test
    void givenAnUnclaim_whenParsed_thenItTakesOneKey() {
        assertEquals(1, LuaKeys.all().get("unclaim"));
    }
}
