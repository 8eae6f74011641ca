package live.harvest.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Redis Cluster's key slots (its specification: CRC16/XMODEM of the key, or of its hash tag, modulo 16384). Redis
 * Cluster runs a script or multi-key command only when all its keys are in one slot; the tests of every multi-key
 * script prove theirs are, so the deployment may move from Sentinel to Redis Cluster without a key migration.
 */
public final class RedisSlots {

    public static final int SLOTS = 16384;

    private RedisSlots() {
    }

    /** The slot of a key: the hash tag's (the text between the first '{' and the next '}', if not empty), else the key's. */
    public static int slot(String key) {
        return crc16(hashed(key).getBytes(StandardCharsets.UTF_8)) % SLOTS;
    }

    /** The part of the key the slot is computed from. */
    public static String hashed(String key) {
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) {
                return key.substring(open + 1, close);
            }
        }
        return key;
    }

    /** The distinct slots of a script call's keys: one element when Redis Cluster would run it. */
    public static Set<Integer> slots(Collection<String> keys) {
        Set<Integer> slots = new TreeSet<>();
        keys.forEach(key -> slots.add(slot(key)));
        return slots;
    }

    /** CRC16/XMODEM (polynomial 0x1021, initial 0), the variant Redis Cluster uses. */
    static int crc16(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= (b & 0xff) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xffff;
            }
        }
        return crc;
    }
}
