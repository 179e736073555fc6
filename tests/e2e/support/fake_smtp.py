#!/usr/bin/env python3
"""A mail server that delivers nowhere, for testing the lead mailer recipe: speaks just enough
SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and appends every message it accepts to a
JSON-lines file as {"from", "to": [...], "data"} (the message as sent) plus, read back with the
standard library, "headers" and "text" (the decoded plain-text body).

    python3 tests/e2e/support/fake_smtp.py --port 0 --out messages.jsonl

Prints "fake_smtp: listening on 127.0.0.1:PORT" when ready.
"""

import argparse
import email
import email.policy
import json
import socketserver
import threading

LOCK = threading.Lock()


class Conversation(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        sender, recipients = None, []
        self.say("220 fake-smtp ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").rstrip("\r\n")
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.say("250 fake-smtp")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip().strip("<>"), []
                self.say("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.say("250 OK")
            elif verb == "DATA":
                self.say("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    raw = self.rfile.readline()
                    if not raw or raw in (b".\r\n", b".\n"):
                        break
                    lines.append(raw[1:] if raw.startswith(b"..") else raw)  # undo dot-stuffing
                data = b"".join(lines)
                parsed = email.message_from_bytes(data, policy=email.policy.default)
                body = parsed.get_body(("plain",))
                message = {
                    "from": sender, "to": recipients, "data": data.decode("utf-8", "replace"),
                    "headers": {k: str(v) for k, v in parsed.items()},
                    "text": body.get_content() if body is not None else "",
                }
                with LOCK, open(self.server.out, "a", encoding="utf-8") as f:
                    f.write(json.dumps(message) + "\n")
                self.say("250 OK: queued")
            elif verb in ("RSET", "NOOP"):
                self.say("250 OK")
            elif verb == "QUIT":
                self.say("221 Bye")
                return
            else:
                self.say("502 Command not implemented")


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with Server(("127.0.0.1", args.port), Conversation) as server:
        server.out = args.out
        print(f"fake_smtp: listening on 127.0.0.1:{server.server_address[1]}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
