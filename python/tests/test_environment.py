import unittest

from fink_perf_driver.energy import current_rss_bytes
from fink_perf_driver.environment import peak_rss_bytes, proc_status_bytes


class ProcStatusTest(unittest.TestCase):
    def test_reads_memory_fields_in_bytes(self):
        ballast = bytearray(64 << 20)  # 64 MiB touched: the resident set must count it
        rss = current_rss_bytes()
        self.assertGreater(rss, 64 << 20)
        self.assertEqual(rss % 1024, 0, "the kernel reports kB; bytes are whole kB")
        self.assertGreaterEqual(peak_rss_bytes(), rss)
        self.assertEqual(peak_rss_bytes(), proc_status_bytes("VmHWM"))
        del ballast

    def test_a_field_that_is_not_there_is_none(self):
        self.assertIsNone(proc_status_bytes("VmNoSuchField"))
        self.assertIsNone(proc_status_bytes("Name"), "not a number of kB")


if __name__ == "__main__":
    unittest.main()
