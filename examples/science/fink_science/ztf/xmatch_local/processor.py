"""Crossmatch of alert positions with a small bundled catalogue (astropy), like Fink's
local crossmatches (GCVS, 3HSP...): the catalogue is read once per process."""
import os

import numpy as np
import pandas as pd
from line_profiler import profile
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import StringType

CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "data", "catalogs", "local_sources.csv")
NO_MATCH = "Unknown"
_cache = {}


@profile
def load_catalog(path=CATALOG):
    """(SkyCoord of the sources, numpy array of their types), cached per process."""
    if path not in _cache:
        from astropy import units as u
        from astropy.coordinates import SkyCoord
        table = pd.read_csv(path)
        coords = SkyCoord(ra=table["ra"].values * u.degree, dec=table["dec"].values * u.degree)
        _cache[path] = (coords, table["type"].astype(str).values)
    return _cache[path]


@profile
def nearest_types(ra, dec, radius_arcsec, path=CATALOG):
    """Type of the nearest catalogue source within the radius, else NO_MATCH."""
    from astropy import units as u
    from astropy.coordinates import SkyCoord
    out = np.full(len(ra), NO_MATCH, dtype=object)
    ok = np.isfinite(ra) & np.isfinite(dec)
    if not ok.any():
        return out
    catalog, types = load_catalog(path)
    alerts = SkyCoord(ra=ra[ok] * u.degree, dec=dec[ok] * u.degree)
    idx, d2d, _ = alerts.match_to_catalog_sky(catalog)
    found = d2d.arcsec < radius_arcsec
    out[np.flatnonzero(ok)[found]] = types[idx[found]]
    return out


@pandas_udf(StringType())
def crossmatch_local(candid: pd.Series, ra: pd.Series, dec: pd.Series, radius: pd.Series) -> pd.Series:
    """Catalogue type of the source within ``radius`` arcsec of each alert, "Unknown" if none."""
    if len(candid) == 0:
        return pd.Series([], dtype=object)
    ra = pd.to_numeric(ra, errors="coerce").values.astype(np.float64)
    dec = pd.to_numeric(dec, errors="coerce").values.astype(np.float64)
    return pd.Series(nearest_types(ra, dec, float(radius.values[0])), dtype=object)
