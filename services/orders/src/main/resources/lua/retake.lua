-- Undo a release whose database transaction rolled back (the order was not cancelled after all).
-- KEYS[1] pool hash, KEYS[2] buyers hash; ARGV[1] buyer id, ARGV[2] quantity
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  return 0
end
redis.call('HINCRBY', KEYS[1], 'left', -tonumber(ARGV[2]))
redis.call('HINCRBY', KEYS[2], ARGV[1], tonumber(ARGV[2]))
return 1
