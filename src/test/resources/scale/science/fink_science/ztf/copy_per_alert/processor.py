"""Test module for fink-perf scale: keeps a 20 KiB buffer per alert during the call (peak memory grows with N)."""
import numpy as np
import pandas as pd
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType

BYTES_PER_ALERT = 20 * 1024


@pandas_udf(DoubleType())
def copy_per_alert(cjd: pd.Series) -> pd.Series:
    copies = [np.ones(BYTES_PER_ALERT // 8) for _ in range(len(cjd))]
    return pd.Series([float(c[0]) for c in copies])
