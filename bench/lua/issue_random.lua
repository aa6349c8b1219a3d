-- wrk script: GET /issues/<random id>, ids uniformly from 1..MAXID (env, default 1000000).
-- Counts non-2xx responses like count.lua (loaded from BENCH_LUA_DIR, default bench/lua).
local dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(dir .. "/count.lua")

local max_id = tonumber(os.getenv("MAXID") or "1000000")
local count_init = init
local n = 0

local count_setup = setup
function setup(thread)
  count_setup(thread)
  n = n + 1
  thread:set("tid", n)
end

function init(args)
  count_init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
end

function request()
  return wrk.format("GET", "/issues/" .. math.random(1, max_id))
end
