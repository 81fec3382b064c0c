import os
import unittest

import numpy as np
import pandas as pd

from support import TempDirMixin, write_batch
from fink_perf_driver.batch import BatchError, BatchReader, Column


class BatchRoundTripTest(TempDirMixin, unittest.TestCase):
    def write(self, chunk_rows=2):
        data = {
            "cmagpsf": [np.array([18.5, np.nan, 19.0], dtype=np.float32), np.array([], dtype=np.float32),
                        None, np.array([np.nan], dtype=np.float32), np.array([17.0, 17.5], dtype=np.float32)],
            "objectId": ["ZTF1", None, "ZTFé", "", "ZTF5"],
            "ndethist": [3, None, 5, 7, 9],
            "ra": [1.5, 2.5, None, 4.5, 5.5],
            "flag": [True, None, False, True, True],
            "cisdiffpos": [["t", "f"], ["t"], [None, "t"], [], ["f"]],
            "cfid": [np.array([1, 2, 1], dtype=np.int32), np.array([], dtype=np.int32), None,
                     np.array([2], dtype=np.int32), np.array([1, 1], dtype=np.int32)],
        }
        columns = [Column("cmagpsf", "list", "float32"), Column("objectId", "scalar", "string"),
                   Column("ndethist", "scalar", "int32"), Column("ra", "scalar", "float64"),
                   Column("flag", "scalar", "bool"), Column("cisdiffpos", "list", "string"),
                   Column("cfid", "list", "int32")]
        write_batch(self.tmp, data, columns, chunk_rows=chunk_rows, source="test", survey="ztf")
        return BatchReader(self.tmp)

    def read_all(self, reader, name):
        parts = [cols[name] for _, _, cols in reader.iter_chunks([name])]
        return pd.concat(parts, ignore_index=True)

    def test_manifest(self):
        reader = self.write()
        self.assertEqual(reader.n_rows, 5)
        self.assertEqual(reader.n_chunks, 3)
        self.assertEqual(reader.columns["cmagpsf"].kind, "list")

    def test_list_floats_with_nan_and_null_list(self):
        s = self.read_all(self.write(), "cmagpsf")
        self.assertEqual(s.dtype, object)
        self.assertIsInstance(s[0], np.ndarray)
        self.assertEqual(s[0].dtype, np.float32)
        np.testing.assert_array_equal(s[0], np.array([18.5, np.nan, 19.0], dtype=np.float32))
        self.assertEqual(len(s[1]), 0)
        self.assertIsNone(s[2])
        self.assertTrue(np.isnan(s[3][0]))

    def test_strings_with_none(self):
        s = self.read_all(self.write(), "objectId")
        self.assertEqual(list(s), ["ZTF1", None, "ZTFé", "", "ZTF5"])

    def test_ints_with_nulls_become_float_nan(self):
        reader = self.write(chunk_rows=5)
        s = self.read_all(reader, "ndethist")
        self.assertEqual(s.dtype, np.float64)
        self.assertTrue(np.isnan(s[1]))
        self.assertEqual(s[2], 5.0)

    def test_ints_without_nulls_stay_ints(self):
        reader = self.write(chunk_rows=2)
        _, _, cols = next(reader.iter_chunks(["ndethist"]))  # rows 0-1: has a null
        self.assertEqual(cols["ndethist"].dtype, np.float64)
        cols = reader.read_chunk(1, ["ndethist"])            # rows 2-3: no null
        self.assertEqual(cols["ndethist"].dtype, np.int32)

    def test_bool_with_null_is_object_none(self):
        s = self.read_all(self.write(chunk_rows=5), "flag")
        self.assertEqual(list(s), [True, None, False, True, True])

    def test_list_of_strings_and_ints(self):
        reader = self.write(chunk_rows=5)
        s = self.read_all(reader, "cisdiffpos")
        self.assertEqual(list(s[2]), [None, "t"])
        f = self.read_all(reader, "cfid")
        self.assertEqual(f[0].dtype, np.int32)
        self.assertIsNone(f[2])

    def test_missing_manifest(self):
        with self.assertRaises(BatchError):
            BatchReader(os.path.join(self.tmp, "nope"))

    def test_corrupt_manifest(self):
        with open(os.path.join(self.tmp, "manifest.json"), "w") as f:
            f.write("{not json")
        with self.assertRaises(BatchError):
            BatchReader(self.tmp)

    def test_corrupt_npy(self):
        reader = self.write()
        with open(os.path.join(self.tmp, "chunk-00000", "ra.values.npy"), "wb") as f:
            f.write(b"garbage")
        with self.assertRaises(BatchError):
            reader.read_chunk(0, ["ra"])

    def test_missing_column_file(self):
        reader = self.write()
        os.remove(os.path.join(self.tmp, "chunk-00001", "cmagpsf.offsets.npy"))
        with self.assertRaises(BatchError):
            reader.check_columns(["cmagpsf"])
        with self.assertRaises(BatchError):
            reader.check_columns(["not_a_column"])


if __name__ == "__main__":
    unittest.main()
