# Shared environment for the scripts in this folder. Source it, don't run it:
#   . "$(dirname "$0")/env.sh"
# It sets REPO_ROOT, the pinned tool versions and a PATH on which the
# project's own tools (cargo-installed Trunk / wasm-bindgen, node_modules/.bin
# with wasm-opt and playwright) come first.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# Pinned versions. wasm-bindgen is read from Cargo.lock: the CLI must match
# the library exactly. Trunk.toml's [tools] wasm_bindgen must say the same.
TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="132" # npm package binaryen@132.0.0, see package.json
WASM_BINDGEN_VERSION="$(awk '
  $0 == "name = \"wasm-bindgen\"" { hit = 1; next }
  hit && /^version = / { gsub(/"/, "", $3); print $3; exit }
' "$REPO_ROOT/Cargo.lock" 2>/dev/null)"
export TRUNK_VERSION WASM_OPT_VERSION WASM_BINDGEN_VERSION

# Put node_modules/.bin, then ~/.cargo/bin, in front (moving them if they are
# already on PATH), so the pinned wasm-opt wins over any other one.
_path_rest=""
_old_ifs="$IFS"; IFS=":"
for _dir in $PATH; do
  case "$_dir" in
    "$REPO_ROOT/node_modules/.bin" | "$HOME/.cargo/bin" | "") ;;
    *) _path_rest="${_path_rest:+$_path_rest:}$_dir" ;;
  esac
done
IFS="$_old_ifs"
PATH="$REPO_ROOT/node_modules/.bin:$HOME/.cargo/bin${_path_rest:+:$_path_rest}"
export PATH
unset _path_rest _old_ifs _dir

# Browsers: Debian's chromium and chromedriver, never a downloaded build.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TRUNK_SKIP_VERSION_CHECK=true
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '==> %s\n' "$*" >&2; }
