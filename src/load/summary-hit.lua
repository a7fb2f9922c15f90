-- Scenario 3: GET /v1/users/{u}/summary?tenant=load over a small set of users whose summaries
-- the driver has already generated and cached, so every request should be a cache hit (the
-- driver checks X-Plus-Cache: hit with curl before measuring).
-- Usage: wrk ... -s src/load/summary-hit.lua http://host:port -- <run-nonce> [users]
-- Users are u0000 .. u(users-1), default 16: the driver seeds and warms exactly those.
-- The response() hook counts X-Plus-Cache values, and done() prints "cache: H hit, O other":
-- a check made only before the run would not see a server that stops using its cache under
-- load. It costs wrk a little CPU per response, the price of knowing what was measured.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local T = dofile(dir .. "texts.lua")

local requests = {}
local next_index = 1

function setup(thread) T.setup(thread) end
function init(args)
  T.init(args)
  local users = tonumber(args and args[2]) or 16
  -- Prebuilt once: the request() below only cycles through them.
  for i = 0, users - 1 do
    requests[#requests + 1] = wrk.format("GET",
      string.format("/v1/users/u%04d/summary?tenant=%s", i, T.tenant), T.authorize({}))
  end
  -- Threads start at different users.
  next_index = (T.tid % #requests) + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

hits, others, first_other = 0, 0, nil
function response(status, headers, body)
  local v = headers["X-Plus-Cache"] or headers["x-plus-cache"]
  if v == nil then
    for k, value in pairs(headers) do
      if string.lower(k) == "x-plus-cache" then v = value end
    end
  end
  if v ~= nil and string.lower(v) == "hit" then
    hits = hits + 1
  else
    others = others + 1
    if first_other == nil then
      first_other = tostring(status) .. " X-Plus-Cache=" .. tostring(v)
    end
  end
end

function done(summary, latency, requests)
  local h, o, first = 0, 0, nil
  for _, thread in ipairs(T.threads) do
    h = h + (thread:get("hits") or 0)
    o = o + (thread:get("others") or 0)
    first = first or thread:get("first_other")
  end
  io.write(string.format("cache: %d hit, %d other%s\n", h, o,
    first and (" (first other: " .. first .. ")") or ""))
end
