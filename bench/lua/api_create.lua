-- wrk script: POST /issues.json creating a Support issue in psprosupport (like a script or
-- Redmine client would); the API key comes in with -H. Counts non-2xx like count.lua.
local dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(dir .. "/count.lua")

local n = 0
function request()
  n = n + 1
  local body = string.format(
    '{"issue":{"project_id":"psprosupport","tracker_id":1,"subject":"Bench issue %d",' ..
    '"description":"Created by bench/api.sh: the printer driver crashes when the queue is paused ' ..
    'and resumed twice; steps to reproduce are attached in the customer mail."}}', n)
  return wrk.format("POST", "/issues.json", {["Content-Type"] = "application/json"}, body)
end
