-- Drop a claim only if it is still ours (the lease may have lapsed and been taken by another request).
-- KEYS[1] key; ARGV[1] our pending value
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
