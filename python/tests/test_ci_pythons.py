"""The driver on the Pythons of fink-science's CI images: 3.9 (ZTF sentinel) and 3.11 (Rubin sentinel).

Those interpreters come from pyenv on these machines, without numpy/pandas: the driver must at least
compile and import there, and its numpy-free parts (env, check-packages, the pyspark stub, spec
checks, the missing-numpy message) must work. A missing interpreter skips with the reason.
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROJECT = os.path.dirname(PYTHON_DIR)
NUMPY_FREE = ["fink_perf_driver", "fink_perf_driver.errors", "fink_perf_driver.spec",
              "fink_perf_driver.environment", "fink_perf_driver.progress", "fink_perf_driver.cputime",
              "fink_perf_driver.energy", "fink_perf_driver.entry", "fink_perf_driver.shims",
              "fink_perf_driver.lineprof", "fink_perf_driver.spark_worker", "fink_perf_driver.__main__"]


def find_python(version):
    """pythonX.Y on the PATH (pyenv shims included), else pyenv's own versions folder."""
    name = "python" + version
    candidates = [shutil.which(name)]
    for root in (os.path.expanduser("~/.pyenv/versions"), "/opt/pyenv/versions"):
        candidates += sorted(glob.glob(os.path.join(root, version + ".*", "bin", name)), reverse=True)
    for c in candidates:
        if c and os.access(c, os.X_OK):
            probe = subprocess.run([c, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                   capture_output=True, text=True, timeout=60)
            if probe.returncode == 0 and probe.stdout.strip() == version:
                return c
    return None


class _CiPython(object):
    VERSION = None

    @classmethod
    def setUpClass(cls):
        cls.python = find_python(cls.VERSION)
        if cls.python is None:
            raise unittest.SkipTest("no python%s here (looked on the PATH, in ~/.pyenv/versions and "
                                    "/opt/pyenv/versions): install it with pyenv to check the driver "
                                    "on the CI image's Python" % cls.VERSION)

    def run_py(self, args, **kw):
        env = dict(os.environ, PYTHONPATH=PYTHON_DIR, FINK_PERF_PYSPARK="stub", PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYENV_VERSION", None)
        return subprocess.run([self.python] + args, env=env, capture_output=True, text=True, timeout=120, **kw)

    def has(self, module):
        return self.run_py(["-c", "import " + module]).returncode == 0

    def test_it_is_the_version_asked_for(self):
        p = self.run_py(["-c", "import sys; print(sys.version_info[:2])"])
        self.assertEqual("(%s)" % self.VERSION.replace(".", ", "), p.stdout.strip())

    def test_every_driver_and_example_source_compiles(self):
        sources = sorted(glob.glob(os.path.join(PYTHON_DIR, "fink_perf_driver", "*.py"))
                         + glob.glob(os.path.join(PROJECT, "examples", "science", "**", "*.py"), recursive=True))
        self.assertGreater(len(sources), 15)
        code = "import sys\nfor p in sys.argv[1:]:\n    compile(open(p, encoding='utf-8').read(), p, 'exec')\n"
        p = self.run_py(["-c", code] + sources)
        self.assertEqual(0, p.returncode, p.stderr)

    def test_numpy_free_modules_import(self):
        for module in NUMPY_FREE:
            with self.subTest(module=module):
                p = self.run_py(["-c", "import " + module])
                self.assertEqual(0, p.returncode, p.stderr)

    def test_env_reports_this_python(self):
        p = self.run_py(["-m", "fink_perf_driver", "env"])
        self.assertEqual(0, p.returncode, p.stderr)
        env = json.loads(p.stdout)
        self.assertTrue(env["python"].startswith(self.VERSION + "."), env)
        self.assertEqual(self.has("numpy"), env.get("numpy") is not None, env)

    def test_check_packages_names_every_missing_one(self):
        p = self.run_py(["-m", "fink_perf_driver", "check-packages", "json,numpy,pandas,not_a_real_pkg_a,not_a_real_pkg_b"])
        self.assertEqual(7, p.returncode, p.stderr)
        out = json.loads(p.stdout)
        self.assertIn("json", out["present"])
        expected = [n for n in ("numpy", "pandas") if not self.has(n)] + ["not_a_real_pkg_a", "not_a_real_pkg_b"]
        self.assertEqual(expected, out["missing"])

    def test_pyspark_stub_lets_a_fink_processor_import(self):
        p = self.run_py(["-c", textwrap.dedent("""
            from fink_perf_driver import shims
            assert shims.install_pyspark_shim() == "stub"
            shims.install_profile_shim()
            from pyspark.sql.functions import pandas_udf
            from pyspark.sql.types import DoubleType
            from line_profiler import profile
            from fink_perf_driver.entry import unwrap

            @pandas_udf(DoubleType())
            @profile
            def f(x):
                return [len(v) for v in x]

            print(unwrap(f)([[1, 2], [3]]))
            """)])
        self.assertEqual(0, p.returncode, p.stderr)
        self.assertEqual("[2, 1]", p.stdout.strip())

    def test_bad_spec_is_refused_without_numpy_involved(self):
        from_spec = textwrap.dedent("""
            from fink_perf_driver.errors import DriverError
            from fink_perf_driver.spec import RunSpec
            try:
                RunSpec({"module": "m"})
            except DriverError as e:
                print(e.kind)
            """)
        p = self.run_py(["-c", from_spec])
        self.assertEqual(0, p.returncode, p.stderr)
        self.assertEqual("bad_spec", p.stdout.strip())

    def test_run_without_numpy_says_so_with_exit_7(self):
        if self.has("numpy") and self.has("pandas"):
            self.skipTest("python%s has numpy and pandas: covered by test_driver" % self.VERSION)
        with tempfile.TemporaryDirectory() as tmp:
            spec = os.path.join(tmp, "spec.json")
            with open(spec, "w") as f:
                json.dump({}, f)
            p = self.run_py(["-m", "fink_perf_driver", "run", spec])
        self.assertEqual(7, p.returncode, p.stderr)
        self.assertIn("missing_package: the driver needs", p.stderr)
        self.assertIn("python " + self.VERSION + ".", p.stderr)


class Python39Test(_CiPython, unittest.TestCase):
    VERSION = "3.9"


class Python311Test(_CiPython, unittest.TestCase):
    VERSION = "3.11"


if __name__ == "__main__":
    unittest.main()
