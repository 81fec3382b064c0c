"""fink-perf scale, driver side: deterministic row choice, light-curve resizing, and the raw
measurements of modules with a known cost shape (src/test/resources/scale)."""
import io
import os
import sys
import unittest

import numpy as np

from support import REPO_DIR, TempDirMixin, light_curves, run_driver, write_batch
from fink_perf_driver.errors import DriverError
from fink_perf_driver.progress import Progress
from fink_perf_driver.runner import new_result
from fink_perf_driver.scale import resize_history, run_scale, scale_config, select_rows, walk
from fink_perf_driver.spec import RunSpec

FIXTURES = os.path.join(REPO_DIR, "src", "test", "resources", "scale", "science")


class RowChoiceTest(unittest.TestCase):
    def test_sampling_is_even_and_replication_keeps_order(self):
        self.assertEqual(select_rows(10, 5).tolist(), [0, 2, 4, 6, 8])
        self.assertEqual(select_rows(3, 7).tolist(), [0, 1, 2, 0, 1, 2, 0])

    def test_successive_calls_walk_through_every_row(self):
        rows = np.arange(10) * 3
        seen = np.concatenate([walk(rows, 4, r) for r in range(3)])
        self.assertEqual(sorted(set(seen.tolist())), rows.tolist())
        self.assertEqual(walk(rows, 4, 1).tolist(), [12, 15, 18, 21])


class ResizeTest(unittest.TestCase):
    def test_cut_keeps_the_last_points(self):
        self.assertEqual(resize_history(np.arange(10.0), 3, False).tolist(), [7.0, 8.0, 9.0])

    def test_extension_repeats_earlier_in_time_and_keeps_the_current_point_last(self):
        jd = np.array([100.0, 101.0, 103.0])
        out = resize_history(jd, 8, True)
        self.assertEqual(len(out), 8)
        self.assertEqual(out[-3:].tolist(), jd.tolist())
        self.assertTrue(np.all(np.diff(out) > 0), out)
        # period = span 3 + median cadence 1.5
        self.assertEqual(out[-4], 103.0 - 4.5)
        mags = np.array([19.0, np.nan, 18.0], dtype=np.float32)
        ext = resize_history(mags, 7, False)
        self.assertEqual(ext.dtype, np.float32)
        self.assertEqual(int(np.isnan(ext).sum()), 2)
        self.assertIsNone(resize_history(None, 5, True))

    def test_bad_settings_are_bad_spec(self):
        for bad in ({"batch_sizes": []}, {"lengths": [0, 5]}, {"min_repeats": 0}, "x"):
            with self.assertRaises(DriverError) as e:
                scale_config(bad)
            self.assertEqual(e.exception.kind, "bad_spec")


class ScaleRunTest(TempDirMixin, unittest.TestCase):
    def run_scale(self, module, entry, scale, n_alerts=40):
        batch = os.path.join(self.tmp, "batch")
        if not os.path.exists(batch):
            write_batch(batch, light_curves(n_alerts, min_len=3, max_len=30))
        spec = {"module": module, "entry": entry, "science_dir": FIXTURES, "batch": batch,
                "args": [{"column": "cjd"}], "output": os.path.join(self.tmp, module + ".json"), "scale": scale}
        code, result, err = run_driver(spec, self.tmp)
        self.assertEqual(code, 0, err)
        return result["scale"]

    def test_import_time_is_apart_from_warm_calls(self):
        s = self.run_scale("import_sleep", "fink_science.ztf.import_sleep.processor:history_size",
                           {"batch_sizes": [1, 10], "lengths": [5], "budget_s": 0.01})
        self.assertGreaterEqual(s["import_ns"], 0.2e9)
        self.assertLess(s["import_ns"], 0.3e9)
        self.assertLess(np.median(s["warm"]["wall_ns"]), 0.01e9)

    def test_fixed_cost_per_call_and_every_measurement_recorded(self):
        s = self.run_scale("fixed_cost", "fink_science.ztf.fixed_cost.processor:fixed_cost",
                           {"batch_sizes": [1, 100], "lengths": [5, 50], "budget_s": 0.05})
        self.assertEqual([b["n"] for b in s["batch_sizes"]], [1, 100])
        ones = s["batch_sizes"][0]
        self.assertEqual(len(ones["cpu_ns"]), 40)  # one call per alert: every alert seen once
        self.assertAlmostEqual(np.mean(ones["cpu_ns"]) / 1e6, 5.0, delta=1.0)
        self.assertEqual(s["history_column"], "cjd")
        self.assertEqual(sum(b["data_alerts"] for b in s["real_bins"]), 40)
        self.assertEqual([r["length"] for r in s["lengths"]], [5, 50])
        for r in s["lengths"]:
            self.assertGreaterEqual(len(r["cpu_ns"]), 3)

    def test_memory_held_per_alert_shows_as_a_slope(self):
        if not os.path.exists("/proc/self/clear_refs"):
            self.skipTest("needs Linux's clear_refs")
        s = self.run_scale("copy_per_alert", "fink_science.ztf.copy_per_alert.processor:copy_per_alert",
                           {"batch_sizes": [10, 1000], "lengths": [5], "budget_s": 0.01})
        peak = [b["memory"]["peak_rss_bytes"] - b["memory"]["rss_before_bytes"] for b in s["batch_sizes"]]
        per_alert = (peak[1] - peak[0]) / 990.0
        self.assertAlmostEqual(per_alert / (20 * 1024), 1.0, delta=0.3)


class CountingPacer(object):
    """Stands for the Java side's requests: one per module call, each answered with the driver's figure."""

    def __init__(self):
        self.requests, self.answers, self.in_order = 0, [], True

    def await_call(self):
        self.requests += 1

    def called(self, ns):
        self.in_order = self.in_order and len(self.answers) == self.requests - 1
        self.answers.append(ns)


def recorded_calls(s):
    """Every module call's wall figure in the result, in call order (ARCHITECTURE.md: fink-perf-scale/1)."""
    walls = [s["cold_call_ns"]] + s["warm"]["wall_ns"]
    for b in s["batch_sizes"]:
        walls += b["wall_ns"]
    for r in s["real_bins"] + s["lengths"]:
        walls += r["probes"]["wall_ns"] + r["wall_ns"]
    return walls


def forget_fink_science():
    """Drops every imported ``fink_science`` module: another in-process test may have imported the package
    from another science folder, and the driver (a fresh process in real runs) would find that one."""
    for name in [m for m in sys.modules if m == "fink_science" or m.startswith("fink_science.")]:
        del sys.modules[name]


class PacedScaleTest(TempDirMixin, unittest.TestCase):
    def test_every_module_call_is_requested_and_listed_in_call_order(self):
        forget_fink_science()
        self.addCleanup(forget_fink_science)
        batch = os.path.join(self.tmp, "batch")
        write_batch(batch, light_curves(12, min_len=3, max_len=30))
        raw = {"module": "fixed_cost", "entry": "fink_science.ztf.fixed_cost.processor:fixed_cost",
               "science_dir": FIXTURES, "batch": batch, "args": [{"column": "cjd"}],
               "output": os.path.join(self.tmp, "r.json"),
               "scale": {"batch_sizes": [1, 20], "lengths": [5, 40], "budget_s": 0.02}}
        pacer = CountingPacer()
        result = run_scale(RunSpec(raw), new_result(raw), Progress(stream=io.StringIO()), pacer=pacer)
        s = result["scale"]
        self.assertTrue(pacer.in_order, "each call answered before the next request")
        self.assertEqual(recorded_calls(s), pacer.answers)
        self.assertEqual(pacer.requests, len(pacer.answers))
        self.assertEqual(len(s["batch_sizes"][0]["wall_ns"]), 12)  # one call per alert: 12 alerts
        for r in s["real_bins"] + s["lengths"]:
            self.assertGreaterEqual(len(r["probes"]["wall_ns"]), 1)
            self.assertEqual(len(r["probes"]["wall_ns"]), len(r["probes"]["cpu_ns"]))
        self.assertGreaterEqual(s["cold_cpu_ns"], 4000000)  # fixed_cost: 5 ms of CPU per call


if __name__ == "__main__":
    unittest.main()
