-- Reserve units of a live offer for one buyer, atomically (Redis runs a script without interleaving), and note
-- the reservation as a hold of the order until it is settled (order committed) or abandoned (order failed).
-- A hold still there after its deadline means the process died in between: the reconciler rebuilds the pool.
-- The buyer's allowance counts held units too (a concurrent tap must not pass the limit), but a limit refusal is a
-- durable answer, so it is given only when the buyer's SETTLED units fill the allowance. When held units make the
-- difference, the answer is buyer-limit-pending: retry shortly, by then the holds have settled (refusal), been
-- abandoned (room again) or, if their process died, been recounted away by the reconciler.
-- KEYS[1] pool hash {state, left, limit, endsAt, expireAt, epoch}, KEYS[2] buyers hash {buyerId -> units},
-- KEYS[3] holds hash {orderId -> "buyerId qty"}, KEYS[4] holds due zset {orderId -> deadline ms},
-- KEYS[5] holding hash {buyerId -> units held, not yet settled}
-- ARGV[1] buyer id, ARGV[2] quantity, ARGV[3] now (epoch ms), ARGV[4] order id, ARGV[5] hold deadline (epoch ms)
-- Returns {outcome, unitsLeft, epoch}:
--   reserved | unknown-offer | offer-closed | buyer-limit-reached | buyer-limit-pending | sold-out
local pool = redis.call('HMGET', KEYS[1], 'state', 'left', 'limit', 'endsAt', 'expireAt', 'epoch')
if not pool[1] then
  return {'unknown-offer', 0, 0}
end
local left = tonumber(pool[2])
if pool[1] ~= 'open' or tonumber(ARGV[3]) >= tonumber(pool[4]) then
  return {'offer-closed', left, pool[6]}
end
local qty = tonumber(ARGV[2])
local bought = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if bought + qty > tonumber(pool[3]) then
  local holding = tonumber(redis.call('HGET', KEYS[5], ARGV[1]) or '0')
  if holding == 0 or bought - holding + qty > tonumber(pool[3]) then
    return {'buyer-limit-reached', left, pool[6]}
  end
  if left < qty then
    return {'sold-out', left, pool[6]}
  end
  return {'buyer-limit-pending', left, pool[6]}
end
if left < qty then
  return {'sold-out', left, pool[6]}
end
if redis.call('HINCRBY', KEYS[2], ARGV[1], qty) == qty then
  redis.call('EXPIREAT', KEYS[2], pool[5])
end
redis.call('HSET', KEYS[3], ARGV[4], ARGV[1] .. ' ' .. qty)
redis.call('ZADD', KEYS[4], ARGV[5], ARGV[4])
redis.call('HINCRBY', KEYS[5], ARGV[1], qty)
redis.call('EXPIREAT', KEYS[3], pool[5])
redis.call('EXPIREAT', KEYS[4], pool[5])
redis.call('EXPIREAT', KEYS[5], pool[5])
return {'reserved', redis.call('HINCRBY', KEYS[1], 'left', -qty), pool[6]}
