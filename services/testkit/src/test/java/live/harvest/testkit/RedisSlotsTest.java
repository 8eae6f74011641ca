package live.harvest.testkit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@UnitTest
class RedisSlotsTest {

    @Test
    void givenTheCheckValue_whenHashed_thenItIsCrc16Xmodem() {
        assertEquals(0x31C3, RedisSlots.crc16("123456789".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenKeysFromTheRedisClusterSpecification_whenSlotted_thenTheirSlotsAreTheOnesRedisGives() {
        assertEquals(12182, RedisSlots.slot("foo"));
        assertEquals(RedisSlots.slot("user1000"), RedisSlots.slot("{user1000}.following"));
        assertEquals(RedisSlots.slot("user1000"), RedisSlots.slot("{user1000}.followers"));
    }

    @Test
    void givenEmptyOrUnclosedBraces_whenSlotted_thenTheWholeKeyIsHashed() {
        assertEquals("foo{}{bar}", RedisSlots.hashed("foo{}{bar}"));
        assertEquals("foo{bar", RedisSlots.hashed("foo{bar"));
        assertEquals("{bar", RedisSlots.hashed("foo{{bar}}zap"));
    }

    @Test
    void givenKeysWithAndWithoutACommonTag_whenSlotted_thenOnlyTheTaggedOnesShareASlot() {
        assertEquals(1, RedisSlots.slots(List.of("a:{x}:1", "b:{x}:2")).size());
        assertNotEquals(1, RedisSlots.slots(List.of("a:x:1", "b:x:2")).size());
    }
}
