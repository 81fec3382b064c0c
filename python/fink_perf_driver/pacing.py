"""Measured module calls paced by the Java side: one request per call (fink-perf-control/1).

Before each measured call the driver says it is ``ready`` and waits; the Java side first sends a
``ping`` (answered at once: what a round trip costs with nothing inside), then ``call``; the driver
calls the module once and answers ``called`` with its own figure. The Java side times the round trip
of every request itself, so a module that rewrites the driver's clocks or events cannot make its
calls look shorter than the time it kept the Java side waiting.
"""
import json

from .errors import DriverError

MAX_REQUEST_BYTES = 4096
READY = b'{"event": "ready"}'
PONG = b'{"event": "pong"}'


class Pacer(object):
    def __init__(self, sock):
        self.sock = sock

    def await_call(self):
        """Blocks until the Java side asks for the next call, answering pings meanwhile."""
        self._send(READY)
        while True:
            try:
                data = self.sock.recv(MAX_REQUEST_BYTES)
            except OSError as e:
                raise DriverError("crash", "the request channel failed: %s" % e, cause=e)
            if not data:
                raise DriverError("crash", "the supervisor closed the request channel")
            try:
                op = json.loads(data.decode("utf-8")).get("op")
            except (ValueError, AttributeError):
                op = None
            if op == "ping":
                self._send(PONG)
            elif op == "call":
                return

    def called(self, ns):
        self._send(b'{"event": "called", "ns": %d}' % ns)

    def _send(self, data):
        try:
            self.sock.send(data)
        except OSError as e:
            raise DriverError("crash", "the request channel failed: %s" % e, cause=e)
