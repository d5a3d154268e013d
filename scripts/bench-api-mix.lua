-- wrk script of scripts/bench-api-mix.sh: every request is a random mix of the documented filters, as a
-- population of users would ask them, with Accept: application/json.
--   endpoint: total_offres, competences, experiences, qualites_professionnelles, and the three rankings
--   metier_data: DE, DA, DS or absent; offres_dispo_only: true (1/2), false (1/4) or absent (1/4)
--   0 to 3 location parameters, each with 1 to 4 codes drawn with replacement (so some repeat), three codes in
--   four from the places of scripts/bench-api-data.sql, the others existing elsewhere (the rankings take them too)
-- The seed comes from the environment (BENCH_SEED), so that a warm-up and the measured run differ.

local endpoints = { "/stats/total_offres", "/criteres_recruteurs/competences", "/criteres_recruteurs/experiences",
                    "/criteres_recruteurs/qualites_professionnelles", "/stats/classement/region",
                    "/stats/classement/departement", "/stats/classement/ville" }
local metiers = { "DE", "DA", "DS" }
local locations = {
  { name = "code_region", present = { "11", "84", "75", "76", "52", "32", "44", "93", "53" },
    elsewhere = { "24", "27", "28", "94" } },
  { name = "code_departement", present = { "75", "69", "33", "31", "44", "59", "67", "13", "35", "92" },
    elsewhere = { "01", "2A", "06", "38" } },
  { name = "code_postal", present = { "75008", "75001", "69001", "33000", "31000", "44000", "59000", "67000", "35000" },
    elsewhere = { "13001", "06000", "38000" } },
  { name = "code_insee", present = { "75108", "75101", "69381", "33063", "31555", "44109", "59350", "67482", "13055", "35238" },
    elsewhere = { "06088", "38185", "13201" } },
}

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "1") * 1000 + (id or 0))
  wrk.headers["Accept"] = "application/json"
end

local function pick(list)
  return list[math.random(#list)]
end

function request()
  local e = math.random(#endpoints)
  local params = {}
  local metier = math.random(4)
  if metier <= 3 then
    params[#params + 1] = "metier_data=" .. metiers[metier]
  end
  local dispo = math.random(4)
  if dispo <= 2 then
    params[#params + 1] = "offres_dispo_only=true"
  elseif dispo == 3 then
    params[#params + 1] = "offres_dispo_only=false"
  end
  do
    local order = { 1, 2, 3, 4 }
    for i = 4, 2, -1 do
      local j = math.random(i)
      order[i], order[j] = order[j], order[i]
    end
    for k = 1, math.random(0, 3) do
      local place = locations[order[k]]
      for _ = 1, math.random(4) do
        local code = math.random(4) <= 3 and pick(place.present) or pick(place.elsewhere)
        params[#params + 1] = place.name .. "=" .. code
      end
    end
  end
  local path = endpoints[e]
  if #params > 0 then
    path = path .. "?" .. table.concat(params, "&")
  end
  return wrk.format("GET", path)
end
