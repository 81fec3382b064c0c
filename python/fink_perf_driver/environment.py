"""Versions and resource usage reported with each result."""
import importlib
import os
import platform
import resource
import sys


def _version(name):
    try:
        mod = importlib.import_module(name)
    except Exception:
        return None
    if getattr(mod, "__fink_perf_stub__", False):
        return None
    return str(getattr(mod, "__version__", "unknown"))


def python_versions(pyspark_version=None):
    """``pyspark_version``: as returned by the shim ("stub" or a version); looked up if None."""
    if pyspark_version is None:
        import importlib.util
        has = importlib.util.find_spec("pyspark") is not None
        pyspark_version = _version("pyspark") if has else "stub"
    return {"python": platform.python_version(), "executable": sys.executable,
            "implementation": platform.python_implementation(),
            "numpy": _version("numpy"), "pandas": _version("pandas"),
            "line_profiler": _version("line_profiler"), "pyspark": pyspark_version,
            "platform": platform.platform(), "cpu_count": os.cpu_count()}


def proc_status_bytes(field):
    """A memory field of /proc/self/status ("VmRSS", "VmHWM"…) in bytes; None where there is none."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def peak_rss_bytes():
    # VmHWM belongs to this process's own address space. ru_maxrss does not: Linux carries it
    # across fork+exec, so a driver started by a 500 MB JVM would report the JVM's size.
    hwm = proc_status_bytes("VmHWM")
    if hwm is not None:
        return hwm
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is KiB on Linux, bytes on macOS
    return int(kib) if sys.platform == "darwin" else int(kib) * 1024
