-- wrk script: GET /search?q=<query> cycling through SEARCH_QUERIES (env, queries separated by
-- ';', e.g. "saml;openssl;crash pdf"), optionally within SEARCH_PROJECT (an identifier).
-- Counts non-2xx responses like count.lua (loaded from BENCH_LUA_DIR, default bench/lua).
local dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(dir .. "/count.lua")

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
local project = os.getenv("SEARCH_PROJECT") or ""
for query in string.gmatch(os.getenv("SEARCH_QUERIES") or "saml", "[^;]+") do
  local path = "/search?q=" .. encode(query)
  if project ~= "" then path = path .. "&project_id=" .. encode(project) end
  table.insert(paths, path)
end

local count_setup = setup
local n = 0
function setup(thread)
  count_setup(thread)
  n = n + 1
  thread:set("offset", n)
end

local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((i + (offset or 0)) % #paths) + 1])
end
