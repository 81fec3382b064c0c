"""One exception type carrying an error kind and the driver exit code."""

# Exit codes of the driver (ARCHITECTURE.md, fink-perf-driver/1).
EXIT_OK = 0
EXIT_CRASH = 1
EXIT_BAD_SPEC = 2
EXIT_BAD_BATCH = 3
EXIT_IMPORT = 4
EXIT_MODULE_RAISED = 5
EXIT_BAD_OUTPUT = 6
EXIT_MISSING_PACKAGE = 7

EXIT_BY_KIND = {
    "bad_spec": EXIT_BAD_SPEC,
    "bad_input": EXIT_BAD_BATCH,
    "import": EXIT_IMPORT,
    "exception": EXIT_MODULE_RAISED,
    "bad_output": EXIT_BAD_OUTPUT,
    "missing_package": EXIT_MISSING_PACKAGE,
    "crash": EXIT_CRASH,
}


class DriverError(Exception):
    """A classified failure: ``kind`` is one of EXIT_BY_KIND's keys."""

    def __init__(self, kind, message, missing_package=None, cause=None):
        super().__init__(message)
        if kind not in EXIT_BY_KIND:
            raise ValueError("unknown error kind: %r" % kind)
        self.kind = kind
        self.message = message
        self.missing_package = missing_package
        self.cause = cause

    @property
    def exit_code(self):
        return EXIT_BY_KIND[self.kind]


def missing_package_of(exc, own_packages=()):
    """Top-level name of a third-party package an import error is about, else None.

    ``own_packages`` are top-level names that belong to the science code itself: a
    missing submodule there is a broken entry point, not a missing dependency.
    """
    if not isinstance(exc, ModuleNotFoundError):
        return None
    name = getattr(exc, "name", None)
    if not name:
        return None
    top = name.split(".")[0]
    if top in own_packages:
        return None
    return top
