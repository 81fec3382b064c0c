"""Resolve ``package.module:function`` under ``science_dir`` to the plain Python body."""
import importlib
import os
import sys

from .errors import DriverError, missing_package_of

MAX_UNWRAP = 16


def parse_entry(entry):
    module, sep, func = str(entry).partition(":")
    if not sep or not module or not func:
        raise DriverError("bad_spec", "entry must be 'package.module:function', got %r" % entry)
    return module, func


def own_packages(science_dir, module_name):
    """Top-level names that belong to the science code (not third-party packages)."""
    names = {module_name.split(".")[0]}
    if science_dir and os.path.isdir(science_dir):
        for n in os.listdir(science_dir):
            base = n[:-3] if n.endswith(".py") else n
            names.add(base)
    return names


def import_entry(entry, science_dir):
    """Returns (callable as decorated, plain function). Raises classified DriverError."""
    module_name, func_name = parse_entry(entry)
    if science_dir:
        science_dir = os.path.abspath(science_dir)
        if not os.path.isdir(science_dir):
            raise DriverError("import", "science_dir %s does not exist" % science_dir)
        if science_dir not in sys.path:
            sys.path.insert(0, science_dir)
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        missing = missing_package_of(e, own_packages(science_dir, module_name))
        if missing:
            raise DriverError("missing_package", "%s needs package %r: %s" % (module_name, missing, e),
                              missing_package=missing, cause=e)
        raise DriverError("import", "cannot import %s: %s" % (module_name, e), cause=e)
    except Exception as e:  # SyntaxError, errors raised by module-level code
        raise DriverError("import", "importing %s raised %s: %s" % (module_name, type(e).__name__, e),
                          cause=e)
    obj = module
    for part in func_name.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise DriverError("import", "%s has no attribute %r" % (module_name, func_name))
    if not callable(obj):
        raise DriverError("import", "%s is not callable" % entry)
    return obj, unwrap(obj)


def unwrap(obj):
    """Follow ``__wrapped__`` (functools.wraps) and ``.func`` (pyspark UDF wrappers)."""
    seen = set()
    for _ in range(MAX_UNWRAP):
        if id(obj) in seen:
            break
        seen.add(id(obj))
        inner = getattr(obj, "__wrapped__", None)
        if inner is None or not callable(inner):
            inner = getattr(obj, "func", None)
        if inner is None or not callable(inner) or inner is obj:
            break
        obj = inner
    return obj
