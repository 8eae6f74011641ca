-- The order holding a reservation committed: its units are sold, the hold is done.
-- KEYS[1] holds hash, KEYS[2] holds due zset; ARGV[1] order id
redis.call('HDEL', KEYS[1], ARGV[1])
return redis.call('ZREM', KEYS[2], ARGV[1])
