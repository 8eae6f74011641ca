#!/usr/bin/env bash
# Lints every committed OpenAPI spec with Spectral (from the npm registry, cached under .run/tools).
# Fails on errors; warnings are printed.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034
HARVEST_LOG_TAG=lint
REPO="$(repo_root)"
TOOLS="$(run_dir)/tools/spectral"
SPECTRAL_VERSION="${SPECTRAL_VERSION:-6.15.0}"

have npm || die "npm is needed to lint the OpenAPI specs"
if [[ ! -x "$TOOLS/node_modules/.bin/spectral" ]]; then
  log "installing @stoplight/spectral-cli@$SPECTRAL_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "@stoplight/spectral-cli@$SPECTRAL_VERSION" >/dev/null
fi
shopt -s nullglob
specs=("$REPO"/openapi/*.yaml)
((${#specs[@]} > 0)) || die "no OpenAPI specs under openapi/"
"$TOOLS/node_modules/.bin/spectral" lint --ruleset "$REPO/.spectral.yaml" --fail-severity error "${specs[@]}"
