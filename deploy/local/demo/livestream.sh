#!/usr/bin/env bash
# Livestream demo: a stream of seller A (Chun'an County tea farmer), optionally live with a pinned flash-sale offer.
#
#   deploy/local/demo/livestream.sh                       schedule "Qiandao Lake spring tea, live from the garden"
#   GO_LIVE=1 deploy/local/demo/livestream.sh             ... and start it
#   GO_LIVE=1 SKU_ID=<uuid> deploy/local/demo/livestream.sh
#                                                         ... and pin 50 units of that SKU of seller A at 88.00 yuan
#
# Safe to run twice: an existing scheduled or live demo stream is reused, and the offer id is derived from the stream
# and SKU, so catalog's allocation (idempotent by offerId) and the offer are created once. Needs bash, curl, jq, openssl.
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

json() { jq -r "$@"; }

# uuid5_url NAME: the RFC 4122 name-based (SHA-1) UUID of NAME in the URL namespace, as Python's uuid.uuid5
uuid5_url() {
  local h
  h=$({ printf '\x6b\xa7\xb8\x11\x9d\xad\x11\xd1\x80\xb4\x00\xc0\x4f\xd4\x30\xc8'; printf '%s' "$1"; } \
    | openssl dgst -sha1 -r | cut -c1-32)
  printf '%s-%s-5%s-%02x%s-%s\n' "${h:0:8}" "${h:8:4}" "${h:13:3}" $(((0x${h:16:2} & 0x3f) | 0x80)) "${h:18:2}" "${h:20:12}"
}

# shellcheck disable=SC2016  # $t is a jq variable
stream=$(call GET "/api/v1/sellers/me/streams?size=100" | json --arg t "$TITLE" \
  'first(.[] | select(.title == $t and (.status == "SCHEDULED" or .status == "LIVE")) | .id + " " + .status) // ""')
if [[ -z "$stream" ]]; then
  start=$(date -u -d '+30 min' +%Y-%m-%dT%H:%M:%SZ)
  body='{"title":"'"$TITLE"'","plannedStart":"'"$start"'","category":"tea",
"coverImageUrl":"https://img.harvest.live/demo/qiandao-tea.jpg","featuredProductIds":[]}'
  stream="$(call POST /api/v1/streams "$body" | json .id) SCHEDULED"
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
  offer_id=$(uuid5_url "harvest-demo-offer/$stream_id/$SKU_ID")
  call POST "/api/v1/streams/$stream_id/offers" \
    '{"offerId":"'"$offer_id"'","skuId":"'"$SKU_ID"'","priceFen":8800,"quantity":50,"perBuyerLimit":2}' >/dev/null
  echo "offer $offer_id pinned (50 units at 8800 fen, 2 per buyer)" >&2
  echo "$offer_id"
fi
