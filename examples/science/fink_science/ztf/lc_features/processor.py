"""Light-curve rate: weighted linear slope (mag/day) of the detections in the current band."""
import numpy as np
import pandas as pd
from line_profiler import profile
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType


@profile
def weighted_slope(t, y, sigma):
    """Slope of the weighted least-squares line y = a + b t (weights 1/sigma^2).
    Points without a usable error get weight 1. NaN when the times do not vary."""
    w = np.ones_like(y)
    good = np.isfinite(sigma) & (sigma > 0)
    w[good] = 1.0 / sigma[good] ** 2
    t_mean = np.sum(w * t) / np.sum(w)
    y_mean = np.sum(w * y) / np.sum(w)
    dt = t - t_mean
    den = np.sum(w * dt * dt)
    if den <= 0:
        return np.nan
    return float(np.sum(w * dt * (y - y_mean)) / den)


def rate_of_alert(jd, fid, mag, sigma):
    if jd is None or fid is None or mag is None or len(mag) == 0:
        return np.nan
    jd = np.asarray(jd, dtype=np.float64)
    fid = np.asarray(fid, dtype=np.float64)
    mag = np.asarray(mag, dtype=np.float64)
    sigma = np.full(len(mag), np.nan) if sigma is None else np.asarray(sigma, dtype=np.float64)
    # detections (magpsf == magpsf) in the band of the current, last, point
    mask = (fid == fid[-1]) & np.isfinite(mag) & np.isfinite(jd)
    if np.count_nonzero(mask) < 2:
        return np.nan
    return weighted_slope(jd[mask], mag[mask], sigma[mask])


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
    out = [rate_of_alert(*cells) for cells in zip(cjd, cfid, cmagpsf, csigmapsf)]
    return pd.Series(out, dtype=np.float64)
