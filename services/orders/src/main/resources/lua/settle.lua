-- The order holding a reservation committed: its units are sold, the hold is done, and they no longer count as held
-- for the buyer (a later limit refusal is then final). No hold: a rebuild recounted the pool, holding included.
-- KEYS[1] holds hash, KEYS[2] holds due zset, KEYS[3] holding hash {buyerId -> units held}; ARGV[1] order id
local hold = redis.call('HGET', KEYS[1], ARGV[1])
if not hold then
  return 0
end
redis.call('HDEL', KEYS[1], ARGV[1])
local buyer, qty = string.match(hold, '(%S+) (%d+)')
if redis.call('HINCRBY', KEYS[3], buyer, -tonumber(qty)) <= 0 then
  redis.call('HDEL', KEYS[3], buyer)
end
return redis.call('ZREM', KEYS[2], ARGV[1])
