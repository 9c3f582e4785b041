-- wrk script for the booking benchmark: every request POSTs /api/v1/appointments for a
-- different (master, start), so that each one can succeed; counts the statuses and prints
-- the sustained rate of 201s in `done`.
--
-- Environment:
--   KV_COOKIE      "kvitka_session=..."          KV_CSRF     the session's CSRF token
--   KV_BRANCH      branch id                     KV_SERVICE  service id (performed by every master)
--   KV_STAFF       master ids, comma-separated   KV_CLIENTS  client ids, comma-separated
--   KV_BASE        first start, Unix seconds (UTC midnight of a day nobody else books)
--   KV_SLOT        minutes between starts of one master (>= the service's duration)
--   KV_THREADS     the -t given to wrk (request i of thread t is slot i * KV_THREADS + t)
-- Starts are base + k * slot, round the clock (allow_outside_hours: true), so the
-- schedules do not matter and nothing collides with the seeded appointments.
local function env(name)
  local v = os.getenv(name)
  if not v or v == "" then error(name .. " is not set") end
  return v
end

local function ints(csv)
  local out = {}
  for x in string.gmatch(csv, "%d+") do table.insert(out, tonumber(x)) end
  return out
end

local branch = tonumber(env("KV_BRANCH"))
local service = tonumber(env("KV_SERVICE"))
local staff = ints(env("KV_STAFF"))
local clients = ints(env("KV_CLIENTS"))
local base = tonumber(env("KV_BASE"))
local slot = tonumber(env("KV_SLOT")) * 60
local nthreads = tonumber(env("KV_THREADS"))

wrk.method = "POST"
wrk.headers["Cookie"] = env("KV_COOKIE")
wrk.headers["X-CSRF-Token"] = env("KV_CSRF")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local threads = {}
local next_tid = 0
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  statuses = {}
end

function request()
  local i = counter * nthreads + (tid or 0)
  counter = counter + 1
  local master = staff[(i % #staff) + 1]
  local client = clients[(i % #clients) + 1]
  local start = base + math.floor(i / #staff) * slot
  local body = string.format(
    '{"branch_id":%d,"client_id":%d,"items":[{"service_id":%d,"staff_id":%d,"start":"%s"}],' ..
      '"allow_outside_hours":true,"source":"phone","notes":"wrk"}',
    branch, client, service, master, os.date("!%Y-%m-%dT%H:%M:%SZ", start))
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 201 and not sample then
    sample = string.sub(body or "", 1, 300)
  end
end

function done(summary, latency, requests)
  local total, created, made, most = {}, 0, 0, 0
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses") or {}) do
      total[code] = (total[code] or 0) + n
    end
    local c = t:get("counter") or 0
    made = made + c
    if c > most then most = c end
    local s = t:get("sample")
    if s then io.write("SAMPLE ", s, "\n") end
  end
  for code, n in pairs(total) do
    io.write(string.format("STATUS %d %d\n", code, n))
    if code == 201 then created = n end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("BOOKINGS %d in %.2f s = %.1f/s (requests built %d)\n", created, seconds, created / seconds, made))
  -- After the last start used (a later run on the same database starts after it).
  local last = base + (math.floor(most * nthreads / #staff) + 1) * slot
  io.write(string.format("LAST_START %d\n", last))
end
