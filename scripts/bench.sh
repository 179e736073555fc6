#!/usr/bin/env bash
# The size-and-speed benchmark (method, budgets and history: BENCHMARKS.md). Builds the widget and
# the minimal Yew counter (bench/minimal/) in release mode, serves both precompressed on one local
# server, measures them in headless Chromium, times the native `evaluate`, breaks the wasm down by
# crate, prints a table per section and one PASS/FAIL line per budget, and writes every figure to
# target/bench/result.json. Not part of scripts/test.sh (it takes minutes); its --quick run is.
#
#   bash scripts/bench.sh             # the full run: 20 cold loads a condition, 200 edits
#   bash scripts/bench.sh --quick     # 2 loads, 20 edits, short native rounds, cached minimal app
#
# Options: --no-build (measure dist/ as it is), --loads N, --edits N, --out DIR (default
# target/bench), --strict (exit 1 when a budget fails; otherwise the exit status is 0 when the
# benchmark ran, 2 when part of it broke).
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

quick=0
build=1
strict=0
loads=20
edits=200
out="$REPO_ROOT/target/bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; loads=2; edits=20 ;;
    --no-build) build=0 ;;
    --strict) strict=1 ;;
    --loads) loads="$2"; shift ;;
    --edits) edits="$2"; shift ;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) say "bench: unknown option $1"; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
minimal_root="$REPO_ROOT/target/bench/minimal"
broken=0
start_s="$(date +%s)"

bash scripts/install-tools.sh || exit 2

# --- builds ------------------------------------------------------------------------------------
if [ "$build" -eq 1 ]; then
  say "bench: trunk build --release --offline (the widget)"
  trunk build --release --offline >"$out/trunk-widget.log" 2>&1 || {
    tail -n 30 "$out/trunk-widget.log" >&2
    say "bench: the widget's build failed (log: $out/trunk-widget.log)"
    exit 2
  }
fi
if [ ! -f dist/index.html ]; then
  say "bench: no dist/index.html; build first or drop --no-build"
  exit 2
fi

if [ "$quick" -eq 1 ] && [ -f "$minimal_root/dist/index.html" ]; then
  say "bench: the minimal app's cached build in $minimal_root/dist"
else
  say "bench: trunk build --release --offline (bench/minimal, about 2 minutes the first time)"
  (
    cd bench/minimal || exit 1
    # The CI machine reaches crates.io; the build itself stays offline like the widget's.
    cargo fetch --locked --offline >/dev/null 2>&1 || cargo fetch --locked >&2 || exit 1
    CARGO_TARGET_DIR="$minimal_root/target" trunk build --release --offline --dist "$minimal_root/dist"
  ) >"$out/trunk-minimal.log" 2>&1 || {
    tail -n 30 "$out/trunk-minimal.log" >&2
    say "bench: the minimal app's build failed (log: $out/trunk-minimal.log)"
    exit 2
  }
fi

# --- browser figures ---------------------------------------------------------------------------
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 scripts/static_server.py --root dist --port "$port" --quiet --precompressed \
  --mount "/minimal/=$minimal_root/dist" >"$out/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null' EXIT
for _ in $(seq 1 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.2
done

say "bench: browser figures ($loads cold loads per app and condition, $edits edits; a few minutes)"
rm -f "$out/browser.json" "$out/native.json" "$out/size.json"
node bench/measure.mjs --base "http://127.0.0.1:$port/" --dist dist --minimal-path /minimal/ \
  --minimal-dist "$minimal_root/dist" --loads "$loads" --edits "$edits" --out "$out/browser.json" \
  || { say "bench: the browser measurement failed"; broken=1; }
kill "$server_pid" 2>/dev/null
trap - EXIT

# --- native evaluate ------------------------------------------------------------------------------
say "bench: cargo bench --bench evaluate"
native_args=(--json "$out/native.json")
[ "$quick" -eq 1 ] && native_args+=(--quick)
cargo bench --locked --offline --bench evaluate -- "${native_args[@]}" >"$out/native.log" 2>&1 || {
  tail -n 30 "$out/native.log" >&2
  say "bench: the native benchmark failed"
  broken=1
}

# --- size breakdown ---------------------------------------------------------------------------------
say "bench: size breakdown (wasm-bindgen + wasm-opt -Oz with names)"
# The wasm the browser loaded (the largest, should it ever be split), else the current name.
final_wasm="$(python3 -c '
import json, sys
files = json.load(open(sys.argv[1]))["bytes"]["widget"]["files"]
print(max((f for f in files if f["file"].endswith(".wasm")), key=lambda f: f["raw"])["file"])
' "$out/browser.json" 2>/dev/null || echo contract-fit-web_bg.wasm)"
bin="$(sed -n 's/.*data-bin="\([^"]*\)".*/\1/p' index.html | head -n 1)"
# The same wasm-opt flags as the widget's build: its level and any extra parameters.
opt_params="$(grep -m 1 'data-bin="'"${bin:-contract-fit-web}"'"' index.html | sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p')"
python3 bench/size_breakdown.py --quiet --wasm "target/wasm32-unknown-unknown/release/${bin:-contract-fit-web}.wasm" \
  --opt "-Oz $opt_params" --final "dist/$final_wasm" --work "$out/size" --json "$out/size.json" \
  --baseline-wasm "$minimal_root/target/wasm32-unknown-unknown/release/bench-minimal.wasm" >"$out/size.log" 2>&1 || {
  tail -n 30 "$out/size.log" >&2
  say "bench: the size breakdown failed"
  broken=1
}

# --- report -----------------------------------------------------------------------------------------
report_args=(--browser "$out/browser.json" --native "$out/native.json" --size "$out/size.json"
  --out "$out/result.json" --commit "$(git rev-parse HEAD 2>/dev/null || echo unknown)")
[ "$quick" -eq 1 ] && report_args+=(--quick)
[ "$strict" -eq 1 ] && report_args+=(--strict)
python3 bench/report.py "${report_args[@]}"
rc=$?
say "bench: done in $(($(date +%s) - start_s)) s"
if [ "$broken" -eq 1 ] && [ "$rc" -eq 0 ]; then
  rc=2
fi
exit "$rc"
