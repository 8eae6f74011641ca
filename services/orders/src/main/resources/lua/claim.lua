-- Claim an idempotency key: returns the stored value when someone holds or completed it, else stores ours.
-- KEYS[1] key; ARGV[1] our pending value, ARGV[2] lease (ms) after which a crashed holder's claim lapses
local held = redis.call('GET', KEYS[1])
if held then
  return held
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
return false
