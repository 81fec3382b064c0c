"""A small fixed workload timed with every run, so throughputs measured on different machines
can be compared: a module's rate times this workload's time is (nearly) machine-independent.

Two parts, because science modules are a mix of both: pure Python (loops over floats, lists,
a dict) and numpy (vectorised maths, sorting, an FFT on arrays the size of a batch of light
curves). Each part is timed in the CPU time of its thread, so processes competing for the cores
do not inflate it (it measures how fast the machine is, not how busy: ±1 % on a 2-core box at load
19, where wall-clock time varied by ±35 %), repeated, and its fastest repeat kept. The result is the
geometric mean of the two parts.
"""
import math
import platform
import sys
import time

FORMAT = "fink-perf-calibration/1"
DEFAULT_REPEATS = 11

# Fixed inputs: the workload must never change, or old calibrations stop being comparable.
_N_POINTS = 90
_LAGS = [0.1 * 1.2 ** k for k in range(24)]
_NUMPY_SIZE = 1 << 18


def python_part():
    """Pure Python: pairwise statistics over a fixed light curve, plus dict and list work."""
    t = [0.37 * i + (i * 7919 % 13) * 0.01 for i in range(_N_POINTS)]
    m = [19.0 + math.sin(0.7 * i) * 0.3 for i in range(_N_POINTS)]
    total = 0.0
    for i in range(_N_POINTS):
        for j in range(i + 1, _N_POINTS):
            d2 = (m[i] - m[j]) ** 2
            dt = abs(t[i] - t[j])
            for tau in _LAGS:
                total += d2 / (1.0 + dt / tau)
    counts = {}
    for i in range(60000):
        key = (i * 2654435761) % 997
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return total + ordered[0][1]


def numpy_part(np):
    """numpy: the array maths of feature extraction on a fixed, seeded array."""
    rng = np.random.default_rng(20240724)
    x = rng.normal(19.0, 0.5, _NUMPY_SIZE)
    y = np.sort(x)
    z = np.cumsum(np.exp(-0.5 * (x - 19.0) ** 2)) / _NUMPY_SIZE
    spectrum = np.abs(np.fft.rfft(x - x.mean()))
    coeffs = np.polyfit(np.arange(4096, dtype=np.float64), y[:4096], 3)
    return float(np.median(x) + z[-1] + spectrum.max() * 1e-6 + coeffs[0] + np.percentile(y, 90))


def best_of(fn, repeats):
    best = None
    for _ in range(repeats):
        start = time.thread_time_ns()
        fn()
        ns = time.thread_time_ns() - start
        best = ns if best is None or ns < best else best
    return best


def calibrate(repeats=DEFAULT_REPEATS):
    """Times both parts (one untimed warm-up each) and returns the fink-perf-calibration/1 record."""
    import numpy as np
    if repeats < 1:
        raise ValueError("repeats must be >= 1, got %r" % (repeats,))
    python_part()
    numpy_part(np)
    python_ns = best_of(python_part, repeats)
    numpy_ns = best_of(lambda: numpy_part(np), repeats)
    seconds = math.sqrt(python_ns * numpy_ns) / 1e9
    return {"format": FORMAT, "seconds": seconds, "python_s": python_ns / 1e9, "numpy_s": numpy_ns / 1e9,
            "repeats": repeats, "python": platform.python_version(), "numpy": np.__version__,
            "executable": sys.executable}
