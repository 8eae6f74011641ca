package live.harvest.orders.offer;

import live.harvest.orders.redis.LuaKeys;
import live.harvest.testkit.RedisSlots;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Lua gate under Redis Cluster: every script of an offer's pool runs with keys of that offer only, all in one hash
 * slot (the tag is the offer id), so Redis Cluster runs it; different offers spread over the slots.
 */
@UnitTest
class OfferPoolKeysTest {

    /** Each script of the buy path that takes keys of an offer, with the key list its call in OfferPool passes. */
    private static Map<String, List<String>> callsFor(UUID offer) {
        return Map.of(
                "open", List.of(OfferPool.poolKey(offer)),
                "drain", List.of(OfferPool.poolKey(offer)),
                "reserve", OfferPool.allKeys(offer),
                "abandon", OfferPool.allKeys(offer),
                "rebuild", OfferPool.allKeys(offer),
                "release", OfferPool.keys(offer),
                "retake", OfferPool.keys(offer),
                "settle", OfferPool.settleKeys(offer),
                "announce", PoolStockHints.keys(offer));
    }

    @Test
    void givenEveryPoolScript_whenCalledForAnOffer_thenAllItsKeysShareTheOffersSlot() {
        for (int i = 0; i < 1000; i++) {
            UUID offer = UUID.randomUUID();
            callsFor(offer).forEach((script, keys) -> {
                assertEquals(Set.of(RedisSlots.slot(offer.toString())), RedisSlots.slots(keys), script);
                keys.forEach(key -> assertEquals(offer.toString(), RedisSlots.hashed(key), key));
            });
        }
    }

    @Test
    void givenEachPoolScriptsKeyList_whenParsed_thenItsCallPassesEveryKeyItReads() {
        Map<String, Integer> scripts = LuaKeys.all();
        callsFor(UUID.randomUUID()).forEach((script, keys) ->
                assertEquals(scripts.get(script), keys.size(), script + ".lua reads KEYS[1.." + scripts.get(script) + "]"));
    }

    @Test
    void givenEveryLuaScriptOfOrders_whenParsed_thenEachMultiKeyOneIsProvedHereOrInIdempotencyKeysTest() {
        Set<String> proved = new HashSet<>(callsFor(UUID.randomUUID()).keySet());
        proved.addAll(List.of("claim", "reseed", "unclaim")); // IdempotencyKeysTest
        assertEquals(proved, LuaKeys.all().keySet(), "a new script needs its keys proved to share a slot");
    }

    @Test
    void givenManyOffers_whenSlotted_thenTheySpreadOverTheCluster() {
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            slots.add(RedisSlots.slot(OfferPool.poolKey(UUID.randomUUID())));
        }
        assertTrue(slots.size() > 900, "1000 offers in " + slots.size() + " slots");
    }
}
