#!/usr/bin/env bash
# Print an access token from the local Keycloak (realm "harvest", started by
# `deploy/local/infra.sh up keycloak`). Needs curl + jq.
#
#   deploy/local/token.sh client CLIENT_ID [SECRET]     client-credentials grant
#   deploy/local/token.sh user USERNAME [PASSWORD]      password grant on the public client harvest-app
#   deploy/local/token.sh decode TOKEN                  print the token's header and claims (no verification)
#
# Only the token is printed (stdout), so: TOKEN=$(deploy/local/token.sh client partner-courier)
#
# Default secrets/passwords are the local ones from deploy/local/keycloak/harvest-realm.json:
#   service clients  harvest-catalog, harvest-livestream, harvest-orders, harvest-logistics,
#                    harvest-integrations                       (secret <svc>-local-secret)
#   partner clients  partner-demo-pay, partner-courier, partner-county-centre
#   demo users       buyer, seller-a, seller-b, operator, admin (password = username)
#
# Options (before the command)
#   --scope "a b"    request these scopes (default: the client's default scopes)
#   --json           print the whole token response instead of the access token
#
# Environment
#   KEYCLOAK_URL     base URL of Keycloak     (http://${KEYCLOAK_HOST:-127.0.0.1}:${KEYCLOAK_PORT:-8180})
#   KEYCLOAK_REALM   realm                    (harvest)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034  # read by lib.sh's log()
HARVEST_LOG_TAG=token

KEYCLOAK_URL="${KEYCLOAK_URL:-http://${KEYCLOAK_HOST:-127.0.0.1}:${KEYCLOAK_PORT:-8180}}"
KEYCLOAK_REALM="${KEYCLOAK_REALM:-harvest}"
REALM_FILE="$SCRIPT_DIR/keycloak/harvest-realm.json"
TOKEN_URL="$KEYCLOAK_URL/realms/$KEYCLOAK_REALM/protocol/openid-connect/token"

usage() {
  awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0" >&2
  exit 2
}

have curl || die "token.sh needs curl"
have jq || die "token.sh needs jq (apt-get install jq)"

scope="" json=0
while (($# > 0)); do
  case "$1" in
    --scope) (($# >= 2)) || usage; scope="$2"; shift 2 ;;
    --json)  json=1; shift ;;
    -h|--help) usage ;;
    *) break ;;
  esac
done
(($# >= 1)) || usage

# b64url_json PART: decode one base64url JWT segment to JSON.
b64url_json() {
  local s="${1//-/+}"
  s="${s//_//}"
  case $((${#s} % 4)) in 2) s+="==" ;; 3) s+="=" ;; esac
  printf '%s' "$s" | base64 -d 2>/dev/null
}

request() {   # request CURL_FORM_ARGS... -> prints the access token (or the JSON)
  local body code
  [[ -n "$scope" ]] && set -- "$@" --data-urlencode "scope=$scope"
  body="$(curl -s --max-time 15 -w '\n%{http_code}' "$TOKEN_URL" "$@")" \
    || die "cannot reach Keycloak at $TOKEN_URL (start it: deploy/local/infra.sh up keycloak)"
  code="${body##*$'\n'}"
  body="${body%$'\n'*}"
  if [[ "$code" != 200 ]]; then
    die "Keycloak refused the token request (HTTP $code): $(jq -r '[.error, .error_description] | map(select(.)) | join(": ")' <<<"$body" 2>/dev/null || echo "$body")"
  fi
  if ((json)); then printf '%s\n' "$body"; else jq -r .access_token <<<"$body"; fi
}

cmd="$1"; shift
case "$cmd" in
  client)
    (($# >= 1 && $# <= 2)) || usage
    client="$1" secret="${2:-}"
    if [[ -z "$secret" ]]; then
      secret="$(jq -r --arg c "$client" '.clients[] | select(.clientId == $c) | .secret // empty' "$REALM_FILE")"
      [[ -n "$secret" ]] || die "no default secret for client '$client' in $REALM_FILE; pass it: $0 client $client SECRET"
    fi
    request -d grant_type=client_credentials --data-urlencode "client_id=$client" --data-urlencode "client_secret=$secret"
    ;;
  user)
    (($# >= 1 && $# <= 2)) || usage
    user="$1" password="${2:-$1}"   # demo users: password = username
    request -d grant_type=password -d client_id=harvest-app \
      --data-urlencode "username=$user" --data-urlencode "password=$password"
    ;;
  decode)
    (($# == 1)) || usage
    IFS=. read -r h p _ <<<"$1"
    [[ -n "${p:-}" ]] || die "not a JWT"
    b64url_json "$h" | jq -c .
    b64url_json "$p" | jq .
    ;;
  *) usage ;;
esac
