-- Scenario 4: POST /v1/score for a user with a cached summary, a prompt and 16 candidates.
-- Usage: wrk ... -s src/load/score.lua http://host:port -- <run-nonce> [candidates] [users]
-- Candidate texts are DISTINCT across all requests, threads and runs (nonce, thread and counter
-- are written into each), so no embedding cache can answer them: candidates/s measures encoding
-- plus the reward head. The prompt comes from a small pool and the summary is cached, as they
-- would be in production (one conversation, many sampled answers).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local T = dofile(dir .. "texts.lua")

local headers = T.authorize({ ["Content-Type"] = "application/json" })
local candidates = 16
local users = 16

function setup(thread) T.setup(thread) end
function init(args)
  T.init(args)
  candidates = tonumber(args and args[2]) or candidates
  users = tonumber(args and args[3]) or users
end
response = T.response_hook
done = T.done

function request()
  T.counter = T.counter + 1
  local list = {}
  for i = 1, candidates do
    list[i] = '"Answer ' .. T.nonce .. "." .. T.tid .. "." .. T.counter .. "." .. i .. ": "
      .. T.response() .. '"'
  end
  local body = '{"tenant":"' .. T.tenant .. '","user":"' .. T.user(users) .. '","prompt":"'
    .. T.prompt() .. '","candidates":[' .. table.concat(list, ",") .. "]}"
  return wrk.format("POST", "/v1/score", headers, body)
end
