"""sha256 over a canonical, chunk-independent serialisation of module outputs.

Rows are hashed in order as one stream, so the hash does not depend on how rows were
split into chunks. As Arrow does for a pandas UDF's result, NaN counts as null. Numbers
are encoded as float64 (ints beyond 2**53 exactly), so an int Series and a float Series
holding the same values (pandas upcasts ints when a chunk has nulls) hash the same.
"""
import hashlib
import struct

import numpy as np
import pandas as pd

_NUM = np.dtype([("t", "S1"), ("v", "<f8")])
_NULL = b"N" + b"\0" * 8
_EXACT = 2 ** 53


def _encode_numeric_array(arr):
    """Tagged 9-byte records, identical to _encode_value's for each element."""
    kind = arr.dtype.kind
    if kind == "i" or kind == "u":
        if arr.size and np.abs(arr.astype(np.float64)).max() >= _EXACT:
            return b"".join(_encode_value(v) for v in arr.tolist())
    rec = np.zeros(arr.size, dtype=_NUM)
    if kind == "b":
        rec["t"] = b"b"
        rec["v"] = arr.astype(np.float64)
        return rec.tobytes()
    vals = arr.astype(np.float64)
    nan = np.isnan(vals)
    rec["t"] = np.where(nan, b"N", b"n")
    rec["v"] = np.where(nan, 0.0, vals)
    return rec.tobytes()


def _encode_value(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return _NULL
    if isinstance(v, (bool, np.bool_)):
        return b"b" + struct.pack("<d", float(v))
    if isinstance(v, (int, np.integer)):
        if abs(int(v)) < _EXACT:
            return b"n" + struct.pack("<d", float(v))
        s = str(int(v)).encode()
        return b"I" + struct.pack("<I", len(s)) + s
    if isinstance(v, (float, np.floating)):
        return _NULL if v != v else b"n" + struct.pack("<d", float(v))
    if isinstance(v, str):
        b = v.encode("utf-8")
        return b"s" + struct.pack("<I", len(b)) + b
    if isinstance(v, bytes):
        return b"y" + struct.pack("<I", len(v)) + v
    if isinstance(v, np.ndarray) and v.dtype.kind in "fiub":
        flat = v.ravel()
        return b"L" + struct.pack("<I", flat.size) + _encode_numeric_array(flat)
    if isinstance(v, (list, tuple, np.ndarray)):
        return b"L" + struct.pack("<I", len(v)) + b"".join(_encode_value(x) for x in v)
    if isinstance(v, dict):
        items = sorted(v.items(), key=lambda kv: repr(kv[0]))
        return b"M" + struct.pack("<I", len(items)) + b"".join(
            _encode_value(k) + _encode_value(x) for k, x in items)
    r = repr(v).encode("utf-8")
    return b"r" + struct.pack("<I", len(r)) + r


class OutputHasher(object):
    def __init__(self):
        self._h = hashlib.sha256()
        self.n_rows = 0

    def update(self, out):
        if isinstance(out, pd.DataFrame):
            for row in out.itertuples(index=False, name=None):
                self._h.update(b"R" + b"".join(_encode_value(v) for v in row))
        else:
            values = np.asarray(out)
            if values.dtype.kind in "fiub":
                self._h.update(_encode_numeric_array(values.ravel()))
            else:
                for v in values:
                    self._h.update(_encode_value(v))
        self.n_rows += len(out)

    def hexdigest(self):
        return self._h.hexdigest()


def describe_dtype(out):
    """``float64``, ``object[str]``, ``DataFrame{a:float64,b:bool}``..."""
    if isinstance(out, pd.DataFrame):
        return "DataFrame{%s}" % ",".join("%s:%s" % (c, describe_dtype(out[c])) for c in out.columns)
    dtype = str(out.dtype)
    if dtype != "object":
        return dtype
    kinds = sorted(set(type(v).__name__ for v in out if v is not None))
    return "object[%s]" % "|".join(kinds) if kinds else "object"
