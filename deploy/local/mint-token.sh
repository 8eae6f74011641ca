#!/usr/bin/env bash
# Mint an RS256 JWT for local testing, signed with the key pair that
# `deploy/local/infra.sh up` generates. Needs only bash + openssl.
#
#   deploy/local/mint-token.sh ROLE [options]        prints the token (only)
#   deploy/local/mint-token.sh --verify TOKEN        checks the signature, prints header+claims
#
# ROLE: consumer | seller | operator | partner | admin
#
# Options
#   --sub UUID          subject            (default: the role's demo UUID, below)
#   --name NAME         upn                (default: demo-<role>)
#   --seller-id UUID    seller_id claim    (seller: defaults to the sub)
#   --sites A,B         sites claim, JSON array of strings   (operator: defaults to [])
#   --scope "a b"       scope claim, space-separated string  (partner)
#   --ttl SECONDS       lifetime           (default 3600; <= 0 gives an expired token)
#
# Claims: iss, sub, upn, groups=[ROLE], iat, exp, jti (+ seller_id/sites/scope).
# Header: {"alg":"RS256","typ":"JWT","kid":"local"}
#
# Demo subjects (stable, usable in seed data):
#   consumer 00000000-0000-4000-8000-000000000001
#   seller   00000000-0000-4000-8000-000000000002
#   operator 00000000-0000-4000-8000-000000000003
#   partner  00000000-0000-4000-8000-000000000004
#   admin    00000000-0000-4000-8000-000000000005
#
# Environment
#   HARVEST_JWT_ISSUER       iss                  (https://harvest.live/local)
#   HARVEST_JWT_PRIVATE_KEY  signing key (PKCS#8) ($HARVEST_RUN_DIR/jwt/privateKey.pem)
#   HARVEST_JWT_PUBLIC_KEY   verification key     ($HARVEST_RUN_DIR/jwt/publicKey.pem)
#   HARVEST_RUN_DIR          run dir              (<repo>/.run)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034  # read by lib.sh's log()
HARVEST_LOG_TAG=mint-token

RUN="$(run_dir)"
ISSUER="${HARVEST_JWT_ISSUER:-https://harvest.live/local}"
PRIVATE_KEY="${HARVEST_JWT_PRIVATE_KEY:-$RUN/jwt/privateKey.pem}"
PUBLIC_KEY="${HARVEST_JWT_PUBLIC_KEY:-$RUN/jwt/publicKey.pem}"
UUID_RE='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

usage() {   # the header comment of this file; to stderr on misuse
  local code="${1:-0}"
  awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0" \
    | if ((code == 0)); then cat; else cat >&2; fi
  exit "$code"
}

have openssl || die "openssl is required"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

b64url_decode() {
  local s="${1//-/+}"
  s="${s//_//}"
  case $((${#s} % 4)) in
    2) s+="==" ;;
    3) s+="=" ;;
  esac
  printf '%s' "$s" | openssl base64 -d -A
}

# json_str STRING -> a JSON string literal
json_str() {
  local s="$1"
  [[ "$s" != *[$'\x01'-$'\x1f']* ]] || die "control characters are not allowed in claim values"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

new_uuid() {
  if [[ -r /proc/sys/kernel/random/uuid ]]; then
    cat /proc/sys/kernel/random/uuid
  elif have uuidgen; then
    uuidgen | tr '[:upper:]' '[:lower:]'
  else   # RFC 4122 v4 from openssl randomness
    local h
    h="$(openssl rand -hex 16)"
    printf '%s-%s-4%s-%x%s-%s\n' "${h:0:8}" "${h:8:4}" "${h:13:3}" $(((16#${h:16:1} & 3) | 8)) "${h:17:3}" "${h:20:12}"
  fi
}

demo_sub() {
  case "$1" in
    consumer) echo 00000000-0000-4000-8000-000000000001 ;;
    seller)   echo 00000000-0000-4000-8000-000000000002 ;;
    operator) echo 00000000-0000-4000-8000-000000000003 ;;
    partner)  echo 00000000-0000-4000-8000-000000000004 ;;
    admin)    echo 00000000-0000-4000-8000-000000000005 ;;
  esac
}

verify() {
  local token="$1" header payload sig tmp
  [[ "$token" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || die "not a compact JWS"
  IFS=. read -r header payload sig <<<"$token"
  [[ -f "$PUBLIC_KEY" ]] || die "public key not found: $PUBLIC_KEY"
  tmp="$(mktemp)"
  # shellcheck disable=SC2064
  trap "rm -f '$tmp'" RETURN
  b64url_decode "$sig" >"$tmp"
  if printf '%s' "$header.$payload" | openssl dgst -sha256 -verify "$PUBLIC_KEY" -signature "$tmp" >/dev/null 2>&1; then
    echo "signature: OK ($PUBLIC_KEY)"
  else
    echo "signature: INVALID ($PUBLIC_KEY)"
    return 1
  fi
  echo "header:  $(b64url_decode "$header")"
  echo "payload: $(b64url_decode "$payload")"
}

main() {
  (($# > 0)) || usage 2
  case "$1" in
    -h|--help) usage 0 ;;
    --verify) (($# == 2)) || usage 2; verify "$2"; return ;;
  esac

  local role="$1"; shift
  case "$role" in
    consumer|seller|operator|partner|admin) ;;
    *) die "unknown role '$role' (expected: consumer seller operator partner admin)" ;;
  esac

  local sub="" name="" seller_id="" sites="" sites_set="" scope="" scope_set="" ttl=3600
  while (($# > 0)); do
    case "$1" in
      -h|--help) usage 0 ;;
      --sub|--name|--seller-id|--sites|--scope|--ttl)
        (($# >= 2)) || die "$1 needs a value" ;;
      *) die "unknown option '$1' (see --help)" ;;
    esac
    case "$1" in
      --sub)       sub="$2" ;;
      --name)      name="$2" ;;
      --seller-id) seller_id="$2" ;;
      --sites)     sites="$2"; sites_set=1 ;;
      --scope)     scope="$2"; scope_set=1 ;;
      --ttl)       ttl="$2" ;;
    esac
    shift 2
  done

  [[ -n "$sub" ]] || sub="$(demo_sub "$role")"
  [[ "$sub" =~ $UUID_RE ]] || die "--sub must be a UUID, got '$sub'"
  [[ -n "$name" ]] || name="demo-$role"
  [[ "$ttl" =~ ^-?[0-9]+$ ]] || die "--ttl must be an integer number of seconds, got '$ttl'"
  if [[ "$role" == seller && -z "$seller_id" ]]; then seller_id="$sub"; fi
  [[ -z "$seller_id" || "$seller_id" =~ $UUID_RE ]] || die "--seller-id must be a UUID, got '$seller_id'"
  if [[ "$role" == operator ]]; then sites_set=1; fi

  [[ -r "$PRIVATE_KEY" ]] || die "signing key not found: $PRIVATE_KEY (run: deploy/local/infra.sh up jwt)"

  local now exp jti
  now="$(date +%s)"
  exp=$((now + ttl))
  jti="$(new_uuid)"

  local claims
  claims="{\"iss\":$(json_str "$ISSUER"),\"sub\":$(json_str "$sub"),\"upn\":$(json_str "$name")"
  claims+=",\"groups\":[$(json_str "$role")]"
  [[ -z "$seller_id" ]] || claims+=",\"seller_id\":$(json_str "$seller_id")"
  if [[ -n "$sites_set" ]]; then
    local arr="" code
    local -a codes=()
    IFS=, read -r -a codes <<<"$sites"
    for code in "${codes[@]}"; do
      code="${code#"${code%%[![:space:]]*}"}"   # trim
      code="${code%"${code##*[![:space:]]}"}"
      [[ -n "$code" ]] || continue
      arr+="${arr:+,}$(json_str "$code")"
    done
    claims+=",\"sites\":[$arr]"
  fi
  [[ -z "$scope_set" ]] || claims+=",\"scope\":$(json_str "$scope")"
  claims+=",\"iat\":$now,\"exp\":$exp,\"jti\":$(json_str "$jti")}"

  local header signing_input sig
  header="$(printf '%s' '{"alg":"RS256","typ":"JWT","kid":"local"}' | b64url)"
  signing_input="$header.$(printf '%s' "$claims" | b64url)"
  sig="$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$PRIVATE_KEY" -binary | b64url)"
  [[ -n "$sig" ]] || die "signing failed"
  printf '%s.%s\n' "$signing_input" "$sig"
}

main "$@"
