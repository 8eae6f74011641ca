-- Claim an idempotency key. KEYS[1] the key's entry, KEYS[2] the buyer's sentinel: it exists only while every
-- answer this buyer got within the retention is in Redis (set after they were reloaded from PostgreSQL).
-- ARGV[1] our pending entry (JSON), ARGV[2] now (ms), ARGV[3] retention (ms)
-- Returns {'held', entry} when another request holds the key (lease running) or answered it;
--         {'fresh'} when claimed and Redis is known complete for this buyer: just do the work;
--         {'check-buyer'} when claimed but Redis may have lost this buyer's answers: reload them first;
--         {'check-key'} when claimed from a holder whose lease lapsed (it crashed, or is slow): look in PostgreSQL.
local held = redis.call('GET', KEYS[1])
if held then
  local entry = cjson.decode(held)
  if entry.response ~= nil and entry.response ~= cjson.null then
    return {'held', held}
  end
  if tonumber(entry.leaseUntil) > tonumber(ARGV[2]) then
    return {'held', held}
  end
  redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[3]))
  return {'check-key'}
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[3]))
if redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[3])) == 1 then
  return {'fresh'}
end
return {'check-buyer'}
