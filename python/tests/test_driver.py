import json
import os
import unittest

import numpy as np

from support import TempDirMixin, light_curves, run_driver, write_batch, write_module
from fink_perf_driver.batch import BatchReader

SLOW_MODULE = """
    import numpy as np
    import pandas as pd
    from line_profiler import profile
    from pyspark.sql.functions import pandas_udf
    from pyspark.sql.types import DoubleType

    @profile
    def pair_sum(mags):
        total = 0.0
        for i in range(len(mags)):
            for j in range(len(mags)):
                total += (abs(mags[i] - mags[j]) ** 0.5 + (mags[i] * mags[j]) % 1.7) * 1e-3
        return total

    @pandas_udf(DoubleType())
    def score(cjd: pd.Series, cmagpsf: pd.Series, scale) -> pd.Series:
        out = [pair_sum([m for m in mags if m == m]) * scale.values[0] for mags in cmagpsf]
        return pd.Series(out, dtype=float)
"""

BAD_MODULES = {
    "raising": """
        import pandas as pd
        def score(cjd, cmagpsf, scale):
            raise ValueError("boom in module")
    """,
    "missing": """
        import not_a_real_pkg_xyz
        def score(cjd, cmagpsf, scale):
            return cjd
    """,
    "lazy_missing": """
        def score(cjd, cmagpsf, scale):
            import another_missing_pkg_abc
    """,
    "wrong_length": """
        import pandas as pd
        def score(cjd, cmagpsf, scale):
            return pd.Series([1.0])
    """,
}


class DriverRunTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.science = os.path.join(self.tmp, "science")
        write_module(self.science, "toy_science.slow.processor", SLOW_MODULE)
        for name, src in BAD_MODULES.items():
            write_module(self.science, "toy_science.%s.processor" % name, src)
        self.batch = os.path.join(self.tmp, "batch")
        write_batch(self.batch, light_curves(30, max_len=25), chunk_rows=8)

    def spec(self, module="slow", **extra):
        spec = {"format": "fink-perf-driver/1", "module": module,
                "entry": "toy_science.%s.processor:score" % module, "call": "pandas_udf",
                "science_dir": self.science, "batch": self.batch,
                "args": [{"column": "cjd"}, {"column": "cmagpsf"}, {"literal": 2.0}],
                "warmup": 1, "loops": 3, "line_profile": True,
                "output": os.path.join(self.tmp, "out", module + ".result.json")}
        spec.update(extra)
        return spec

    def test_full_run(self):
        code, result, stderr = run_driver(self.spec(), self.tmp)
        self.assertEqual(code, 0, stderr)
        self.assertEqual(result["status"], "ok")
        self.assertEqual(result["n_alerts"], 30)
        self.assertEqual(result["n_chunks"], 4)
        self.assertEqual(len(result["samples_ns"]), 3)
        self.assertEqual(len(result["warmup_ns"]), 1)
        self.assertTrue(all(isinstance(s, int) and s > 0 for s in result["samples_ns"]))
        self.assertGreater(result["import_ns"], 0)
        self.assertGreater(result["peak_rss_bytes"], 10 * 1024 * 1024)
        self.assertGreaterEqual(result["cpu_user_s"], 0.0)
        self.assertEqual(len(result["output_hash"]), 64)
        self.assertEqual(result["output_dtype"], "float64")
        self.assertEqual(result["python"]["pyspark"], "stub")
        # progress events, one per line
        events = [json.loads(l[len("@@fink-perf "):]) for l in stderr.splitlines()
                  if l.startswith("@@fink-perf ")]
        self.assertIn({"event": "phase", "phase": "import"}, events)
        loops = [e for e in events if e["event"] == "loop" and e["kind"] == "measure"]
        self.assertEqual([e["i"] for e in loops], [1, 2, 3])
        self.assertEqual([e["ns"] for e in loops], result["samples_ns"])

    def test_line_profile_hot_line(self):
        code, result, stderr = run_driver(self.spec(loops=1), self.tmp)
        self.assertEqual(code, 0, stderr)
        lp = result["line_profile"]
        self.assertEqual(lp["status"], "ok")
        by_name = dict((f["name"], f) for f in lp["functions"])
        self.assertEqual(set(by_name), {"score", "pair_sum"})
        self.assertEqual(by_name["score"]["role"], "entry")
        self.assertEqual(by_name["pair_sum"]["file"], os.path.join("toy_science", "slow", "processor.py"))
        pair = by_name["pair_sum"]
        hot = max(pair["lines"], key=lambda l: l["time_ns"])
        self.assertIn("total +=", hot["source"])
        self.assertGreater(hot["time_ns"], 0.3 * pair["total_ns"])
        # every source line is there, unexecuted ones with 0 hits
        self.assertEqual(pair["lines"][0]["source"].strip(), "@profile")
        self.assertEqual(pair["lines"][0]["hits"], 0)
        self.assertEqual([l["line"] for l in pair["lines"]],
                         list(range(pair["first_line"], pair["first_line"] + len(pair["lines"]))))

    def test_save_output_and_hash_across_chunkings(self):
        out_dir = os.path.join(self.tmp, "saved")
        code, result, stderr = run_driver(
            self.spec(loops=1, line_profile=False, save_output={"dir": out_dir, "column": "slow_score"}),
            self.tmp)
        self.assertEqual(code, 0, stderr)
        reader = BatchReader(out_dir)
        self.assertEqual(reader.n_rows, 30)
        self.assertEqual(reader.n_chunks, 4)
        self.assertEqual(list(reader.columns), ["slow_score"])
        values = np.concatenate([c["slow_score"].values for _, _, c in reader.iter_chunks(["slow_score"])])
        self.assertEqual(len(values), 30)
        self.assertIsNone(result["line_profile"])
        # same data, other chunking: same hash
        other = os.path.join(self.tmp, "batch-big")
        write_batch(other, light_curves(30, max_len=25), chunk_rows=1000)
        code2, result2, stderr2 = run_driver(self.spec(batch=other, loops=1, line_profile=False,
                                                       output=os.path.join(self.tmp, "o2.json")), self.tmp)
        self.assertEqual(code2, 0, stderr2)
        self.assertEqual(result2["n_chunks"], 1)
        self.assertEqual(result["output_hash"], result2["output_hash"])

    def test_row_wise_udf_call(self):
        write_module(self.science, "toy_science.rowwise.processor", """
            def score(cjd, cmagpsf, scale):
                assert isinstance(cmagpsf, list) and isinstance(scale, float)
                return float(len([m for m in cmagpsf if m is not None])) * scale
        """)
        code, result, stderr = run_driver(self.spec("rowwise", call="udf", loops=2), self.tmp)
        self.assertEqual(code, 0, stderr)
        self.assertEqual(len(result["samples_ns"]), 2)

    def failing_run(self, spec, code, kind):
        """Runs the driver on spec, checks its exit code and error kind, and returns its result."""
        got, result, stderr = run_driver(spec, self.tmp)
        self.assertEqual(got, code, stderr)
        self.assertEqual(result["error"]["kind"], kind)
        return result

    def test_module_raising(self):
        result = self.failing_run(self.spec("raising"), 5, "exception")
        self.assertEqual(result["status"], "error")
        self.assertEqual(result["error"]["type"], "ValueError")
        self.assertIn("boom in module", result["error"]["traceback"])

    def test_missing_package_at_import(self):
        result = self.failing_run(self.spec("missing"), 7, "missing_package")
        self.assertEqual(result["error"]["missing_package"], "not_a_real_pkg_xyz")

    def test_missing_package_at_call(self):
        result = self.failing_run(self.spec("lazy_missing"), 7, "missing_package")
        self.assertEqual(result["error"]["missing_package"], "another_missing_pkg_abc")

    def test_entry_not_found(self):
        self.failing_run(self.spec(entry="toy_science.nope.processor:score"), 4, "import")

    def test_wrong_output_length(self):
        self.failing_run(self.spec("wrong_length"), 6, "bad_output")

    def test_corrupt_batch(self):
        with open(os.path.join(self.batch, "chunk-00001", "cjd.values.npy"), "wb") as f:
            f.write(b"not an npy file")
        self.failing_run(self.spec(), 3, "bad_input")

    def test_missing_manifest(self):
        os.remove(os.path.join(self.batch, "manifest.json"))
        self.failing_run(self.spec(), 3, "bad_input")

    def test_bad_spec(self):
        spec = self.spec()
        spec["loops"] = 0
        self.failing_run(spec, 2, "bad_spec")

    def test_noop_bench_module(self):
        code, result, stderr = run_driver(self.spec(entry="fink_perf_driver.bench_modules:noop",
                                                    line_profile=False), self.tmp)
        self.assertEqual(code, 0, stderr)
        self.assertEqual(result["output_dtype"], "float64")


if __name__ == "__main__":
    unittest.main()
