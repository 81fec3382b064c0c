"""fink-perf-control/1: events on a private Unix socket that the Java side listens on.

The module's stdout and stderr are never parsed: a line it prints cannot pass for an event.
The Java side timestamps every event on arrival, so it times the run itself (ARCHITECTURE.md).
"""
import json
import os
import socket

ENV = "FINK_PERF_CONTROL"
FORMAT = "fink-perf-control/1"


class ControlChannel(object):
    """One connection to the control socket; every event is one JSON line."""

    def __init__(self, path, role):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.send(event="hello", role=role, format=FORMAT, pid=os.getpid())

    def send(self, **event):
        try:
            self.sock.sendall((json.dumps(event) + "\n").encode("utf-8"))
        except OSError:
            pass  # the Java side went away: the run is being torn down

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def connect(role, environ=None):
    """The channel named by FINK_PERF_CONTROL, or None when run without one (tests, by hand).
    The variable is removed, so the module imported later does not find it in its environment."""
    environ = os.environ if environ is None else environ
    path = environ.pop(ENV, None)
    if not path:
        return None
    return ControlChannel(path, role)
