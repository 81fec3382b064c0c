"""SPEC.json of ``fink-perf-driver/1``, validated once at the edge."""
import json

from . import DRIVER_FORMAT
from .errors import DriverError


class RunSpec(object):
    def __init__(self, d):
        if not isinstance(d, dict):
            raise DriverError("bad_spec", "spec must be a JSON object")
        self.raw = d
        self.output = d.get("output")
        try:
            self.module = str(d.get("module") or d["entry"])
            self.entry = str(d["entry"])
            self.science_dir = d.get("science_dir")
            self.batch = str(d["batch"])
            self.args = [self._arg(a) for a in d.get("args", [])]
            self.warmup = int(d.get("warmup", 1))
            self.loops = int(d.get("loops", 5))
            self.line_profile = bool(d.get("line_profile", True))
            self.call = str(d.get("call") or "pandas_udf")
            save = d.get("save_output")
            self.save_dir = str(save["dir"]) if save else None
            self.save_column = str(save["column"]) if save else None
            self.scale = d.get("scale")
        except (KeyError, TypeError, ValueError) as e:
            raise DriverError("bad_spec", "invalid spec: %r" % (e,))
        if not self.output:
            raise DriverError("bad_spec", "spec has no 'output' path")
        if d.get("format", DRIVER_FORMAT) != DRIVER_FORMAT:
            raise DriverError("bad_spec", "spec format %r, expected %r" % (d.get("format"), DRIVER_FORMAT))
        if self.call not in ("pandas_udf", "udf"):
            raise DriverError("bad_spec", "call must be 'pandas_udf' or 'udf', got %r" % self.call)
        if self.warmup < 0 or self.loops < 1:
            raise DriverError("bad_spec", "need warmup >= 0 and loops >= 1")

    @staticmethod
    def _arg(a):
        if not isinstance(a, dict) or (("column" in a) == ("literal" in a)):
            raise DriverError("bad_spec", "each arg is {\"column\": name} or {\"literal\": value}, got %r" % (a,))
        return a

    @property
    def columns(self):
        """Batch columns the module reads, without duplicates, in argument order."""
        seen = []
        for a in self.args:
            if "column" in a and a["column"] not in seen:
                seen.append(a["column"])
        return seen


def load_spec(path):
    try:
        with open(path, "r", encoding="utf-8") as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        raise DriverError("bad_spec", "cannot read spec %s: %s" % (path, e))
    return d
