#!/usr/bin/env bash
# Loads the demo county network (Chun'an County, 330127) into a running logistics service through its bulk import API.
#
#   deploy/local/demo/logistics.sh
#
# One centre CTR-330127 (cold storage), stations STN-330127100..102 for townships 330127100..102 (Qiandaohu and Wenchang
# cold-capable, Shicheng ambient only) with one village pickup point each. Township 330127103 (Jiangjia) is left
# uncovered on purpose: an order there ends ROUTING_FAILED. The import is an upsert, so running this twice is safe.
# Base URL from LOGISTICS_URL (default http://127.0.0.1:8084). Needs bash, curl, jq.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGISTICS_URL=${LOGISTICS_URL:-http://127.0.0.1:8084}

token=$("$HERE/mint-token.sh" admin)
body='{
  "county": {"code": "330127", "name": "Chun'"'"'an County", "province": "Zhejiang"},
  "centre": {"code": "CTR-330127", "name": "Chun'"'"'an County Logistics Distribution Centre",
             "address": "Qiandaohu Town, Chun'"'"'an County, Hangzhou", "coldStorage": true},
  "stations": [
    {"code": "STN-330127100", "name": "Qiandaohu Town Station", "townships": ["330127100"], "coldCapable": true,
     "openingHours": "08:00-20:00",
     "pickupPoints": [{"code": "PP-330127100201", "villageCode": "330127100201", "name": "Qiandaohu village service centre"}]},
    {"code": "STN-330127101", "name": "Wenchang Town Station", "townships": ["330127101"], "coldCapable": true,
     "openingHours": "08:00-19:00",
     "pickupPoints": [{"code": "PP-330127101201", "villageCode": "330127101201", "name": "Wenchang village shop"}]},
    {"code": "STN-330127102", "name": "Shicheng Town Station", "townships": ["330127102"], "coldCapable": false,
     "openingHours": "09:00-18:00",
     "pickupPoints": [{"code": "PP-330127102201", "villageCode": "330127102201", "name": "Shicheng village shop"}]}
  ]
}'

response=$(curl -sS -w '\n%{http_code}' -X POST "$LOGISTICS_URL/api/v1/network/imports" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "$body")
status=${response##*$'\n'}
json=${response%$'\n'*}
if [[ $status != 200 ]]; then
  echo "logistics answered HTTP $status: $json" >&2
  exit 1
fi
printf '%s' "$json" | jq -r '"network \(.countyCode) / \(.centreCode): stations \(.stations.created) created, \(.stations.updated) updated; pickup points \(.pickupPoints.created) created, \(.pickupPoints.updated) updated"' >&2
echo "operator token for the centre: deploy/local/mint-token.sh operator --sites CTR-330127" >&2
