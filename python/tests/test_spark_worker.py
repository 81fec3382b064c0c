import hashlib
import json
import os
import subprocess
import sys
import unittest

from support import EXAMPLES_SCIENCE, PYTHON_DIR, TempDirMixin, light_curves, run_driver, write_batch, write_module

LC_RATE = "fink_science.ztf.lc_features.processor:lc_rate"
LC_ARGS = [{"column": "cjd"}, {"column": "cfid"}, {"column": "cmagpsf"}, {"column": "csigmapsf"}]


def write_spec(spec, tmp, name):
    spec = dict(spec, output=os.path.join(tmp, name + ".result.json"),
                output_stream=os.path.join(tmp, name + ".out.bin"))
    path = os.path.join(tmp, name + ".spec.json")
    with open(path, "w") as f:
        json.dump(spec, f)
    return path, spec


def run_worker(spec, tmp, name):
    spec_path, spec = write_spec(spec, tmp, name)
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    p = subprocess.run([sys.executable, "-m", "fink_perf_driver.spark_worker", spec_path],
                       cwd=tmp, env=env, capture_output=True, text=True, timeout=120)
    with open(spec["output"]) as f:
        result = json.load(f)
    stream = None
    if os.path.exists(spec["output_stream"]):
        with open(spec["output_stream"], "rb") as f:
            stream = f.read()
    return p.returncode, result, stream, p.stderr


class WorkerFixture(TempDirMixin):

    def setUp(self):
        super().setUp()
        self.data = light_curves(30, seed=7)

    def batch(self, name, rows, chunk_rows=10000):
        path = os.path.join(self.tmp, name)
        write_batch(path, dict((k, v[rows]) for k, v in self.data.items()), chunk_rows=chunk_rows)
        return path

    def spec(self, batch, entry=LC_RATE, args=LC_ARGS, science=EXAMPLES_SCIENCE):
        return {"module": "m", "entry": entry, "call": "pandas_udf", "science_dir": science,
                "batch": batch, "args": args}


class SparkWorkerTest(WorkerFixture, unittest.TestCase):

    def test_partition_streams_concatenated_hash_like_the_direct_driver(self):
        whole = self.batch("whole", slice(0, 30))
        code, direct, _ = run_driver(dict(self.spec(whole), warmup=0, loops=1, line_profile=False,
                                          output=os.path.join(self.tmp, "direct.json")), self.tmp)
        self.assertEqual(0, code)
        streams = []
        # uneven partitions, the second one split over chunks: the hash must not care
        for name, rows, chunk in [("p0", slice(0, 11), 10000), ("p1", slice(11, 30), 4)]:
            code, res, stream, err = run_worker(self.spec(self.batch(name, rows, chunk)), self.tmp, name)
            self.assertEqual(0, code, err)
            self.assertEqual("ok", res["status"])
            self.assertEqual(hashlib.sha256(stream).hexdigest(), res["output_hash"])
            self.assertEqual(len(stream), res["output_bytes"])
            streams.append(stream)
        self.assertEqual(direct["output_hash"], hashlib.sha256(b"".join(streams)).hexdigest())

    def test_phases_are_timed_in_order(self):
        code, res, _, err = run_worker(self.spec(self.batch("b", slice(0, 30), 7)), self.tmp, "t")
        self.assertEqual(0, code, err)
        self.assertEqual(30, res["n_alerts"])
        self.assertEqual(5, res["n_chunks"])
        self.assertLessEqual(res["main_epoch_ns"], res["libs_epoch_ns"])
        self.assertLessEqual(res["libs_epoch_ns"], res["import_done_epoch_ns"])
        self.assertLessEqual(res["import_done_epoch_ns"], res["end_epoch_ns"])
        for k in ("read_ns", "compute_ns", "serialize_ns"):
            self.assertGreater(res[k], 0, k)
        inside = res["end_epoch_ns"] - res["import_done_epoch_ns"]
        self.assertLessEqual(res["read_ns"] + res["compute_ns"] + res["serialize_ns"], inside)

    def test_module_error_gives_driver_exit_code_and_result(self):
        science = os.path.join(self.tmp, "science")
        write_module(science, "pkg.bad", """
            def score(cjd):
                raise ValueError("boom")
        """)
        code, res, _, _ = run_worker(self.spec(self.batch("b", slice(0, 5)), entry="pkg.bad:score",
                                               args=[{"column": "cjd"}], science=science), self.tmp, "bad")
        self.assertEqual(5, code)
        self.assertEqual("error", res["status"])
        self.assertEqual("exception", res["error"]["kind"])
        self.assertIn("boom", res["error"]["message"])

    def test_spec_without_stream_is_bad_spec(self):
        spec_path = os.path.join(self.tmp, "s.json")
        out = os.path.join(self.tmp, "s.result.json")
        with open(spec_path, "w") as f:
            json.dump(dict(self.spec(self.batch("b", slice(0, 5))), output=out), f)
        p = subprocess.run([sys.executable, "-m", "fink_perf_driver.spark_worker", spec_path],
                           env=dict(os.environ, PYTHONPATH=PYTHON_DIR), capture_output=True, timeout=60)
        self.assertEqual(2, p.returncode)
        with open(out) as f:
            self.assertEqual("bad_spec", json.load(f)["error"]["kind"])


class ServeTest(WorkerFixture, unittest.TestCase):
    """--serve: one process, one spec per stdin line, as PySpark reuses its workers."""

    def serve(self, spec_paths):
        p = subprocess.run([sys.executable, "-m", "fink_perf_driver.spark_worker", "--serve"],
                           input="".join(path + "\n" for path in spec_paths), cwd=self.tmp,
                           env=dict(os.environ, PYTHONPATH=PYTHON_DIR), capture_output=True, text=True, timeout=120)
        return p.returncode, [json.loads(l[len("@@fink-perf-worker "):]) for l in p.stdout.splitlines()], p

    def test_second_request_reuses_the_process_with_the_same_output(self):
        science = os.path.join(self.tmp, "science")
        write_module(science, "pkg.chatty", """
            import sys
            def score(cjd):
                print("module says hi")
                sys.stdin.read()  # must not swallow the next request
                return cjd.apply(len)
        """)
        batch = self.batch("b", slice(0, 12), 5)
        specs = [write_spec(self.spec(batch, entry="pkg.chatty:score", args=[{"column": "cjd"}], science=science),
                            self.tmp, "r%d" % i) for i in range(2)]
        code, replies, p = self.serve([path for path, _ in specs])
        self.assertEqual(0, code, p.stderr)
        self.assertEqual([{"spec": path, "exit": 0} for path, _ in specs], replies)
        self.assertIn("module says hi", p.stderr, "module prints go to stderr, never into the replies")
        results = []
        for _, spec in specs:
            with open(spec["output"]) as f:
                results.append(json.load(f))
        self.assertEqual([False, True], [r["reused"] for r in results])
        self.assertEqual(results[0]["output_hash"], results[1]["output_hash"])
        second = results[1]
        self.assertLessEqual(second["main_epoch_ns"], second["import_done_epoch_ns"])
        self.assertLess(second["import_done_epoch_ns"] - second["main_epoch_ns"],
                        results[0]["import_done_epoch_ns"] - results[0]["main_epoch_ns"],
                        "a reused worker pays no interpreter start nor import")

    def test_a_failed_request_ends_the_worker(self):
        science = os.path.join(self.tmp, "science")
        write_module(science, "pkg.bad", """
            def score(cjd):
                raise ValueError("boom")
        """)
        batch = self.batch("b", slice(0, 5))
        bad, _ = write_spec(self.spec(batch, entry="pkg.bad:score", args=[{"column": "cjd"}], science=science),
                            self.tmp, "bad")
        good, _ = write_spec(self.spec(batch), self.tmp, "good")
        code, replies, _ = self.serve([bad, good])
        self.assertEqual(5, code)
        self.assertEqual([{"spec": bad, "exit": 5}], replies)


if __name__ == "__main__":
    unittest.main()
