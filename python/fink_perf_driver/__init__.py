"""Python side of fink-perf: reads Java-written batches, calls a science module, times it.

Contracts (see ARCHITECTURE.md): batch format ``fink-perf-batch/1``, driver invocation
``fink-perf-driver/1``, result file ``fink-perf-driver-result/1``.
"""

BATCH_FORMAT = "fink-perf-batch/1"
DRIVER_FORMAT = "fink-perf-driver/1"
RESULT_FORMAT = "fink-perf-driver-result/1"
__version__ = "0.1.0"
