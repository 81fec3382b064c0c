"""Modules that misbehave on purpose, for the container runner's integration tests."""
import errno
import os
import time

import numpy as np
import pandas as pd


def doubled(x):
    """Well behaved: a few lines to line-profile and a deterministic output."""
    values = np.asarray(x, dtype="float64")
    out = values * 2.0
    return pd.Series(out)


def sleepy(x):
    """Each call takes 0.5 s: a short time limit kills it after a few loops."""
    time.sleep(0.5)
    return pd.Series(np.zeros(len(x)))


def hog(x):
    """Touches 2 GiB, far above a 256m container limit."""
    blocks = [np.ones(64 * 1024 * 1024 // 8) for _ in range(32)]
    return pd.Series(np.full(len(x), float(len(blocks))))


def write_outside(x):
    """Tries to write into its science folder and into the input batch; both must fail."""
    here = os.path.dirname(os.path.abspath(__file__))
    targets = [os.path.join(here, "escaped.txt"), os.path.join(os.environ.get("CTR_BATCH", "/batch"), "escaped.txt")]
    failures = []
    for target in targets:
        try:
            with open(target, "w") as f:
                f.write("escaped")
        except OSError as e:
            failures.append("%s: %s" % (target, errno.errorcode.get(e.errno, e.errno)))
    raise PermissionError("write_outside: " + "; ".join(failures) + " (%d of %d writes refused)"
                          % (len(failures), len(targets)))
