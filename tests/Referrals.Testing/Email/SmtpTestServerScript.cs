namespace Referrals.Testing.Email;

/// <summary>The Python program <see cref="SmtpTestServer"/> runs (written to its temp directory at start).</summary>
internal static class SmtpTestServerScript
{
    public const string FileName = "smtp_test_server.py";

    public const string Source = """
# A real SMTP server for the tests (aiosmtpd, Debian package python3-aiosmtpd).
#
# Usage: python3 smtp_test_server.py OUTPUT_DIR PORT
# Accepts every message on 127.0.0.1:PORT and writes it to OUTPUT_DIR as NNNN.eml (the raw message) with NNNN.json
# (the envelope) written first, so an .eml file is complete when it appears. Recipients whose address starts with
# "reject" get "550 5.1.1". Prints READY once listening; stops when its standard input closes (the fixture's teardown,
# or the test host dying).
import json
import os
import sys
import threading

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("reject"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            number = self.count
        base = os.path.join(self.directory, "%04d" % number)
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(base + ".tmp", base + ".eml")
        return "250 2.0.0 Message accepted"


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    controller = Controller(Handler(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
""";
}
