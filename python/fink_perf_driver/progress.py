"""Progress events: on the control channel when there is one, else on stderr after a marker."""
import json
import sys
import time

MARKER = "@@fink-perf "
PINGS = 5


class Progress(object):
    def __init__(self, stream=None, channel=None):
        # the stream of process start: a module replacing sys.stderr must not swallow events
        self.stream = stream or sys.__stderr__ or sys.stderr
        self.channel = channel

    def emit(self, **event):
        if self.channel is not None:
            self.channel.send(**event)
            return
        try:
            self.stream.write(MARKER + json.dumps(event) + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed stderr must not fail the run

    def phase(self, name):
        self.emit(event="phase", phase=name)

    def loop(self, kind, i, n, ns):
        self.emit(event="loop", kind=kind, i=i, n=n, ns=int(ns))

    def pings(self):
        """Empty call pairs: the receiver measures what a call event pair costs with nothing between."""
        for _ in range(PINGS):
            self.channel.send_raw(b'{"event": "call", "edge": "start", "ping": true}')
            self.channel.send_raw(b'{"event": "call", "edge": "end", "ping": true, "ns": 0}')

    def call_timer(self):
        return CallEvents(self) if self.channel is not None else None


class CallEvents(object):
    """Marks each timed module call on the channel: the receiver times it from outside. The bytes are
    made with as little work as possible, right next to the clock reads (no json, few allocations)."""

    START = b'{"event": "call", "edge": "start"}'

    def __init__(self, progress):
        self.channel = progress.channel

    def start(self):
        self.channel.send_raw(self.START)

    def end(self, ns):
        self.channel.send_raw(b'{"event": "call", "edge": "end", "ns": %d}' % ns)


def monotonic_ns():
    return time.perf_counter_ns()
