"""Paced calls: the Java side's requests reach the driver through the supervisor, one per call; the
supervisor reports the driver's CPU time per call from /proc, outside the driver's process."""
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

from support import JvmSocket

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)

# a driver-like child: three paced calls of ~30 ms of CPU each, through the real Pacer
PACED_CHILD = """
import os, time
from fink_perf_driver import control
from fink_perf_driver.pacing import Pacer
assert control.REQUESTS_FD_ENV in os.environ
pacer = Pacer(control.driver_requests())
assert control.REQUESTS_FD_ENV not in os.environ, "the module must not find it in its environment"
for _ in range(3):
    pacer.await_call()
    t0 = time.perf_counter_ns()
    end = time.process_time() + 0.03
    while time.process_time() < end:
        pass
    pacer.called(time.perf_counter_ns() - t0)
"""


class PacingJvm(JvmSocket):
    """Plays the Java side: on 'ready' sends a ping, on 'pong' a call, and times each round trip."""

    def __init__(self):
        self.events, self.round_trips = [], []
        JvmSocket.__init__(self)

    def serve(self, conn):
        buf, t0, pings = b"", None, int(os.environ.get("PINGS", "2"))
        while True:
            data = conn.recv(65536)
            if not data:
                break
            buf += data
            *lines, buf = buf.split(b"\n")
            for line in lines:
                now = time.perf_counter_ns()
                e = json.loads(line)
                self.events.append(e)
                name = e.get("event")
                if e.get("from") != "driver" or name not in ("ready", "pong", "called"):
                    continue
                if name == "called":
                    self.round_trips.append((now - t0, e["ns"]))
                ping = name != "called" and pings > 0
                pings -= 1 if ping else 0
                t0 = time.perf_counter_ns()
                conn.sendall(b'{"op": "ping"}\n' if ping else b'{"op": "call"}\n')

    def finish(self):
        self.join(60)
        return self.events


class PacingTest(unittest.TestCase):

    def test_each_call_waits_for_a_request_and_is_reported_with_its_cpu_time(self):
        jvm = PacingJvm()
        env = dict(os.environ, PYTHONPATH=PYTHON_DIR, FINK_PERF_CONTROL=jvm.path)
        proc = subprocess.run([sys.executable, "-m", "fink_perf_driver.supervise", "--", sys.executable, "-c",
                               PACED_CHILD], env=env, capture_output=True, timeout=60)
        events = jvm.finish()
        self.assertEqual(proc.returncode, 0, proc.stderr)
        names = [e["event"] for e in events if e.get("event") in ("ready", "pong", "called", "served")]
        self.assertEqual(names, ["ready", "pong", "pong"] + ["called", "served"] * 3)
        self.assertEqual(len(jvm.round_trips), 3)
        for rtt, ns in jvm.round_trips:
            self.assertGreaterEqual(ns, 29000000)
            self.assertGreaterEqual(rtt, ns, "the round trip holds the call")
        served = [e for e in events if e.get("event") == "served"]
        for s in served:
            self.assertNotIn("from", s, "served is the supervisor's own report")
            self.assertGreaterEqual(s["cpu_ns"], 25000000)
            self.assertLess(s["cpu_ns"], 1000000000)
            self.assertEqual(s["hz"], os.sysconf("SC_CLK_TCK"))
        # the call's own CPU, read from the pong just before it (this fake JVM pings before the first call
        # only): within the whole reading and holding the call; none for a call that no ping preceded
        self.assertGreaterEqual(served[0]["call_cpu_ns"], 25000000)
        self.assertLessEqual(served[0]["call_cpu_ns"], served[0]["cpu_ns"])
        self.assertEqual([s["call_cpu_ns"] for s in served[1:]], [None, None])
        self.assertEqual(events[-1]["event"], "exit")


class RecordingPacer(object):
    """Stands for the Java side's requests: counts the calls it let through."""

    def __init__(self):
        self.events = []

    def await_call(self):
        self.events.append("request")

    def called(self, ns):
        self.events.append("called")


class PacedRunTest(unittest.TestCase):

    def test_each_measured_call_is_requested_and_the_output_comes_from_a_pass_of_its_own(self):
        sys.path.insert(0, HERE)
        from support import EXAMPLES_SCIENCE, light_curves, write_batch
        from fink_perf_driver.runner import new_result, run
        from fink_perf_driver.spec import RunSpec
        tmp = tempfile.mkdtemp(prefix="paced-run-")
        write_batch(os.path.join(tmp, "batch"), light_curves(25, seed=3), chunk_rows=10)
        raw = {"module": "m", "entry": "fink_science.ztf.lc_features.processor:lc_rate", "call": "pandas_udf",
               "science_dir": EXAMPLES_SCIENCE, "batch": os.path.join(tmp, "batch"),
               "args": [{"column": c} for c in ("cjd", "cfid", "cmagpsf", "csigmapsf")],
               "warmup": 1, "loops": 2, "line_profile": False, "output": os.path.join(tmp, "r.json"),
               "save_output": {"dir": os.path.join(tmp, "out"), "column": "lc_rate"}}
        paced, unpaced = RecordingPacer(), new_result(raw)
        run(RunSpec(raw), unpaced)
        result = run(RunSpec(raw), new_result(raw), pacer=paced)

        self.assertEqual(["request", "called"] * 3 * 2, paced.events, "3 chunks × 2 loops, nothing more")
        self.assertEqual(2, len(result["samples_ns"]))
        self.assertEqual(unpaced["output_hash"], result["output_hash"], "the output pass hashes the same output")
        self.assertEqual(25, result["output"] and json.load(open(os.path.join(tmp, "out", "manifest.json")))["n_rows"])


if __name__ == "__main__":
    unittest.main()
