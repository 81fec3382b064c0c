"""The supervisor: relays driver events with kernel stamps, reports exit/signal, kills leftovers."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from support import JvmSocket

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)


class FakeJvm(JvmSocket):
    """Keeps every line the supervisor sends."""

    lines = []

    def serve(self, conn):
        buf = b""
        while True:
            data = conn.recv(65536)
            if not data:
                break
            buf += data
        self.lines = [json.loads(l) for l in buf.decode().splitlines() if l]

    def events(self):
        self.join(30)
        return self.lines


def supervise(child_code, extra=()):
    jvm = FakeJvm()
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR, FINK_PERF_CONTROL=jvm.path)
    cmd = [sys.executable, "-m", "fink_perf_driver.supervise"] + list(extra) + ["--", sys.executable, "-c", child_code]
    proc = subprocess.run(cmd, env=env, capture_output=True, timeout=60)
    return proc, jvm.events()


DRIVER_LIKE = """
import os, socket, json, time, sys
assert "FINK_PERF_CONTROL" not in os.environ, "the JVM socket path leaked to the driver"
s = socket.socket(fileno=int(os.environ["FINK_PERF_EVENTS_FD"]))
s.send(json.dumps({"event": "call", "edge": "start"}).encode())
time.sleep(0.05)
s.send(json.dumps({"event": "call", "edge": "end", "ns": 50000000, "ts_ns": 1}).encode())
s.send(b"not json")
sys.exit(3)
"""


class SupervisorTest(unittest.TestCase):

    def test_relays_events_with_kernel_stamps_and_reports_the_exit(self):
        proc, events = supervise(DRIVER_LIKE)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        relayed = [e for e in events if e.get("from") == "driver"]
        self.assertEqual([e["event"] for e in relayed], ["call", "call", "garbage"])
        gap_ms = (relayed[1]["ts_ns"] - relayed[0]["ts_ns"]) / 1e6
        self.assertGreaterEqual(gap_ms, 49)
        self.assertLess(gap_ms, 2000)
        self.assertNotEqual(relayed[1]["ts_ns"], 1, "the driver cannot choose the stamp")
        exit_event = events[-1]
        self.assertEqual(exit_event["event"], "exit")
        self.assertEqual(exit_event["exit"], 3)
        self.assertIsNone(exit_event["signal"])
        self.assertTrue(exit_event["kernel_timestamps"])

    def test_a_signal_is_reported_as_such(self):
        proc, events = supervise("import os, signal; os.kill(os.getpid(), signal.SIGKILL)")
        self.assertEqual(proc.returncode, 128 + 9)
        self.assertEqual(events[-1]["signal"], 9)
        self.assertIsNone(events[-1]["exit"])
        self.assertNotEqual(events[-1]["oom_kill"], True)

    def test_leftover_processes_are_killed(self):
        pidfile = tempfile.mktemp(prefix="fp-daemon-")
        code = ("import os, time\n"
                "if os.fork() == 0:\n"
                "    os.setsid()\n"
                "    if os.fork() == 0:\n"
                "        open(%r, 'w').write(str(os.getpid())); time.sleep(60)\n"
                "    os._exit(0)\n"
                "time.sleep(0.3)\n") % pidfile
        proc, events = supervise(code)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertGreaterEqual(events[-1]["leftovers_killed"], 1)
        with open(pidfile) as f:
            pid = int(f.read())
        time.sleep(0.2)
        self.assertFalse(os.path.exists("/proc/%d" % pid) and "Z" not in open("/proc/%d/stat" % pid).read().split()[2],
                         "the daemon outlived the run")

    def test_memory_cap_limits_the_address_space(self):
        proc, events = supervise("bytearray(512 * 1024 * 1024)", extra=["--memory", str(256 * 1024 * 1024)])
        self.assertEqual(events[-1]["exit"], 1)
        self.assertIn(b"MemoryError", proc.stderr)


if __name__ == "__main__":
    unittest.main()
