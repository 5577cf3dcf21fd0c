"""Where a page lands in its cell: the transform from a page's own space to the sheet."""

from __future__ import annotations

from typing import Literal

from zinekit.impose.plan import Cell
from zinekit.pdf.geometry import IDENTITY, Matrix, multiply

Scaling = Literal["fit", "actual"]


def translate(x: float, y: float) -> Matrix:
    return (1.0, 0.0, 0.0, 1.0, x, y)


def scale(s: float) -> Matrix:
    return (s, 0.0, 0.0, s, 0.0, 0.0)


def rotate_box(degrees_ccw: int, width: float, height: float) -> tuple[Matrix, float, float]:
    """Rotate a box at the origin counterclockwise and move it back to the origin.

    Returns the matrix and the new width and height.
    """
    turn = degrees_ccw % 360
    if turn == 0:
        return IDENTITY, width, height
    if turn == 90:
        return (0.0, 1.0, -1.0, 0.0, height, 0.0), height, width
    if turn == 180:
        return (-1.0, 0.0, 0.0, -1.0, width, height), width, height
    if turn == 270:
        return (0.0, -1.0, 1.0, 0.0, 0.0, width), height, width
    raise ValueError(f"rotation must be a multiple of 90 degrees, not {degrees_ccw}")


def displayed_size(box: tuple[float, float, float, float], rotate: int) -> tuple[float, float]:
    """Width and height of a page as viewers show it: its box turned by /Rotate."""
    width, height = box[2] - box[0], box[3] - box[1]
    return (height, width) if rotate % 180 else (width, height)


def placement(
    box: tuple[float, float, float, float], rotate: int, cell: Cell, scaling: Scaling = "fit"
) -> tuple[Matrix, float]:
    """The transform that draws a page (its visible `box`, shown turned by `/Rotate`
    clockwise) into `cell`, and the scale used.

    The page keeps its aspect ratio. Spare space is split evenly top and bottom and, across,
    goes to the side away from the cell's anchor (the spine), so a booklet's pages meet at the
    fold and any extra margin lands at the outer edges.
    """
    x0, y0, x1, y1 = box
    matrix = translate(-x0, -y0)
    # /Rotate turns the page clockwise; cell.turn is counterclockwise.
    turn, width, height = rotate_box(-rotate + cell.turn, x1 - x0, y1 - y0)
    matrix = multiply(matrix, turn)
    rect = cell.rect
    factor = min(rect.width / width, rect.height / height) if scaling == "fit" else 1.0
    matrix = multiply(matrix, scale(factor))
    spare_x = rect.width - width * factor
    spare_y = rect.height - height * factor
    offset_x = {"left": 0.0, "center": spare_x / 2, "right": spare_x}[cell.anchor]
    # Creep moves the page toward its spine (the anchor side).
    offset_x += {"left": -cell.creep, "center": 0.0, "right": cell.creep}[cell.anchor]
    return multiply(matrix, translate(rect.x + offset_x, rect.y + spare_y / 2)), factor
