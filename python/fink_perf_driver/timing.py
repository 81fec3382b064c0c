"""Timed passes over a batch: only the module call sits between the two clock reads."""
import time

import numpy as np
import pandas as pd

from .cputime import cpu_times
from .errors import DriverError, missing_package_of


def literal_series(value, n_rows):
    """A literal as a pandas UDF receives it: a constant Series (Spark types lit(1) int32)."""
    if isinstance(value, bool):
        return pd.Series(np.full(n_rows, value, dtype=bool))
    if isinstance(value, int) and -2 ** 31 <= value < 2 ** 31:
        return pd.Series(np.full(n_rows, value, dtype=np.int32))
    if isinstance(value, int):
        return pd.Series(np.full(n_rows, value, dtype=np.int64))
    if isinstance(value, float):
        return pd.Series(np.full(n_rows, value, dtype=np.float64))
    cells = np.empty(n_rows, dtype=object)
    cells[:] = [value] * n_rows
    return pd.Series(cells, dtype=object)


def _python_value(v):
    """A value as a row-wise Spark UDF receives it: Python objects, null → None, arrays → lists."""
    if isinstance(v, np.ndarray):
        return [_python_value(x) for x in v.tolist()]
    if isinstance(v, float) and v != v:
        return None
    if isinstance(v, np.generic):
        return _python_value(v.item())
    return v


def to_rows(series_list):
    cols = [[_python_value(v) for v in s.tolist()] for s in series_list]
    return list(zip(*cols))


def row_invoker(fn):
    """Calls a row-wise UDF body once per row and collects the results, as Spark would."""
    def call_rows(rows):
        return pd.Series([fn(*row) for row in rows], dtype=object)
    return call_rows


class ChunkArgs(object):
    """Reads each chunk and builds the module's arguments, outside any timing: the argument
    Series for a pandas UDF, or (``rows=True``) one list of row tuples for a row-wise UDF."""

    def __init__(self, reader, arg_specs, rows=False):
        self.reader = reader
        self.arg_specs = arg_specs
        self.rows = rows
        self.columns = []
        for a in arg_specs:
            if "column" in a and a["column"] not in self.columns:
                self.columns.append(a["column"])

    def __iter__(self):
        for i, n_rows, cols in self.reader.iter_chunks(self.columns):
            args = [cols[a["column"]] if "column" in a else literal_series(a["literal"], n_rows)
                    for a in self.arg_specs]
            yield i, n_rows, ([to_rows(args)] if self.rows else args)


def call_module(fn, args, own_packages=(), calls=None):
    """One call, timed. Module failures become classified DriverErrors. ``calls`` marks its start
    and end on the control channel, right next to the clock reads."""
    try:
        if calls is not None:
            calls.start()
        t0 = time.perf_counter_ns()
        out = fn(*args)
        t1 = time.perf_counter_ns()
        if calls is not None:
            calls.end(t1 - t0)
    except KeyboardInterrupt:
        raise
    except BaseException as e:
        raise classify_module_error(e, own_packages)
    return out, t1 - t0


def classify_module_error(e, own_packages=()):
    missing = missing_package_of(e, own_packages)
    if missing:
        return DriverError("missing_package", "module needs package %r: %s" % (missing, e),
                           missing_package=missing, cause=e)
    return DriverError("exception", "%s: %s" % (type(e).__name__, e), cause=e)


def check_output(out, n_rows):
    if not isinstance(out, (pd.Series, pd.DataFrame)):
        raise DriverError("bad_output", "module returned %s, expected a pandas Series or DataFrame"
                          % type(out).__name__)
    if len(out) != n_rows:
        raise DriverError("bad_output", "module returned %d rows for a chunk of %d" % (len(out), n_rows))


class CpuClock(object):
    """User/system CPU seconds accumulated around module calls only."""

    def __init__(self):
        self.user = 0.0
        self.sys = 0.0
        self._t = None

    def start(self):
        self._t = cpu_times()

    def stop(self):
        user, system = cpu_times()
        self.user += user - self._t[0]
        self.sys += system - self._t[1]


def timed_pass(fn, chunk_args, own_packages=(), on_output=None, cpu=None, calls=None, pacer=None):
    """Sum over chunks of the module call time, in ns. ``on_output(i, out)`` runs untimed. With a
    ``pacer`` each call waits for the Java side's request and answers it (``pacing.Pacer``)."""
    total = 0
    for i, n_rows, args in chunk_args:
        if pacer:
            pacer.await_call()
        if cpu:
            cpu.start()
        out, ns = call_module(fn, args, own_packages, calls)
        if cpu:
            cpu.stop()
        if pacer:
            pacer.called(ns)
        total += ns
        check_output(out, n_rows)
        if on_output is not None:
            on_output(i, out)
        del out, args
    return total
