"""Progress events on stderr, one JSON object per line after a fixed marker."""
import json
import sys

MARKER = "@@fink-perf "


class Progress(object):
    def __init__(self, stream=None):
        # the stream of process start: a module replacing sys.stderr must not swallow events
        self.stream = stream or sys.__stderr__ or sys.stderr

    def emit(self, **event):
        try:
            self.stream.write(MARKER + json.dumps(event) + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed stderr must not fail the run

    def phase(self, name):
        self.emit(event="phase", phase=name)

    def loop(self, kind, i, n, ns):
        self.emit(event="loop", kind=kind, i=i, n=n, ns=int(ns))
