"""Placeholder: runs one example inside Pyodide (filled in by the runner work of issue 14)."""
