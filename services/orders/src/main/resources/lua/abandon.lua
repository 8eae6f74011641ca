-- The order holding a reservation failed before committing: give its units and the buyer's allowance back,
-- exactly once (the hold is the token). No hold: a rebuild already recounted the pool from PostgreSQL.
-- A drained pool keeps the units: the drain counted them from PostgreSQL, where this order never arrived.
-- KEYS[1] pool hash, KEYS[2] buyers hash, KEYS[3] holds hash, KEYS[4] holds due zset, KEYS[5] holding hash;
-- ARGV[1] order id
-- Returns 1 when the units went back into the open pool, else 0.
local hold = redis.call('HGET', KEYS[3], ARGV[1])
if not hold then
  return 0
end
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
local buyer, qty = string.match(hold, '(%S+) (%d+)')
if redis.call('HINCRBY', KEYS[5], buyer, -tonumber(qty)) <= 0 then
  redis.call('HDEL', KEYS[5], buyer)
end
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  return 0
end
redis.call('HINCRBY', KEYS[1], 'left', tonumber(qty))
if redis.call('HINCRBY', KEYS[2], buyer, -tonumber(qty)) <= 0 then
  redis.call('HDEL', KEYS[2], buyer)
end
return 1
