-- wrk script for the GET benchmarks: sends the session cookie (KV_COOKIE, "kvitka_session=...")
-- on every request and counts the response statuses (printed as "STATUS <code> <count>").
--   KV_COOKIE=... wrk -t4 -c16 -d10s --latency -s bench/server/get.lua 'http://HOST:PORT/api/v1/journal?...'
local cookie = os.getenv("KV_COOKIE")
if not cookie or cookie == "" then
  error("KV_COOKIE is not set")
end
wrk.headers["Cookie"] = cookie
wrk.headers["Accept"] = "application/json"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 200 and not sample then
    sample = string.sub(body or "", 1, 300)
  end
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses") or {}) do
      total[code] = (total[code] or 0) + n
    end
    local s = t:get("sample")
    if s then io.write("SAMPLE ", s, "\n") end
  end
  for code, n in pairs(total) do
    io.write(string.format("STATUS %d %d\n", code, n))
  end
end
