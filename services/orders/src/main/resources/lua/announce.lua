-- Read a pool's units left for the live feed's stock hint (ADR 0028), numbered by a per-offer version that orders
-- every hint of the offer whichever instance sends it. A missing counter (first hint, or Redis lost its data) starts
-- at Redis' clock in microseconds, above every version handed out before; a pool rebuild leaves it alone.
-- KEYS[1] pool hash, KEYS[2] hint version counter
-- Returns {unitsLeft, epoch, version, state}, or nil when there is no pool.
local pool = redis.call('HMGET', KEYS[1], 'state', 'left', 'epoch', 'expireAt')
if not pool[1] then
  return false
end
local version
if redis.call('EXISTS', KEYS[2]) == 0 then
  local now = redis.call('TIME')
  -- built as a string: Lua prints numbers above 10^14 in exponent form
  version = redis.call('INCRBY', KEYS[2], now[1] .. string.format('%06d', tonumber(now[2])))
else
  version = redis.call('INCR', KEYS[2])
end
redis.call('EXPIREAT', KEYS[2], pool[4])
return {tonumber(pool[2]) or 0, tonumber(pool[3]) or 0, version, pool[1]}
