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

    def pump(self, period_s):
        # Polled, not woken by each datagram: a wake-up per event would let this process preempt the
        # driver right after it sent "start", inside the interval the kernel stamps measure.
        time.sleep(period_s)
        self.drain()

    def drain(self):
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
            if ts_ns is None:
                ts_ns = time.time_ns()
            try:
                event = json.loads(data.decode("utf-8"))
            except ValueError:
                event = None
            if not isinstance(event, dict):
                event = {"event": "garbage", "bytes": len(data)}
            event["from"] = "driver"
            event["ts_ns"] = ts_ns
            if self.channel is not None:
                self.channel.send(**event)


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
    t0 = time.perf_counter_ns()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, preexec_fn=limits, env=env,
                             pass_fds=(relay.theirs.fileno(),))
    relay.theirs.close()

    def on_term(signum, _frame):
        terminated.append(signum)
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except OSError:
            pass
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    while True:
        relay.pump(POLL_S)
        try:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        except InterruptedError:
            continue
        if pid == child.pid:
            break
    wall_ns = time.perf_counter_ns() - t0
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
