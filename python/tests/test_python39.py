"""The driver and the bundled examples run in Fink's CI image, whose Python is 3.9."""
import ast
import glob
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(os.path.dirname(HERE))
SOURCES = sorted(glob.glob(os.path.join(PROJECT, "python", "fink_perf_driver", "*.py"))
                 + glob.glob(os.path.join(PROJECT, "examples", "science", "**", "*.py"), recursive=True))


class Python39SyntaxTest(unittest.TestCase):

    def test_sources_found(self):
        self.assertGreater(len([s for s in SOURCES if "fink_perf_driver" in s]), 10)
        self.assertGreater(len([s for s in SOURCES if "examples" in s]), 4)

    def test_every_source_parses_as_python_3_9(self):
        for path in SOURCES:
            with open(path, encoding="utf-8") as f:
                source = f.read()
            with self.subTest(path=os.path.relpath(path, PROJECT)):
                ast.parse(source, filename=path, feature_version=(3, 9))

    def test_the_check_rejects_3_10_syntax(self):
        with self.assertRaises(SyntaxError):
            ast.parse("match x:\n    case 1:\n        pass\n", feature_version=(3, 9))


if __name__ == "__main__":
    unittest.main()
