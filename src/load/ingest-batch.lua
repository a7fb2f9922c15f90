-- Scenario 2: POST /v1/feedback with a JSON array of events per request (default 100; the
-- driver passes the size it multiplies by: events/s = requests/s x size).
-- Usage: wrk ... -s src/load/ingest-batch.lua http://host:port -- <run-nonce> [events-per-request]
-- Event ids are unique across requests, threads and runs; users spread over 1000 ids.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local T = dofile(dir .. "texts.lua")

local headers = T.authorize({ ["Content-Type"] = "application/json" })
local size = 100

function setup(thread) T.setup(thread) end
function init(args)
  T.init(args)
  size = tonumber(args and args[2]) or size
end
response = T.response_hook
done = T.done

function request()
  T.counter = T.counter + 1
  local now = T.now()
  local events = {}
  for i = 1, size do
    local id = string.format("%s-t%d-%d-%d", T.nonce, T.tid, T.counter, i)
    events[i] = T.event(T.user(1000), id, now)
  end
  return wrk.format("POST", "/v1/feedback", headers, "[" .. table.concat(events, ",") .. "]")
end
