-- Close a live offer's pool and take what is left, atomically with any concurrent reserve or release.
-- Repeats return the same number, so a retried consumer can still publish the right unitsLeft.
-- KEYS[1] pool hash. Returns units left when drained, or -1 when the pool does not exist.
local pool = redis.call('HMGET', KEYS[1], 'state', 'left', 'drainedLeft')
if not pool[1] then
  return -1
end
if pool[1] == 'drained' then
  return tonumber(pool[3])
end
redis.call('HSET', KEYS[1], 'state', 'drained', 'left', 0, 'drainedLeft', pool[2])
return tonumber(pool[2])
