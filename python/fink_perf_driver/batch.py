"""Read and write ``fink-perf-batch/1`` folders (see ARCHITECTURE.md).

The reader hands columns over exactly as a scalar pandas UDF receives them from Arrow:
list cells are numpy arrays in an object Series, a null list is ``None``; null floats are
NaN, ints with nulls become float64 with NaN, null strings and bools are ``None``.
Chunks are read one at a time, never all at once.
"""
import json
import os

import numpy as np
import pandas as pd

from . import BATCH_FORMAT

KINDS = ("scalar", "list")
DTYPES = ("float32", "float64", "int32", "int64", "bool", "string")
MANIFEST = "manifest.json"
DEFAULT_CHUNK_ROWS = 10000


class BatchError(Exception):
    """The batch folder is missing, incomplete or corrupt (driver exit code 3)."""


class Column(object):
    def __init__(self, name, kind, dtype):
        if kind not in KINDS:
            raise BatchError("column %r: unknown kind %r" % (name, kind))
        if dtype not in DTYPES:
            raise BatchError("column %r: unknown dtype %r" % (name, dtype))
        self.name, self.kind, self.dtype = name, kind, dtype

    def to_json(self):
        return {"name": self.name, "kind": self.kind, "dtype": self.dtype}


# --------------------------------------------------------------------------- reading

class BatchReader(object):
    """A batch folder; ``iter_chunks`` yields one chunk's columns at a time."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        manifest_path = os.path.join(self.path, MANIFEST)
        if not os.path.isfile(manifest_path):
            raise BatchError("no %s in batch folder %s" % (MANIFEST, self.path))
        try:
            with open(manifest_path, "r", encoding="utf-8") as f:
                manifest = json.load(f)
        except (ValueError, OSError) as e:
            raise BatchError("unreadable manifest %s: %s" % (manifest_path, e))
        self.manifest = manifest
        try:
            if manifest.get("format") != BATCH_FORMAT:
                raise BatchError("manifest format is %r, expected %r"
                                 % (manifest.get("format"), BATCH_FORMAT))
            self.columns = {}
            for c in manifest["columns"]:
                self.columns[c["name"]] = Column(c["name"], c["kind"], c["dtype"])
            self.chunks = [(str(c["dir"]), int(c["n_rows"])) for c in manifest["chunks"]]
            self.n_rows = int(manifest["n_rows"])
        except (KeyError, TypeError, AttributeError) as e:
            raise BatchError("malformed manifest %s: %r" % (manifest_path, e))
        if sum(n for _, n in self.chunks) != self.n_rows:
            raise BatchError("manifest n_rows %d differs from the sum over chunks %d"
                             % (self.n_rows, sum(n for _, n in self.chunks)))

    @property
    def n_chunks(self):
        return len(self.chunks)

    def check_columns(self, names):
        """Fail early (before any timing) if a column or one of its files is missing."""
        for name in names:
            col = self.columns.get(name)
            if col is None:
                raise BatchError("column %r is not in the batch (has: %s)"
                                 % (name, ", ".join(sorted(self.columns))))
            for chunk_dir, _ in self.chunks:
                for suffix in _required_files(col):
                    p = os.path.join(self.path, chunk_dir, name + suffix)
                    if not os.path.isfile(p):
                        raise BatchError("missing file %s" % p)

    def read_chunk(self, index, names):
        chunk_dir, n_rows = self.chunks[index]
        folder = os.path.join(self.path, chunk_dir)
        return dict((name, _read_column(folder, self.columns[name], n_rows)) for name in names)

    def iter_chunks(self, names):
        for i in range(len(self.chunks)):
            yield i, self.chunks[i][1], self.read_chunk(i, names)


def _required_files(col):
    files = [".values.npy"]
    if col.kind == "list":
        files.append(".offsets.npy")
    if col.dtype == "string":
        files.append(".stroffsets.npy")
    return files


def _load(folder, name, suffix, required=True):
    p = os.path.join(folder, name + suffix)
    if not os.path.isfile(p):
        if required:
            raise BatchError("missing file %s" % p)
        return None
    try:
        return np.load(p, allow_pickle=False)
    except Exception as e:  # corrupt header, truncated data, pickled object...
        raise BatchError("corrupt file %s: %s" % (p, e))


def _read_column(folder, col, n_rows):
    name = col.name
    values = _load(folder, name, ".values.npy")
    valid = _load(folder, name, ".valid.npy", required=False)
    stroffsets = _load(folder, name, ".stroffsets.npy") if col.dtype == "string" else None
    n_values = (len(stroffsets) - 1) if stroffsets is not None else len(values)
    if valid is not None and len(valid) != n_values:
        raise BatchError("%s: %d validity flags for %d values" % (name, len(valid), n_values))
    elements = _decode_values(col, values, stroffsets, valid, folder)
    if col.kind == "scalar":
        if len(elements) != n_rows:
            raise BatchError("%s in %s: %d values for %d rows" % (name, folder, len(elements), n_rows))
        return pd.Series(elements, name=name)
    offsets = _load(folder, name, ".offsets.npy").astype(np.int64)
    if len(offsets) != n_rows + 1 or (n_rows and offsets[-1] != len(elements)) or np.any(np.diff(offsets) < 0):
        raise BatchError("%s in %s: bad offsets" % (name, folder))
    rowvalid = _load(folder, name, ".rowvalid.npy", required=False)
    if rowvalid is not None and len(rowvalid) != n_rows:
        raise BatchError("%s in %s: bad rowvalid length" % (name, folder))
    cells = np.empty(n_rows, dtype=object)
    for i in range(n_rows):  # assigned one by one: numpy would otherwise broadcast arrays
        if rowvalid is None or rowvalid[i]:
            cells[i] = elements[offsets[i]:offsets[i + 1]]
    return pd.Series(cells, name=name, dtype=object)


def _decode_values(col, values, stroffsets, valid, folder):
    """Flat values → numpy array with nulls as Arrow→pandas would give them."""
    has_nulls = valid is not None and not bool(np.all(valid))
    try:
        if col.dtype == "string":
            raw = np.ascontiguousarray(values, dtype=np.uint8).tobytes()
            offs = stroffsets.astype(np.int64)
            if len(offs) == 0 or offs[-1] > len(raw) or np.any(np.diff(offs) < 0):
                raise BatchError("%s in %s: bad stroffsets" % (col.name, folder))
            out = np.empty(len(offs) - 1, dtype=object)
            for i in range(len(out)):
                if has_nulls and not valid[i]:
                    out[i] = None
                else:
                    out[i] = raw[offs[i]:offs[i + 1]].decode("utf-8")
            return out
        arr = np.asarray(values, dtype=np.dtype(col.dtype))  # native byte order
    except (ValueError, TypeError, UnicodeDecodeError) as e:
        raise BatchError("%s in %s: cannot decode values: %s" % (col.name, folder, e))
    if not has_nulls:
        return arr
    invalid = ~np.asarray(valid, dtype=bool)
    if col.dtype in ("float32", "float64"):
        arr = arr.copy()
        arr[invalid] = np.nan
        return arr
    if col.dtype in ("int32", "int64"):
        out = arr.astype(np.float64)
        out[invalid] = np.nan
        return out
    out = arr.astype(object)  # bool with nulls
    out[invalid] = None
    return out


# --------------------------------------------------------------------------- writing

class BatchWriter(object):
    """Writes a batch chunk by chunk, in the format the Java side writes; ``close()``
    writes the manifest last, so a half-written batch has no manifest."""

    def __init__(self, path, columns, chunk_rows=DEFAULT_CHUNK_ROWS, source=None, survey=None):
        self.path = os.path.abspath(path)
        self.columns = [c if isinstance(c, Column) else Column(*c) for c in columns]
        self.chunk_rows = int(chunk_rows)
        self.source, self.survey = source, survey
        self.chunks = []
        os.makedirs(self.path, exist_ok=True)

    def write_chunk(self, data):
        """``data``: column name → sequence (Series, list, array) of equal lengths."""
        lengths = set(len(data[c.name]) for c in self.columns)
        if len(lengths) != 1:
            raise BatchError("columns of one chunk must have the same length")
        n_rows = lengths.pop()
        chunk_dir = "chunk-%05d" % len(self.chunks)
        folder = os.path.join(self.path, chunk_dir)
        os.makedirs(folder, exist_ok=True)
        for col in self.columns:
            _write_column(folder, col, list(data[col.name]))
        self.chunks.append({"dir": chunk_dir, "n_rows": n_rows})

    def close(self):
        manifest = {"format": BATCH_FORMAT,
                    "n_rows": sum(c["n_rows"] for c in self.chunks),
                    "chunk_rows": self.chunk_rows, "source": self.source, "survey": self.survey,
                    "chunks": self.chunks, "columns": [c.to_json() for c in self.columns]}
        tmp = os.path.join(self.path, MANIFEST + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=1)
        os.replace(tmp, os.path.join(self.path, MANIFEST))


def write_batch(path, data, columns=None, chunk_rows=DEFAULT_CHUNK_ROWS, source=None, survey=None):
    """Write a whole table (name → sequence) as a batch split into ``chunk_rows`` chunks.
    Column kinds/dtypes are inferred unless ``columns`` (list of Column or tuples) is given."""
    if columns is None:
        columns = [infer_column(name, values) for name, values in data.items()]
    writer = BatchWriter(path, columns, chunk_rows, source, survey)
    n = len(next(iter(data.values()))) if data else 0
    for start in range(0, max(n, 1), chunk_rows):
        writer.write_chunk(dict((c.name, list(data[c.name])[start:start + chunk_rows])
                                for c in writer.columns))
        if n == 0:
            break
    writer.close()
    return writer


def _is_null(v):
    return v is None or (isinstance(v, float) and v != v)


def _write_column(folder, col, cells):
    if col.kind == "scalar":
        flat = cells
    else:
        rowvalid = np.array([c is not None for c in cells], dtype=bool)
        lengths = [0 if c is None else len(c) for c in cells]
        offsets = np.zeros(len(cells) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = [v for c in cells if c is not None for v in list(c)]
        np.save(os.path.join(folder, col.name + ".offsets.npy"), offsets)
        if not rowvalid.all():
            np.save(os.path.join(folder, col.name + ".rowvalid.npy"), rowvalid)
    if col.dtype == "string":
        valid = np.array([v is not None for v in flat], dtype=bool)
        encoded = [b"" if v is None else str(v).encode("utf-8") for v in flat]
        stroffsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=stroffsets[1:])
        values = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        np.save(os.path.join(folder, col.name + ".stroffsets.npy"), stroffsets)
    elif col.dtype in ("float32", "float64"):
        valid = np.array([v is not None for v in flat], dtype=bool)  # NaN is a value
        values = np.array([np.nan if v is None else v for v in flat], dtype=col.dtype)
    else:
        valid = np.array([not _is_null(v) for v in flat], dtype=bool)
        fill = False if col.dtype == "bool" else 0
        values = np.array([v if ok else fill for v, ok in zip(flat, valid)], dtype=col.dtype)
    np.save(os.path.join(folder, col.name + ".values.npy"), values)
    if not valid.all():
        np.save(os.path.join(folder, col.name + ".valid.npy"), valid)


def scalar_dtype_of(series):
    """Batch dtype for a pandas Series of scalars, or None if it does not fit the format."""
    kind = series.dtype.kind
    if kind == "f":
        return "float32" if series.dtype == np.float32 else "float64"
    if kind in "iu":
        return "int32" if series.dtype.itemsize <= 4 and kind == "i" else "int64"
    if kind == "b":
        return "bool"
    if kind != "O":
        return None
    seen = set()
    for v in series:
        if _is_null(v):
            continue
        if isinstance(v, str):
            seen.add("string")
        elif isinstance(v, (bool, np.bool_)):
            seen.add("bool")
        elif isinstance(v, (int, np.integer)):
            seen.add("int64")
        elif isinstance(v, (float, np.floating)):
            seen.add("float64")
        else:
            return None
    if not seen:
        return "string"
    if seen <= {"int64", "float64"}:
        return "float64" if "float64" in seen else "int64"
    return seen.pop() if len(seen) == 1 else None


def infer_column(name, values):
    """Column spec for a sequence of scalars or of list cells (used by tests and save_output)."""
    cells = list(values)
    if any(isinstance(c, (list, tuple, np.ndarray)) for c in cells):
        flat = [v for c in cells if c is not None for v in list(c)]
        if any(isinstance(c, np.ndarray) and c.dtype.kind in "fiub" for c in cells):
            dtype = str(np.concatenate([c for c in cells if isinstance(c, np.ndarray)]).dtype)
            dtype = {"bool": "bool"}.get(dtype, dtype)
            if dtype not in DTYPES:
                dtype = "float64" if "float" in dtype else "int64"
        else:
            dtype = scalar_dtype_of(pd.Series(flat, dtype=object))
        if dtype is None:
            raise BatchError("column %r: list elements do not fit the batch format" % name)
        return Column(name, "list", dtype)
    series = values if isinstance(values, pd.Series) else pd.Series(cells, dtype=object)
    dtype = scalar_dtype_of(series)
    if dtype is None:
        raise BatchError("column %r: values do not fit the batch format" % name)
    return Column(name, "scalar", dtype)
