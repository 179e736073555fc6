#!/usr/bin/env bash
# Builds the web app in release mode and serves it with live reload at
# http://127.0.0.1:8080/ (address and port come from Trunk.toml).
#
#   bash scripts/serve.sh [extra trunk serve flags]
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

bash scripts/install-tools.sh
say "trunk serve --release --offline  ->  http://127.0.0.1:8080/"
exec trunk serve --release --offline "$@"
