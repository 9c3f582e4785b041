#!/usr/bin/env python3
"""An SMTP sink for the API tests (started by tests/lib/smtp.mjs).

Listens on 127.0.0.1 (plain SMTP: no AUTH, no STARTTLS) and writes every message it accepts as
DIR/NNNNNN.json: {"mail_from", "rcpt_tos", "data_b64", "at" (ms)}, written whole (renamed into
place). With --port 0 it picks a free port. Prints "listening PORT" once it accepts connections.

Failures: a file DIR/fail/NNNNNN.json {"stage": "rcpt" | "data", "reply": "550 ..."} makes the
next RCPT TO or DATA (the oldest such file first) get that reply; the file is removed.

Stops on SIGTERM, SIGINT or when its standard input closes (so it never outlives the tests).
"""

import argparse
import asyncio
import base64
import json
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.fail_dir = os.path.join(directory, "fail")
        os.makedirs(self.fail_dir, exist_ok=True)
        self.count = 0

    def take_failure(self, stage):
        names = sorted(n for n in os.listdir(self.fail_dir) if n.endswith(".json"))
        if not names:
            return None
        path = os.path.join(self.fail_dir, names[0])
        with open(path, encoding="utf-8") as f:
            failure = json.load(f)
        if failure.get("stage", "data") != stage:
            return None
        os.remove(path)
        return failure["reply"]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        failure = self.take_failure("rcpt")
        if failure:
            return failure
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        failure = self.take_failure("data")
        if failure:
            return failure
        self.count += 1
        name = "%06d.json" % self.count
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data_b64": base64.b64encode(envelope.original_content or envelope.content).decode(),
            "at": int(time.time() * 1000),
        }
        temporary = os.path.join(self.directory, name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.replace(temporary, os.path.join(self.directory, name))
        return "250 OK: queued as %d" % self.count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    sink = Sink(args.dir)

    def factory():
        return SMTP(sink, hostname="kvitka-smtp-sink", enable_SMTPUTF8=True, loop=loop)

    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", args.port))
    port = server.sockets[0].getsockname()[1]

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)

    def stdin_readable():
        if not os.read(sys.stdin.fileno(), 4096):
            loop.stop()

    try:
        loop.add_reader(sys.stdin.fileno(), stdin_readable)
    except (OSError, ValueError, NotImplementedError):
        pass  # no usable stdin: rely on the signals

    print("listening %d" % port, flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.close()


if __name__ == "__main__":
    main()
