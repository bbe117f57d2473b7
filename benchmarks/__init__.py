"""The benchmark of the site and its build machinery, with budgets.

Run it with ``python3 dev.py bench``. It measures (:mod:`benchmarks.measure`,
:mod:`benchmarks.editloop`), checks the budgets (:mod:`benchmarks.budgets`),
writes ``benchmarks/results.json`` and prints PASS or FAIL per budget; the
contributor pages show the results through :mod:`benchmarks.report`. It measures
the build and is not part of it: nothing in ``src/`` imports it. The browser
suite (``tests/browser``) serves the built site with :mod:`benchmarks.localsite` too.
"""
