"""One extra pass under a real line_profiler.LineProfiler; stats → contract JSON."""
import inspect
import os

from .entry import unwrap


def profilable(functions):
    """Plain Python functions, unwrapped and de-duplicated by code object, in order."""
    out, codes = [], set()
    for f in functions:
        f = unwrap(f)
        code = getattr(f, "__code__", None)
        if code is None or code in codes:
            continue
        codes.add(code)
        out.append(f)
    return out


class LineProfilePass(object):
    def __init__(self, functions):
        from line_profiler import LineProfiler
        self.functions = profilable(functions)
        self.profiler = LineProfiler()
        for f in self.functions:
            self.profiler.add_function(f)

    def call(self, fn, args):
        self.profiler.enable_by_count()
        try:
            return fn(*args)
        finally:
            self.profiler.disable_by_count()

    def to_json(self, science_dir=None, roles=None):
        stats = self.profiler.get_stats()
        unit_ns = float(stats.unit) * 1e9
        by_start = {}
        for (filename, first_lineno, _name), timings in stats.timings.items():
            by_start[(os.path.abspath(filename), first_lineno)] = timings
        functions = []
        for f in self.functions:
            code = f.__code__
            timings = by_start.get((os.path.abspath(code.co_filename), code.co_firstlineno), [])
            per_line = dict((ln, (hits, t)) for ln, hits, t in timings)
            try:
                source, start = inspect.getsourcelines(f)
            except (OSError, TypeError):
                source, start = [], code.co_firstlineno
            lines = []
            for k, text in enumerate(source):
                hits, t = per_line.get(start + k, (0, 0))
                lines.append({"line": start + k, "hits": int(hits),
                              "time_ns": int(round(t * unit_ns)), "source": text.rstrip("\n")})
            functions.append({
                "file": _display_path(code.co_filename, science_dir),
                "name": getattr(f, "__qualname__", f.__name__),
                "module": getattr(f, "__module__", None),
                "role": (roles or {}).get(code, "profile"),
                "first_line": start,
                "total_ns": sum(l["time_ns"] for l in lines),
                "lines": lines})
        return {"unit_s": float(stats.unit), "functions": functions}


def _display_path(path, science_dir):
    """Relative to science_dir when inside it: reports read the same on every machine."""
    path = os.path.abspath(path)
    if science_dir:
        root = os.path.abspath(science_dir)
        if path.startswith(root + os.sep):
            return os.path.relpath(path, root)
    return path
