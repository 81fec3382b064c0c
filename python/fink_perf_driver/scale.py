"""How a module's cost grows (``fink-perf scale``): one fresh process per module measures the cold
start, then warm calls at several batch sizes, peak memory per call, and the cost per alert
against light-curve length. Only raw samples are returned; the fits are the Java side's."""
import math
import re
import time

import numpy as np
import pandas as pd

from . import shims
from .energy import current_rss_bytes
from .entry import import_entry, own_packages, parse_entry
from .environment import peak_rss_bytes, python_versions
from .errors import DriverError
from .runner import open_batch
from .timing import call_module, check_output, literal_series, row_invoker, to_rows

DEFAULTS = {"batch_sizes": [1, 10, 100, 1000, 10000], "lengths": [1, 5, 20, 100, 500],
            "budget_s": 0.25, "min_repeats": 3, "max_repeats": 30, "max_alerts_per_length": 1000,
            "max_cover": 200, "cover_budget_s": 2.0, "length_alerts": 16}
# history-length bins of the real data: [lo, hi] points
REAL_BINS = [(1, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 100), (101, 200), (201, 500),
             (501, 2000), (2001, 10 ** 9)]
TIME_COLUMN = re.compile(r"(jd|mjd|tai|time)", re.IGNORECASE)
CLEAR_REFS = "/proc/self/clear_refs"


def scale_config(raw):
    """The spec's ``scale`` object over the defaults; bad values are ``bad_spec``."""
    cfg = dict(DEFAULTS)
    if not isinstance(raw, dict):
        raise DriverError("bad_spec", "scale must be a JSON object, got %r" % (raw,))
    cfg.update(raw)
    for key in ("batch_sizes", "lengths"):
        values = cfg[key]
        if not isinstance(values, list) or not values or any(not isinstance(v, int) or v < 1 for v in values):
            raise DriverError("bad_spec", "scale.%s must be a non-empty list of integers >= 1, got %r"
                              % (key, values))
    if not (cfg["budget_s"] > 0 and 1 <= cfg["min_repeats"] <= cfg["max_repeats"]):
        raise DriverError("bad_spec", "scale needs budget_s > 0 and 1 <= min_repeats <= max_repeats")
    return cfg


def select_rows(n_data, n):
    """``n`` row indices into ``n_data`` rows, deterministic: evenly spaced when n <= n_data,
    else the data repeated in order (every alert keeps its own history)."""
    if n <= n_data:
        return (np.arange(n, dtype=np.int64) * n_data) // n
    return np.arange(n, dtype=np.int64) % n_data


def resize_history(cell, length, is_time):
    """A history list cut to its last ``length`` points (the current point stays last), or
    extended by repeating it earlier in time, one whole light curve before the other, each copy
    shifted by the curve's span plus its median cadence (times only)."""
    if cell is None:
        return None
    cell = np.asarray(cell)
    n = len(cell)
    if n == 0 or n == length:
        return cell
    if n > length:
        return cell[n - length:]
    copies = int(math.ceil(float(length) / n))
    parts = []
    period = 0.0
    if is_time:
        finite = cell[np.isfinite(cell)] if cell.dtype.kind == "f" else cell
        span = float(np.max(finite) - np.min(finite)) if len(finite) else 0.0
        step = float(np.median(np.diff(np.sort(finite)))) if len(finite) > 1 else 1.0
        period = span + (step if step > 0 else 1.0)
    for c in range(copies):
        shift = (copies - 1 - c) * period
        parts.append(cell - shift if is_time and shift else cell)
    return np.concatenate(parts)[-length:]


class Workload(object):
    """The module's argument columns for the whole batch, and argument lists built from rows."""

    def __init__(self, reader, arg_specs, rows):
        self.arg_specs = arg_specs
        self.rows = rows
        names = []
        for a in arg_specs:
            if "column" in a and a["column"] not in names:
                names.append(a["column"])
        parts = dict((n, []) for n in names)
        for _i, _n, cols in reader.iter_chunks(names):
            for n in names:
                parts[n].append(cols[n])
        self.columns = dict((n, pd.concat(parts[n], ignore_index=True)) for n in names)
        self.n = reader.n_rows
        self.list_columns = [n for n in names if reader.columns[n].kind == "list"]

    def history_lengths(self):
        """Points in each alert's history (its first list argument), or None if it takes none."""
        if not self.list_columns:
            return None
        col = self.columns[self.list_columns[0]]
        return np.array([0 if c is None else len(c) for c in col], dtype=np.int64)

    def view(self, rows, length=None):
        """The same module arguments for ``rows`` only, each light curve cut or extended to
        ``length`` points if given: built once, so calls on it only index."""
        v = Workload.__new__(Workload)
        v.arg_specs, v.rows, v.list_columns = self.arg_specs, self.rows, self.list_columns
        v.columns = {}
        for name, col in self.columns.items():
            taken = col.iloc[rows].reset_index(drop=True)
            if length is not None and name in self.list_columns:
                is_time = bool(TIME_COLUMN.search(name))
                cells = np.empty(len(taken), dtype=object)
                cells[:] = [resize_history(c, length, is_time) for c in taken]
                taken = pd.Series(cells, dtype=object)
            v.columns[name] = taken
        v.n = len(rows)
        return v

    def args(self, idx):
        cols = dict((name, s.iloc[idx].reset_index(drop=True)) for name, s in self.columns.items())
        args = [cols[a["column"]] if "column" in a else literal_series(a["literal"], len(idx))
                for a in self.arg_specs]
        return [to_rows(args)] if self.rows else args


class Caller(object):
    """Times module calls. With a ``pacer`` (pacing.Pacer) each call waits for the Java side's request
    and is answered at once, so the Java side times every call's round trip itself; the arguments are
    built before the request is awaited."""

    def __init__(self, fn, own, pacer=None):
        self.fn, self.own, self.pacer = fn, own, pacer

    def __call__(self, args, n_rows):
        """(wall ns, CPU ns) of one call. CPU time is what a night costs in core-seconds, and
        it holds up when other processes share the cores; wall time is kept beside it."""
        if self.pacer:
            self.pacer.await_call()
        c0 = time.process_time_ns()
        out, ns = call_module(self.fn, args, self.own)
        cpu = time.process_time_ns() - c0
        if self.pacer:
            self.pacer.called(ns)
        check_output(out, n_rows)
        return ns, cpu


def walk(rows, k, r):
    """The r-th call's ``k`` alerts of ``rows``: consecutive blocks, so that successive calls
    see every alert of ``rows`` (when k >= len(rows): all of them, repeated in order)."""
    return rows[(np.arange(k, dtype=np.int64) + r * k) % len(rows)]


def repeat(call, make_args, n_rows, cfg, cover=1, progress=None, label="", first=None):
    """Warm calls, the r-th on ``make_args(r)``, until budget_s of CPU time is spent: at least
    min_repeats and ``cover`` calls (enough to see every alert once, unless that takes more
    than cover_budget_s), at most max_repeats or ``cover``. Arguments are built outside the
    timed call. ``first``: a (wall, cpu) pair already measured on ``make_args(0)``."""
    wall, cpu = ([first[0]], [first[1]]) if first else ([], [])
    least = max(cfg["min_repeats"], cover)
    most = max(cfg["max_repeats"], cover)
    while len(wall) < most:
        w, c = call(make_args(len(wall)), n_rows)
        wall.append(w)
        cpu.append(c)
        # the budget counts the module's CPU time: the same work whatever else loads the machine
        spent = sum(cpu) / 1e9
        if (len(wall) >= least and spent >= cfg["budget_s"]) or (len(wall) >= 2 and spent >= cfg["cover_budget_s"]):
            break
    if progress is not None:
        progress.phase("%s: %d calls, %.3f ms CPU each" % (label, len(cpu), np.mean(cpu) / 1e6))
    return {"wall_ns": wall, "cpu_ns": cpu}


def cover_calls(n_rows, k, cfg):
    return min(int(math.ceil(float(n_rows) / k)), cfg["max_cover"])


def memory_call(call, args, n_rows):
    """One timed call and its peak RSS above the RSS just before it (Linux resets the
    high-water mark when 5 is written to clear_refs; memory is None where it cannot)."""
    try:
        with open(CLEAR_REFS, "w") as f:
            f.write("5")
    except OSError:
        return call(args, n_rows), None
    before = current_rss_bytes()
    timed = call(args, n_rows)
    return timed, {"rss_before_bytes": before, "peak_rss_bytes": peak_rss_bytes()}


def probe_alerts(call, make_args, cfg):
    """Alerts per call for a length measurement: doubled from 1 until one call takes a
    (min_repeats + 1)-th of the budget; the probes warm the module up on that input. Returns k and
    the probes' own (wall, CPU) figures: they are module calls too, paced and reported like the others."""
    k = 1
    probes = {"wall_ns": [], "cpu_ns": []}
    while True:
        wall, ns = call(make_args(k, 0), k)
        probes["wall_ns"].append(wall)
        probes["cpu_ns"].append(ns)
        if ns / 1e9 >= cfg["budget_s"] / (cfg["min_repeats"] + 1) or k >= cfg["max_alerts_per_length"]:
            return k, probes
        k = min(2 * k, cfg["max_alerts_per_length"])


def run_scale(spec, result, progress, pacer=None):
    """Fills ``result["scale"]`` in place (and the usual result fields the run shares). With a
    ``pacer``, every module call (cold, warm, batch sizes, probes, lengths) is requested by the Java
    side, in the order the result lists them (ARCHITECTURE.md, fink-perf-scale/1)."""
    cfg = scale_config(spec.raw.get("scale"))
    progress.phase("load")
    reader = open_batch(spec)
    result["n_alerts"], result["n_chunks"] = reader.n_rows, reader.n_chunks
    workload = Workload(reader, spec.args, spec.call == "udf")
    if workload.n == 0:
        raise DriverError("bad_input", "batch %s has no alerts" % spec.batch)
    all_rows = np.arange(workload.n, dtype=np.int64)
    data_args = workload.args(all_rows)
    idle_rss = current_rss_bytes()

    progress.phase("import")
    versions = shims.install_all()  # the driver's own set-up: not the module's import time
    t0 = time.perf_counter_ns()
    _decorated, fn = import_entry(spec.entry, spec.science_dir)
    import_ns = time.perf_counter_ns() - t0
    result["import_ns"] = import_ns
    result["python"] = python_versions(versions["pyspark"])
    call = Caller(row_invoker(fn) if workload.rows else fn,
                  own_packages(spec.science_dir, parse_entry(spec.entry)[0]), pacer)
    out = {"format": "fink-perf-scale/1", "idle_rss_bytes": idle_rss, "import_ns": import_ns,
           "data_alerts": workload.n}

    progress.phase("cold")
    out["cold_call_ns"], out["cold_cpu_ns"] = call(data_args, workload.n)
    out["warm"] = repeat(call, lambda r: data_args, workload.n, cfg, progress=progress, label="warm")

    progress.phase("batch_sizes")
    sizes = []
    for n in cfg["batch_sizes"]:
        def make_sized(r, n=n):
            return workload.args(walk(all_rows, n, r))
        first, memory = memory_call(call, make_sized(0), n)
        entry = {"n": n, "memory": memory}
        entry.update(repeat(call, make_sized, n, cfg, cover_calls(workload.n, n, cfg), progress, "N=%d" % n,
                            first=first))
        sizes.append(entry)
    out["batch_sizes"] = sizes
    out["memory_method"] = "clear_refs" if any(s["memory"] for s in sizes) else None

    progress.phase("lengths")
    lengths = workload.history_lengths()
    out["history_column"] = workload.list_columns[0] if workload.list_columns else None
    out["real_bins"], out["lengths"] = [], []
    if lengths is not None:
        for lo, hi in REAL_BINS:
            members = all_rows[(lengths >= lo) & (lengths <= hi)]
            if len(members) == 0:
                continue

            view = workload.view(members)

            def make_real(k, r, view=view):
                return view.args(walk(np.arange(view.n), k, r))
            k, probes = probe_alerts(call, make_real, cfg)
            entry = {"lo": lo, "hi": hi, "data_alerts": int(len(members)),
                     "mean_length": float(np.mean(lengths[members])), "alerts_per_call": k, "probes": probes}
            entry.update(repeat(call, lambda r, k=k, f=make_real: f(k, r), k, cfg,
                                cover_calls(len(members), k, cfg), progress, "bin %d-%d" % (lo, hi)))
            out["real_bins"].append(entry)
        # the same alerts at every length, evenly spread over the data
        subset = select_rows(workload.n, min(workload.n, cfg["length_alerts"]))
        for length in cfg["lengths"]:
            view = workload.view(subset, length)

            def make_resized(k, r, view=view):
                return view.args(walk(np.arange(view.n), k, r))
            k, probes = probe_alerts(call, make_resized, cfg)
            entry = {"length": length, "alerts_per_call": k, "probes": probes}
            entry.update(repeat(call, lambda r, k=k, f=make_resized: f(k, r), k, cfg,
                                cover_calls(len(subset), k, cfg), progress, "length %d" % length))
            out["lengths"].append(entry)
    result["scale"] = out
    result["samples_ns"] = list(out["warm"]["wall_ns"])
    result["peak_rss_bytes"] = peak_rss_bytes()
    result["status"] = "ok"
    progress.phase("done")
    return result
