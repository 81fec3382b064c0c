"""Measured module calls paced by the Java side: one request per call (fink-perf-control/1).

Before its first measured call the driver says it is ``ready`` once and waits; the Java side sends
a few ``ping`` requests (each answered at once: what a round trip costs with nothing inside), then
``call``; the driver calls the module once and answers ``called`` with its own figure, and the Java
side sends the next ``call`` at once. The Java side times every round trip itself, and its windows
follow each other without a gap, so a module that rewrites the driver's clocks or events cannot make
its calls look shorter than the time it kept the Java side waiting, nor do its work between them.
"""
import json

from .errors import DriverError

MAX_REQUEST_BYTES = 4096
READY = b'{"event": "ready"}'
PONG = b'{"event": "pong"}'


class Pacer(object):
    def __init__(self, sock):
        self.sock = sock
        self.announced = False

    def await_call(self):
        """Blocks until the Java side asks for the next call, answering pings meanwhile."""
        if not self.announced:
            self._send(READY)
            self.announced = True
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
