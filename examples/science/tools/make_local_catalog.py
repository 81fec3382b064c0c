"""Builds fink_science/data/catalogs/local_sources.csv, the catalogue of xmatch_local.

Deterministic (fixed seed): ~5000 random sources spread uniformly over the sky, plus, for
about half of the objects of the bundled real alerts, one source less than 1 arcsec from the
alert position, so the crossmatch finds real matches on the bundled data.

The alert positions (datasets/ztf/alert_positions.csv: objectId, ra, dec) were extracted
from the bundled parquet files datasets/ztf/alerts_raw_51.parquet and
datasets/ztf/ftransfer_sample_72.parquet (candidate.ra, candidate.dec).

Usage (from the repository root):
    /usr/bin/python3 examples/science/tools/make_local_catalog.py
"""
import os

import numpy as np
import pandas as pd

SEED = 20240521
N_RANDOM = 5000
RANDOM_TYPES = ["Star", "RRLyr", "QSO", "EB*", "YSO", "Galaxy", "CV*", "Seyfert_1", "Mira", "AGN"]
MATCH_TYPES = ["RRLyr", "QSO", "EB*", "YSO", "Galaxy"]
MAX_OFFSET_ARCSEC = 0.9

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
POSITIONS = os.path.join(REPO, "datasets", "ztf", "alert_positions.csv")
OUTPUT = os.path.join(HERE, "..", "fink_science", "data", "catalogs", "local_sources.csv")


def random_sources(rng, n):
    ra = rng.uniform(0.0, 360.0, n)
    dec = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, n)))  # uniform on the sphere
    types = rng.choice(RANDOM_TYPES, n)
    names = ["LS-R%05d" % i for i in range(n)]
    return pd.DataFrame({"ra": ra, "dec": dec, "type": types, "name": names})


def sources_near_alerts(rng, positions):
    objects = positions.drop_duplicates("objectId").sort_values("objectId").reset_index(drop=True)
    chosen = objects.iloc[np.sort(rng.choice(len(objects), len(objects) // 2, replace=False))]
    sep = rng.uniform(0.1, MAX_OFFSET_ARCSEC, len(chosen)) / 3600.0
    angle = rng.uniform(0.0, 2 * np.pi, len(chosen))
    dec = chosen["dec"].values + sep * np.cos(angle)
    ra = (chosen["ra"].values + sep * np.sin(angle) / np.cos(np.radians(chosen["dec"].values))) % 360.0
    types = rng.choice(MATCH_TYPES, len(chosen))
    names = ["LS-A-%s" % o for o in chosen["objectId"]]
    return pd.DataFrame({"ra": ra, "dec": dec, "type": types, "name": names})


def main():
    rng = np.random.default_rng(SEED)
    positions = pd.read_csv(POSITIONS)
    catalog = pd.concat([random_sources(rng, N_RANDOM), sources_near_alerts(rng, positions)],
                        ignore_index=True)
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    catalog.to_csv(OUTPUT, index=False, float_format="%.8f")
    print("wrote %d sources to %s" % (len(catalog), os.path.normpath(OUTPUT)))


if __name__ == "__main__":
    main()
