#!/usr/bin/env python3
"""A consultancy's lead endpoint for the end-to-end tests: records every request and answers as
each path says, on another origin than the widget.

    python3 tests/e2e/support/lead_server.py --port 4199
    python3 tests/e2e/support/lead_server.py --port 0    # any free port, printed on the first line

POST /ok       200 with CORS headers (JSON needs the OPTIONS preflight, answered too)
POST /fail     500 with CORS headers
POST /hang     never answers (the widget's time limit must end it; POST /control/release ends it)
POST /nocors   200 but without CORS headers (the browser hides the answer)
POST /flaky    answers the status set by POST /control/flaky?status=N (500 at first); status=0
               holds each answer until POST /control/release, then answers 200
POST /f/<id>   a stand-in for a form service (Formspree, Basin, Getform style): reads an
               application/x-www-form-urlencoded body, requires `email`, answers 200 JSON
               {"ok": true} (422 JSON naming the missing field otherwise), Access-Control-Allow-Origin: *
POST /f/<id>?classic=1   the same service as many are by default: unless the request asks for
               JSON (Accept: application/json), it stores the lead and answers 303 to its HTML
               thank-you page GET /thanks, which has no CORS headers
GET  /control/requests   the recorded requests as JSON; POST /control/reset clears them

Any request may carry `?t=TAG`: it is recorded with its tag, and /control/requests?t=TAG,
/control/reset?t=TAG, /control/flaky?t=TAG&status=N and /control/release?t=TAG act only on that
tag, so tests running one after another on one server never see each other's leads.
"""

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

STATE = {"requests": [], "flaky": {}, "released": set()}
LOCK = threading.Lock()
CHANGED = threading.Condition(LOCK)


def tag_of(query):
    return parse_qs(query).get("t", [""])[0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def cors(self, path):
        if path == "/thanks":
            return
        if path.startswith("/f/"):
            # Form services answer anyone.
            self.send_header("Access-Control-Allow-Origin", "*")
        elif path != "/nocors":
            self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Access-Control-Max-Age", "0")
            self.send_header("Vary", "Origin")

    def reply(self, status, body=b"", content_type="application/json", path=""):
        self.send_response(status)
        self.cors(path)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def record(self, entry):
        with CHANGED:
            STATE["requests"].append(entry)
            CHANGED.notify_all()

    def do_OPTIONS(self):
        url = urlsplit(self.path)
        self.record({"method": "OPTIONS", "path": url.path, "tag": tag_of(url.query),
                     "headers": dict(self.headers), "at": time.time()})
        self.reply(204, path=url.path)

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/control/requests":
            tag = tag_of(url.query)
            with LOCK:
                found = [r for r in STATE["requests"] if not tag or r["tag"] == tag]
                body = json.dumps(found).encode()
            self.reply(200, body, path=url.path)
        elif url.path == "/thanks":
            self.reply(200, b"<!doctype html><title>Thanks</title><p>Thank you!</p>", "text/html; charset=utf-8", url.path)
        else:
            self.reply(404, b"{}", path=url.path)

    def control(self, url):
        tag = tag_of(url.query)
        with CHANGED:
            if url.path == "/control/reset":
                STATE["requests"][:] = [r for r in STATE["requests"] if tag and r["tag"] != tag]
                if tag:
                    STATE["flaky"].pop(tag, None)
                    STATE["released"].discard(tag)
                else:
                    STATE["flaky"].clear()
                    STATE["released"].clear()
            elif url.path == "/control/flaky":
                STATE["flaky"][tag] = int(parse_qs(url.query).get("status", ["200"])[0])
                STATE["released"].discard(tag)
            elif url.path == "/control/release":
                STATE["released"].add(tag)
                CHANGED.notify_all()
            else:
                return False
        self.reply(200, b"{}", path=url.path)
        return True

    def do_POST(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if url.path.startswith("/control/"):
            if not self.control(url):
                self.reply(404, b"{}", path=url.path)
            return
        tag = tag_of(url.query)
        entry = {"method": "POST", "path": url.path, "tag": tag, "headers": dict(self.headers), "body": body,
                 "at": time.time()}
        if url.path.startswith("/f/"):
            return self.form_service(url, body, entry)
        self.record(entry)
        with LOCK:
            flaky = STATE["flaky"].get(tag, 500)
        if url.path == "/hang" or (url.path == "/flaky" and flaky == 0):
            # Hold the answer until the test releases it (or long after the widget gave up).
            with CHANGED:
                CHANGED.wait_for(lambda: tag in STATE["released"], timeout=40)
            self.reply(200, b'{"ok": true}', path=url.path)
            return
        status = {"/ok": 200, "/nocors": 200, "/fail": 500, "/flaky": flaky}.get(url.path, 404)
        self.reply(status, b'{"ok": true}' if status < 300 else b'{"ok": false}', path=url.path)

    def form_service(self, url, body, entry):
        """Like a hosted form service: form fields in, a JSON verdict out."""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            entry["fields"] = None
            self.record(entry)
            return self.reply(415, b'{"ok": false, "error": "send a form"}', path=url.path)
        fields = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
        entry["fields"] = fields
        self.record(entry)
        if not fields.get("email", "").strip():
            return self.reply(422, b'{"ok": false, "errors": [{"field": "email", "message": "is required"}]}',
                              path=url.path)
        wants_json = "application/json" in (self.headers.get("Accept") or "")
        if parse_qs(url.query).get("classic") and not wants_json:
            self.send_response(303)
            self.cors(url.path)
            self.send_header("Location", "/thanks")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.reply(200, json.dumps({"ok": True, "next": "/thanks"}).encode(), path=url.path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=4199)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"lead_server: listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
