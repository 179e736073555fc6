#!/usr/bin/env python3
"""Receives Contract Fit leads ("format": "json") and emails each one to you. Python 3 standard
library only. Run it behind your web server's HTTPS (the widget posts only to https: addresses):

    LEAD_ALLOW_ORIGIN=https://www.harbour-it.example LEAD_MAIL_TO=sales@harbour-it.example \
    LEAD_MAIL_FROM=calculator@harbour-it.example LEAD_SMTP_HOST=localhost python3 lead_mailer.py

Settings (environment): LEAD_ALLOW_ORIGIN (your website's origin), LEAD_MAIL_TO, LEAD_MAIL_FROM,
LEAD_SMTP_HOST (localhost), LEAD_SMTP_PORT (25; with LEAD_SMTP_USER and LEAD_SMTP_PASSWORD it
logs in after STARTTLS, usually on 587), LEAD_PORT (8787; 0 picks a free one).
"""
import json, os, smtplib
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ENV = os.environ


class Lead(BaseHTTPRequestHandler):
    def answer(self, status):  # the widget counts any 2xx as received
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", ENV["LEAD_ALLOW_ORIGIN"])
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_OPTIONS(self):  # the browser asks first before it posts JSON to another origin
        self.answer(204)

    def do_POST(self):
        try:
            lead = json.loads(self.rfile.read(min(int(self.headers["Content-Length"]), 100_000)))
            contact = lead["contact"]
            mail = EmailMessage()
            mail["Subject"] = f"Estimate request from {contact['name'] or contact['email']}"
            mail["From"], mail["To"], mail["Reply-To"] = ENV["LEAD_MAIL_FROM"], ENV["LEAD_MAIL_TO"], contact["email"]
            details = "".join(f"{k.capitalize()}: {v}\n" for k, v in contact.items() if v)
            mail.set_content(f"{details}Page: {lead['page']['url']}\n\n{lead['summary']}\n")
            with smtplib.SMTP(ENV.get("LEAD_SMTP_HOST", "localhost"), int(ENV.get("LEAD_SMTP_PORT", "25"))) as smtp:
                if ENV.get("LEAD_SMTP_USER"):
                    smtp.starttls()
                    smtp.login(ENV["LEAD_SMTP_USER"], ENV["LEAD_SMTP_PASSWORD"])
                smtp.send_message(mail)
        except Exception as error:  # the prospect is told it failed, and keeps what they typed
            self.log_error("lead not mailed: %r", error)
            return self.answer(500)
        self.answer(200)


server = ThreadingHTTPServer(("127.0.0.1", int(ENV.get("LEAD_PORT", "8787"))), Lead)
print(f"lead_mailer: listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
server.serve_forever()
