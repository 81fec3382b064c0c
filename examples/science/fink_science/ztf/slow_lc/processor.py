"""Deliberately slow example: a structure-function statistic over all pairs of points,
in pure Python, so its cost grows as the square of the light-curve length."""
import math

import numpy as np
import pandas as pd
from line_profiler import profile
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType


# Time-lag scales (days) the structure function is averaged over: 0.1 d to ~2 years.
LAG_SCALES = [0.1 * 1.17 ** k for k in range(64)]


@profile
def structure_function(t, m):
    """RMS of magnitude differences over all pairs (i, j), damped by their time lag and
    averaged over LAG_SCALES: pure Python, n * n * len(LAG_SCALES) steps."""
    n = len(m)
    total = 0.0
    for i in range(n):
        for j in range(n):
            d2 = (m[i] - m[j]) ** 2
            dt = abs(t[i] - t[j])
            for tau in LAG_SCALES:
                total += d2 / (1.0 + dt / tau)
    return math.sqrt(total / (n * n * len(LAG_SCALES)))


@pandas_udf(DoubleType())
def slow_lc_score(cjd: pd.Series, cmagpsf: pd.Series) -> pd.Series:
    """Structure-function score of the detections; NaN with fewer than 2 detections."""
    out = []
    for jd, mag in zip(cjd, cmagpsf):
        if jd is None or mag is None:
            out.append(np.nan)
            continue
        jd = np.asarray(jd, dtype=np.float64)
        mag = np.asarray(mag, dtype=np.float64)
        keep = np.isfinite(mag) & np.isfinite(jd)
        if np.count_nonzero(keep) < 2:
            out.append(np.nan)
            continue
        out.append(structure_function(jd[keep].tolist(), mag[keep].tolist()))
    return pd.Series(out, dtype=np.float64)
