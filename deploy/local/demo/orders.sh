#!/usr/bin/env bash
# Orders has no master data of its own: its demo is one purchase, placed and paid through the public API.
#
#   deploy/local/demo/orders.sh                 prints how to use it and exits
#   OFFER_ID=<uuid> deploy/local/demo/orders.sh buy 1 unit of an open live offer (e.g. pinned by the livestream demo)
#   SKU_ID=<uuid>   deploy/local/demo/orders.sh buy 1 unit of a regular listing (catalog must be running)
#
# Safe to run twice: the Idempotency-Key and the payment id are derived from the target, so a second run gets the same
# order back and the payment callback is a no-op. Buyer: the demo consumer of mint-token.sh. Needs bash, curl, jq, openssl.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORDERS_URL=${ORDERS_URL:-http://127.0.0.1:8083}

if [[ -z "${OFFER_ID:-}" && -z "${SKU_ID:-}" ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 0
fi
if [[ -n "${OFFER_ID:-}" ]]; then target="\"offerId\":\"$OFFER_ID\""; key="demo-buy-$OFFER_ID"; else
  target="\"skuId\":\"$SKU_ID\""; key="demo-buy-$SKU_ID"; fi

token=$("$HERE/mint-token.sh" consumer)
body='{"lines":[{'"$target"',"quantity":1}],"address":{"recipient":"Wang Fang","phone":"13800138000",
"countyCode":"330127","townshipCode":"330127100","villageCode":"330127100201","detail":"No. 8 Lakeside Road"}}'

response=$(curl -sS -w '\n%{http_code}' -X POST "$ORDERS_URL/api/v1/orders" -H "Authorization: Bearer $token" \
  -H "Idempotency-Key: $key" -H 'Content-Type: application/json' --data-binary "$body")
status=${response##*$'\n'}
json=${response%$'\n'*}
if [[ $status != 201 ]]; then
  echo "orders answered HTTP $status: $json" >&2
  exit 1
fi
read -r order_id total < <(printf '%s' "$json" | jq -r '"\(.id) \(.totalFen)"')
echo "order $order_id, $total fen (status as first placed)" >&2
"$HERE/pay.sh" "$order_id" "$total" "demo-pay-$order_id"
