#!/usr/bin/env python3
"""The fixture website once more, with Content-Security-Policies chosen by the test: the widget
(dist/) at /, tests/e2e/site at /site/, and each POLICY sent with every response under its PREFIX
(the longest prefix wins). Used to check what a consultancy's own CSP must say, e.g. `connect-src`
for its lead endpoint, which the one strict policy of scripts/static_server.py cannot show.

    python3 tests/e2e/support/csp_site.py --port 0 \
        --csp /site/strict/ "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" \
        --csp /embed.html "default-src 'self'; ...; connect-src 'self' https://forms.example.net"

Prints "csp_site: listening on http://127.0.0.1:PORT/" when ready. Built on
scripts/static_server.py, so files are served exactly as there (MIME types, no-store).
"""

import argparse
import functools
import os
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(REPO, "scripts"))

import static_server  # noqa: E402


class Handler(static_server.Handler):
    def end_headers(self):
        url_path = self.path.split("?", 1)[0]
        for prefix, policy in sorted(self.server.policies, key=lambda p: -len(p[0])):
            if url_path.startswith(prefix):
                self.send_header("Content-Security-Policy", policy)
                break
        super().end_headers()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--csp", nargs=2, action="append", required=True, metavar=("PREFIX", "POLICY"),
                        help="send POLICY with every response under PREFIX (repeatable)")
    args = parser.parse_args()
    root = os.path.join(REPO, "dist")
    handler = functools.partial(Handler, directory=root)
    with static_server.Server((static_server.HOST, args.port), handler) as server:
        server.quiet = True
        server.mounts = (("/site/", os.path.join(REPO, "tests", "e2e", "site")),)
        server.csp_prefixes = ()
        server.policies = [tuple(p) for p in args.csp]
        print(f"csp_site: listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
