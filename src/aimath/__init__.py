"""aimath: the mathematics behind AI, as small, tested, executable functions.

Each subpackage is one topic of the lesson; the site's pages call these functions
at build time, and the same calls run again as tests.

- :mod:`aimath.exponential`: powers, the exponential function, Napier's number e.
- :mod:`aimath.plots`: deterministic SVG figures for the pages.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
