-- Give reserved units back to a live offer and to the buyer's allowance, but only while the pool is open:
-- once drained, its unsold units were already reported to catalog, so later returns go to catalog instead.
-- KEYS[1] pool hash, KEYS[2] buyers hash; ARGV[1] buyer id, ARGV[2] quantity
-- Returns 1 when the units went back into the pool, 0 when the pool is drained or gone.
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  return 0
end
redis.call('HINCRBY', KEYS[1], 'left', tonumber(ARGV[2]))
if redis.call('HINCRBY', KEYS[2], ARGV[1], -tonumber(ARGV[2])) <= 0 then
  redis.call('HDEL', KEYS[2], ARGV[1])
end
return 1
