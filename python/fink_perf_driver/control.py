"""fink-perf-control/1: how driver events reach the Java side without passing the module's output.

The supervisor (``supervise.py``) connects to the Java side's Unix socket (``FINK_PERF_CONTROL``)
and hands the driver one end of a datagram socket pair (``FINK_PERF_EVENTS_FD``). The driver sends
each event as one datagram; the kernel stamps it when sent (SO_TIMESTAMPNS), the supervisor relays
it with that stamp, so the Java side times the module calls from outside. Nothing the module prints
is ever parsed as an event.
"""
import json
import os
import socket

CONTROL_ENV = "FINK_PERF_CONTROL"
EVENTS_FD_ENV = "FINK_PERF_EVENTS_FD"
REQUESTS_FD_ENV = "FINK_PERF_REQUESTS_FD"
FORMAT = "fink-perf-control/1"
MAX_EVENT_BYTES = 65536


class LineChannel(object):
    """The supervisor's stream connection to the Java side: one JSON object per line."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)

    def send(self, **event):
        try:
            self.sock.sendall((json.dumps(event) + "\n").encode("utf-8"))
        except OSError:
            pass  # the Java side went away: the run is being torn down

    def fileno(self):
        return self.sock.fileno()

    def read_lines(self):
        """The complete lines the Java side sent since the last call (waits for at least some bytes);
        None once it has closed its end."""
        data = self.sock.recv(65536)
        if not data:
            return None
        self._pending = getattr(self, "_pending", b"") + data
        if len(self._pending) > MAX_EVENT_BYTES:
            self._pending = b""  # not a request of ours: dropped, the Java side never sends such
            return []
        *lines, self._pending = self._pending.split(b"\n")
        return lines

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class EventSocket(object):
    """The driver's end of the datagram pair: one event per datagram."""

    def __init__(self, fd):
        self.sock = socket.socket(fileno=fd)

    def send(self, **event):
        self.send_raw(json.dumps(event).encode("utf-8")[:MAX_EVENT_BYTES])

    def send_raw(self, data):
        try:
            self.sock.send(data)
        except OSError:
            pass  # the supervisor went away: its report says why

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def driver_requests(environ=None):
    """The driver's end of the request pair (one request per measured module call), or None without a
    supervisor. Removed from the environment like the event socket."""
    environ = os.environ if environ is None else environ
    fd = environ.pop(REQUESTS_FD_ENV, None)
    if not fd:
        return None
    try:
        return socket.socket(fileno=int(fd))
    except (ValueError, OSError):
        return None


def driver_events(environ=None):
    """The driver's event socket, or None when run without a supervisor (tests, by hand). The
    variable is removed, so the module imported later does not find it in its environment."""
    environ = os.environ if environ is None else environ
    fd = environ.pop(EVENTS_FD_ENV, None)
    if not fd:
        return None
    try:
        return EventSocket(int(fd))
    except (ValueError, OSError):
        return None
