"""Helpers shared by the tests: temp batches, temp science dirs, driver subprocesses."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading

import numpy as np

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(PYTHON_DIR)
EXAMPLES_SCIENCE = os.path.join(REPO_DIR, "examples", "science")

if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)

from fink_perf_driver.batch import write_batch  # noqa: E402


def light_curves(n_alerts, seed=1, min_len=1, max_len=12):
    """Tiny ZTF-like history columns, with NaN upper limits."""
    rng = np.random.default_rng(seed)
    cjd, cfid, cmag, csig = [], [], [], []
    for _ in range(n_alerts):
        n = int(rng.integers(min_len, max_len + 1))
        jd = np.sort(2459000.0 + rng.uniform(0, 60, n))
        mag = (19.0 + rng.normal(0, 0.3, n)).astype(np.float32)
        mag[rng.uniform(size=n) < 0.2] = np.nan
        cjd.append(jd)
        cfid.append(rng.integers(1, 3, n).astype(np.int32))
        cmag.append(mag)
        csig.append(np.full(n, 0.1, dtype=np.float32))
    return {"cjd": cjd, "cfid": cfid, "cmagpsf": cmag, "csigmapsf": csig}


def write_module(science_dir, dotted, source):
    """Writes package folders (with __init__.py) and the module file."""
    parts = dotted.split(".")
    folder = science_dir
    for p in parts[:-1]:
        folder = os.path.join(folder, p)
        os.makedirs(folder, exist_ok=True)
        init = os.path.join(folder, "__init__.py")
        if not os.path.exists(init):
            open(init, "w").close()
    with open(os.path.join(folder, parts[-1] + ".py"), "w") as f:
        f.write(textwrap.dedent(source))


def run_driver(spec, tmp, timeout=120):
    """Runs ``python -m fink_perf_driver run``; returns (exit code, result dict or None, stderr)."""
    spec_path = os.path.join(tmp, "spec-%d.json" % len(os.listdir(tmp)))
    with open(spec_path, "w") as f:
        json.dump(spec, f)
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    p = subprocess.run([sys.executable, "-m", "fink_perf_driver", "run", spec_path],
                       cwd=tmp, env=env, capture_output=True, text=True, timeout=timeout)
    result = None
    if os.path.exists(spec["output"]):
        with open(spec["output"]) as f:
            result = json.load(f)
    return p.returncode, result, p.stderr


class TempDirMixin(object):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()


class JvmSocket(object):
    """Plays the Java side's control socket: accepts one connection and hands it to ``serve(conn)``
    on a thread of its own."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="fpc-test-")
        self.path = os.path.join(self.dir, "control.sock")
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(1)
        self.thread = threading.Thread(target=self._accept)
        self.thread.start()

    def _accept(self):
        conn, _ = self.server.accept()
        try:
            self.serve(conn)
        finally:
            conn.close()

    def serve(self, conn):
        raise NotImplementedError

    def join(self, timeout):
        self.thread.join(timeout)
        self.server.close()
