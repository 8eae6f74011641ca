package live.harvest.livestream.counter;

import java.util.List;

/**
 * The Lua scripts behind {@link Counters}. Redis runs each one atomically; all take the same keys, {@link #KEYS}.
 * Every script but {@link #RESTORE} starts with the gate: when the stream's {@code since} marker is missing, Redis
 * has lost (or never had) the stream's counters, and the script changes nothing and returns nil, so that the caller
 * restores them from PostgreSQL first. A count is thus never made on top of a lost one.
 */
final class CounterScripts {

    /**
     * since: set when Redis started holding the counters (the marker); watching: hash of instance id → its open feed
     * connections (current viewers is their sum); peak; unique: HyperLogLog of viewer ids; likes; scratch: holds a
     * checkpointed HyperLogLog for the instant of a restore; restored-seq: the last {@code stream_like.seq} a restore
     * counted, so that those likes are not counted again by their own increment.
     */
    static final List<String> KEYS = List.of("since", "watching", "peak", "unique", "likes", "scratch",
            "restored-seq");

    private static final String GATE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            """;

    /** Sets {@code current} to the sum of all instances' connections and raises the peak to it. */
    private static final String CURRENT_AND_PEAK = """
            local current = 0
            for _, n in ipairs(redis.call('HVALS', KEYS[2])) do current = current + tonumber(n) end
            if current > tonumber(redis.call('GET', KEYS[3]) or '0') then
              redis.call('SET', KEYS[3], current, 'KEEPTTL')
            end
            """;

    /** ARGV: instance, viewer id ('' for a connection that is watched but not counted as a unique viewer). */
    static final String JOIN = GATE + """
            redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
            if ARGV[2] ~= '' then redis.call('PFADD', KEYS[4], ARGV[2]) end
            """ + CURRENT_AND_PEAK + "return current";

    /** ARGV: instance. Never below zero, even if a leave arrives after the counters were retired. */
    static final String LEAVE = GATE + """
            if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') > 1 then
              redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
            else
              redis.call('HDEL', KEYS[2], ARGV[1])
            end
            return 0""";

    /**
     * ARGV: the like's {@code stream_like.seq}. Its row is committed before this runs, so a restore that read the
     * table since has counted it already: a like at or below the restored seq only reads the count.
     */
    static final String LIKE = GATE + """
            if tonumber(ARGV[1]) <= tonumber(redis.call('GET', KEYS[7]) or '0') then
              return tonumber(redis.call('GET', KEYS[5]) or '0')
            end
            return redis.call('INCR', KEYS[5])""";

    /**
     * ARGV: instance, its open connections. Writes the instance's own count as an absolute value: after a loss it adds
     * this instance's viewers back, otherwise it corrects any drift. Returns 1 when the count changed. A retired
     * stream (its marker expires) is left alone: its figures are on its row, and its keys must keep their expiry.
     */
    static final String SYNC = GATE + """
            if redis.call('PTTL', KEYS[1]) > 0 then return 0 end
            local held = redis.call('HGET', KEYS[2], ARGV[1]) or '0'
            if ARGV[2] == '0' then redis.call('HDEL', KEYS[2], ARGV[1])
            else redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
            """ + CURRENT_AND_PEAK + "if held == ARGV[2] then return 0 end return 1";

    /** ARGV: '1' to add the HyperLogLog's bytes. Returns {current, unique, likes, peak[, hll]}. */
    static final String READ = GATE + CURRENT_AND_PEAK + """
            local read = {current, redis.call('PFCOUNT', KEYS[4]), tonumber(redis.call('GET', KEYS[5]) or '0'),
                          tonumber(redis.call('GET', KEYS[3]) or '0')}
            if ARGV[1] == '1' then read[5] = redis.call('GET', KEYS[4]) or '' end
            return read""";

    /**
     * ARGV: instance, its open connections, checkpointed likes, peak and HyperLogLog ('' when none), the time, the
     * last like seq the likes include.
     * Only the first restorer acts (returns 1); whatever is still in Redis is kept, values only go up: likes and peak
     * take the larger, unique viewers the union. Likes and joins made after the restore then add on top.
     */
    static final String RESTORE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            if tonumber(ARGV[3]) > tonumber(redis.call('GET', KEYS[5]) or '0') then
              redis.call('SET', KEYS[5], ARGV[3])
            end
            if tonumber(ARGV[4]) > tonumber(redis.call('GET', KEYS[3]) or '0') then
              redis.call('SET', KEYS[3], ARGV[4])
            end
            if ARGV[5] ~= '' then
              redis.call('SET', KEYS[6], ARGV[5])
              redis.call('PFMERGE', KEYS[4], KEYS[6])
              redis.call('DEL', KEYS[6])
            end
            if tonumber(ARGV[7]) > tonumber(redis.call('GET', KEYS[7]) or '0') then
              redis.call('SET', KEYS[7], ARGV[7])
            end
            if ARGV[2] ~= '0' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
            """ + CURRENT_AND_PEAK + """
            redis.call('SET', KEYS[1], ARGV[6])
            return 1""";

    /** ARGV: seconds. Once the stream ended its figures are on its row; the keys stay a while for late readers. */
    static final String RETIRE = """
            for _, i in ipairs({1, 2, 3, 4, 5, 7}) do redis.call('EXPIRE', KEYS[i], ARGV[1]) end
            return 0""";

    private CounterScripts() {
    }
}
