"""Rubin flux rate: weighted slope of psfFlux against time in the current band."""
import numpy as np
import pandas as pd
from line_profiler import profile
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType


@profile
def weighted_slope(t, y, sigma):
    """Weighted least-squares slope (weights 1/sigma^2, 1 without a usable error)."""
    w = np.ones_like(y)
    good = np.isfinite(sigma) & (sigma > 0)
    w[good] = 1.0 / sigma[good] ** 2
    dt = t - np.sum(w * t) / np.sum(w)
    den = np.sum(w * dt * dt)
    if den <= 0:
        return np.nan
    return float(np.sum(w * dt * (y - np.sum(w * y) / np.sum(w))) / den)


def rate_of_alert(mjd, band, flux, flux_err):
    if mjd is None or band is None or flux is None or len(flux) == 0:
        return np.nan
    mjd = np.asarray(mjd, dtype=np.float64)
    flux = np.asarray(flux, dtype=np.float64)
    band = np.array([b if b is not None else "" for b in band], dtype=object)
    err = np.full(len(flux), np.nan) if flux_err is None else np.asarray(flux_err, dtype=np.float64)
    mask = (band == band[-1]) & np.isfinite(flux) & np.isfinite(mjd)
    if np.count_nonzero(mask) < 2:
        return np.nan
    return weighted_slope(mjd[mask], flux[mask], err[mask])


@pandas_udf(DoubleType())
def flux_rate(cmidpointMjdTai: pd.Series, cband: pd.Series, cpsfFlux: pd.Series,
              cpsfFluxErr: pd.Series) -> pd.Series:
    """Flux per day in the band of the last point (nJy/day); NaN with fewer than 2 points."""
    out = [rate_of_alert(*cells) for cells in zip(cmidpointMjdTai, cband, cpsfFlux, cpsfFluxErr)]
    return pd.Series(out, dtype=np.float64)
