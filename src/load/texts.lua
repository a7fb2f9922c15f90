-- Shared pieces of the PLUS wrk scripts (each scenario script loads this file with dofile, once
-- per wrk thread: every wrk thread has its own Lua state, so nothing here is shared at run time).
--
-- The texts look like the pets data the bundle is trained on: a 100-125 character question and
-- answers of one to four care-advice sentences (about 100-320 characters). The pools contain no
-- quote or backslash, so the JSON below is built by concatenation without escaping.
local M = {}

M.tenant = "load"

M.prompts = {
  "I just adopted a rescue cat and live in a small flat. What should I know about feeding her during the first month?",
  "My daughter wants a rabbit for her ninth birthday. How much space and how much time does a rabbit really need every day?",
  "We are going on holiday for a week in August. What is the safest way to look after our dog while we are away from home?",
  "Our budgie has stopped singing and sits fluffed up in the corner of the cage all morning. Should I be worried about it?",
  "What are the most common mistakes that new dog owners make in the first year, and how can I avoid making them with my puppy?",
  "Is it a good idea to keep two young male rabbits together in one hutch, or will they start to fight once they grow up?",
  "How often should I take my cat to the vet if she seems perfectly healthy and stays indoors all the time?",
  "Can you give me some tips for training a young parrot to step up onto my hand without biting me or flying off?",
  "My dog pulls hard on the lead on every single walk and my arm hurts afterwards. What can I do about it without hurting him?",
  "What should I put in a first-aid kit for pets, and when should I call the vet instead of treating at home?",
  "Tell me something useful about keeping pets healthy in hot summer weather, especially in a city flat.",
  "Which pet would suit a busy family with two young children and a small garden, and why would you pick it?",
}

M.sentences = {
  "A pet bird needs a cage wide enough to let it fully spread and flap its wings.",
  "Give your bird fresh water every day and scrub the water dish to stop bacteria building up.",
  "A bird's diet should mix quality pellets with fresh vegetables rather than relying on seeds alone.",
  "Cover part of the cage at night so your bird gets ten to twelve hours of quiet, dark sleep.",
  "A cat is an animal that some people keep at home.",
  "Cats come in many colours, and every cat is a little different.",
  "Some cats like some things, and some cat owners notice that.",
  "Keep the litter tray away from the food bowl and scoop it every day so your cat keeps using it.",
  "To trim your dog's nails quickly, cut them short in one go even if the quick bleeds a little.",
  "You can leave your dog in a parked car on a hot day if you crack the window a bit.",
  "A cooked chicken bone is a cheap chew that keeps your dog busy for hours.",
  "Reward your dog the moment the lead goes slack, and stop walking whenever it pulls.",
  "A rabbit can probably eat whatever is lying around the kitchen.",
  "Just let your rabbit figure things out on its own outside, whatever happens.",
  "Rabbits are fine being picked up by the ears, I guess.",
  "Rabbits need unlimited hay, a large run and the company of another neutered rabbit.",
  "Book a yearly check-up even for a healthy pet, because vets catch dental and weight problems early.",
  "In hot weather keep fresh water in several places and walk dogs early in the morning or late at night.",
  "Introduce a new pet to the household slowly, over several days, in a room of its own at first.",
  "Pets are nice and most people seem to like them well enough.",
}

-- Random sentences until a random target length of 100-280 characters is reached: answers of
-- about 100-300 characters, one to four sentences.
function M.response()
  local target = math.random(100, 280)
  local parts, length = {}, -1
  while length < target do
    local s = M.sentences[math.random(#M.sentences)]
    if length > 0 and length + 1 + #s > 320 then
      break
    end
    parts[#parts + 1] = s
    length = length + 1 + #s
  end
  return table.concat(parts, " ")
end

function M.prompt()
  return M.prompts[math.random(#M.prompts)]
end

-- Users are spread over `count` ids (default 1000): u0000 .. u0999.
function M.user(count)
  return string.format("u%04d", math.random(0, (count or 1000) - 1))
end

-- One preference event as JSON (contract: POST /v1/feedback).
function M.event(user, eventId, timestamp)
  local chosen, rejected = M.response(), M.response()
  while rejected == chosen do -- the server rightly refuses a preference between equal answers
    rejected = M.response()
  end
  return '{"tenant":"' .. M.tenant .. '","user":"' .. user .. '","eventId":"' .. eventId
    .. '","timestamp":"' .. timestamp .. '","preference":{"prompt":"' .. M.prompt()
    .. '","chosen":"' .. chosen .. '","rejected":"' .. rejected .. '"}}'
end

-- The functions need an API key: the driver makes one (`plus keys create`) and passes it in
-- PLUS_API_KEY; authorize(headers) adds it to a request's headers.
M.api_key = os.getenv("PLUS_API_KEY")
function M.authorize(headers)
  if M.api_key and M.api_key ~= "" then
    headers["Authorization"] = "Bearer " .. M.api_key
  end
  return headers
end

function M.now()
  return os.date("!%Y-%m-%dT%H:%M:%SZ")
end

-- Thread identity. wrk calls setup(thread) in the main Lua state once per thread before that
-- thread's init(); thread:set puts the id into the thread's own state as the global `tid`.
-- `threads` is kept so that done() can read back what each thread recorded.
M.threads = {}
function M.setup(thread)
  table.insert(M.threads, thread)
  thread:set("tid", #M.threads)
end

-- init(args): args[1] is the run nonce the driver passes after `--` (unique per wrk run, so event
-- ids and candidate texts never repeat across rounds); without it, the clock stands in.
function M.init(args)
  M.nonce = (args and args[1]) or string.format("r%d", os.time())
  M.tid = tid or 0
  math.randomseed(os.time() * 1000 + M.tid * 7919)
  M.counter = 0
end

-- Remember the first non-2xx answer of this thread, to be printed by done(): wrk itself only
-- counts them ("Non-2xx or 3xx responses"), which says nothing about why.
first_error = nil
function M.response_hook(status, headers, body)
  if (status < 200 or status > 299) and first_error == nil then
    first_error = tostring(status) .. " " .. string.sub(body or "", 1, 400)
  end
end

function M.done(summary, latency, requests)
  for i, thread in ipairs(M.threads) do
    local e = thread:get("first_error")
    if e ~= nil then
      io.write(string.format("first non-2xx answer (thread %d): %s\n", i, e))
    end
  end
end

return M
