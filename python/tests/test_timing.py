import time
import unittest

from fink_perf_driver.timing import CpuClock


def busy(cpu_seconds):
    """Burns this much CPU time, however loaded the machine is."""
    end = time.process_time() + cpu_seconds
    x = 0
    while time.process_time() < end:
        x += 1
    return x


class CpuClockTest(unittest.TestCase):

    def test_every_2ms_call_is_counted(self):
        # With 10 ms clock ticks (os.times) most 2 ms calls would read 0.
        for _ in range(5):
            clock = CpuClock()
            clock.start()
            busy(0.002)
            clock.stop()
            self.assertGreater(clock.user + clock.sys, 0.0015)
            self.assertLess(clock.user + clock.sys, 0.5)

    def test_accumulates_only_between_start_and_stop(self):
        clock = CpuClock()
        clock.start()
        busy(0.02)
        clock.stop()
        busy(0.05)
        clock.start()
        clock.stop()
        self.assertGreater(clock.user + clock.sys, 0.015)
        self.assertLess(clock.user + clock.sys, 0.045)


if __name__ == "__main__":
    unittest.main()
