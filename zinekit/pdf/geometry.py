"""PDF rectangles and transformation matrices as plain tuples of floats.

Both impose (where a page lands) and the readers here (where an annotation's appearance
lands) compose matrices; they share these definitions so the two agree.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with x0 <= x1, y0 <= y1
# (a, b, c, d, e, f) as in the PDF `cm` operator: x' = a*x + c*y + e, y' = b*x + d*y + f.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix that applies `first`, then `then`."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def normalised(x0: float, y0: float, x1: float, y1: float) -> Box:
    """The rectangle with these corners, lower left first (PDF allows either order)."""
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
