-- wrk script template for bench/webhooks.py, which fills in the @...@ fields and writes
-- the result to a temporary directory for one wrk run.
--
-- Lua in wrk has no HMAC, so Python precomputes the pool: one fixed-width record per
-- request (CallSid hex, caller digits, X-Twilio-Signature). Each wrk thread takes every
-- nthreads-th record, builds its requests once in init() and cycles through them, so no
-- two requests of a run share a CallSid unless the pool wraps (counted in `wraps`).
-- done() prints one JSON line, prefixed BENCH_RESULT, that webhooks.py parses.

local nthreads = @NTHREADS@
local path = "@PATH@"
local template = "@TEMPLATE@"
local width = @WIDTH@
local data = "@DATA@"

wrk.method = "POST"

local threads = {}
local reqs, n, idx = {}, 0, 0
sent, wraps, pool = 0, 0, 0

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  local count = #data / width
  for i = tid, count - 1, nthreads do
    local off = i * width
    local sid = data:sub(off + 1, off + 32)
    local caller = data:sub(off + 33, off + 40)
    local headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Twilio-Signature"] = data:sub(off + 41, off + width),
    }
    local body = template:gsub("QQSIDQQ", sid)
    body = body:gsub("QQFROMQQ", caller)
    n = n + 1
    reqs[n] = wrk.format("POST", path, headers, body)
  end
  pool = n
end

function request()
  idx = idx + 1
  if idx > n then
    idx = 1
    wraps = wraps + 1
  end
  sent = sent + 1
  return reqs[idx]
end

function done(summary, latency, requests)
  local total_sent, total_wraps, total_pool = 0, 0, 0
  for _, t in ipairs(threads) do
    total_sent = total_sent + t:get("sent")
    total_wraps = total_wraps + t:get("wraps")
    total_pool = total_pool + t:get("pool")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %.0f, "duration_us": %.0f, "bytes": %.0f, ' ..
    '"connect": %.0f, "read": %.0f, "write": %.0f, "timeout": %.0f, "status": %.0f, ' ..
    '"p50_us": %.0f, "p90_us": %.0f, "p99_us": %.0f, "max_us": %.0f, "mean_us": %.1f, ' ..
    '"pool": %.0f, "sent": %.0f, "wraps": %.0f}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean,
    total_pool, total_sent, total_wraps))
end
