import json
import os
import subprocess
import sys
import unittest

from support import EXAMPLES_SCIENCE, PYTHON_DIR, TempDirMixin, light_curves, write_batch, write_module

LC_RATE = "fink_science.ztf.lc_features.processor:lc_rate"
LC_ARGS = [{"column": "cjd"}, {"column": "cfid"}, {"column": "cmagpsf"}, {"column": "csigmapsf"}]
REPLY = "@@fink-perf-warm "


class Warm(object):
    """A warm driver process and its private request/reply pipes."""

    def __init__(self, spec_path, tmp, **more_env):
        env = dict(os.environ, PYTHONPATH=PYTHON_DIR, **more_env)
        self.p = subprocess.Popen([sys.executable, "-m", "fink_perf_driver.warm", spec_path], cwd=tmp, env=env,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def reply(self):
        line = self.p.stdout.readline()
        if not line:
            return None
        assert line.startswith(REPLY), line
        return json.loads(line[len(REPLY):])

    def ask(self, **request):
        self.p.stdin.write(json.dumps(request) + "\n")
        self.p.stdin.flush()
        return self.reply()

    def close(self):
        self.p.stdin.close()
        code = self.p.wait(60)
        err = self.p.stderr.read()
        self.p.stdout.close()
        self.p.stderr.close()
        return code, err


class WarmProtocolTest(TempDirMixin, unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.batch = os.path.join(self.tmp, "batch")
        write_batch(self.batch, light_curves(25, seed=3), chunk_rows=10)

    def spec(self, entry=LC_RATE, args=LC_ARGS, science=EXAMPLES_SCIENCE):
        path = os.path.join(self.tmp, "spec-%d.json" % len(os.listdir(self.tmp)))
        with open(path, "w") as f:
            json.dump({"module": "m", "entry": entry, "call": "pandas_udf", "science_dir": science,
                       "batch": self.batch, "args": args}, f)
        return path

    def test_answers_each_call_and_saves_the_same_output_as_the_hash(self):
        w = Warm(self.spec(), self.tmp)
        ready = w.reply()
        self.assertTrue(ready["ok"], ready)
        self.assertEqual((25, 3), (ready["n_alerts"], ready["n_chunks"]))
        self.assertEqual(w.p.pid, ready["pid"])
        for _ in range(3):
            r = w.ask(op="call")
            self.assertTrue(r["ok"])
            self.assertGreater(r["ns"], 0)
            self.assertGreaterEqual(r["cpu_ns"], 0)
        saved = w.ask(op="save", dir=os.path.join(self.tmp, "out"), column="lc_rate")
        self.assertEqual("float64", saved["output"]["dtype"])
        self.assertIsNone(saved["save_error"])
        with open(os.path.join(self.tmp, "out", "manifest.json")) as f:
            self.assertEqual(25, json.load(f)["n_rows"])
        lp = w.ask(op="line_profile")["line_profile"]
        self.assertEqual("ok", lp["status"])
        self.assertIn("lc_rate", [fn["name"] for fn in lp["functions"]])
        self.assertGreater(w.ask(op="stats")["peak_rss_bytes"], 1 << 20)
        self.assertEqual(0, w.close()[0])

    def test_module_prints_and_stdin_reads_cannot_break_the_replies(self):
        science = os.path.join(self.tmp, "science")
        write_module(science, "noisy.mod", """
            import sys
            import pandas as pd

            def f(cjd):
                print("@@fink-perf-warm {\\"op\\": \\"call\\", \\"ok\\": false}")
                sys.stdin.read()
                return pd.Series([1.0] * len(cjd))
        """)
        w = Warm(self.spec("noisy.mod:f", [{"column": "cjd"}], science), self.tmp)
        self.assertTrue(w.reply()["ok"])
        self.assertTrue(w.ask(op="call")["ok"])
        self.assertTrue(w.ask(op="call")["ok"])
        code, err = w.close()
        self.assertEqual(0, code)
        self.assertIn("@@fink-perf-warm", err)  # the module's print went to stderr

    def test_a_raising_module_gets_a_classified_failure_and_the_process_leaves(self):
        science = os.path.join(self.tmp, "science")
        write_module(science, "bad.mod", """
            def f(cjd):
                raise ZeroDivisionError("boom")
        """)
        w = Warm(self.spec("bad.mod:f", [{"column": "cjd"}], science), self.tmp)
        self.assertTrue(w.reply()["ok"])
        r = w.ask(op="call")
        self.assertEqual((False, 5, "exception"), (r["ok"], r["exit"], r["error"]["kind"]))
        self.assertIn("boom", r["error"]["message"])
        self.assertEqual(5, w.close()[0])

    def test_an_unimportable_module_fails_the_ready_reply(self):
        w = Warm(self.spec("nowhere.at_all:f", [{"column": "cjd"}]), self.tmp)
        r = w.reply()
        self.assertEqual((False, "ready", 4), (r["ok"], r["op"], r["exit"]))
        self.assertEqual(4, w.close()[0])

    @unittest.skipUnless(hasattr(os, "sched_getaffinity"), "Linux only")
    def test_pins_itself_to_the_last_cpu_it_may_use(self):
        w = Warm(self.spec(), self.tmp, FINK_PERF_PIN_CPU="last")
        ready = w.reply()
        self.assertEqual([max(os.sched_getaffinity(0))], ready["cpus"])
        self.assertTrue(w.ask(op="call")["ok"])
        w.close()

    def test_an_unsavable_output_is_still_hashed(self):
        science = os.path.join(self.tmp, "science")
        write_module(science, "frame.mod", """
            import pandas as pd

            def f(cjd):
                return pd.DataFrame({"a": [1.0] * len(cjd), "b": [2.0] * len(cjd)})
        """)
        w = Warm(self.spec("frame.mod:f", [{"column": "cjd"}], science), self.tmp)
        self.assertTrue(w.reply()["ok"])
        saved = w.ask(op="save", dir=os.path.join(self.tmp, "out"), column="x")
        self.assertTrue(saved["ok"])
        self.assertIsNone(saved["output"])
        self.assertIn("DataFrame", saved["save_error"])
        self.assertEqual(64, len(saved["output_hash"]))
        w.close()


if __name__ == "__main__":
    unittest.main()
