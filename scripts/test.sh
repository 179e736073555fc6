#!/usr/bin/env bash
# The project's one test command: installs missing tools, then runs every
# suite and ends with a single line "N passed, N failed".
#
#   bash scripts/test.sh
#
# Suites (all run, even after a failure):
#   1. native  cargo test --locked            unit, integration, doc and CLI tests
#   2. wasm    cargo test --target wasm32-unknown-unknown
#              browser tests through wasm-bindgen-test-runner + headless chromium
#   3. build   trunk build --release --offline   (dist/, wasm-opt included; the
#              log shows which wasm-bindgen / wasm-opt binaries ran, with args)
#      then   scripts/widget_alone.py: the widget's files are the same byte for
#              byte when the site is built without the configurator
#   4. e2e     playwright test                    against dist/ on 127.0.0.1
#   5. bench   python3 bench/smoke_test.py        scripts/bench.sh --quick runs and
#              reports every figure and budget (the full benchmark is not a test:
#              it takes minutes; see BENCHMARKS.md)
#
# Env knobs: WASM_TEST_ARGS (cargo target selection for suite 2, default:
# --lib if src/ has wasm_bindgen_test, plus --test NAME for each tests/ file
# that does), SUITE_TIMEOUT (seconds per suite, default 2400), E2E_PORT.
# Logs: target/test-logs/.
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

start_s="$(date +%s)"
LOG_DIR="$REPO_ROOT/target/test-logs"
rm -rf "$LOG_DIR"
mkdir -p "$LOG_DIR"
STATUS="$LOG_DIR/status.tsv"
: >"$STATUS"
SUITE_TIMEOUT="${SUITE_TIMEOUT:-2400}"

# record NAME KIND RC LOG
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$STATUS"; }

# run NAME KIND LOG CMD... : runs CMD with a time limit, output to screen and LOG.
run() {
  local name="$1" kind="$2" log="$3" rc
  shift 3
  say "$name: $*"
  if command -v timeout >/dev/null 2>&1; then
    timeout -k 30 "$SUITE_TIMEOUT" "$@" 2>&1 | tee "$log"
    rc="${PIPESTATUS[0]}"
  else
    "$@" 2>&1 | tee "$log"
    rc="${PIPESTATUS[0]}"
  fi
  if [ "$rc" -eq 124 ]; then
    echo "$name: timed out after ${SUITE_TIMEOUT}s" | tee -a "$log" >&2
  fi
  record "$name" "$kind" "$rc" "$log"
  return "$rc"
}

# --- 0. tools -------------------------------------------------------------------
run "install tools" step "$LOG_DIR/install.log" bash scripts/install-tools.sh

# --- 1. native tests --------------------------------------------------------------
run "native tests (cargo test)" cargo "$LOG_DIR/native.log" \
  cargo test --locked --no-fail-fast

# --- 2. wasm tests in headless chromium ---------------------------------------
wasm_args=()
if [ -n "${WASM_TEST_ARGS:-}" ]; then
  read -r -a wasm_args <<<"$WASM_TEST_ARGS"
else
  if grep -rqs --include='*.rs' 'wasm_bindgen_test' src; then
    wasm_args+=(--lib)
  fi
  for f in tests/*.rs tests/*/main.rs; do
    [ -f "$f" ] || continue
    grep -qs 'wasm_bindgen_test' "$f" || continue
    case "$f" in
      */main.rs) wasm_args+=(--test "$(basename "$(dirname "$f")")") ;;
      *) wasm_args+=(--test "$(basename "$f" .rs)") ;;
    esac
  done
fi
if [ "${#wasm_args[@]}" -gt 0 ]; then
  run "wasm tests (wasm-bindgen-test)" cargo "$LOG_DIR/wasm.log" \
    cargo test --locked --no-fail-fast --target wasm32-unknown-unknown "${wasm_args[@]}"
else
  say "wasm tests: no file uses wasm_bindgen_test yet; nothing to run"
  echo "no wasm_bindgen_test found in src/ or tests/" >"$LOG_DIR/wasm.log"
  record "wasm tests (wasm-bindgen-test)" skip 0 "$LOG_DIR/wasm.log"
fi

# --- 3. release build of the web app -------------------------------------------
build_ok=0
if run "web build (trunk build --release)" build "$LOG_DIR/trunk.log" \
  trunk --log "error,trunk=info,trunk::tools=debug,trunk::common=debug" \
  build --release --offline; then
  build_ok=1
  for w in dist/*.wasm; do
    [ -f "$w" ] || continue
    raw="$(wc -c <"$w")"
    gz="$(gzip -9 -c "$w" | wc -c)"
    printf '%s: %s bytes (%s KiB), gzip -9: %s bytes (%s KiB)\n' "$w" "$raw" "$((raw / 1024))" \
      "$gz" "$((gz / 1024))" | tee -a "$LOG_DIR/trunk.log" >&2
  done
  run "widget unchanged by the configurator" step "$LOG_DIR/widget-alone.log" \
    python3 scripts/widget_alone.py
else
  if grep -q 'target_features` custom section is missing' "$LOG_DIR/trunk.log" \
    && grep -q 'wasm-validator error' "$LOG_DIR/trunk.log"; then
    say "hint: wasm-opt could not tell which wasm features the code uses because"
    say "      the release profile strips the target_features section (strip = true);"
    say "      use strip = \"debuginfo\" in Cargo.toml [profile.release]."
  fi
fi

# --- 4. end-to-end tests -----------------------------------------------------------
if [ "$build_ok" -eq 1 ]; then
  if [ -z "${E2E_PORT:-}" ]; then
    E2E_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  fi
  export E2E_PORT
  export E2E_JSON_REPORT="$LOG_DIR/playwright.json"
  run "e2e tests (playwright)" playwright "$LOG_DIR/e2e.log" \
    playwright test
else
  say "e2e tests: not run, the web build failed"
  echo "not run: trunk build failed" >"$LOG_DIR/e2e.log"
  record "e2e tests (playwright)" notrun 1 "$LOG_DIR/e2e.log"
fi

# --- 5. benchmark smoke test ----------------------------------------------------------
# After the e2e suite, never beside it: on 2 cores its builds and timed page loads would
# slow the journeys down (and the journeys its figures).
if [ "$build_ok" -eq 1 ]; then
  run "benchmark smoke (bench.sh --quick)" libtest "$LOG_DIR/bench-smoke.log" \
    python3 bench/smoke_test.py
else
  say "benchmark smoke: not run, the web build failed"
  echo "not run: trunk build failed" >"$LOG_DIR/bench-smoke.log"
  record "benchmark smoke (bench.sh --quick)" notrun 1 "$LOG_DIR/bench-smoke.log"
fi

# --- summary -----------------------------------------------------------------------
end_s="$(date +%s)"
python3 scripts/summary.py --status "$STATUS" --playwright-json "$LOG_DIR/playwright.json" \
  --wall-seconds "$((end_s - start_s))"
rc=$?
if [ "$rc" -gt 1 ]; then
  # summary.py itself broke; still end with the required line.
  echo "summary failed (exit $rc); logs in $LOG_DIR"
  echo "0 passed, 1 failed"
  exit 1
fi
exit "$rc"
