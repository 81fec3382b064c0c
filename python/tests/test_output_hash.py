import unittest

import numpy as np
import pandas as pd

from support import PYTHON_DIR  # noqa: F401  (puts the driver on sys.path)
from fink_perf_driver.output_hash import OutputHasher, describe_dtype


def digest(parts):
    h = OutputHasher()
    for p in parts:
        h.update(p)
    return h.hexdigest()


class OutputHashTest(unittest.TestCase):
    def test_chunk_independent_floats(self):
        values = [1.0, np.nan, 2.5, -3.0, 7.0]
        whole = digest([pd.Series(values)])
        self.assertEqual(whole, digest([pd.Series(values[:2]), pd.Series(values[2:])]))
        self.assertEqual(whole, digest([pd.Series([v]) for v in values]))

    def test_int_and_float_chunks_and_none_equal(self):
        # pandas upcasts ints to float in a chunk with nulls; NaN is null for Arrow
        a = digest([pd.Series([1, 2], dtype=np.int64), pd.Series([3.0, np.nan])])
        b = digest([pd.Series([1.0, 2.0, 3.0], dtype=np.float32), pd.Series([None], dtype=object)])
        self.assertEqual(a, b)

    def test_strings_and_objects(self):
        s = ["a", None, "Unknown", "é"]
        self.assertEqual(digest([pd.Series(s)]), digest([pd.Series(s[:1]), pd.Series(s[1:])]))
        self.assertNotEqual(digest([pd.Series(s)]), digest([pd.Series(["a", "", "Unknown", "é"])]))

    def test_arrays_and_frames(self):
        cells = pd.Series([np.array([1.0, 2.0]), None, np.array([], dtype=float)], dtype=object)
        self.assertEqual(digest([cells]), digest([cells[:1], cells[1:]]))
        df = pd.DataFrame({"a": [1.0, 2.0], "b": ["x", "y"]})
        self.assertEqual(digest([df]), digest([df.iloc[:1], df.iloc[1:]]))

    def test_different_values_differ(self):
        self.assertNotEqual(digest([pd.Series([1.0])]), digest([pd.Series([1.0000001])]))

    def test_describe_dtype(self):
        self.assertEqual(describe_dtype(pd.Series([1.0])), "float64")
        self.assertEqual(describe_dtype(pd.Series(["a", None])), "object[str]")


if __name__ == "__main__":
    unittest.main()
