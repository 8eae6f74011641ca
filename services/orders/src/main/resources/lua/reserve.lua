-- Reserve units of a live offer for one buyer, atomically (Redis runs a script without interleaving).
-- KEYS[1] pool hash {state, left, limit, endsAt, expireAt}, KEYS[2] buyers hash {buyerId -> units bought}
-- ARGV[1] buyer id, ARGV[2] quantity, ARGV[3] now (epoch ms)
-- Returns {outcome, unitsLeft}: reserved | unknown-offer | offer-closed | buyer-limit-reached | sold-out
local pool = redis.call('HMGET', KEYS[1], 'state', 'left', 'limit', 'endsAt', 'expireAt')
if not pool[1] then
  return {'unknown-offer', 0}
end
local left = tonumber(pool[2])
if pool[1] ~= 'open' or tonumber(ARGV[3]) >= tonumber(pool[4]) then
  return {'offer-closed', left}
end
local qty = tonumber(ARGV[2])
local bought = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if bought + qty > tonumber(pool[3]) then
  return {'buyer-limit-reached', left}
end
if left < qty then
  return {'sold-out', left}
end
if redis.call('HINCRBY', KEYS[2], ARGV[1], qty) == qty then
  redis.call('EXPIREAT', KEYS[2], pool[5])
end
return {'reserved', redis.call('HINCRBY', KEYS[1], 'left', -qty)}
