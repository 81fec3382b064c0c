"""Test module for fink-perf scale: 5 ms of CPU per call whatever the alerts, then next to nothing per alert."""
import time

import numpy as np
import pandas as pd
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import DoubleType

FIXED_CPU_S = 0.005


@pandas_udf(DoubleType())
def fixed_cost(cjd: pd.Series) -> pd.Series:
    t0 = time.process_time()
    while time.process_time() - t0 < FIXED_CPU_S:
        pass
    return pd.Series(np.zeros(len(cjd)))
