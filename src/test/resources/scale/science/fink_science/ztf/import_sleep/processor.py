"""Test module for fink-perf scale: 0.2 s at import (as a model or catalogue load would), cheap calls."""
import time

import numpy as np
import pandas as pd
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType

IMPORT_SLEEP_S = 0.2
time.sleep(IMPORT_SLEEP_S)


@pandas_udf(DoubleType())
def history_size(cjd: pd.Series) -> pd.Series:
    return pd.Series([0.0 if c is None else float(len(c)) for c in cjd], dtype=np.float64)
