import os
import subprocess
import sys
import textwrap
import unittest

from support import PYTHON_DIR


def run_snippet(code):
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR, FINK_PERF_PYSPARK="stub")
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                          capture_output=True, text=True, timeout=60)


class ShimTest(unittest.TestCase):
    """Run in subprocesses: the shims change sys.modules for the whole interpreter."""

    def test_pandas_udf_stub_imports_and_unwraps(self):
        p = run_snippet("""
            from fink_perf_driver import shims
            assert shims.install_pyspark_shim() == "stub"
            from pyspark.sql.functions import pandas_udf, PandasUDFType, col, lit, udf
            from pyspark.sql.types import (DoubleType, StringType, ArrayType, MapType, StructType,
                                           StructField, FloatType, IntegerType, LongType, BooleanType)
            from pyspark.sql import DataFrame, SparkSession
            from pyspark.sql.window import Window
            import pandas as pd
            from fink_perf_driver.entry import unwrap

            @pandas_udf(DoubleType())
            def f(x: pd.Series) -> pd.Series:
                return x * 2

            @pandas_udf(StructType([StructField("a", DoubleType(), True)]), PandasUDFType.SCALAR)
            def g(x):
                return x

            @pandas_udf(returnType=MapType(StringType(), ArrayType(FloatType())))
            def h(x):
                return x

            k = udf(lambda v: v, IntegerType())
            assert unwrap(f).__name__ == "f" and f.func is unwrap(f) and f.__wrapped__ is unwrap(f)
            assert unwrap(g).__name__ == "g" and g.evalType == PandasUDFType.SCALAR
            assert unwrap(h).__name__ == "h"
            assert callable(unwrap(k))
            assert list(f(pd.Series([1.0, 2.0]))) == [2.0, 4.0]
            col("a") + lit(1)
            print("OK")
        """)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("OK", p.stdout)

    def test_profile_registration(self):
        p = run_snippet("""
            from fink_perf_driver import shims
            version = shims.install_profile_shim()
            from line_profiler import profile

            @profile
            def hot(x):
                return x + 1

            assert hot(1) == 2
            assert shims.PROFILED == [hot], shims.PROFILED
            assert shims.line_profiler_available() == (version is not None)
            print("OK", version)
        """)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("OK", p.stdout)

    def test_profile_stub_without_line_profiler(self):
        p = run_snippet("""
            import sys
            sys.modules["line_profiler"] = None      # makes 'import line_profiler' fail
            from fink_perf_driver import shims
            del sys.modules["line_profiler"]
            import builtins
            real_import = builtins.__import__
            def no_lp(name, *a, **k):
                if name == "line_profiler" and "line_profiler" not in sys.modules:
                    raise ImportError("no line_profiler")
                return real_import(name, *a, **k)
            builtins.__import__ = no_lp
            assert shims.install_profile_shim() is None
            builtins.__import__ = real_import
            from line_profiler import profile
            assert not shims.line_profiler_available()
            print("OK")
        """)
        self.assertEqual(p.returncode, 0, p.stderr)


if __name__ == "__main__":
    unittest.main()
