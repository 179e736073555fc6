#!/usr/bin/env python3
"""Tiny static file server for the built web app (dist/), used by the
Playwright end-to-end tests.

    python3 scripts/static_server.py --root dist --port 4173

Binds 127.0.0.1 only. Serves .wasm as application/wasm (needed for
WebAssembly.instantiateStreaming), sends no-cache headers, and answers
unknown extension-less paths with index.html so client-side routes load
(and a missing /favicon.ico with 204 No Content).
"""

import argparse
import functools
import http.server
import os
import socketserver
import sys

HOST = "127.0.0.1"  # loopback only

MIME_TYPES = {
    "": "application/octet-stream",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = MIME_TYPES

    def guess_type(self, path):
        _, ext = os.path.splitext(path)
        return MIME_TYPES.get(ext.lower(), "application/octet-stream")

    def send_head(self):
        # SPA fallback: a path without a file extension that does not exist
        # gets index.html (the app's router decides what to show).
        path = self.translate_path(self.path)
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        if url_path == "/favicon.ico" and not os.path.exists(path):
            # Browsers ask for it on their own; a 404 would be logged as a
            # console error in every page test.
            self.send_response(204)
            self.end_headers()
            return None
        if (
            not os.path.exists(path)
            and not os.path.splitext(url_path)[1]
            and os.path.isfile(os.path.join(self.directory, "index.html"))
        ):
            self.path = "/index.html"
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format, *args):
        if not self.server.quiet:
            super().log_message(format, *args)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    quiet = False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default="dist", help="folder to serve (default: dist)")
    parser.add_argument("--port", type=int, default=4173, help="port (default: 4173)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args(argv)

    root = os.path.abspath(args.root)
    if not os.path.isfile(os.path.join(root, "index.html")):
        print(f"static_server: no index.html in {root}; build first (trunk build --release)",
              file=sys.stderr)
        return 1

    handler = functools.partial(Handler, directory=root)
    with Server((HOST, args.port), handler) as httpd:
        httpd.quiet = args.quiet
        print(f"static_server: serving {root} at http://{HOST}:{args.port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
