#!/usr/bin/env python3
"""Tiny static file server for the built web app (dist/), used by the
Playwright end-to-end tests.

    python3 scripts/static_server.py --root dist --port 4173 \
        --mount /tools/estimate/=dist --mount /site/=tests/e2e/site \
        --csp-prefix /site/strict/

--mount serves another folder under a URL prefix (the widget under a sub-path,
the fixture "consultancy website" beside it); --csp-prefix sends the strict
Content-Security-Policy the README documents with every response under it;
--precompressed answers a request for X with the file X.br or X.gz the release
build writes beside it, when the browser's Accept-Encoding allows, as nginx's
brotli_static / gzip_static do (the benchmark measures the widget served so).

Binds 127.0.0.1 only. Serves .wasm as application/wasm (needed for
WebAssembly.instantiateStreaming), sends no-cache headers, and answers
unknown extension-less paths with index.html so client-side routes load
(and a missing /favicon.ico with 204 No Content).
"""

import argparse
import email.utils
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


# Precompressed siblings, best first: the order nginx and most CDNs prefer.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header):
    """The content codings an Accept-Encoding header allows (q > 0), lower case."""
    accepted = set()
    for part in (header or "").split(","):
        token, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if token and q > 0:
            accepted.add(token.strip().lower())
    if "*" in accepted:
        accepted.update(name for name, _ in ENCODINGS)
    return accepted


STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = MIME_TYPES

    def translate_path(self, path):
        url_path = path.split("?", 1)[0].split("#", 1)[0]
        for prefix, folder in sorted(self.server.mounts, key=lambda m: -len(m[0])):
            if url_path.startswith(prefix):
                rest = url_path[len(prefix):]
                translated = super().translate_path("/" + rest)
                # super() resolves against self.directory; re-root it on the mount.
                relative = os.path.relpath(translated, self.directory)
                return os.path.join(folder, relative)
        return super().translate_path(path)

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
            path = self.translate_path(self.path)
        if self.server.precompressed:
            if os.path.isdir(path) and url_path.endswith("/"):
                path = os.path.join(path, "index.html")
            if os.path.isfile(path):
                return self.send_precompressed(path)
        return super().send_head()

    def send_precompressed(self, path):
        """Sends the .br or .gz sibling of `path` if the client takes it, else `path` itself,
        always with the original's Content-Type and with `Vary: Accept-Encoding` when a
        sibling exists (a shared cache must not hand brotli to a client that cannot read it)."""
        siblings = [(name, path + ext) for name, ext in ENCODINGS if os.path.isfile(path + ext)]
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        chosen = next(((name, p) for name, p in siblings if name in accepted), (None, path))
        encoding, served = chosen
        try:
            f = open(served, "rb")
        except OSError:
            self.send_error(404, "File not found")
            return None
        try:
            fs = os.fstat(f.fileno())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            if siblings:
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(fs.st_size))
            self.send_header("Last-Modified", email.utils.formatdate(fs.st_mtime, usegmt=True))
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise

    def end_headers(self):
        url_path = self.path.split("?", 1)[0]
        if any(url_path.startswith(p) for p in self.server.csp_prefixes):
            self.send_header("Content-Security-Policy", STRICT_CSP)
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
    mounts = ()
    csp_prefixes = ()
    precompressed = False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default="dist", help="folder to serve (default: dist)")
    parser.add_argument("--port", type=int, default=4173, help="port (default: 4173)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    parser.add_argument("--mount", action="append", default=[], metavar="PREFIX=DIR",
                        help="also serve DIR under the URL prefix PREFIX (repeatable)")
    parser.add_argument("--csp-prefix", action="append", default=[], metavar="PREFIX",
                        help="send the strict CSP header for paths under PREFIX (repeatable)")
    parser.add_argument("--precompressed", action="store_true",
                        help="serve X.br / X.gz in place of X when the request's Accept-Encoding allows")
    args = parser.parse_args(argv)
    mounts = []
    for m in args.mount:
        prefix, _, folder = m.partition("=")
        if not prefix.startswith("/") or not folder:
            parser.error(f"--mount takes PREFIX=DIR with PREFIX starting with /, got {m!r}")
        mounts.append((prefix if prefix.endswith("/") else prefix + "/", os.path.abspath(folder)))

    root = os.path.abspath(args.root)
    if not os.path.isfile(os.path.join(root, "index.html")):
        print(f"static_server: no index.html in {root}; build first (trunk build --release)",
              file=sys.stderr)
        return 1

    handler = functools.partial(Handler, directory=root)
    with Server((HOST, args.port), handler) as httpd:
        httpd.quiet = args.quiet
        httpd.mounts = tuple(mounts)
        httpd.csp_prefixes = tuple(args.csp_prefix)
        httpd.precompressed = args.precompressed
        print(f"static_server: serving {root} at http://{HOST}:{args.port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
