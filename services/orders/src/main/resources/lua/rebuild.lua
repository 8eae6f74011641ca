-- Replace an offer's pool with one counted from PostgreSQL, in one step: units left, per-buyer counts and a new
-- epoch; holds of the old generation are dropped (their orders either committed, and were counted, or will be
-- refused for their stale epoch). Runs while the rebuilder holds the offer row FOR UPDATE.
-- KEYS[1] pool, KEYS[2] buyers, KEYS[3] holds, KEYS[4] holds due, KEYS[5] holding (units held per buyer)
-- ARGV[1] left, ARGV[2] limit, ARGV[3] endsAt (ms), ARGV[4] expireAt (s), ARGV[5] epoch, ARGV[6..] buyer, units pairs
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
redis.call('HSET', KEYS[1], 'state', 'open', 'left', ARGV[1], 'limit', ARGV[2], 'endsAt', ARGV[3],
  'expireAt', ARGV[4], 'epoch', ARGV[5])
redis.call('EXPIREAT', KEYS[1], ARGV[4])
if #ARGV > 5 then
  redis.call('HSET', KEYS[2], unpack(ARGV, 6))
  redis.call('EXPIREAT', KEYS[2], ARGV[4])
end
return 1
