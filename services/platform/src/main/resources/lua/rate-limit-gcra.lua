-- GCRA (generic cell rate algorithm): one key per caller and route class holds the "theoretical arrival time" of the
-- next request, in ms of the Redis clock, so every instance of every service agrees without coordinating.
-- KEYS[1]  the caller's key for one route class
-- ARGV[1]  limit: requests allowed per window (also the burst)
-- ARGV[2]  window in ms
-- Returns {allowed 1|0, remaining requests, retry after ms, ms until the whole quota is back}.
local limit = tonumber(ARGV[1])
local interval = math.max(1, math.floor(tonumber(ARGV[2]) / limit))
local window = interval * limit
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then
  tat = now
end
local next_tat = tat + interval
local allow_at = next_tat - window
if allow_at > now then
  return {0, 0, allow_at - now, tat - now}
end
redis.call('SET', KEYS[1], string.format('%d', next_tat), 'PX', next_tat - now)
return {1, math.floor((now - allow_at) / interval), 0, next_tat - now}
