"""Writes the integration tests' input batch with the driver's own writer: python3 write_batch.py DIR"""
import sys

import numpy as np

from fink_perf_driver.batch import write_batch

out = sys.argv[1]
rng = np.random.default_rng(42)
n = 200
cjd = [np.sort(2459000.0 + rng.uniform(0, 300, size=12)) for _ in range(n)]
cmag = [rng.normal(18.5, 0.4, size=12).astype("float32") for _ in range(n)]
write_batch(out, {"x": [float(i) for i in range(n)], "cjd": cjd, "cmagpsf": cmag},
            columns=[("x", "scalar", "float64"), ("cjd", "list", "float64"), ("cmagpsf", "list", "float32")],
            chunk_rows=64)
