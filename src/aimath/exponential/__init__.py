r"""The exponential function: powers, laws, derivatives and Napier's number e.

The package exports only the two functions of the first page,
[`power_by_repeated_multiplication`][aimath.exponential.powers.power_by_repeated_multiplication]
and [`real_power`][aimath.exponential.powers.real_power]; its submodules hold the rest:

- [`aimath.exponential.powers`][aimath.exponential.powers]: powers, from repeated
  multiplication to integer, rational and real exponents.
- [`aimath.exponential.laws`][aimath.exponential.laws]: both sides of the exponent laws,
  with a tolerance for comparing them in floats.
- [`aimath.exponential.derivatives`][aimath.exponential.derivatives]: difference
  quotients, the derivative of \(a^x\) and tangent lines.
- [`aimath.exponential.logarithm`][aimath.exponential.logarithm]: the natural logarithm
  and logarithms to other bases, with their derivatives.
- [`aimath.exponential.napier`][aimath.exponential.napier]: Napier's number e as a limit,
  as a series and digit by digit.
- [`aimath.exponential.exp`][aimath.exponential.exp]: the exponential function computed
  from scratch.
- [`aimath.exponential.growth`][aimath.exponential.growth]: compound interest,
  exponential growth and decay.
"""

from aimath.exponential.powers import power_by_repeated_multiplication, real_power

__all__ = ["power_by_repeated_multiplication", "real_power"]
