"""Energy measurements of the driver: RAPL reading and wrap-around, the idle baseline, codecarbon."""
import os
import types
import unittest

import pandas as pd

from support import TempDirMixin, write_module
from fink_perf_driver import energy
from fink_perf_driver.energy import Codecarbon, EnergyProbe, Rapl, counter_delta, measure_callable, net_cpu_seconds
from fink_perf_driver.entry import import_entry

BUSY = """
    import pandas as pd

    def score(x):
        s = 0
        for i in range(1_500_000):
            s += i * i % 7
        return pd.Series([float(s)] * len(x))
"""

SLEEPY = """
    import time
    import pandas as pd

    def score(x):
        time.sleep(0.25)
        return pd.Series([0.0] * len(x))
"""


def write_zone(root, zone, name, uj, max_uj):
    d = os.path.join(root, zone)
    os.makedirs(d)
    for f, v in (("name", name), ("energy_uj", uj), ("max_energy_range_uj", max_uj)):
        with open(os.path.join(d, f), "w") as out:
            out.write("%s\n" % v)
    return d


def set_uj(zone_dir, uj):
    with open(os.path.join(zone_dir, "energy_uj"), "w") as out:
        out.write("%d\n" % uj)


class CounterDeltaTest(unittest.TestCase):
    def test_no_wrap(self):
        self.assertEqual(counter_delta(100, 350, 1000), 250)

    def test_wrap(self):
        # 900 → wraps at 1000 → 50: (1000 - 900) + 50 = 150 µJ
        self.assertEqual(counter_delta(900, 50, 1000), 150)

    def test_wrap_without_range_is_unknown(self):
        self.assertIsNone(counter_delta(900, 50, None))


class RaplTest(TempDirMixin, unittest.TestCase):
    def test_packages_and_dram_read_and_wrap(self):
        pkg = write_zone(self.tmp, "intel-rapl:0", "package-0", 262143000000, 262143328850)
        write_zone(self.tmp, "intel-rapl:0:0", "core", 5, 262143328850)
        dram = write_zone(self.tmp, "intel-rapl:0:1", "dram", 1000, 65712999613)
        r = Rapl(self.tmp)
        self.assertTrue(r.readable, r.reason)
        self.assertEqual([z["name"] for z in r.zones], ["package-0", "dram"])  # core is inside package
        before = r.read()
        set_uj(pkg, 171150)            # wrapped: (262143328850 - 262143000000) + 171150 = 500000
        set_uj(dram, 1000 + 20000)
        d = r.deltas(before, r.read())
        self.assertEqual([(x["name"], x["uj"]) for x in d], [("package-0", 500000), ("dram", 20000)])

    def test_missing_powercap(self):
        r = Rapl(os.path.join(self.tmp, "nothing-here"))
        self.assertFalse(r.readable)
        self.assertIn("no RAPL zones", r.reason)
        self.assertIsNone(r.read())

    def test_unreadable_counter(self):
        # root reads any mode bits, so make the counter a folder: the read fails for everyone
        d = os.path.join(self.tmp, "intel-rapl:0")
        os.makedirs(os.path.join(d, "energy_uj"))
        with open(os.path.join(d, "name"), "w") as f:
            f.write("package-0\n")
        r = Rapl(self.tmp)
        self.assertFalse(r.readable)
        self.assertIn("not readable", r.reason)

    def test_this_machine_says_why_when_unreadable(self):
        r = Rapl()
        if not r.readable:
            self.assertTrue(r.reason)


class FakeTracker(object):
    def __init__(self, **kwargs):
        self.kwargs = kwargs
        self._hardware = [types.SimpleNamespace(_mode="constant")]
        self.final_emissions_data = None

    def start(self):
        pass

    def stop(self):
        self.final_emissions_data = types.SimpleNamespace(energy_consumed=1e-6, cpu_energy=8e-7,
                                                          ram_energy=2e-7, tracking_mode="machine")
        return 5e-8


class CodecarbonTest(unittest.TestCase):
    def test_not_importable(self):
        def importer():
            raise ImportError("No module named 'codecarbon'")
        cc = Codecarbon(importer=importer)
        self.assertFalse(cc.available)
        self.assertIn("not importable", cc.reason)
        self.assertIsNone(cc.start())
        out = measure_callable(lambda: None, loops=1, codecarbon=cc)
        self.assertEqual(out["codecarbon"]["available"], False)
        self.assertIsNone(out["codecarbon"]["a"])
        self.assertIsNone(out["codecarbon"]["b"])

    def test_runtime_without_codecarbon(self):
        cc = Codecarbon()
        try:
            import codecarbon  # noqa: F401
            self.assertTrue(cc.available)
        except ImportError:
            self.assertFalse(cc.available)
            self.assertIn("ModuleNotFoundError", cc.reason)

    def test_importable_runs_around_a_and_b_with_its_mode(self):
        fake = types.SimpleNamespace(__version__="2.8.0", OfflineEmissionsTracker=FakeTracker)
        out = measure_callable(lambda: None, loops=1, codecarbon=Codecarbon(importer=lambda: fake))
        cc = out["codecarbon"]
        self.assertTrue(cc["available"])
        self.assertEqual(cc["version"], "2.8.0")
        for side in ("a", "b"):
            self.assertEqual(cc[side]["mode"], "constant")
            self.assertEqual(cc[side]["kg_co2eq"], 5e-8)
            self.assertEqual(cc[side]["cpu_energy"], 8e-7)


class BaselineTest(unittest.TestCase):
    @staticmethod
    def measured(cap_s, busy_s):
        """A after busy_s of work, then B with a cap; the sleeps B asked for, and the energy object."""
        slept = []
        probe = EnergyProbe(max_baseline_s=cap_s, rapl=Rapl("/nonexistent"),
                            codecarbon=Codecarbon(importer=_no_codecarbon), sleep=slept.append)
        probe.start_a()
        busy_for(busy_s)
        probe.stop_a()
        return slept, probe.baseline()

    def test_capped_baseline_sleeps_at_most_the_cap(self):
        slept, out = self.measured(0.01, 0.05)
        self.assertEqual(slept, [0.01])
        self.assertTrue(out["baseline_capped"])
        self.assertFalse(out["rapl_readable"])
        self.assertGreater(out["wall_ns_a"], 40_000_000)
        self.assertGreater(out["cpu_s_a"], 0.0)

    def test_zero_cap_runs_no_baseline_at_all(self):
        slept, out = self.measured(0, 0.01)
        self.assertEqual(slept, [])
        self.assertEqual(out["wall_ns_b"], 0)
        self.assertEqual(out["cpu_s_b"], 0)

    def test_baseline_before_a_is_none(self):
        self.assertIsNone(EnergyProbe(codecarbon=Codecarbon(importer=_no_codecarbon)).baseline())


class BusyVersusSleepingModuleTest(TempDirMixin, unittest.TestCase):
    """Two real modules through the driver's energy code: the old script's A - B = 0 came from
    assuming constant power; measured CPU time tells a busy module from a sleeping one."""

    def test_busy_module_has_larger_net_than_sleeping_one(self):
        science = os.path.join(self.tmp, "science")
        write_module(science, "toy_energy.busy.processor", BUSY)
        write_module(science, "toy_energy.sleepy.processor", SLEEPY)
        x = pd.Series([1.0, 2.0, 3.0])
        nets = {}
        for name in ("busy", "sleepy"):
            _dec, fn = import_entry("toy_energy.%s.processor:score" % name, science)
            out = measure_callable(lambda: fn(x), loops=2, codecarbon=Codecarbon(importer=_no_codecarbon))
            nets[name] = net_cpu_seconds(out)
            self.assertLess(out["cpu_s_b"], 0.05, "an idle baseline uses (almost) no CPU")
            self.assertAlmostEqual(out["wall_ns_b"] / out["wall_ns_a"], 1.0, delta=0.2)
        self.assertGreater(nets["busy"], nets["sleepy"])
        self.assertGreater(nets["busy"], 0.05)
        self.assertLess(abs(nets["sleepy"]), 0.05)


def busy_for(seconds):
    import time
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _no_codecarbon():
    raise ImportError("codecarbon disabled in this test")


if __name__ == "__main__":
    unittest.main()
