-- One wrk phase of deploy/local/bench.sh; its figures go to the JSON file $BENCH_OUT.
--
-- Without BENCH_OFFER: the URL as given, a static GET (the bare-endpoint ceiling; no per-request Lua at all).
-- With BENCH_OFFER: POST the URL (/api/v1/orders) for one unit of that offer, each request as the next buyer of
-- thread's share of $BENCH_TOKENS (one JWT a line, round robin) under a fresh Idempotency-Key; answers are counted by
-- status and problem type ("409 sold-out"), which is what tells sold-out, accepted and limited attempts apart.
--
-- With BENCH_STOP_ON=sold-out as well: each thread stops at its first "409 sold-out" (the rush that empties a pool)
-- and leaves a file $BENCH_OUT.stopped.<thread>; wrk itself still waits for its duration, so bench.sh ends it with
-- SIGINT once every thread has stopped (wrk then reports as usual).
--
-- Environment: BENCH_OUT (required), BENCH_OFFER, BENCH_TOKENS, BENCH_ADDRESS (the order's address as JSON),
-- BENCH_KEY_PREFIX (makes Idempotency-Keys unique per run and phase), BENCH_THREADS (wrk's -t), BENCH_STOP_ON.

local threads = {}

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

local offer = os.getenv("BENCH_OFFER")

if offer and offer ~= "" then
  function init(args)
    local all = {}
    for line in io.lines(os.getenv("BENCH_TOKENS")) do
      if #line > 0 then all[#all + 1] = line end
    end
    -- each thread takes every n-th buyer, so no buyer is shared between threads
    local n = tonumber(os.getenv("BENCH_THREADS") or "1")
    tokens = {}
    for i = thread_no + 1, #all, n do tokens[#tokens + 1] = "Bearer " .. all[i] end
    if #tokens == 0 then error("no buyer tokens for thread " .. thread_no) end
    body = '{"lines":[{"offerId":"' .. offer .. '","quantity":1}],"address":' .. os.getenv("BENCH_ADDRESS") .. '}'
    prefix = (os.getenv("BENCH_KEY_PREFIX") or "bench") .. "-" .. thread_no .. "-"
    sent = 0
    answers = {}
    stop_on = os.getenv("BENCH_STOP_ON")
    if stop_on == "" then stop_on = nil end
  end

  function request()
    sent = sent + 1
    local headers = {
      ["Content-Type"] = "application/json",
      ["Authorization"] = tokens[(sent - 1) % #tokens + 1],
      ["Idempotency-Key"] = prefix .. sent,
    }
    return wrk.format("POST", nil, headers, body)
  end

  function response(status, headers, body)
    local key = tostring(status)
    if status >= 400 and body then
      local slug = body:match('"type"%s*:%s*"[^"]-([%w%-]+)"')
      if slug then key = key .. " " .. slug end
      if slug == stop_on then
        io.open(os.getenv("BENCH_OUT") .. ".stopped." .. thread_no, "w"):close()
        wrk.thread:stop()
      end
    end
    answers[key] = (answers[key] or 0) + 1
  end
end

local function json_string(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local answers = thread:get("answers")
    if answers then
      for k, v in pairs(answers) do counts[k] = (counts[k] or 0) + v end
    end
  end
  local parts = {}
  for k, v in pairs(counts) do parts[#parts + 1] = json_string(k) .. ":" .. v end
  local e = summary.errors
  local f = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  f:write(string.format(
    '{"requests":%d,"durationMicros":%d,"perSecond":%.1f,"latencyMillis":{"p50":%.2f,"p90":%.2f,"p99":%.2f,'
      .. '"mean":%.2f,"max":%.2f},"socketErrors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},'
      .. '"non2xx3xx":%d,"answers":{%s}}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status,
    table.concat(parts, ",")))
  f:close()
end
