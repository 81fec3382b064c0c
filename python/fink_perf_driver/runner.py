"""One driver run: batch → import → warmup → measured loops → line-profile pass → result."""
import os
import time
import traceback

from . import RESULT_FORMAT, shims
from .batch import BatchError, BatchReader, BatchWriter, Column, scalar_dtype_of
from .entry import import_entry, own_packages, parse_entry
from .energy import DEFAULT_MAX_BASELINE_S, EnergyProbe
from .environment import peak_rss_bytes, python_versions
from .errors import DriverError
from .lineprof import LineProfilePass
from .output_hash import OutputHasher, describe_dtype
from .progress import Progress
from .timing import ChunkArgs, CpuClock, classify_module_error, row_invoker, timed_pass


def new_result(spec_dict):
    spec_dict = spec_dict if isinstance(spec_dict, dict) else {}
    return {"format": RESULT_FORMAT, "module": spec_dict.get("module"), "entry": spec_dict.get("entry"),
            "status": "error", "error": None, "n_alerts": None, "n_chunks": None,
            "import_ns": None, "warmup_ns": [], "samples_ns": [],
            "peak_rss_bytes": None, "cpu_user_s": None, "cpu_sys_s": None,
            "output_hash": None, "output_dtype": None, "output": None,
            "line_profile": None, "python": None, "energy": None}


def error_json(err):
    cause = err.cause if err.cause is not None else err
    tb = "".join(traceback.format_exception(type(cause), cause, cause.__traceback__))
    return {"kind": err.kind, "type": type(cause).__name__, "message": err.message,
            "missing_package": err.missing_package, "traceback": tb}


class OutputSink(object):
    """Hashes the first measured pass and, if asked, saves it as a one-column batch."""

    def __init__(self, reader, save_dir, save_column):
        self.hasher = OutputHasher()
        self.dtype = None
        self.writer = None
        self.reader, self.save_dir, self.save_column = reader, save_dir, save_column
        if save_dir and os.path.abspath(save_dir) == reader.path:
            raise DriverError("bad_spec", "save_output.dir must not be the input batch")

    def __call__(self, i, out):
        if self.dtype is None:
            self.dtype = describe_dtype(out)
        self.hasher.update(out)
        if not self.save_dir:
            return
        if self.writer is None:
            dtype = None if not hasattr(out, "dtype") else scalar_dtype_of(out)
            if dtype is None:
                raise DriverError("bad_output", "output of type %s cannot be saved as a batch column"
                                  % describe_dtype(out))
            self.writer = BatchWriter(self.save_dir, [Column(self.save_column, "scalar", dtype)],
                                      chunk_rows=self.reader.manifest.get("chunk_rows", 10000),
                                      source=self.reader.path, survey=self.reader.manifest.get("survey"))
        self.writer.write_chunk({self.save_column: out.tolist()})

    def close(self):
        if self.writer is not None:
            self.writer.close()
            return {"dir": self.writer.path, "column": self.save_column,
                    "dtype": self.writer.columns[0].dtype}
        return None


def open_batch(spec):
    """The spec's batch, checked to hold every column the module reads; a bad batch is ``bad_input``."""
    try:
        reader = BatchReader(spec.batch)
        reader.check_columns(spec.columns)
    except BatchError as e:
        raise DriverError("bad_input", str(e), cause=e)
    return reader


def run(spec, result, progress=None, pacer=None):
    """Fills ``result`` in place; raises DriverError on failure (result keeps partial data). With a
    ``pacer`` every measured call waits for the Java side's request (``pacing.Pacer``)."""
    progress = progress or Progress()
    progress.phase("load")
    reader = open_batch(spec)
    result["n_alerts"], result["n_chunks"] = reader.n_rows, reader.n_chunks

    # before the module is imported: the bare driver's RSS is the idle baseline's memory
    energy = EnergyProbe(max_baseline_s=float(spec.raw.get("energy_baseline_max_s", DEFAULT_MAX_BASELINE_S)))
    progress.phase("import")
    t0 = time.perf_counter_ns()
    versions = shims.install_all()
    result["python"] = python_versions(versions["pyspark"])
    _decorated, fn = import_entry(spec.entry, spec.science_dir)
    result["import_ns"] = time.perf_counter_ns() - t0
    own = own_packages(spec.science_dir, parse_entry(spec.entry)[0])
    rows = spec.call == "udf"
    chunk_args = ChunkArgs(reader, spec.args, rows=rows)
    body = fn
    fn = row_invoker(body) if rows else body

    try:
        progress.phase("warmup")
        for i in range(spec.warmup):
            ns = timed_pass(fn, chunk_args, own)
            result["warmup_ns"].append(ns)
            progress.loop("warmup", i + 1, spec.warmup, ns)

        progress.phase("measure")
        cpu = CpuClock()
        sink = OutputSink(reader, spec.save_dir, spec.save_column)
        # Paced: the Java side's windows cover everything between two calls, so the arguments are
        # built before (as the warm driver does) and the output is hashed and saved in a pass of its own.
        measured_args = list(chunk_args) if pacer else chunk_args
        energy.start_a()
        for i in range(spec.loops):
            ns = timed_pass(fn, measured_args, own, on_output=sink if i == 0 and not pacer else None, cpu=cpu,
                            calls=progress.call_timer(), pacer=pacer)
            result["samples_ns"].append(ns)
            progress.loop("measure", i + 1, spec.loops, ns)
        energy.stop_a()
        del measured_args
        if pacer:
            progress.phase("output")
            timed_pass(fn, chunk_args, own, on_output=sink)
        result["output_hash"] = sink.hasher.hexdigest()
        result["output_dtype"] = sink.dtype
        result["output"] = sink.close()
        result["cpu_user_s"], result["cpu_sys_s"] = round(cpu.user, 6), round(cpu.sys, 6)
    except BatchError as e:
        raise DriverError("bad_input", str(e), cause=e)
    finally:
        result["peak_rss_bytes"] = peak_rss_bytes()

    progress.phase("baseline")
    result["energy"] = energy.baseline()

    if spec.line_profile:
        progress.phase("line_profile")
        result["line_profile"] = line_profile_pass(fn, body, chunk_args, spec.science_dir)
    result["peak_rss_bytes"] = peak_rss_bytes()
    result["status"] = "ok"
    progress.phase("done")
    return result


def line_profile_pass(fn, body, chunk_args, science_dir):
    """Never fails the run: problems are reported inside the line_profile object."""
    if not shims.line_profiler_available():
        return {"status": "unavailable", "message": "line_profiler is not installed", "functions": []}
    try:
        lp = LineProfilePass([body] + list(shims.PROFILED))
        for _i, _n, args in chunk_args:
            lp.call(fn, args)
        out = lp.to_json(science_dir, roles={body.__code__: "entry"} if hasattr(body, "__code__") else None)
        out["status"] = "ok"
        return out
    except Exception as e:
        err = classify_module_error(e)
        return {"status": "error", "message": err.message, "functions": []}
