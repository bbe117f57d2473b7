"""aimath: the mathematics behind AI, as small, tested, executable functions.

Each subpackage is one topic of the lesson; the site's pages call these functions
at build time, and the same calls run again as tests.

- `aimath.exponential`: powers, their laws and derivatives, Napier's number e,
  the exponential function, growth and decay.
- `aimath.ml`: the exponential function in machine learning (softmax, sigmoid,
  learning-rate decay, ``expm1``/``log1p``).
- [`aimath.plots`][aimath.plots]: deterministic SVG figures for the pages.
- [`aimath.plots_calculus`][aimath.plots_calculus]: figures for the calculus pages
  (computed data points, curves with tangents).
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
