"""``python3 -m fink_perf_driver.warm SPEC.json``: one module kept warm, one request per call.

The comparison of two fink-science versions alternates calls between two such processes (base and
head), so each must load the module and the batch once and then answer requests as they come.
The design is the ``--serve`` one of :mod:`spark_worker`: requests arrive on a private copy of
stdin (fd 0 reads /dev/null, so a module that reads stdin cannot swallow them), replies leave on a
private copy of stdout (fd 1 points to stderr, so a module's prints cannot break them).

SPEC.json is the driver's ``fink-perf-driver/1`` spec (module, entry, call, science_dir, batch,
args; loops, warmup and line_profile are ignored). Protocol ``fink-perf-warm/1``, one JSON object
per line each way; every reply line starts with ``@@fink-perf-warm``:

- unprompted, once loaded: ``{"op": "ready", "ok": true, "pid", "import_ns", "cpus", "n_alerts", "n_chunks"}``
  (``cpus``: where it may run; ``FINK_PERF_PIN_CPU`` = N or ``last`` pins it to one CPU)
- ``{"op": "call"}`` → one pass over every chunk: ``{"ok": true, "ns", "cpu_ns"}`` (the module
  calls only, by this process's clocks; the Java side times the round trip itself and does not
  trust these numbers, which the module's code could alter)
- ``{"op": "save", "dir", "column"}`` → one pass whose output is written as a one-column batch and
  hashed: ``{"ok": true, "output_hash", "output_dtype", "output": {dir, column, dtype} | null,
  "save_error": reason | null}``
- ``{"op": "line_profile"}`` → one pass under line_profiler: ``{"ok": true, "line_profile"}``
- ``{"op": "stats"}`` → ``{"ok": true, "peak_rss_bytes"}``

A failed request is answered ``{"ok": false, "error": {...}, "exit": CODE}`` (driver exit codes)
and the process leaves: the module may have left broken state behind. End of input ends it (0).
"""
import json
import os
import sys
import time
import traceback

REPLY = "@@fink-perf-warm "


class WarmModule(object):
    """The module imported and its arguments built once; every pass reuses them."""

    cpus = None  # the CPUs this process may run on, once pinned

    def __init__(self, raw):
        from . import shims
        from .entry import import_entry, own_packages, parse_entry
        from .runner import open_batch
        from .spec import RunSpec
        from .timing import ChunkArgs, row_invoker
        raw = dict(raw)
        raw.setdefault("output", os.devnull)  # RunSpec wants one; results go back as replies
        self.spec = RunSpec(raw)
        self.reader = open_batch(self.spec)
        t0 = time.perf_counter_ns()
        shims.install_all()
        _decorated, self.body = import_entry(self.spec.entry, self.spec.science_dir)
        self.import_ns = time.perf_counter_ns() - t0
        self.own = own_packages(self.spec.science_dir, parse_entry(self.spec.entry)[0])
        self.fn = row_invoker(self.body) if self.spec.call == "udf" else self.body
        self.chunk_args = ChunkArgs(self.reader, self.spec.args, rows=self.spec.call == "udf")
        self.chunks = self._read_chunks()

    def _read_chunks(self):
        from .batch import BatchError
        from .errors import DriverError
        try:
            return list(self.chunk_args)
        except BatchError as e:
            raise DriverError("bad_input", str(e), cause=e)

    def ready(self):
        return {"pid": os.getpid(), "import_ns": self.import_ns, "cpus": self.cpus,
                "n_alerts": self.reader.n_rows, "n_chunks": self.reader.n_chunks}

    def call(self, on_output=None):
        from .timing import call_module, check_output
        ns = 0
        cpu0 = time.thread_time_ns()
        for i, n_rows, args in self.chunks:
            out, took = call_module(self.fn, args, self.own)
            ns += took
            check_output(out, n_rows)
            if on_output is not None:
                on_output(i, out)
            del out
        return {"ns": ns, "cpu_ns": time.thread_time_ns() - cpu0}

    def save(self, folder, column):
        from .errors import DriverError
        from .runner import OutputSink
        sink = OutputSink(self.reader, folder, column)
        save_error = []

        def keep(i, out):
            try:
                sink(i, out)
            except DriverError as e:  # not savable as a batch column: hashed all the same
                if e.kind != "bad_output":
                    raise
                save_error.append(e.message)
                sink.save_dir = None  # OutputSink hashes a chunk before it tries to save it

        self.call(on_output=keep)
        return {"output_hash": sink.hasher.hexdigest(), "output_dtype": sink.dtype,
                "output": None if save_error else sink.close(),
                "save_error": save_error[0] if save_error else None}

    def line_profile(self):
        from .runner import line_profile_pass
        return {"line_profile": line_profile_pass(self.fn, self.body, self.chunks, self.spec.science_dir)}

    @staticmethod
    def stats():
        from .environment import peak_rss_bytes
        return {"peak_rss_bytes": peak_rss_bytes()}


def handle(module, request):
    op = request.get("op") if isinstance(request, dict) else None
    if op == "call":
        return module.call()
    if op == "save":
        return module.save(str(request["dir"]), str(request["column"]))
    if op == "line_profile":
        return module.line_profile()
    if op == "stats":
        return module.stats()
    from .errors import DriverError
    raise DriverError("bad_spec", "unknown request %r" % (request,))


def failure(op, e):
    from .errors import EXIT_BAD_SPEC, EXIT_CRASH, DriverError
    from .runner import error_json
    if isinstance(e, DriverError):
        return {"op": op, "ok": False, "error": error_json(e), "exit": e.exit_code}
    kind, code = ("bad_spec", EXIT_BAD_SPEC) if isinstance(e, (OSError, ValueError, KeyError)) else ("crash", EXIT_CRASH)
    return {"op": op, "ok": False, "exit": code,
            "error": {"kind": kind, "type": type(e).__name__, "message": str(e), "missing_package": None,
                      "traceback": traceback.format_exc()}}


def serve(spec_path, requests, replies):
    def answer(reply):
        replies.write(REPLY + json.dumps(reply, allow_nan=False, default=str) + "\n")
        replies.flush()
        return reply

    try:
        with open(spec_path, "r", encoding="utf-8") as f:
            module = WarmModule(json.load(f))
        answer(dict(op="ready", ok=True, **module.ready()))
    except BaseException as e:
        return answer(failure("ready", e))["exit"]
    for line in requests:
        if not line.strip():
            continue
        op = None
        try:
            request = json.loads(line)
            op = request.get("op")
            reply = handle(module, request)
        except BaseException as e:
            reply = failure(op, e)
            sys.stderr.write("fink-perf-warm: %s: %s\n" % (reply["error"]["kind"], reply["error"]["message"]))
            return answer(reply)["exit"]
        answer(dict(op=op, ok=True, **reply))
    return 0


def pin_cpu(choice):
    """``FINK_PERF_PIN_CPU``: a CPU number, or ``last`` (the highest this process may use). The processes
    of one comparison take turns, never run at once, and all pin to the same CPU: none of them keeps a
    core of its own that a neighbour shares less (or more) than the others'. Returns the CPUs in use."""
    try:
        if choice:
            allowed = os.sched_getaffinity(0)
            cpu = max(allowed) if choice == "last" else int(choice)
            os.sched_setaffinity(0, {cpu})
        return sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError, ValueError):
        return None


def main(argv):
    from .errors import EXIT_BAD_SPEC
    from .spark_worker import private_requests
    if len(argv) != 1:
        sys.stderr.write("usage: python3 -m fink_perf_driver.warm SPEC.json\n")
        return EXIT_BAD_SPEC
    WarmModule.cpus = pin_cpu(os.environ.get("FINK_PERF_PIN_CPU"))
    requests = private_requests()
    replies = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return serve(argv[0], requests, replies)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
