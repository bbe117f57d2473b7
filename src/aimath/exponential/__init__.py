"""The exponential function: powers, laws, derivatives and Napier's number e."""

from aimath.exponential.powers import power_by_repeated_multiplication, real_power

__all__ = ["power_by_repeated_multiplication", "real_power"]
