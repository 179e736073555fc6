#!/usr/bin/env bash
# Builds the web app in release mode and serves it at http://127.0.0.1:8080/ (address and port
# come from Trunk.toml): the calculator with the default config, and the configurator at
# /configure.html, with live reload.
#
#   bash scripts/serve.sh [extra trunk serve flags]
#
# With --config, serves the calculator with a config file of your own instead, at
# http://127.0.0.1:8080/preview/ (reload the page after you edit the file; no live reload):
#
#   bash scripts/serve.sh --config my-config.json
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

config=""
trunk_args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --config)
      [ "$#" -ge 2 ] || { say "error: --config needs a file"; exit 2; }
      config="$2"
      shift 2
      ;;
    --config=*)
      config="${1#--config=}"
      shift
      ;;
    *)
      trunk_args+=("$1")
      shift
      ;;
  esac
done

if [ -z "$config" ]; then
  cd "$REPO_ROOT"
  bash scripts/install-tools.sh
  say "trunk serve --release --offline  ->  http://127.0.0.1:8080/ (configurator: /configure.html)"
  exec trunk serve --release --offline "${trunk_args[@]}"
fi

# The file is named relative to where the command was typed.
if [ ! -f "$config" ]; then
  say "error: $config is not a file"
  exit 1
fi
config_dir="$(cd "$(dirname "$config")" && pwd)"
config_name="$(basename "$config")"
cd "$REPO_ROOT"
bash scripts/install-tools.sh

# Problems do not stop the preview: on this machine the widget lists them in place of itself.
say "contract-fit check $config"
cargo run --quiet --offline --locked --bin contract-fit -- check "$config_dir/$config_name" \
  || say "the preview will show these problems instead of the calculator until you fix them"

say "trunk build --release --offline"
trunk build --release --offline

# A page of its own beside the build: the widget's files from the root, the config from its own
# folder (served as it is on disk, never cached, so a reload shows each edit).
page_dir="$REPO_ROOT/target/serve-preview"
mkdir -p "$page_dir"
encoded_name="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$config_name")"
html_name="$(python3 -c 'import sys, html; print(html.escape(sys.argv[1]))' "$config_name")"
cat >"$page_dir/index.html" <<HTML
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Preview: $html_name</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/contract-fit.css" />
    <link rel="modulepreload" href="/contract-fit-web.js" />
    <link rel="preload" href="/contract-fit-web_bg.wasm" as="fetch" type="application/wasm" crossorigin />
    <script type="module" src="/contract-fit.js" data-offline="off"></script>
  </head>
  <body class="cf-page">
    <main class="cf-host" data-contract-fit data-heading-level="1" data-storage="off" data-config="config/$encoded_name">
      <p class="cf-loading">Loading the calculator…</p>
    </main>
  </body>
</html>
HTML

say "serving $config at http://127.0.0.1:8080/preview/ (reload after each edit; Ctrl-C stops)"
exec python3 scripts/static_server.py --root dist --port 8080 \
  --mount /preview/="$page_dir" --mount /preview/config/="$config_dir"
