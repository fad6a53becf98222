#!/usr/bin/env python3
"""A tiny SMTP sink for the drills (stdlib only): accepts every mail on a loopback port, never
relays, and appends one JSON line per received message to a log: Message-ID, recipients and the
survey link found in the body. Killing it is how a drill takes "the SMTP server" down; starting it
again with the same log appends, so duplicates across an outage show up as repeated Message-IDs.

    smtp_sink.py --port 2525 --log target/drills/mails.jsonl
"""
import argparse
import email
import email.policy
import json
import re
import socketserver
import sys
import threading
import time

LINK = re.compile(r"/s/([A-Za-z0-9_-]{16,})")
lock = threading.Lock()


class Handler(socketserver.StreamRequestHandler):
    timeout = 120

    def reply(self, line):
        self.wfile.write((line + "\r\n").encode("ascii"))
        self.wfile.flush()

    def handle(self):
        self.reply("220 drill-sink ESMTP")
        recipients = []
        while True:
            raw = self.rfile.readline(65536)
            if not raw:
                return
            command = raw.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                if verb == "EHLO":
                    self.wfile.write(b"250-drill-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n")
                    self.wfile.flush()
                else:
                    self.reply("250 drill-sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>").split(">")[0])
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                lines = []
                while True:
                    line = self.rfile.readline(1 << 20)
                    if not line or line in (b".\r\n", b".\n"):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                record(b"".join(lines), recipients)
                self.reply("250 OK queued")
            elif verb == "RSET":
                recipients = []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


def record(data, recipients):
    message = email.message_from_bytes(data, policy=email.policy.default)
    link = None
    for part in message.walk():
        if part.get_content_maintype() == "text":
            try:
                found = LINK.search(part.get_content())
            except Exception:  # a part the stdlib cannot decode: no link from it
                found = None
            if found:
                link = found.group(1)
                break
    entry = {"at": time.time(), "messageId": str(message.get("Message-ID", "")).strip(),
             "to": recipients, "subject": str(message.get("Subject", "")), "token": link}
    with lock:
        with open(args.log, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--max-seconds", type=int, default=7200, help="stops by itself after this long")
    args = parser.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    threading.Timer(args.max_seconds, server.shutdown).start()
    print(f"smtp sink on 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
    server.serve_forever()
