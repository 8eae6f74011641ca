#!/usr/bin/env bash
# Demo payment partner (bash, curl, openssl): signs and sends a payment callback to the orders service, as a payment provider would.
#
#   deploy/local/pay.sh ORDER_ID AMOUNT_FEN [PAYMENT_ID]
#
# Signature: X-Payment-Signature = hex(HMAC-SHA256(secret, "<X-Payment-Timestamp>.<raw body>")), timestamp in epoch
# seconds (orders accepts +/- 5 minutes). Sending the same PAYMENT_ID twice is a no-op on the orders side.
#
# Environment
#   ORDERS_URL         orders base URL          (http://127.0.0.1:8083)
#   PAY_PARTNER        partner id               (demo-pay)
#   DEMO_PAY_SECRET    that partner's secret    (demo-pay-secret-change-me, the orders default for demo-pay)
#   CURRENCY           currency                 (CNY)
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
order_id=$1
amount=$2
payment_id=${3:-demo-$(date +%s)-$RANDOM}
url=${ORDERS_URL:-http://127.0.0.1:8083}
partner=${PAY_PARTNER:-demo-pay}
secret=${DEMO_PAY_SECRET:-demo-pay-secret-change-me}
currency=${CURRENCY:-CNY}

[[ $amount =~ ^[0-9]+$ ]] || { echo "AMOUNT_FEN must be a non-negative integer (fen)" >&2; exit 2; }
[[ $order_id =~ ^[0-9a-fA-F-]{36}$ ]] || { echo "ORDER_ID must be a UUID" >&2; exit 2; }

body=$(printf '{"paymentId":"%s","orderId":"%s","amountFen":%s,"currency":"%s"}' \
  "$payment_id" "$order_id" "$amount" "$currency")
timestamp=$(date +%s)

signature=$(printf '%s' "$timestamp.$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)

echo "POST $url/api/v1/payments/callbacks  payment $payment_id  order $order_id  $amount fen" >&2
curl -sS -w '\nHTTP %{http_code}\n' -X POST "$url/api/v1/payments/callbacks" \
  -H 'Content-Type: application/json' \
  -H "X-Payment-Partner: $partner" \
  -H "X-Payment-Timestamp: $timestamp" \
  -H "X-Payment-Signature: $signature" \
  --data-binary "$body"
