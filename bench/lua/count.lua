-- wrk script: counts responses outside 2xx (wrk itself only counts status >= 400) and prints
-- one machine-readable summary line from done():
--   BENCH requests=N rps=R p50_us=X p99_us=Y non2xx=K errors=E
-- Used alone for fixed URLs (wrk -s count.lua URL) and loaded by the other scripts here.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH requests=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    bad, errors))
end
