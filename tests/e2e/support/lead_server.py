#!/usr/bin/env python3
"""A consultancy's lead endpoint for the end-to-end tests: records every request and answers as
each path says, on another origin than the widget.

    python3 tests/e2e/support/lead_server.py --port 4199

POST /ok       200 with CORS headers (JSON needs the OPTIONS preflight, answered too)
POST /fail     500 with CORS headers
POST /hang     never answers (the widget's time limit must end it)
POST /nocors   200 but without CORS headers (the browser hides the answer)
POST /flaky    answers the status set by POST /control/flaky?status=N (500 at first)
GET  /control/requests   the recorded requests as JSON; POST /control/reset clears them
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

STATE = {"requests": [], "flaky": 500}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def cors(self, path):
        if path != "/nocors":
            self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Access-Control-Max-Age", "0")

    def reply(self, status, body=b"", content_type="application/json", path=""):
        self.send_response(status)
        self.cors(path)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self):
        path = urlsplit(self.path).path
        with LOCK:
            STATE["requests"].append({"method": "OPTIONS", "path": path, "headers": dict(self.headers), "at": time.time()})
        self.reply(204, path=path)

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/control/requests":
            with LOCK:
                body = json.dumps(STATE["requests"]).encode()
            self.reply(200, body, path=url.path)
        else:
            self.reply(404, b"{}", path=url.path)

    def do_POST(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if url.path == "/control/reset":
            with LOCK:
                STATE["requests"].clear()
                STATE["flaky"] = 500
            return self.reply(200, b"{}", path=url.path)
        if url.path == "/control/flaky":
            with LOCK:
                STATE["flaky"] = int(parse_qs(url.query).get("status", ["200"])[0])
            return self.reply(200, b"{}", path=url.path)
        with LOCK:
            STATE["requests"].append({
                "method": "POST", "path": url.path, "headers": dict(self.headers), "body": body, "at": time.time(),
            })
            flaky = STATE["flaky"]
        if url.path == "/hang":
            time.sleep(40)
            return
        status = {"/ok": 200, "/nocors": 200, "/fail": 500, "/flaky": flaky}.get(url.path, 404)
        self.reply(status, b'{"ok": true}' if status < 300 else b'{"ok": false}', path=url.path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=4199)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
