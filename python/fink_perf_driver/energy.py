"""Raw energy measurements around the measured loops (A) and an idle baseline of the same length (B).

The driver only measures; the Java side (``io.finkperf.energy.EnergyModel``) turns these numbers
into joules and CO2. What is measured, for A and for B alike:

- RAPL energy counters (``/sys/class/powercap/intel-rapl:*/energy_uj``), when readable: whole
  package (and DRAM when the platform exposes it), so only A - B belongs to the module;
- the process's own CPU time (user + system), the input of the load-aware model;
- wall time.

B is the same process sleeping for A's duration (capped at ``max_baseline_s``; the Java side
scales a shorter B to A's length). Since Linux 5.10 ``energy_uj`` is readable by root only
(CVE-2020-8694), and most VMs have no powercap at all: ``rapl_readable`` is then false, with the
reason, and the model is used.
"""
import glob
import os
import time

from .environment import peak_rss_bytes, proc_status_bytes
from .cputime import cpu_times

POWERCAP = "/sys/class/powercap"
DEFAULT_MAX_BASELINE_S = 60.0


def _read_int(path):
    with open(path) as f:
        return int(f.read().strip())


def _read_text(path, default=""):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


class Rapl(object):
    """The RAPL zones under ``root``: top-level packages (``intel-rapl:N``) and their ``dram``
    sub-zones; ``core``/``uncore`` sub-zones are already inside their package and are skipped."""

    def __init__(self, root=POWERCAP):
        self.zones = []
        self.readable = False
        self.reason = None
        paths = sorted(glob.glob(os.path.join(root, "intel-rapl:*")))
        if not paths:
            self.reason = "no RAPL zones under %s" % root
            return
        for p in paths:
            depth = os.path.basename(p).count(":")
            name = _read_text(os.path.join(p, "name"), os.path.basename(p))
            if depth == 1 or name == "dram":
                self.zones.append({"zone": os.path.basename(p), "name": name, "path": p,
                                   "max_uj": None})
        try:
            for z in self.zones:
                _read_int(os.path.join(z["path"], "energy_uj"))
                z["max_uj"] = _read_int(os.path.join(z["path"], "max_energy_range_uj"))
            self.readable = bool(self.zones)
            if not self.zones:
                self.reason = "no package or dram RAPL zone under %s" % root
        except (OSError, ValueError) as e:
            self.reason = "RAPL counters not readable (%s: %s); since Linux 5.10 energy_uj is root-only" \
                % (type(e).__name__, e)

    def read(self):
        """Counter values in µJ, one per zone, or None when unreadable."""
        if not self.readable:
            return None
        try:
            return [_read_int(os.path.join(z["path"], "energy_uj")) for z in self.zones]
        except (OSError, ValueError) as e:
            self.readable = False
            self.reason = "RAPL read failed: %s" % e
            return None

    def deltas(self, before, after):
        """Per-zone ``{"zone", "name", "uj"}`` between two reads, across counter wrap-around."""
        if before is None or after is None:
            return None
        return [{"zone": z["zone"], "name": z["name"], "uj": counter_delta(b, a, z["max_uj"])}
                for z, b, a in zip(self.zones, before, after)]


def counter_delta(before, after, max_range):
    """Energy between two reads of a counter that wraps to 0 after ``max_range`` µJ
    (the kernel's ``max_energy_range_uj``). At most one wrap is assumed: at ~300 W a 2^32 µJ
    counter wraps every ~4 h, and longer intervals are not measured here."""
    if after >= before:
        return after - before
    if not max_range:
        return None
    return after + (max_range - before)


def current_rss_bytes():
    """Resident set now (VmRSS), not the high-water mark."""
    return proc_status_bytes("VmRSS")


class Snapshot(object):
    def __init__(self, rapl):
        self.cpu_s = sum(cpu_times())
        self.rapl = rapl.read()
        self.ns = time.perf_counter_ns()


class Codecarbon(object):
    """codecarbon, when importable, run around A and around B so its figures sit beside ours.
    ``importer`` is for tests: a callable returning the ``codecarbon`` module or raising."""

    def __init__(self, importer=None, country_iso_code="FRA"):
        self.available = False
        self.reason = None
        self.version = None
        self._module = None
        self._country = country_iso_code
        try:
            self._module = (importer or _import_codecarbon)()
            self.version = str(getattr(self._module, "__version__", "unknown"))
            self.available = True
        except Exception as e:  # ImportError, or anything a broken install raises at import
            self.reason = "codecarbon not importable (%s: %s)" % (type(e).__name__, e)

    def start(self):
        """A running tracker, or None (never fails the run)."""
        if not self.available:
            return None
        try:
            tracker = self._module.OfflineEmissionsTracker(
                country_iso_code=self._country, save_to_file=False, log_level="error")
            tracker.start()
            return tracker
        except Exception as e:
            self.reason = "codecarbon failed to start: %s" % e
            return None

    @staticmethod
    def stop(tracker):
        if tracker is None:
            return None
        try:
            kg = tracker.stop()
            data = getattr(tracker, "final_emissions_data", None)
            out = {"kg_co2eq": kg, "mode": Codecarbon.mode(tracker)}
            for key in ("energy_consumed", "cpu_energy", "ram_energy", "cpu_power", "ram_power",
                        "tracking_mode", "pue", "duration"):
                v = getattr(data, key, None)
                if isinstance(v, (int, float, str)):
                    out[key] = v
            return out
        except Exception as e:
            return {"error": "%s: %s" % (type(e).__name__, e)}

    @staticmethod
    def mode(tracker):
        """codecarbon's CPU mode ("intel_rapl", "constant", "cpu_load"…): private attributes,
        so best-effort."""
        for hw in getattr(tracker, "_hardware", None) or []:
            m = getattr(hw, "_mode", None)
            if m is not None:
                return str(m)
        return None

    def describe(self):
        return {"available": self.available, "version": self.version, "reason": self.reason}


def _import_codecarbon():
    import codecarbon
    return codecarbon


class EnergyProbe(object):
    """Create it before the module is imported (its RSS then is the bare driver's: B's memory);
    ``start_a``/``stop_a`` around the measured loops; ``baseline`` afterwards runs B and returns
    the ``energy`` object of the result file."""

    def __init__(self, max_baseline_s=DEFAULT_MAX_BASELINE_S, rapl=None, codecarbon=None, sleep=time.sleep):
        self.max_baseline_s = max_baseline_s
        self.rapl = rapl if rapl is not None else Rapl()
        self.codecarbon = codecarbon if codecarbon is not None else Codecarbon()
        self.rss_bytes_b = current_rss_bytes()
        self._sleep = sleep
        self._a0 = self._a1 = None
        self._cc_a = None
        self._cc_tracker = None

    def start_a(self):
        self._cc_tracker = self.codecarbon.start()
        self._a0 = Snapshot(self.rapl)

    def stop_a(self):
        self._a1 = Snapshot(self.rapl)
        self._cc_a = Codecarbon.stop(self._cc_tracker)
        self._cc_tracker = None

    def baseline(self):
        """Runs B (sleeps) and returns the energy object; A must have been measured."""
        if self._a0 is None or self._a1 is None:
            return None
        wall_ns_a = self._a1.ns - self._a0.ns
        target_s = wall_ns_a / 1e9
        if self.max_baseline_s is not None:
            target_s = min(target_s, max(0.0, self.max_baseline_s))
        cc_tracker = self.codecarbon.start()
        b0 = Snapshot(self.rapl)
        if target_s > 0:
            self._sleep(target_s)
            b1 = Snapshot(self.rapl)
        else:
            b1 = b0  # no B at all: a zero span, which the Java side reads as 'no baseline'
        cc_b = Codecarbon.stop(cc_tracker)
        rapl_a = self.rapl.deltas(self._a0.rapl, self._a1.rapl)
        rapl_b = self.rapl.deltas(b0.rapl, b1.rapl)
        return {
            "format": "fink-perf-energy/1",
            "wall_ns_a": wall_ns_a,
            "cpu_s_a": round(self._a1.cpu_s - self._a0.cpu_s, 6),
            "wall_ns_b": b1.ns - b0.ns,
            "cpu_s_b": round(b1.cpu_s - b0.cpu_s, 6),
            "rss_bytes_b": self.rss_bytes_b,
            "peak_rss_bytes_a": peak_rss_bytes(),
            "rapl_readable": self.rapl.readable and rapl_a is not None and rapl_b is not None,
            "rapl_reason": self.rapl.reason,
            "rapl_uj_a": rapl_a,
            "rapl_uj_b": rapl_b,
            "baseline_capped": target_s < wall_ns_a / 1e9,
            "codecarbon": dict(self.codecarbon.describe(), a=self._cc_a, b=cc_b),
        }


def net_cpu_seconds(energy):
    """CPU seconds of A minus B's CPU seconds scaled to A's duration: what the model multiplies by
    W/core (the Java side does the joules; this is for checks and tests)."""
    scale = energy["wall_ns_a"] / energy["wall_ns_b"] if energy["wall_ns_b"] else 0.0
    return energy["cpu_s_a"] - energy["cpu_s_b"] * scale


def measure_callable(fn, loops=1, max_baseline_s=DEFAULT_MAX_BASELINE_S, rapl=None, codecarbon=None):
    """A and B around ``loops`` calls of ``fn()``: the driver's energy code without a batch,
    for tests and for checking a machine (``python -m fink_perf_driver.energy``)."""
    probe = EnergyProbe(max_baseline_s=max_baseline_s, rapl=rapl, codecarbon=codecarbon)
    probe.start_a()
    for _ in range(loops):
        fn()
    probe.stop_a()
    return probe.baseline()


if __name__ == "__main__":
    import json

    def _busy():
        s = 0
        for i in range(3_000_000):
            s += i * i
        return s

    print(json.dumps(measure_callable(_busy, loops=1), indent=2))
