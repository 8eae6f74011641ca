#!/usr/bin/env bash
# Livestream demo: a stream of seller A (Chun'an County tea farmer), optionally live with a pinned flash-sale offer.
#
#   deploy/local/demo/livestream.sh                       schedule "Qiandao Lake spring tea, live from the garden"
#   GO_LIVE=1 deploy/local/demo/livestream.sh             ... and start it
#   GO_LIVE=1 SKU_ID=<uuid> deploy/local/demo/livestream.sh
#                                                         ... and pin 50 units of that SKU of seller A at 88.00 yuan
#
# Safe to run twice: an existing scheduled or live demo stream is reused, and the offer id is derived from the stream
# and SKU, so catalog's allocation (idempotent by offerId) and the offer are created once. Needs bash, curl, python3.
# Prints the stream id (and offer id) on stdout; orders' demo can then buy with OFFER_ID=<offer id>.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIVESTREAM_URL=${LIVESTREAM_URL:-http://127.0.0.1:8082}
SELLER_A=5e11e500-0000-4000-8000-00000000000a
TITLE="Qiandao Lake spring tea, live from the garden"

token=$("$HERE/mint-token.sh" seller --sub "$SELLER_A" --seller-id "$SELLER_A")

call() {  # METHOD PATH [BODY] -> prints body; fails on HTTP >= 400
  local response status
  response=$(curl -sS -w '\n%{http_code}' -X "$1" "$LIVESTREAM_URL$2" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${3:+--data-binary "$3"})
  status=${response##*$'\n'}
  if ((status >= 400)); then
    echo "livestream answered HTTP $status to $1 $2: ${response%$'\n'*}" >&2
    exit 1
  fi
  printf '%s' "${response%$'\n'*}"
}

json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

stream=$(call GET "/api/v1/sellers/me/streams?size=100" | json \
  "next((s['id'] + ' ' + s['status'] for s in d if s['title'] == '''$TITLE''' and s['status'] in ('SCHEDULED', 'LIVE')), '')")
if [[ -z "$stream" ]]; then
  start=$(python3 -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
  body='{"title":"'"$TITLE"'","plannedStart":"'"$start"'","category":"tea",
"coverImageUrl":"https://img.harvest.live/demo/qiandao-tea.jpg","featuredProductIds":[]}'
  stream="$(call POST /api/v1/streams "$body" | json "d['id']") SCHEDULED"
  echo "scheduled stream ${stream% *}" >&2
fi
stream_id=${stream% *}
status=${stream#* }

if [[ -n "${GO_LIVE:-}" && $status == SCHEDULED ]]; then
  call POST "/api/v1/streams/$stream_id/start" '{}' >/dev/null
  status=LIVE
  echo "stream $stream_id is live" >&2
fi
echo "$stream_id"

if [[ -n "${SKU_ID:-}" ]]; then
  [[ $status == LIVE ]] || { echo "set GO_LIVE=1 to pin an offer" >&2; exit 1; }
  offer_id=$(python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'harvest-demo-offer/$stream_id/$SKU_ID'))")
  call POST "/api/v1/streams/$stream_id/offers" \
    '{"offerId":"'"$offer_id"'","skuId":"'"$SKU_ID"'","priceFen":8800,"quantity":50,"perBuyerLimit":2}' >/dev/null
  echo "offer $offer_id pinned (50 units at 8800 fen, 2 per buyer)" >&2
  echo "$offer_id"
fi
