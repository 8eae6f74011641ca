package live.harvest.livestream.counter;

import live.harvest.testkit.RedisSlots;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counter scripts under Redis Cluster: each takes all of a stream's counter keys at once, and the stream id is their
 * hash tag, so every call is one slot.
 */
@UnitTest
class CounterKeysTest {

    @Test
    void givenAStream_whenItsCounterKeysAreSlotted_thenTheyShareTheStreamsSlot() {
        for (int i = 0; i < 1000; i++) {
            UUID stream = UUID.randomUUID();
            List<String> keys = CounterScripts.KEYS.stream().map(name -> Counters.key(stream, name)).toList();
            assertEquals(Set.of(RedisSlots.slot(stream.toString())), RedisSlots.slots(keys));
        }
    }

    @Test
    void givenEveryCounterScript_whenParsed_thenItReadsNoKeyBeyondTheListEveryCallPasses() throws Exception {
        Pattern key = Pattern.compile("KEYS\\[(\\d+)]");
        int scripts = 0;
        for (Field field : CounterScripts.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                Matcher m = key.matcher((String) field.get(null));
                while (m.find()) {
                    int index = Integer.parseInt(m.group(1));
                    assertTrue(index >= 1 && index <= CounterScripts.KEYS.size(), field.getName() + " reads KEYS[" + index + "]");
                }
                scripts++;
            }
        }
        assertTrue(scripts >= 7, "scripts found: " + scripts);
    }
}
