// Placeholder: the worker that runs examples with Pyodide (filled in by the runner work of issue 14).
