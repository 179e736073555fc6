#!/usr/bin/env bash
# Installs everything the build, `trunk serve` and the test suites need, at
# pinned versions, skipping whatever is already in place. Safe to run again.
#
#   bash scripts/install-tools.sh
#
# Needs: rustup + cargo, node >= 20 + npm, python3, apt-get (Debian).
# Only package registries are used (crates.io, npm, Debian); nothing is
# downloaded from release pages, so Trunk runs with --offline.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

# One install at a time (serve.sh and test.sh may start together).
LOCK_FILE="${TMPDIR:-/tmp}/contract-fit-install-tools.lock"
exec 9>"$LOCK_FILE"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    say "error: '$1' not found. $2"
    exit 1
  fi
}

need cargo "Install Rust with rustup first."
need rustup "Install Rust with rustup first."
need node "Install Node.js 20 or newer first."
need npm "Install npm (comes with Node.js) first."

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  say "error: Node.js $(node --version) is too old; @playwright/test needs >= 20."
  exit 1
fi

if [ -z "$WASM_BINDGEN_VERSION" ]; then
  say "error: could not read the wasm-bindgen version from Cargo.lock"
  exit 1
fi

trunk_toml_wbg="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
if [ "$trunk_toml_wbg" != "$WASM_BINDGEN_VERSION" ]; then
  say "error: Trunk.toml [tools] wasm_bindgen = \"$trunk_toml_wbg\" but Cargo.lock has wasm-bindgen $WASM_BINDGEN_VERSION; make them equal"
  exit 1
fi

# --- Debian packages: chromium + chromedriver (and python3 for the e2e server)
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    say "apt-get update"
    $SUDO apt-get update -qq >&2
    apt_updated=1
  fi
  say "apt-get install $*"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

apt_pkgs=()
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_pkgs+=(chromium chromium-driver)
fi
if ! command -v python3 >/dev/null 2>&1; then
  apt_pkgs+=(python3)
fi
# Fonts, so pages render (and screenshots read) the same on every machine.
for font_pkg in fonts-liberation fonts-dejavu-core; do
  if ! dpkg -s "$font_pkg" >/dev/null 2>&1; then
    apt_pkgs+=("$font_pkg")
  fi
done
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  say "installing ${apt_pkgs[*]} from Debian (about 1 minute)"
  apt_install "${apt_pkgs[@]}"
fi

# --- Rust target -------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown >&2
fi

# --- Trunk -------------------------------------------------------------------
trunk_have="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$trunk_have" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes)"
  # Trunk's own release profile uses fat LTO; thin builds compile much faster.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version "$TRUNK_VERSION" >&2
fi

# --- wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner) ----------------
wbg_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
runner_have="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$wbg_have" != "$WASM_BINDGEN_VERSION" ] || [ "$runner_have" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # No --locked: the crate's own lock file names a dependency version that the
  # registry does not have.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" >&2
fi

# --- npm: @playwright/test and binaryen (wasm-opt) ----------------------------
if [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ ! -x node_modules/.bin/wasm-opt ] \
  || [ ! -x node_modules/.bin/playwright ]; then
  say "npm ci (@playwright/test, binaryen $WASM_OPT_VERSION)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2
fi
wasm_opt_have="$(wasm-opt --version 2>/dev/null | awk '{print $3}' || true)"
if [ "$wasm_opt_have" != "$WASM_OPT_VERSION" ]; then
  say "error: wasm-opt on PATH ($(command -v wasm-opt || echo none)) is version '$wasm_opt_have', want $WASM_OPT_VERSION"
  exit 1
fi

# --- crates for offline builds --------------------------------------------------
if ! cargo fetch --locked --offline >/dev/null 2>&1; then
  say "cargo fetch --locked"
  cargo fetch --locked >&2
fi

say "tools ready: trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt $WASM_OPT_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
