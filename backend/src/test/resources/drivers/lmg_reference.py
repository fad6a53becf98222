"""Independent reference for KeyDriversTest: LMG by brute force over all orderings with numpy.

Run: python3 backend/src/test/resources/drivers/lmg_reference.py
R² of each subset from numpy.linalg.lstsq with an intercept column (no correlation-matrix shortcut),
and each share as the mean over all p! orderings of the increase in R² when the predictor joins.
"""
import itertools
import numpy as np

# The small case of KeyDriversTest.smallCaseMatchesNumpyBruteForce: 12 rows, 3 predictors.
X = np.array([
    [10, 40, 25], [20, 35, 30], [30, 50, 20], [40, 45, 60], [50, 70, 55], [60, 65, 40],
    [70, 80, 75], [80, 60, 90], [15, 20, 35], [25, 90, 50], [55, 30, 85], [75, 55, 10]], dtype=float)
y = np.array([80, 72, 70, 55, 50, 52, 35, 30, 78, 60, 45, 48], dtype=float)


def r2(cols):
    if not cols:
        return 0.0
    A = np.column_stack([np.ones(len(y))] + [X[:, c] for c in cols])
    beta, *_ = np.linalg.lstsq(A, y, rcond=None)
    resid = y - A @ beta
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


p = X.shape[1]
shares = np.zeros(p)
orders = list(itertools.permutations(range(p)))
for order in orders:
    for i, j in enumerate(order):
        shares[j] += r2(list(order[:i + 1])) - r2(list(order[:i]))
shares /= len(orders)
print("R2", repr(r2(list(range(p)))))
print("shares", [repr(s) for s in shares])
print("sum", repr(shares.sum()))
A = np.column_stack([np.ones(len(y)), X])
print("coefficients", [repr(b) for b in np.linalg.lstsq(A, y, rcond=None)[0][1:]])
