"""Light-curve rate: weighted linear slope (mag/day) of the detections in the current band.

Written point by point in plain Python, as many feature extractors are: its cost per alert grows
linearly with the length of the light curve (``fink-perf scale`` finds an exponent near 1)."""
import math

import numpy as np
import pandas as pd
from line_profiler import profile
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType


@profile
def weighted_slope(t, y, sigma):
    """Slope of the weighted least-squares line y = a + b t (weights 1/sigma^2), in two passes
    over the points. Points without a usable error get weight 1. NaN when the times do not vary."""
    w = [1.0 / s ** 2 if s > 0 else 1.0 for s in sigma]  # NaN > 0 is False
    sw = math.fsum(w)
    t_mean = math.fsum(wi * ti for wi, ti in zip(w, t)) / sw
    y_mean = math.fsum(wi * yi for wi, yi in zip(w, y)) / sw
    num = den = 0.0
    for wi, ti, yi in zip(w, t, y):
        dt = ti - t_mean
        num += wi * dt * (yi - y_mean)
        den += wi * dt * dt
    if den <= 0:
        return np.nan
    return num / den


def rate_of_alert(jd, fid, mag, sigma):
    if jd is None or fid is None or mag is None or len(mag) == 0:
        return np.nan
    jd, fid, mag = jd.tolist(), fid.tolist(), mag.tolist()
    sigma = [math.nan] * len(mag) if sigma is None else sigma.tolist()
    # detections (magpsf == magpsf) in the band of the current, last, point
    band = fid[-1]
    t, y, s = [], [], []
    for ti, fi, mi, si in zip(jd, fid, mag, sigma):
        if fi == band and mi == mi and ti == ti and mi is not None and ti is not None:
            t.append(ti)
            y.append(mi)
            s.append(math.nan if si is None else si)
    if len(t) < 2:
        return np.nan
    return weighted_slope(t, y, s)


@pandas_udf(DoubleType())
def lc_rate(cjd: pd.Series, cfid: pd.Series, cmagpsf: pd.Series, csigmapsf: pd.Series) -> pd.Series:
    """Rate (mag/day) of the detections in the current band; NaN with fewer than 2.

    Examples
    --------
    >>> jd = pd.Series([np.array([0.0, 1.0, 2.0])])
    >>> fid = pd.Series([np.array([1, 1, 1])])
    >>> mag = pd.Series([np.array([20.0, 19.5, 19.0])])
    >>> err = pd.Series([np.array([0.1, 0.1, 0.1])])
    >>> float(lc_rate.func(jd, fid, mag, err)[0])
    -0.5
    """
    out = [rate_of_alert(*(None if c is None else np.asarray(c) for c in cells))
           for cells in zip(cjd, cfid, cmagpsf, csigmapsf)]
    return pd.Series(out, dtype=np.float64)
