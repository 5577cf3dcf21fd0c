"""Sketches of printing, the two panels every instruction page opens with: the sheet at
100% (`print`), and how its back gets printed (`duplex`): the flip of a duplex printer, the
stack fed back by hand, or a single side with its back left blank."""

from __future__ import annotations

from zinekit.instructions import draw
from zinekit.instructions.draw import BOLD, Box
from zinekit.instructions.sketch import Drawing, Sketch


def duplex_words(s: Sketch) -> str:
    """The words of the `duplex` panel."""
    if not s.double_sided:
        return s.text["single"]
    if s.plan.duplex == "manual":
        fronts, backs = s.files or (s.text["fronts"], s.text["backs"])
        return s.text["manual"].format(fronts=fronts, backs=backs)
    return f"{s.text[s.plan.duplex]} {s.text['not-sure']}"


def actual_size(s: Sketch, box: Box) -> None:
    c, u = s.c, s.u
    sheet = box.fit(*s.plan.sheet_size, pad=4 * u)
    draw.paper(c, sheet, u)
    size = min(sheet.height * 0.32, sheet.width * 0.2)
    draw.label(c, "100%", sheet.centre, size, BOLD)


def duplex(s: Sketch, box: Box) -> None:
    if not s.double_sided:
        _single(s, box)
    elif s.plan.duplex == "manual":
        _manual(s, box)
    else:
        _flip(s, box)


def _single(s: Sketch, box: Box) -> None:
    """The printed side, and the back left blank (crossed out)."""
    c, u = s.c, s.u
    w, h = s.plan.sheet_size
    pair = box.fit(2 * w + w * 0.15, h, pad=4 * u)
    front = Box(pair.x, pair.y, pair.width / 2.15, pair.height)
    back = Box(pair.right - front.width, pair.y, front.width, front.height)
    draw.paper(c, front, u)
    draw.label(c, "1", front.centre, min(front.width, front.height) * 0.4, BOLD, grey=0.55)
    draw.paper(c, back, u, grey=1)
    draw.tick(c, back.centre, min(back.width, back.height) * 0.45, good=False)


def _flip(s: Sketch, box: Box) -> None:
    """The sheet and its back, hinged on the edge the printer flips it around."""
    c, u = s.c, s.u
    w, h = s.plan.sheet_size
    long_edge_horizontal = w >= h
    horizontal = long_edge_horizontal == (s.plan.duplex == "long")
    label_room = 14 * u
    name = s.text["long-edge" if s.plan.duplex == "long" else "short-edge"]
    name_size = 8.5 * u
    if horizontal:  # the back opens above the front, hinged on the top edge
        # Room on both sides for the edge's name beside the hinge, keeping it centred.
        side = c.stringWidth(name, BOLD, name_size) + 8 * u
        pair = Box(box.x + side, box.y, box.width - 2 * side, box.height).fit(w, 2 * h, pad=2 * u)
        front = Box(pair.x, pair.y, pair.width, pair.height / 2)
        back = Box(pair.x, front.top, pair.width, pair.height / 2)
        hinge = ((front.x, front.top), (front.right, front.top))
    else:  # the back opens to the right, hinged on the right edge
        pair = Box(box.x, box.y + label_room, box.width, box.height - label_room).fit(
            2 * w, h, pad=2 * u
        )
        front = Box(pair.x, pair.y, pair.width / 2, pair.height)
        back = Box(front.right, pair.y, pair.width / 2, pair.height)
        hinge = ((front.right, front.y), (front.right, front.top))
    draw.paper(c, front, u)
    draw.paper(c, back, u, grey=0.98)
    draw.label(c, "1", front.centre, min(front.width, front.height) * 0.4, BOLD, grey=0.55)
    draw.label(c, "2", back.centre, min(back.width, back.height) * 0.4, BOLD, grey=0.7)
    draw.line(c, *hinge, "edge", u)
    bulge = min(front.width, front.height) * 0.25
    draw.arc_arrow(
        c,
        (front.centre[0] + front.width * 0.22, front.centre[1] + front.height * 0.05),
        (back.centre[0] + back.width * 0.22, back.centre[1] - back.height * 0.05)
        if horizontal
        else (back.centre[0] - back.width * 0.05, back.centre[1] + back.height * 0.22),
        -bulge if horizontal else bulge,
        u,
    )
    if horizontal:  # beside the hinge, to its right
        c.setFillGray(0)
        c.setFont(BOLD, name_size)
        c.drawString(front.right + 5 * u, front.top - name_size * 0.35, name)
    else:
        draw.label(c, name, (front.right, pair.y - 7 * u), name_size, BOLD)


def _manual(s: Sketch, box: Box) -> None:
    """Fronts printed, the stack back in the tray as it came out, backs printed."""
    c, u = s.c, s.u
    w, h = s.plan.sheet_size
    room = 14 * u
    half = Box(box.x, box.y + room, box.width * 0.4, box.height - room)
    for n, part in enumerate((half, Box(box.right - half.width, half.y, half.width, half.height))):
        sheet = part.fit(w, h, pad=8 * u)
        for k in (2, 1, 0):  # a stack: sheets behind, offset
            shifted = Box(sheet.x + k * 3 * u, sheet.y + k * 3 * u, sheet.width, sheet.height)
            draw.paper(c, shifted, u, grey=draw.PAPER_GREY if k == 0 else 0.98)
        draw.label(c, str(n + 1), sheet.centre, min(sheet.width, sheet.height) * 0.45, BOLD)
        name = s.text["fronts" if n == 0 else "backs"]
        draw.label(c, name, (sheet.centre[0], sheet.y - 8 * u), 8.5 * u, BOLD)
        mid_y = sheet.centre[1]
    gap = Box(half.right, mid_y, box.width - 2 * half.width, 0)
    draw.arc_arrow(c, (gap.x + 4 * u, mid_y), (gap.right - 4 * u, mid_y), gap.width * 0.35, u)


# The sketches of this family, by the panel they draw (never a layout step's).
SKETCHES: dict[str, Drawing] = {"print": actual_size, "duplex": duplex}
