"""python3 -m fink_perf_driver {run SPEC.json | env | check-packages a,b,c | calibrate [REPEATS]}"""
import importlib.util
import json
import os
import sys
import tempfile
import traceback

from .errors import EXIT_BAD_SPEC, EXIT_CRASH, EXIT_MISSING_PACKAGE, EXIT_OK, DriverError
from .environment import peak_rss_bytes, python_versions
from . import control
from .progress import Progress
from .spec import RunSpec, load_spec

USAGE = "usage: python3 -m fink_perf_driver {run SPEC.json | env | check-packages pkg1,pkg2 | calibrate [REPEATS]}"


def write_json_atomically(path, data):
    path = os.path.abspath(path)
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, allow_nan=False, default=str)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def cmd_run(spec_path):
    # numpy and pandas only here: env and check-packages must work (and say numpy is missing) without them
    try:
        from .pacing import Pacer
        from .progress import Progress
        from .runner import error_json, new_result, run
        from .scale import run_scale
    except ImportError as e:
        name = getattr(e, "name", None) or str(e)
        sys.stderr.write("fink-perf-driver: missing_package: the driver needs %s (python %s)\n"
                         % (name, sys.version.split()[0]))
        return EXIT_MISSING_PACKAGE
    raw, result, output = None, new_result(None), None
    channel = control.driver_events()
    requests = control.driver_requests()
    progress = Progress(channel=channel)
    if channel is not None:
        progress.pings()
    try:
        raw = load_spec(spec_path)
        result = new_result(raw)
        output = raw.get("output") if isinstance(raw, dict) else None
        spec = RunSpec(raw)
        pacer = Pacer(requests) if requests is not None and channel is not None else None
        if spec.scale is not None:
            run_scale(spec, result, progress, pacer=pacer)
        else:
            run(spec, result, progress, pacer=pacer)
        code = EXIT_OK
    except DriverError as e:
        result["error"] = error_json(e)
        code = e.exit_code
    except BaseException as e:  # a bug of the driver itself, or an interrupt
        result["error"] = {"kind": "crash", "type": type(e).__name__, "message": str(e),
                           "missing_package": None, "traceback": traceback.format_exc()}
        code = EXIT_CRASH
    if result.get("peak_rss_bytes") is None:
        result["peak_rss_bytes"] = peak_rss_bytes()
    if result["error"]:
        result["status"] = "error"
        sys.stderr.write("fink-perf-driver: %s: %s\n" % (result["error"]["kind"], result["error"]["message"]))
    if output:
        try:
            write_json_atomically(output, _finite(result))
        except Exception as e:
            sys.stderr.write("fink-perf-driver: cannot write result %s: %s\n" % (output, e))
            code = code or EXIT_CRASH
    if channel is not None:
        channel.send(event="end", exit=code)
        channel.close()
    return code


def _finite(obj):
    """JSON has no NaN: non-finite floats become null."""
    if isinstance(obj, float):
        return obj if obj == obj and obj not in (float("inf"), float("-inf")) else None
    if isinstance(obj, dict):
        return dict((k, _finite(v)) for k, v in obj.items())
    if isinstance(obj, list):
        return [_finite(v) for v in obj]
    return obj


def cmd_env():
    print(json.dumps(python_versions(), indent=1))
    return EXIT_OK


def cmd_check_packages(names):
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    present, missing = {}, []
    for name in wanted:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if found:
            present[name] = _version_of(name)
        else:
            missing.append(name)
    print(json.dumps({"present": present, "missing": missing}))
    return EXIT_MISSING_PACKAGE if missing else EXIT_OK


def _version_of(name):
    try:
        from importlib import metadata
        return metadata.version(name)
    except Exception:
        return None


def cmd_calibrate(repeats):
    from .calibrate import calibrate
    try:
        n = int(repeats)
        if n < 1:
            raise ValueError
    except ValueError:
        sys.stderr.write("fink-perf-driver: calibrate: REPEATS must be a positive integer, got %r\n" % (repeats,))
        return EXIT_BAD_SPEC
    print(json.dumps(calibrate(n)))
    return EXIT_OK


def main(argv):
    if len(argv) == 2 and argv[0] == "run":
        return cmd_run(argv[1])
    if argv == ["env"]:
        return cmd_env()
    if len(argv) == 2 and argv[0] == "check-packages":
        return cmd_check_packages(argv[1])
    if argv[:1] == ["calibrate"] and len(argv) <= 2:
        return cmd_calibrate(argv[1] if len(argv) == 2 else "11")
    sys.stderr.write(USAGE + "\n")
    return EXIT_BAD_SPEC


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
