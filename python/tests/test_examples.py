"""The bundled example modules (examples/science), called unwrapped on hand-built Series."""
import os
import sys
import math
import unittest

import numpy as np
import pandas as pd

from support import EXAMPLES_SCIENCE, TempDirMixin, light_curves, run_driver, write_batch
from fink_perf_driver import shims
from fink_perf_driver.entry import unwrap

shims.install_all()
if EXAMPLES_SCIENCE not in sys.path:
    sys.path.insert(0, EXAMPLES_SCIENCE)

from fink_science.ztf.lc_features import processor as lc_features  # noqa: E402
from fink_science.ztf.slow_lc import processor as slow_lc  # noqa: E402
from fink_science.ztf.xmatch_local import processor as xmatch_local  # noqa: E402
from fink_science.ztf.early_classifier import processor as early  # noqa: E402
from fink_science.rubin.lc_features import processor as rubin_lc  # noqa: E402


def cells(*arrays):
    return pd.Series([None if a is None else np.asarray(a) for a in arrays], dtype=object)


class LcRateTest(unittest.TestCase):
    def setUp(self):
        self.fn = unwrap(lc_features.lc_rate)

    def test_perfect_line_in_current_band(self):
        jd = cells([0.0, 1.0, 2.0, 3.0, 4.0])
        fid = cells(np.array([1, 2, 1, 2, 2], dtype=np.int32))
        # band 2 (current): 18.0, 18.6, 18.9 at t = 1, 3, 4 → slope 0.3; band 1 is ignored
        mag = cells(np.array([15.0, 18.0, 25.0, 18.6, 18.9], dtype=np.float32))
        err = cells(np.array([0.1, 0.1, 0.1, 0.2, 0.05], dtype=np.float32))
        self.assertAlmostEqual(self.fn(jd, fid, mag, err)[0], 0.3, places=5)

    def test_weighting(self):
        # three points, weights 1, 1, 4 (sigma 1, 1, 0.5): hand-computed slope
        t, y, w = np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 1.0]), np.array([1.0, 1.0, 4.0])
        tm, ym = np.sum(w * t) / 6, np.sum(w * y) / 6
        expected = np.sum(w * (t - tm) * (y - ym)) / np.sum(w * (t - tm) ** 2)
        got = self.fn(cells(t), cells([1, 1, 1]), cells(y), cells([1.0, 1.0, 0.5]))[0]
        self.assertAlmostEqual(got, expected)
        self.assertAlmostEqual(got, 3.0 / 7.0)  # tm = 1.5, ym = 5/6: 1.5 / 3.5

    def test_upper_limits_and_empty(self):
        jd = cells([0.0, 1.0, 2.0], [0.0, 1.0], [], None)
        fid = cells([1, 1, 1], [1, 1], [], None)
        mag = cells([np.nan, 19.0, 18.0], [np.nan, 19.0], [], None)
        err = cells([np.nan, 0.1, 0.1], [np.nan, 0.1], [], None)
        out = self.fn(jd, fid, mag, err)
        self.assertAlmostEqual(out[0], -1.0)
        self.assertTrue(np.isnan(out[1]) and np.isnan(out[2]) and np.isnan(out[3]))
        self.assertEqual(out.dtype, np.float64)


class FluxRateTest(unittest.TestCase):
    def test_slope_in_current_band(self):
        fn = unwrap(rubin_lc.flux_rate)
        mjd = cells([60000.0, 60001.0, 60002.0, 60003.0])
        band = cells(np.array(["g", "r", "r", "r"], dtype=object))
        flux = cells([999.0, 100.0, 110.0, np.nan])
        err = cells([1.0, 2.0, 2.0, 2.0])
        out = fn(mjd, band, flux, err)
        self.assertAlmostEqual(out[0], 10.0)
        out = fn(cells([60000.0]), cells(np.array(["g"], dtype=object)), cells([1.0]), cells([1.0]))
        self.assertTrue(np.isnan(out[0]))


class SlowLcTest(unittest.TestCase):
    def test_value(self):
        fn = unwrap(slow_lc.slow_lc_score)
        out = fn(cells([0.0, 1.0, np.nan]), cells([18.0, 20.0, np.nan]))
        # pairs (0,1) and (1,0): d2 = 4, dt = 1, each summed over the lag scales tau as
        # 4 / (1 + 1/tau); the total over n*n*len(LAG_SCALES) = 4*64 terms, square-rooted.
        taus = slow_lc.LAG_SCALES
        self.assertEqual(64, len(taus))
        expected = math.sqrt(2 * sum(4.0 / (1.0 + 1.0 / tau) for tau in taus) / (4 * 64))
        self.assertAlmostEqual(out[0], expected)
        # the pair sum lies between the tau -> 0 limit (0) and the no-damping limit (sqrt(2 * 4 / 4))
        self.assertTrue(0.0 < out[0] < math.sqrt(2.0))
        out = fn(cells([0.0], [], None), cells([18.0], [], None))
        self.assertTrue(out.isna().all())

    def test_inner_loop_hits_grow_quadratically(self):
        from line_profiler import LineProfiler
        func = slow_lc.structure_function
        with open(func.__code__.co_filename) as f:
            inner = [i for i, l in enumerate(f.read().splitlines(), 1) if "total +=" in l][0]
        hits = []
        for n in (10, 20):
            lp = LineProfiler(func)
            lp.runcall(func, list(np.arange(n, dtype=float)), list(np.ones(n)))
            timings = list(lp.get_stats().timings.values())[0]
            hits.append(dict((ln, h) for ln, h, _ in timings)[inner])
        self.assertEqual(hits, [100 * 64, 400 * 64])


class CrossmatchTest(unittest.TestCase):
    def setUp(self):
        self.fn = unwrap(xmatch_local.crossmatch_local)
        cat = pd.read_csv(xmatch_local.CATALOG)
        self.src = cat[cat["name"].str.startswith("LS-A-")].iloc[0]

    def test_finds_catalogue_source(self):
        ra, dec = self.src["ra"], self.src["dec"]
        off = 0.5 / 3600  # 0.5 arcsec north: still matches within 1.5"
        out = self.fn(pd.Series([1, 2, 3]), pd.Series([ra, ra, np.nan]), pd.Series([dec + off, dec + 0.01, 0.0]),
                      pd.Series([1.5, 1.5, 1.5]))
        self.assertEqual(list(out), [self.src["type"], "Unknown", "Unknown"])

    def test_empty_chunk(self):
        out = self.fn(pd.Series([], dtype=np.int64), pd.Series([], dtype=float), pd.Series([], dtype=float),
                      pd.Series([], dtype=float))
        self.assertEqual(len(out), 0)


class EarlyClassifierTest(unittest.TestCase):
    def setUp(self):
        self.fn = unwrap(early.early_sn_score)
        jd = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
        self.rising = ([jd, [1, 2, 1, 2, 1, 2], [20.5, 20.2, 19.9, 19.7, 19.4, 19.2], [0.1] * 6])
        self.flat = ([jd, [1, 2, 1, 2, 1, 2], [18.5, 17.8, 18.4, 17.9, 18.5, 17.8], [0.05] * 6])

    def score(self, lcs, xm, ndethist):
        cols = [cells(*[lc[k] for lc in lcs]) for k in range(4)]
        return self.fn(*cols, pd.Series(xm, dtype=object), pd.Series(ndethist, dtype=float))

    def test_rising_beats_flat_and_is_deterministic(self):
        out = self.score([self.rising, self.flat], ["Unknown", "Unknown"], [6, 6])
        self.assertGreater(out[0], 0.5)
        self.assertLess(out[1], 0.5)
        early._cache.clear()  # retrain from scratch: same model, same scores
        again = self.score([self.rising, self.flat], ["Unknown", "Unknown"], [6, 6])
        np.testing.assert_array_equal(out.values, again.values)

    def test_gates(self):
        short = [[0.0, 1.0], [1, 1], [20.0, 19.0], [0.1, 0.1]]
        empty = [[], [], [], []]
        out = self.score([self.rising, self.rising, self.rising, short, empty],
                         ["RRLyr", "Unknown", None, "Unknown", "QSO"], [5, 25, np.nan, 2, 1])
        self.assertEqual(out[0], 0.0)      # stellar match
        self.assertEqual(out[1], 0.0)      # ndethist > 20
        self.assertGreater(out[2], 0.5)    # no crossmatch value: not gated
        self.assertEqual(out[3], 0.0)      # too few detections
        self.assertEqual(out[4], 0.0)      # empty history


class ExamplesThroughDriverTest(TempDirMixin, unittest.TestCase):
    """Each ZTF example runs through the driver on a synthetic batch, as the harness runs it."""

    def test_lc_rate_and_slow_lc(self):
        batch = os.path.join(self.tmp, "batch")
        write_batch(batch, light_curves(20, max_len=15), chunk_rows=7)
        for name, entry, args in [
                ("lc_features", "fink_science.ztf.lc_features.processor:lc_rate",
                 ["cjd", "cfid", "cmagpsf", "csigmapsf"]),
                ("slow_lc", "fink_science.ztf.slow_lc.processor:slow_lc_score", ["cjd", "cmagpsf"])]:
            spec = {"module": name, "entry": entry, "science_dir": EXAMPLES_SCIENCE, "batch": batch,
                    "args": [{"column": a} for a in args], "warmup": 0, "loops": 2, "line_profile": True,
                    "output": os.path.join(self.tmp, name + ".json")}
            code, result, stderr = run_driver(spec, self.tmp)
            self.assertEqual(code, 0, stderr)
            names = [f["name"] for f in result["line_profile"]["functions"]]
            self.assertIn(entry.split(":")[1], names)
            self.assertGreater(len(names), 1, "the @profile helper is profiled too")


if __name__ == "__main__":
    unittest.main()
