"""Import shells so real fink-science processor files import outside Spark.

(a) ``pyspark``: when it is not importable (or FINK_PERF_PYSPARK=stub), a minimal stand-in
    is registered in ``sys.modules``. ``pandas_udf`` returns a wrapper that keeps the plain
    function as ``__wrapped__`` and ``.func``, as pyspark's own wrapper does.
(b) ``line_profiler.profile``: always replaced by a registering decorator that records the
    functions the author marked and returns them unchanged (Debian's 4.0.2 has no
    ``profile``; with >= 4.1 we still want to know the marked functions, and the real one
    would add its own overhead). With no line_profiler at all, a stub module is registered.
"""
import functools
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types

PROFILED = []           # functions marked with @profile, in marking order
_state = {"pyspark": None, "line_profiler": None}


# --------------------------------------------------------------------------- profile

def profile(func):
    """Stand-in for ``line_profiler.profile``: remember ``func``, return it unchanged."""
    if func not in PROFILED:
        PROFILED.append(func)
    return func


def install_profile_shim():
    """Returns the line_profiler version string, or None when it is not installed."""
    try:
        import line_profiler
        version = getattr(line_profiler, "__version__", "unknown")
        if getattr(line_profiler, "__fink_perf_stub__", False):
            version = None
    except ImportError:
        line_profiler = types.ModuleType("line_profiler")
        line_profiler.__fink_perf_stub__ = True
        line_profiler.__version__ = None
        sys.modules["line_profiler"] = line_profiler
        version = None
    line_profiler.profile = profile
    _state["line_profiler"] = version
    return version


def line_profiler_available():
    mod = sys.modules.get("line_profiler")
    return mod is not None and hasattr(mod, "LineProfiler")


# --------------------------------------------------------------------------- pyspark

class _Anything(object):
    """Accepts any construction, attribute access, call or operator; stands for Spark
    objects (Columns, types, sessions) that module code touches at import time."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Anything()

    def __call__(self, *args, **kwargs):
        return _Anything()

    def __repr__(self):
        return "%s%r" % (type(self).__name__, self.args)

    def _op(self, *other):
        return _Anything()

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _op
    __truediv__ = __rtruediv__ = __and__ = __or__ = __invert__ = __neg__ = _op
    __lt__ = __le__ = __gt__ = __ge__ = __getitem__ = _op
    __eq__ = __ne__ = _op
    __hash__ = object.__hash__


class DataType(_Anything):
    def simpleString(self):
        return type(self).__name__.replace("Type", "").lower()


class StructField(DataType):
    def __init__(self, name=None, dataType=None, nullable=True, metadata=None, *args, **kwargs):
        DataType.__init__(self, name, dataType, nullable)
        self.name, self.dataType, self.nullable = name, dataType, nullable


class StructType(DataType):
    def __init__(self, fields=None, *args, **kwargs):
        DataType.__init__(self, fields)
        self.fields = list(fields or [])

    def add(self, field, data_type=None, nullable=True, metadata=None):
        self.fields.append(field if isinstance(field, StructField)
                           else StructField(field, data_type, nullable))
        return self

    @property
    def names(self):
        return [f.name for f in self.fields]

    def __iter__(self):
        return iter(self.fields)

    def __len__(self):
        return len(self.fields)


_TYPE_NAMES = ("NullType", "StringType", "BinaryType", "BooleanType", "DateType",
               "TimestampType", "TimestampNTZType", "DecimalType", "DoubleType", "FloatType",
               "ByteType", "IntegerType", "LongType", "ShortType", "ArrayType", "MapType",
               "AtomicType", "NumericType", "IntegralType", "FractionalType")


class PandasUDFType(object):
    SCALAR = 200
    SCALAR_ITER = 204
    GROUPED_MAP = 201
    GROUPED_AGG = 202


class _StubUDF(object):
    """What ``pandas_udf``/``udf`` return: calling it runs the plain function (handy in
    tests); ``func`` and ``__wrapped__`` give the plain function back."""

    def __init__(self, func, returnType, evalType):
        self.func = func
        self.returnType = returnType
        self.evalType = evalType
        functools.update_wrapper(self, func)  # sets __wrapped__, __name__, __doc__

    def __call__(self, *args, **kwargs):
        return self.func(*args, **kwargs)


def _udf_factory(default_eval):
    def make(f=None, returnType=None, functionType=None, useArrow=None):
        if f is not None and callable(f) and not isinstance(f, (DataType, str)):
            return _StubUDF(f, returnType, functionType or default_eval)

        def decorator(func):
            # pandas_udf(DoubleType(), PandasUDFType.SCALAR) puts the eval type second
            rtype, etype = f, functionType
            if isinstance(returnType, int):
                etype = returnType
            elif returnType is not None:
                rtype = returnType
            return _StubUDF(func, rtype, etype or default_eval)
        return decorator
    return make


def _module(name, attrs=None):
    mod = types.ModuleType(name)
    mod.__fink_perf_stub__ = True
    mod.__path__ = []          # a package, so any submodule can be imported
    mod.__dict__.update(attrs or {})

    def __getattr__(attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return type(attr, (_Anything,), {})  # any other name: a permissive class
    mod.__getattr__ = __getattr__
    return mod


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Resolves any ``pyspark.*`` submodule not built explicitly to a permissive module."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.startswith("pyspark."):
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        return _module(spec.name)

    def exec_module(self, module):
        pass


def _build_pyspark_stub():
    types_mod = _module("pyspark.sql.types", dict(
        DataType=DataType, StructType=StructType, StructField=StructField,
        **dict((n, type(n, (DataType,), {})) for n in _TYPE_NAMES)))
    functions = _module("pyspark.sql.functions", dict(
        pandas_udf=_udf_factory(PandasUDFType.SCALAR), udf=_udf_factory(100),
        PandasUDFType=PandasUDFType,
        col=lambda *a, **k: _Anything(*a), lit=lambda *a, **k: _Anything(*a),
        expr=lambda *a, **k: _Anything(*a), when=lambda *a, **k: _Anything(*a)))
    sql = _module("pyspark.sql", dict(functions=functions, types=types_mod))
    pyspark = _module("pyspark", dict(sql=sql, __version__="stub"))
    for m in (pyspark, sql, functions, types_mod):
        m.__spec__ = importlib.machinery.ModuleSpec(m.__name__, None, is_package=True)
        sys.modules[m.__name__] = m
    if not any(isinstance(f, _StubFinder) for f in sys.meta_path):
        sys.meta_path.append(_StubFinder())


def install_pyspark_shim():
    """Use real pyspark when importable (with pyarrow, which its pandas_udf needs),
    else the stand-in. Returns the pyspark version, or "stub"."""
    if _state["pyspark"] is not None:
        return _state["pyspark"]
    forced = os.environ.get("FINK_PERF_PYSPARK", "").lower() == "stub"
    real = (not forced and importlib.util.find_spec("pyspark") is not None
            and importlib.util.find_spec("pyarrow") is not None)
    version = None
    if real:
        try:
            import pyspark
            version = getattr(pyspark, "__version__", "unknown")
        except Exception:
            version = None
    if version is None:
        _build_pyspark_stub()
        version = "stub"
    _state["pyspark"] = version
    return version


def install_all():
    return {"pyspark": install_pyspark_shim(), "line_profiler": install_profile_shim()}
