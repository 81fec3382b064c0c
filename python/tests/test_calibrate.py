import json
import math
import os
import subprocess
import sys
import unittest

import numpy as np

from support import PYTHON_DIR
from fink_perf_driver import calibrate as cal


def run_calibrate(*args):
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    return subprocess.run([sys.executable, "-m", "fink_perf_driver", "calibrate"] + list(args),
                          env=env, capture_output=True, text=True, timeout=120)


class WorkloadTest(unittest.TestCase):
    """The workload must never change, or calibrations of old runs stop being comparable:
    these values pin it (computed once; identical on numpy 1.24 and 2.x)."""

    def test_python_part_is_the_fixed_workload(self):
        self.assertEqual(1540.2928740511172, cal.python_part())

    def test_numpy_part_is_the_fixed_workload(self):
        self.assertAlmostEqual(39.53524195760121, cal.numpy_part(np), places=9)


class CalibrateTest(unittest.TestCase):

    def test_record_is_the_geometric_mean_of_the_fastest_repeats(self):
        r = cal.calibrate(2)
        self.assertEqual("fink-perf-calibration/1", r["format"])
        self.assertEqual(2, r["repeats"])
        self.assertGreater(r["python_s"], 0)
        self.assertGreater(r["numpy_s"], 0)
        self.assertAlmostEqual(math.sqrt(r["python_s"] * r["numpy_s"]), r["seconds"], places=12)
        self.assertEqual(np.__version__, r["numpy"])

    def test_best_of_keeps_the_minimum(self):
        durations = iter([5, 3, 9])
        calls = []
        real = cal.time.thread_time_ns
        clock = [0]

        def fake_clock():
            return clock[0]

        def work():
            calls.append(1)
            clock[0] += next(durations)

        cal.time.thread_time_ns = fake_clock
        try:
            self.assertEqual(3, cal.best_of(work, 3))
        finally:
            cal.time.thread_time_ns = real
        self.assertEqual(3, len(calls))

    def test_zero_repeats_is_refused(self):
        with self.assertRaises(ValueError):
            cal.calibrate(0)


class CalibrateCommandTest(unittest.TestCase):

    def test_prints_one_json_record(self):
        p = run_calibrate("2")
        self.assertEqual(0, p.returncode, p.stderr)
        r = json.loads(p.stdout)
        self.assertEqual("fink-perf-calibration/1", r["format"])
        self.assertEqual(2, r["repeats"])
        self.assertEqual(sys.executable, r["executable"])

    def test_bad_repeats_is_a_usage_error(self):
        p = run_calibrate("zero")
        self.assertEqual(2, p.returncode)
        self.assertIn("REPEATS must be a positive integer", p.stderr)


if __name__ == "__main__":
    unittest.main()
