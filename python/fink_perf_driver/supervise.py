"""python3 -m fink_perf_driver.supervise [--memory BYTES] -- COMMAND...

The trusted parent of a driver run. It imports no module code; on the control channel
(fink-perf-control/1) it relays the driver's events with the kernel's send-time stamps and reports
what the kernel says about the run: exit code or signal, CPU time and peak RSS from wait4, whether
the memory cgroup's OOM killer fired. As a child subreaper it adopts whatever the module leaves
running and kills it before it reports. Not dumpable: module code (same uid) cannot ptrace it or
open its file descriptors through /proc.
"""
import ctypes
import json
import os
import resource
import select
import signal
import socket
import struct
import subprocess
import sys
import time

from . import control

PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
USAGE = "usage: python3 -m fink_perf_driver.supervise [--memory BYTES] -- COMMAND..."


def _prctl(option, value):
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def oom_kills():
    """The OOM-kill count of this process's memory cgroup (v2 memory.events, v1 memory.oom_control),
    or None when neither is readable."""
    candidates = []
    try:
        with open("/proc/self/cgroup") as f:
            for line in f:
                parts = line.strip().split(":", 2)
                if len(parts) == 3 and parts[1] == "":
                    candidates.append("/sys/fs/cgroup" + parts[2].rstrip("/") + "/memory.events")
                elif len(parts) == 3 and "memory" in parts[1].split(","):
                    candidates.append("/sys/fs/cgroup/memory" + parts[2].rstrip("/") + "/memory.oom_control")
    except OSError:
        pass
    # inside a container the cgroup's own files sit at the root of the mount
    candidates += ["/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"]
    for path in candidates:
        try:
            with open(path) as f:
                for line in f:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except (OSError, ValueError):
            continue
    return None


def children_of(pid):
    kids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                stat = f.read().decode("ascii", "replace")
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[1]) == pid:
                kids.append(int(name))
        except (OSError, ValueError):
            continue
    return kids


def kill_leftovers(max_rounds=200):
    """Kills every process left below this one (orphans are re-parented here) until none is left."""
    killed = set()
    me = os.getpid()
    for _ in range(max_rounds):
        kids = children_of(me)
        if not kids:
            break
        for pid in kids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except OSError:
                pass
        _reap(0.05)
    _reap(0)
    return len(killed)


def _reap(wait_s):
    deadline = time.monotonic() + wait_s
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() >= deadline:
                return
            time.sleep(0.005)


def parse_args(argv):
    memory = None
    if "--" not in argv:
        raise ValueError(USAGE)
    split = argv.index("--")
    opts, command = argv[:split], argv[split + 1:]
    if not command:
        raise ValueError(USAGE)
    i = 0
    while i < len(opts):
        if opts[i] == "--memory" and i + 1 < len(opts):
            memory = int(opts[i + 1])
            i += 2
        else:
            raise ValueError(USAGE)
    return memory, command


SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)  # Linux; Python < 3.13 lacks the name
POLL_S = 0.02
DRAIN_EVERY = 64  # paced answers between two drains: the event socket's buffer holds thousands
DRAIN_AFTER_S = 0.25


class Relay(object):
    """Reads the driver's event datagrams and forwards each to the Java side with the kernel's
    send-time stamp, which neither the driver nor the module can choose."""

    def __init__(self, channel):
        self.channel = channel
        self.mine, self.theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            self.mine.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
            self.stamped = True
        except OSError:
            self.stamped = False
        self.theirs.set_inheritable(True)
        try:
            # room for thousands of events between two polls: the driver's sends never wait
            self.theirs.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
        except OSError:
            pass
        self.mine.setblocking(False)
        self.drained_at = time.monotonic()
        # requests: the Java side's, one per measured module call (Requests), and the driver's answers
        self.requests_mine, self.requests_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.requests_theirs.set_inheritable(True)
        self.requests_mine.setblocking(False)

    def pump(self, period_s, requests=None):
        # Polled, not woken by each datagram: a wake-up per event would let this process preempt the
        # driver right after it sent "start", inside the interval the kernel stamps measure. Only the
        # Java side's requests and the driver's answers to them (between calls) wake it.
        if requests is None:
            time.sleep(period_s)
            self.drain()
        elif (not requests.serve(period_s) or requests.answered >= DRAIN_EVERY
              or time.monotonic() - self.drained_at >= DRAIN_AFTER_S):
            # between paced calls the next request comes first: events wait (stamped when sent) until a
            # pause, 64 answers or a quarter of a second, so that loop progress still shows as it goes
            requests.answered = 0
            self.drain()

    def drain(self):
        self.drained_at = time.monotonic()
        while True:
            try:
                data, ancillary, _flags, _addr = self.mine.recvmsg(control.MAX_EVENT_BYTES, socket.CMSG_SPACE(16))
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            ts_ns = None
            for level, kind, raw in ancillary:
                if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(raw) >= 16:
                    sec, nsec = struct.unpack("qq", raw[:16])
                    ts_ns = sec * 1000000000 + nsec
            self.forward(data, ts_ns if ts_ns is not None else time.time_ns())

    def forward(self, data, ts_ns, via=None):
        try:
            event = json.loads(data.decode("utf-8"))
        except ValueError:
            event = None
        if not isinstance(event, dict):
            event = {"event": "garbage", "bytes": len(data)}
        event["from"] = "driver"
        event["ts_ns"] = ts_ns
        if via is not None:
            event["via"] = via
        if self.channel is not None:
            self.channel.send(**event)


def driver_sched_ns(pid):
    """The driver's main-thread CPU ns from /proc/PID/schedstat, or None when unreadable."""
    try:
        with open("/proc/%d/schedstat" % pid) as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def driver_cpu(pid):
    """(main-thread CPU ns from /proc/PID/schedstat, user ticks, system ticks of the whole process
    from /proc/PID/stat), each None when unreadable: read here, outside the driver's process."""
    sched = driver_sched_ns(pid)
    user = system = None
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            stat = f.read().decode("ascii", "replace")
        fields = stat[stat.rindex(")") + 2:].split()
        user, system = int(fields[11]), int(fields[12])
    except (OSError, ValueError, IndexError):
        pass
    return sched, user, system


def _delta(a, b):
    return None if a is None or b is None else b - a


class Requests(object):
    """The Java side's requests (one per measured module call, fink-perf-control/1): forwarded to the
    driver on their own datagram pair, the driver's answers relayed at once, each ``called`` followed
    by this process's own ``served`` report of the driver's CPU time during the call."""

    OPS = {"ping": b'{"op": "ping"}', "call": b'{"op": "call"}'}

    def __init__(self, channel, relay, child_pid):
        self.channel, self.relay, self.child_pid = channel, relay, child_pid
        self.mine = relay.requests_mine
        self.java_open = True
        self.cpu_before = None
        self.cpu_at_pong = None
        self.answered = 0
        self.hz = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def serve(self, timeout_s):
        """Forwards requests and relays answers; False when nothing came within ``timeout_s``."""
        watched = [self.mine] + ([self.channel.sock] if self.java_open else [])
        try:
            readable, _w, _x = select.select(watched, [], [], timeout_s)
        except (InterruptedError, OSError, ValueError):
            return False
        if self.java_open and self.channel.sock in readable:
            self._forward()
        if self.mine in readable:
            self._answer()
        return bool(readable)

    def _forward(self):
        try:
            lines = self.channel.read_lines()
        except OSError:
            lines = None
        if lines is None:
            self.java_open = False
            return
        for line in lines:
            try:
                op = json.loads(line.decode("utf-8")).get("op")
            except (ValueError, AttributeError):
                op = None
            if op in self.OPS:
                if self.cpu_before is None:
                    # the first request only: later calls start where the previous one's reading ended
                    self.cpu_before = driver_cpu(self.child_pid)
                try:
                    self.mine.send(self.OPS[op])
                except OSError:
                    pass

    def _answer(self):
        while True:
            try:
                data = self.mine.recv(control.MAX_EVENT_BYTES)
            except (BlockingIOError, InterruptedError, OSError):
                return
            if data.startswith(b'{"event": "pong"') and self.cpu_before is not None:
                # every call follows a ping: from here to its answer the driver's CPU is the call's own, without
                # the work it did between calls. Read before the pong is relayed, while the driver waits: the
                # reading then lengthens the ping's round trip, never the call's.
                self.cpu_at_pong = driver_sched_ns(self.child_pid)
            # the answer first: the Java side's next request is then on its way while this reads the CPU
            self.relay.forward(data, time.time_ns(), via="request")
            self.answered += 1
            if data.startswith(b'{"event": "called"') and self.cpu_before is not None:
                # read once per call, after its answer is on its way: the Java side's windows follow each
                # other without a gap, so this reading also starts the next call's
                after = driver_cpu(self.child_pid)
                self.channel.send(event="served", cpu_ns=_delta(self.cpu_before[0], after[0]),
                                  call_cpu_ns=_delta(self.cpu_at_pong, after[0]),
                                  user_ticks=_delta(self.cpu_before[1], after[1]),
                                  sys_ticks=_delta(self.cpu_before[2], after[2]), hz=self.hz)
                self.cpu_before = after
                self.cpu_at_pong = None


def main(argv):
    try:
        memory, command = parse_args(argv)
    except ValueError as e:
        sys.stderr.write("%s\n" % e)
        return 2
    subreaper = _prctl(PR_SET_CHILD_SUBREAPER, 1)
    _prctl(PR_SET_DUMPABLE, 0)  # no ptrace or /proc/<pid>/fd access from the module's side
    path = os.environ.pop(control.CONTROL_ENV, None)
    channel = control.LineChannel(path) if path else None
    if channel is not None:
        channel.send(event="hello", format=control.FORMAT, pid=os.getpid())
    relay = Relay(channel)
    oom_before = oom_kills()
    terminated = []

    def limits():
        os.setsid()
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = dict(os.environ)
    env[control.EVENTS_FD_ENV] = str(relay.theirs.fileno())
    env[control.REQUESTS_FD_ENV] = str(relay.requests_theirs.fileno())
    t0 = time.perf_counter_ns()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, preexec_fn=limits, env=env,
                             pass_fds=(relay.theirs.fileno(), relay.requests_theirs.fileno()))
    relay.theirs.close()
    relay.requests_theirs.close()
    requests = Requests(channel, relay, child.pid) if channel is not None else None

    def on_term(signum, _frame):
        terminated.append(signum)
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except OSError:
            pass
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    while True:
        relay.pump(POLL_S, requests)
        try:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        except InterruptedError:
            continue
        if pid == child.pid:
            break
    wall_ns = time.perf_counter_ns() - t0
    if requests is not None:
        requests.serve(0)
    relay.drain()
    leftovers = kill_leftovers()
    relay.drain()
    oom_after = oom_kills()
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if channel is not None:
        channel.send(event="exit", exit=exit_code, signal=sig, wall_ns=wall_ns,
                     cpu_user_s=usage.ru_utime, cpu_sys_s=usage.ru_stime,
                     max_rss_bytes=usage.ru_maxrss * 1024,
                     oom_kill=None if oom_before is None or oom_after is None else oom_after > oom_before,
                     leftovers_killed=leftovers, subreaper=subreaper, terminated=bool(terminated),
                     kernel_timestamps=relay.stamped)
        channel.close()
    return exit_code if exit_code is not None else 128 + sig


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
