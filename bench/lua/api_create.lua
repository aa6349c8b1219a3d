-- wrk script: POST /issues.json creating a Support issue in psprosupport (like a script or
-- Redmine client would); the API key comes in with -H. Counts non-2xx like count.lua.
local dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(dir .. "/count.lua")
local count_init = init

local n = 0
-- wrk.format uses a given header table instead of wrk.headers (Host, the -H API key): merge.
local headers = {}
function init(args)
  count_init(args)
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local body = string.format(
    '{"issue":{"project_id":"psprosupport","tracker_id":1,"subject":"Bench issue %d",' ..
    '"description":"Created by bench/api.sh: the printer driver crashes when the queue is paused ' ..
    'and resumed twice; steps to reproduce are attached in the customer mail."}}', n)
  return wrk.format("POST", "/issues.json", headers, body)
end
