-- Scenario 1: POST /v1/feedback with ONE preference event per request.
-- Usage (from the driver): wrk ... -s src/load/ingest-single.lua http://host:port -- <run-nonce>
-- Every request carries a new eventId (<nonce>-t<thread>-<counter>), so none is a replay; users
-- are spread over 1000 ids, as many independent clients would be.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local T = dofile(dir .. "texts.lua")

local headers = T.authorize({ ["Content-Type"] = "application/json" })

function setup(thread) T.setup(thread) end
function init(args) T.init(args) end
response = T.response_hook
done = T.done

function request()
  T.counter = T.counter + 1
  local id = string.format("%s-t%d-%d", T.nonce, T.tid, T.counter)
  return wrk.format("POST", "/v1/feedback", headers, T.event(T.user(1000), id, T.now()))
end
