"""``python3 -m fink_perf_driver.spark_worker SPEC.json``: one Spark task's partition, processed once.
``python3 -m fink_perf_driver.spark_worker --serve``: the same for one spec path per stdin line, in
one long-lived process, as PySpark reuses its Python workers (see :func:`serve`).

A Spark executor task writes its partition as a ``fink-perf-batch/1`` folder and starts this
worker, which reads it, calls the module once per chunk and writes the outputs as the canonical
byte stream of :mod:`output_hash` (rows in order). The task hands those bytes back to the Spark
driver, which hashes the partitions' streams in partition order: the same sha256 as the direct
driver's ``output_hash`` when the outputs are equal, whatever the partitioning.

Every phase is timed so the Java side can split the task's time: wall-clock stamps
(``time.time_ns``, comparable with the JVM's on the same host) for process start and import,
``perf_counter_ns`` durations for batch read, module compute and output serialisation.

SPEC.json is the driver's ``fink-perf-driver/1`` spec (module, entry, call, science_dir, batch,
args, output) plus ``output_stream`` (where the canonical output bytes go). Result JSON
(``fink-perf-spark-worker/1``): status, error, n_alerts, n_chunks, main_epoch_ns,
libs_epoch_ns, import_done_epoch_ns, end_epoch_ns, read_ns, compute_ns, serialize_ns,
output_hash (sha256 of this partition's stream), output_bytes, output_dtype.
Exit codes are the driver's.
"""
import time

MAIN_EPOCH_NS = time.time_ns()  # interpreter and package __init__ are up; nothing heavy imported yet

import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402

RESULT_FORMAT = "fink-perf-spark-worker/1"


class StreamTee(object):
    """Stands in for OutputHasher's sha256: the same canonical bytes go to a file and a digest."""

    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()
        self.n_bytes = 0

    def update(self, data):
        self.stream.write(data)
        self.digest.update(data)
        self.n_bytes += len(data)

    def hexdigest(self):
        return self.digest.hexdigest()


def new_result():
    return {"format": RESULT_FORMAT, "status": "error", "error": None, "reused": False,
            "n_alerts": None, "n_chunks": None,
            "main_epoch_ns": MAIN_EPOCH_NS, "libs_epoch_ns": None, "import_done_epoch_ns": None,
            "end_epoch_ns": None, "read_ns": 0, "compute_ns": 0, "serialize_ns": 0,
            "output_hash": None, "output_bytes": 0, "output_dtype": None}


def process(raw, result):
    """Fills ``result`` in place; raises DriverError on failure."""
    # Heavy imports (numpy, pandas) happen here, timed as part of the import phase.
    from . import shims
    from .batch import BatchError
    from .entry import import_entry, own_packages, parse_entry
    from .errors import DriverError
    from .output_hash import OutputHasher, describe_dtype
    from .runner import open_batch
    from .spec import RunSpec
    from .timing import ChunkArgs, call_module, check_output, row_invoker
    result["libs_epoch_ns"] = time.time_ns()

    spec = RunSpec(raw)
    stream_path = raw.get("output_stream")
    if not stream_path:
        raise DriverError("bad_spec", "spark worker spec has no 'output_stream' path")
    shims.install_all()
    _decorated, fn = import_entry(spec.entry, spec.science_dir)
    own = own_packages(spec.science_dir, parse_entry(spec.entry)[0])
    fn = row_invoker(fn) if spec.call == "udf" else fn
    result["import_done_epoch_ns"] = time.time_ns()

    # The parts tile the window [import_done, end]: the executor checks that nothing else is inside it
    # (docs/security.md), so output checks, frees and the stream's open count as serialisation.
    t0 = time.perf_counter_ns()
    reader = open_batch(spec)
    result["n_alerts"], result["n_chunks"] = reader.n_rows, reader.n_chunks
    chunks = iter(ChunkArgs(reader, spec.args, rows=spec.call == "udf"))
    read_ns = time.perf_counter_ns() - t0
    compute_ns = 0
    t0 = time.perf_counter_ns()
    hasher = OutputHasher()
    stream = open(stream_path, "wb")
    serialize_ns = time.perf_counter_ns() - t0
    try:
        hasher._h = StreamTee(stream)  # same encoding as the direct driver's hash, bytes kept
        while True:
            t0 = time.perf_counter_ns()
            try:
                _i, n_rows, args = next(chunks)
            except StopIteration:
                read_ns += time.perf_counter_ns() - t0
                break
            except BatchError as e:
                raise DriverError("bad_input", str(e), cause=e)
            read_ns += time.perf_counter_ns() - t0
            out, ns = call_module(fn, args, own)
            compute_ns += ns
            t0 = time.perf_counter_ns()
            check_output(out, n_rows)
            if result["output_dtype"] is None:
                result["output_dtype"] = describe_dtype(out)
            hasher.update(out)
            del out, args
            serialize_ns += time.perf_counter_ns() - t0
        t0 = time.perf_counter_ns()
        stream.flush()
        serialize_ns += time.perf_counter_ns() - t0
        result["end_epoch_ns"] = time.time_ns()
    finally:
        stream.close()
    result["read_ns"], result["compute_ns"], result["serialize_ns"] = read_ns, compute_ns, serialize_ns
    result["output_hash"] = hasher.hexdigest()
    result["output_bytes"] = hasher._h.n_bytes
    result["status"] = "ok"


def main(argv):
    from .errors import EXIT_BAD_SPEC
    if argv == ["--serve"]:
        return serve(private_requests())
    if len(argv) != 1:
        sys.stderr.write("usage: python3 -m fink_perf_driver.spark_worker SPEC.json | --serve\n")
        return EXIT_BAD_SPEC
    return run_spec(argv[0], new_result())


REPLY = "@@fink-perf-worker "


def private_requests():
    """The requests on a private copy of stdin; fd 0 then reads /dev/null, so a module that reads
    its standard input cannot swallow them."""
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = open(os.devnull, "r")
    return requests


def serve(requests):
    """Runs one spec per line of ``requests`` and answers each on the original stdout with
    ``@@fink-perf-worker {"spec": PATH, "exit": CODE}``. The module's own prints go to stderr
    (fd 1 is pointed there), so they cannot break the replies. Exits at end of input (the
    executor JVM is gone) or after a failed spec, whose module may have left state behind."""
    replies = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    first = True
    for line in requests:
        path = line.strip()
        if not path:
            continue
        result = new_result()
        if not first:
            # A reused worker: no interpreter start nor import to pay, the request arrives now.
            result["main_epoch_ns"] = time.time_ns()
        result["reused"] = not first
        first = False
        code = run_spec(path, result)
        replies.write(REPLY + json.dumps({"spec": path, "exit": code}) + "\n")
        if code != 0:
            return code
    return 0


def run_spec(spec_path, result):
    from .errors import EXIT_BAD_SPEC, EXIT_CRASH, EXIT_OK, DriverError
    output = None
    try:
        with open(spec_path, "r", encoding="utf-8") as f:
            raw = json.load(f)
        output = raw.get("output") if isinstance(raw, dict) else None
        process(raw, result)
        code = EXIT_OK
    except DriverError as e:
        from .runner import error_json
        result["error"] = error_json(e)
        code = e.exit_code
    except (OSError, ValueError) as e:
        result["error"] = {"kind": "bad_spec", "type": type(e).__name__, "message": str(e),
                           "missing_package": None, "traceback": traceback.format_exc()}
        code = EXIT_BAD_SPEC
    except BaseException as e:
        result["error"] = {"kind": "crash", "type": type(e).__name__, "message": str(e),
                           "missing_package": None, "traceback": traceback.format_exc()}
        code = EXIT_CRASH
    if result["end_epoch_ns"] is None:  # failed before the end of its work
        result["end_epoch_ns"] = time.time_ns()
    if result["error"]:
        sys.stderr.write("fink-perf-spark-worker: %s: %s\n" % (result["error"]["kind"], result["error"]["message"]))
    if output:
        try:
            with open(output, "w", encoding="utf-8") as f:
                json.dump(result, f, allow_nan=False, default=str)
        except Exception as e:
            sys.stderr.write("fink-perf-spark-worker: cannot write result %s: %s\n" % (output, e))
            return code or EXIT_CRASH
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
