#!/usr/bin/env bash
# Catalog demo data, loaded through catalog's REST API into a running stack:
#   seller A (farmer, tea & fruit) and seller B (cooperative, honey & chilled fish), both verified by the admin;
#   four products with fixed ids, one SKU each with 1000 units, one harvest batch each (trace code printed).
#
#   deploy/local/demo/catalog.sh          CATALOG_URL defaults to http://127.0.0.1:8081
#
# Safe to run twice: profiles, products and SKUs are PUT with fixed ids, activation and verification are idempotent,
# stock is added only when a SKU is first created, and a batch is recorded only for a product that has none.
# Needs bash, curl, jq. Tokens come from deploy/local/mint-token.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CATALOG_URL=${CATALOG_URL:-http://127.0.0.1:8081}

SELLER_A=5e11e500-0000-4000-8000-00000000000a
SELLER_B=5e11e500-0000-4000-8000-00000000000b
PRODUCT_A_TEA=9d000000-0000-4000-8000-00000000a001
SKU_A_TEA=5c000000-0000-4000-8000-00000000a001
PRODUCT_A_ORANGES=9d000000-0000-4000-8000-00000000a002
SKU_A_ORANGES=5c000000-0000-4000-8000-00000000a002
PRODUCT_B_HONEY=9d000000-0000-4000-8000-00000000b001
SKU_B_HONEY=5c000000-0000-4000-8000-00000000b001
PRODUCT_B_FISH=9d000000-0000-4000-8000-00000000b002
SKU_B_FISH=5c000000-0000-4000-8000-00000000b002

ADMIN=$("$HERE/mint-token.sh" admin)
TOKEN_A=$("$HERE/mint-token.sh" seller --sub "$SELLER_A" --seller-id "$SELLER_A")
TOKEN_B=$("$HERE/mint-token.sh" seller --sub "$SELLER_B" --seller-id "$SELLER_B")

# call METHOD PATH TOKEN [BODY] -> prints the body; fails loudly on anything but 2xx
call() {
  local method=$1 path=$2 token=$3 body=${4:-} response status
  local -a args=(-sS -w '\n%{http_code}' -X "$method" "$CATALOG_URL$path" -H "Authorization: Bearer $token")
  if [[ -n $body ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$body"); fi
  response=$(curl "${args[@]}")
  status=${response##*$'\n'}
  if [[ $status != 2* ]]; then
    echo "catalog: $method $path answered HTTP $status: ${response%$'\n'*}" >&2
    exit 1
  fi
  printf '%s' "${response%$'\n'*}"
}

json() { jq -r "$@"; }

profile() {  # seller token name kind cooperative township phone bio
  local coop=null
  [[ -n $4 ]] && coop="\"$4\""
  call PUT /api/v1/sellers/me "$1" '{"displayName":"'"$2"'","kind":"'"$3"'","cooperativeName":'"$coop"',
    "homeCountyCode":"330127","homeTownshipCode":"'"$5"'","contactPhone":"'"$6"'","bio":"'"$7"'"}' >/dev/null
}

verify() { call POST "/api/v1/sellers/$1/verification" "$ADMIN" '{"verified":true,"note":"demo: identity checked"}' >/dev/null; }

# product TOKEN PRODUCT_ID SKU_ID PRODUCT_JSON SKU_JSON_WITHOUT_STOCK BATCH_JSON
product() {
  local token=$1 pid=$2 sid=$3 has_sku code
  call PUT "/api/v1/products/$pid" "$token" "$4" >/dev/null
  # shellcheck disable=SC2016  # $sid is a jq variable
  has_sku=$(call GET "/api/v1/products/$pid" "$token" | json --arg sid "$sid" 'any(.skus[]; .skuId == $sid)')
  if [[ $has_sku == true ]]; then
    call PUT "/api/v1/products/$pid/skus/$sid" "$token" "$5}" >/dev/null
  else
    call PUT "/api/v1/products/$pid/skus/$sid" "$token" "$5"',"initialStock":1000}' >/dev/null
  fi
  call POST "/api/v1/products/$pid/activation" "$token" >/dev/null
  code=$(call GET "/api/v1/products/$pid/batches" "$token" | json '.[0].traceCode // ""')
  if [[ -z $code ]]; then
    code=$(call POST "/api/v1/products/$pid/batches" "$token" "$6" | json .traceCode)
  fi
  printf '%-38s %-38s %s\n' "$pid" "$sid" "$code"
}

profile "$TOKEN_A" "Li Ming's Lakeside Farm" FARMER "" 330127100 "+86 138 0571 0001" \
  "Tea and citrus grower on the Qiandao Lake shore"
profile "$TOKEN_B" "Wenchang Green Cooperative" COOPERATIVE "Chun'an Wenchang Green Agricultural Cooperative" \
  330127101 "+86 138 0571 0002" "Forty member families: wild honey and lake fish"
verify "$SELLER_A"
verify "$SELLER_B"

echo "sellers: A $SELLER_A, B $SELLER_B (verified)"
printf '%-38s %-38s %s\n' product sku traceCode

product "$TOKEN_A" "$PRODUCT_A_TEA" "$SKU_A_TEA" '{"title":"West Lake Longjing-style green tea, spring pick",
  "description":"Pan-fired green tea picked before Qingming on the hills above Qiandao Lake","category":"TEA",
  "originCountyCode":"330127","originTownshipCode":"330127100","grade":"Grade 1","temperatureClass":"AMBIENT",
  "shelfLifeDays":540,"imageUrls":["https://img.harvest.live/demo/longjing.jpg"]}' \
  '{"spec":"250 g tin","netWeightGrams":250,"priceFen":16800' \
  '{"harvestDate":"2025-03-28","quantity":180,"unit":"kg","qualityCertificateNo":"GAP-330127-2025-0041",
  "originVillageCode":"330127100201","notes":"First flush, hand-picked"}'

product "$TOKEN_A" "$PRODUCT_A_ORANGES" "$SKU_A_ORANGES" '{"title":"Qiandao Lake oranges",
  "description":"Sweet thin-skinned oranges from lakeside groves","category":"FRUIT","originCountyCode":"330127",
  "originTownshipCode":"330127100","grade":"Premium","temperatureClass":"AMBIENT","shelfLifeDays":30,
  "imageUrls":["https://img.harvest.live/demo/oranges.jpg"]}' \
  '{"spec":"5 kg box","netWeightGrams":5000,"priceFen":5980' \
  '{"harvestDate":"2024-11-20","quantity":3200,"unit":"kg","qualityCertificateNo":"GAP-330127-2024-0212",
  "originVillageCode":"330127100201","notes":"Picked ripe, sorted by size"}'

product "$TOKEN_B" "$PRODUCT_B_HONEY" "$SKU_B_HONEY" '{"title":"Chun'"'"'an wild mountain honey",
  "description":"Raw multi-flower honey from hives in the Wenchang hills","category":"HONEY_AND_BEE_PRODUCTS",
  "originCountyCode":"330127","originTownshipCode":"330127101","grade":"Raw","temperatureClass":"AMBIENT",
  "shelfLifeDays":730,"imageUrls":["https://img.harvest.live/demo/honey.jpg"]}' \
  '{"spec":"500 g jar","netWeightGrams":500,"priceFen":6800' \
  '{"harvestDate":"2025-06-15","quantity":900,"unit":"kg","qualityCertificateNo":"QS-330127-2025-0107",
  "originVillageCode":"330127101201","notes":"Summer harvest"}'

product "$TOKEN_B" "$PRODUCT_B_FISH" "$SKU_B_FISH" '{"title":"Chilled Qiandao Lake organic bighead carp",
  "description":"Organic lake fish, cleaned and chilled the day it is caught","category":"AQUATIC",
  "originCountyCode":"330127","originTownshipCode":"330127101","grade":"Organic","temperatureClass":"CHILLED",
  "shelfLifeDays":5,"geographicalIndication":{"name":"Qiandao Lake Organic Fish","registrationNo":"AGI-01245"},
  "imageUrls":["https://img.harvest.live/demo/fish.jpg"]}' \
  '{"spec":"whole fish, about 2 kg","netWeightGrams":2000,"priceFen":12800' \
  '{"harvestDate":"2025-09-01","quantity":1500,"unit":"kg","qualityCertificateNo":"ORG-330127-2025-0033",
  "originVillageCode":"330127101201","notes":"Caught and chilled at the Wenchang landing"}'
