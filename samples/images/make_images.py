"""Regenerate the sample images (drawn with Pillow, no photos, no fonts).

Deterministic: every image draws from its own random generator with a fixed seed, so running
it again gives the same pictures. Run from anywhere: python samples/images/make_images.py

- linocut-matahari.png: a sun over leaves, cut like a linocut (black and white, 1 bit).
- lingkaran-dengar.png: a circle of people seen from above, in a wobbly hand-drawn line.
- tembok-tanaman.png: a brick wall with a plant breaking through, hand-drawn and hatched.
- senja-kampung.jpg: a photo-like dusk over hills and village roofs, in soft greys.

All are sized for print (1200-1800 px on the long side, A5 width at 200-300 dpi), kept under
150 KB, and stay legible on a photocopier: strong contrast, no fine mid-grey detail.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
INK = 0
PAPER = 255


def wobble(rng: random.Random, points: list[tuple[float, float]], amount: float):
    """The same path with every point nudged, as a hand would draw it."""
    return [(x + rng.uniform(-amount, amount), y + rng.uniform(-amount, amount)) for x, y in points]


def circle_points(cx: float, cy: float, r: float, n: int = 64, start: float = 0.0, end=None):
    end = 2 * math.pi if end is None else end
    return [
        (
            cx + r * math.cos(start + (end - start) * i / n),
            cy + r * math.sin(start + (end - start) * i / n),
        )
        for i in range(n + 1)
    ]


def sketch_line(draw: ImageDraw.ImageDraw, rng: random.Random, points, width=5, passes=2):
    """A pen line drawn twice, a little off each time."""
    for _ in range(passes):
        draw.line(wobble(rng, points, width * 0.6), fill=INK, width=width, joint="curve")


def jagged_polygon(rng: random.Random, points, amount: float):
    """A carved edge: the outline with small, sharp irregularities."""
    out = []
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 18))
        for s in range(steps):
            t = s / steps
            out.append(
                (
                    x0 + (x1 - x0) * t + rng.uniform(-amount, amount),
                    y0 + (y1 - y0) * t + rng.uniform(-amount, amount),
                )
            )
    return out


def gouge(draw: ImageDraw.ImageDraw, x, y, angle, length, width, fill):
    """One stroke of a V-gouge: a thin tapered sliver."""
    dx, dy = math.cos(angle), math.sin(angle)
    nx, ny = -dy, dx
    half = width / 2
    draw.polygon(
        [
            (x - dx * length / 2, y - dy * length / 2),
            (x + nx * half, y + ny * half),
            (x + dx * length / 2, y + dy * length / 2),
            (x - nx * half, y - ny * half),
        ],
        fill=fill,
    )


def leaf(cx, cy, length, width, angle, n=24):
    """A leaf outline pointing along angle, from its stem at (cx, cy)."""
    dx, dy = math.cos(angle), math.sin(angle)
    nx, ny = -dy, dx
    side_a, side_b = [], []
    for i in range(n + 1):
        t = i / n
        along = length * t
        across = width * math.sin(math.pi * t) * (1 - 0.3 * t)
        side_a.append((cx + dx * along + nx * across, cy + dy * along + ny * across))
        side_b.append((cx + dx * along - nx * across, cy + dy * along - ny * across))
    return side_a + side_b[::-1]


# --- linocut ------------------------------------------------------------------------------------


def linocut_matahari() -> Image.Image:
    rng = random.Random(1965)
    w, h = 1600, 1200
    img = Image.new("L", (w, h), PAPER)
    d = ImageDraw.Draw(img)

    # The block: a black slab with a carved border.
    margin = 50
    d.polygon(
        jagged_polygon(
            rng,
            [
                (margin, margin),
                (w - margin, margin),
                (w - margin, h - margin),
                (margin, h - margin),
            ],
            6,
        ),
        fill=INK,
    )
    # The sky, carved away in long horizontal strokes above the horizon.
    for _ in range(520):
        y = rng.uniform(margin + 30, h * 0.62)
        x = rng.uniform(margin + 20, w - margin - 20)
        gouge(d, x, y, rng.uniform(-0.06, 0.06), rng.uniform(60, 220), rng.uniform(5, 11), PAPER)

    # The sun: a white disc with black rings and rays left standing.
    sx, sy, sr = w * 0.5, h * 0.46, 190
    d.polygon(jagged_polygon(rng, circle_points(sx, sy, sr + 150, 40), 10), fill=INK)
    for i in range(28):
        a = 2 * math.pi * i / 28 + rng.uniform(-0.04, 0.04)
        x0, y0 = sx + math.cos(a) * (sr + 25), sy + math.sin(a) * (sr + 25)
        x1, y1 = sx + math.cos(a) * (sr + 140), sy + math.sin(a) * (sr + 140)
        d.line([(x0, y0), (x1, y1)], fill=PAPER, width=int(rng.uniform(9, 16)))
    d.polygon(jagged_polygon(rng, circle_points(sx, sy, sr, 48), 5), fill=PAPER)
    for ring in (0.72, 0.45):
        d.line(wobble(rng, circle_points(sx, sy, sr * ring, 60), 3), fill=INK, width=12)

    # The ground: black, with leaves carved as white shapes with black veins.
    ground = h * 0.64
    d.rectangle([margin, ground, w - margin, h - margin], fill=INK)
    for _ in range(170):
        gouge(
            d,
            rng.uniform(margin + 20, w - margin - 20),
            rng.uniform(ground + 10, h - margin - 15),
            rng.uniform(-0.1, 0.1),
            rng.uniform(20, 70),
            rng.uniform(3, 6),
            PAPER,
        )
    stems = [w * 0.18, w * 0.34, w * 0.66, w * 0.82]
    for stem_x in stems:
        base_y = h - margin - 20
        d.line([(stem_x, base_y), (stem_x, ground - 40)], fill=PAPER, width=14)
        for k in range(4):
            y = base_y - 70 - k * 95
            for side in (-1, 1):
                angle = -math.pi / 2 + side * rng.uniform(0.7, 1.1)
                shape = leaf(stem_x, y, rng.uniform(150, 210), rng.uniform(42, 56), angle)
                d.polygon(wobble(rng, shape, 2), fill=PAPER)
                tip = (stem_x + math.cos(angle) * 150, y + math.sin(angle) * 150)
                d.line([(stem_x, y), tip], fill=INK, width=6)

    # Ink speckle where the roller missed and where it left too much.
    for _ in range(900):
        x, y = rng.uniform(margin, w - margin), rng.uniform(margin, h - margin)
        r = rng.uniform(1.5, 4)
        d.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice((INK, PAPER)))
    return img.convert("1", dither=Image.Dither.NONE)


# --- hand-drawn circle --------------------------------------------------------------------------


def lingkaran_dengar() -> Image.Image:
    rng = random.Random(2020)
    w, h = 1500, 1500
    img = Image.new("L", (w, h), PAPER)
    d = ImageDraw.Draw(img)
    cx, cy = w / 2, h / 2

    # The mat in the middle, hatched.
    mat_r = 230
    sketch_line(d, rng, circle_points(cx, cy, mat_r, 72), width=6)
    for i in range(-9, 10):
        off = i * 28
        half = math.sqrt(max(0.0, (mat_r - 25) ** 2 - off**2))
        if half > 20:
            a = (cx - half * 0.7 + off * 0.7, cy - half * 0.7 - off * 0.7)
            b = (cx + half * 0.7 + off * 0.7, cy + half * 0.7 - off * 0.7)
            d.line(wobble(rng, [a, b], 3), fill=INK, width=3)
    # A teapot and cups on the mat.
    sketch_line(d, rng, circle_points(cx, cy, 62, 36), width=7)
    d.ellipse([cx - 62, cy - 62, cx + 62, cy + 62], fill=PAPER)
    sketch_line(d, rng, circle_points(cx, cy, 62, 36), width=7)
    sketch_line(d, rng, circle_points(cx, cy, 18, 16), width=6)
    for k in range(3):
        a = 2 * math.pi * k / 3 + 0.5
        sketch_line(
            d, rng, circle_points(cx + math.cos(a) * 150, cy + math.sin(a) * 150, 28, 20), width=5
        )

    # Seven people from above, cross-legged on the floor, facing the middle: the oval of the
    # shoulders across, the head on it, two knees toward the mat.
    ring_r = 520
    for i in range(7):
        a = 2 * math.pi * i / 7 - math.pi / 2 + rng.uniform(-0.05, 0.05)
        px, py = cx + math.cos(a) * ring_r, cy + math.sin(a) * ring_r
        toward = a + math.pi
        ux, uy = math.cos(toward), math.sin(toward)  # toward the middle
        vx, vy = -uy, ux  # along the shoulders

        def at(along: float, across: float, px=px, py=py, ux=ux, uy=uy, vx=vx, vy=vy):
            return (px + ux * along + vx * across, py + uy * along + vy * across)

        # Lap: crossed legs as one rounded outline in front, the shins crossing in it.
        lap = [at(10, -125), at(85, -135), at(120, -80), at(112, 0), at(120, 80), at(85, 135)]
        lap += [at(10, 125)]
        d.polygon(lap, fill=PAPER)
        sketch_line(d, rng, lap, width=6)
        sketch_line(d, rng, [at(70, -110), at(100, 0), at(75, 100)], width=5, passes=1)
        sketch_line(d, rng, [at(72, 105), at(98, 10)], width=5, passes=1)
        # Shoulders: an oval, filled with felt-tip strokes.
        oval = [
            at(38 * math.sin(t), 125 * math.cos(t)) for t in [k * math.pi / 24 for k in range(49)]
        ]
        d.polygon(oval, fill=PAPER)
        for _ in range(70):
            t = rng.uniform(0, 2 * math.pi)
            r = rng.uniform(0.2, 0.85)
            x, y = at(38 * r * math.sin(t), 125 * r * math.cos(t))
            gouge(d, x, y, toward + rng.uniform(-0.3, 0.3), 26, 4, INK)
        sketch_line(d, rng, oval, width=7)
        # Head, with a few strokes of hair on the far side.
        head_r = rng.uniform(52, 60)
        hx, hy = at(-8, 0)
        d.ellipse([hx - head_r, hy - head_r, hx + head_r, hy + head_r], fill=PAPER)
        sketch_line(d, rng, circle_points(hx, hy, head_r, 30), width=7)
        for k in range(7):
            t = (k - 3) * 0.28
            x0, y0 = at(-8 - head_r * 0.2 * math.cos(t), head_r * 0.2 * math.sin(t))
            x1, y1 = at(-8 - head_r * 0.9 * math.cos(t), head_r * 0.9 * math.sin(t))
            sketch_line(d, rng, [(x0, y0), (x1, y1)], width=4, passes=1)
        # The one speaking holds a hand out over the knees.
        if i in (0, 3, 5):
            hand = at(175, 0)
            sketch_line(d, rng, circle_points(hand[0], hand[1], 24, 16), width=5)
            for f in range(4):
                fa = toward + (f - 1.5) * 0.35
                sketch_line(
                    d,
                    rng,
                    [
                        (hand[0] + math.cos(fa) * 24, hand[1] + math.sin(fa) * 24),
                        (hand[0] + math.cos(fa) * 50, hand[1] + math.sin(fa) * 50),
                    ],
                    width=5,
                    passes=1,
                )

    # Small marks of listening between people: dotted arcs.
    for i in range(7):
        a = 2 * math.pi * (i + 0.5) / 7 - math.pi / 2
        for j in range(5):
            t = a + (j - 2) * 0.05
            x, y = cx + math.cos(t) * (ring_r + 10), cy + math.sin(t) * (ring_r + 10)
            d.ellipse([x - 6, y - 6, x + 6, y + 6], fill=INK)
    return img.convert("1", dither=Image.Dither.NONE)


# --- hand-drawn wall ----------------------------------------------------------------------------


def tembok_tanaman() -> Image.Image:
    rng = random.Random(1998)
    w, h = 1200, 1600
    img = Image.new("L", (w, h), PAPER)
    d = ImageDraw.Draw(img)

    brick_w, brick_h = 200, 90
    crack_x = w * 0.52
    top = 120
    rows = (h - top - 80) // brick_h
    for row in range(rows):
        y = top + row * brick_h
        offset = 0 if row % 2 == 0 else -brick_w / 2
        x = offset
        while x < w:
            x0, x1 = max(40, x + 6), min(w - 40, x + brick_w - 6)
            # Bricks that fell out around the crack are left empty.
            gap = 130 + 60 * math.sin(row * 0.8)
            if x1 > x0 + 20 and not (abs((x0 + x1) / 2 - crack_x) < gap and row < rows - 3):
                corners = [(x0, y + 6), (x1, y + 6), (x1, y + brick_h - 6), (x0, y + brick_h - 6)]
                sketch_line(d, rng, corners + corners[:1], width=5)
                # Hatching on the lower half of each brick, for weight.
                for k in range(int(x0) + 10, int(x1) - 10, 16):
                    d.line(
                        wobble(rng, [(k, y + brick_h * 0.55), (k + 18, y + brick_h - 12)], 2),
                        fill=INK,
                        width=3,
                    )
            x += brick_w

    # Broken bricks lying at the foot of the wall.
    for _ in range(6):
        bx, by = rng.uniform(crack_x - 260, crack_x + 260), h - rng.uniform(90, 140)
        pts = [(bx + rng.uniform(-60, 60), by + rng.uniform(-30, 30)) for _ in range(5)]
        pts.sort(key=lambda p: math.atan2(p[1] - by, p[0] - bx))
        sketch_line(d, rng, pts + pts[:1], width=5)

    # The plant: a stem climbing through the gap, with leaves, drawn bold.
    stem = []
    y = h - 60
    x = crack_x
    while y > 260:
        stem.append((x, y))
        y -= 40
        x = crack_x + 60 * math.sin((h - y) / 210)
    sketch_line(d, rng, stem, width=14, passes=2)
    for i, (sx, sy) in enumerate(stem[3:-3:3]):
        side = 1 if i % 2 == 0 else -1
        angle = -math.pi / 2 + side * rng.uniform(0.6, 1.0)
        shape = leaf(sx, sy, rng.uniform(150, 200), rng.uniform(45, 60), angle)
        d.polygon(wobble(rng, shape, 2), fill=INK)
        tip = (sx + math.cos(angle) * 140, sy + math.sin(angle) * 140)
        d.line([(sx, sy), tip], fill=PAPER, width=5)
    # A flower at the top.
    fx, fy = stem[-1]
    for p in range(7):
        a = 2 * math.pi * p / 7
        petal = leaf(fx, fy, 95, 34, a)
        d.polygon(wobble(rng, petal, 2), fill=PAPER)
        sketch_line(d, rng, petal + petal[:1], width=6, passes=1)
    d.ellipse([fx - 28, fy - 28, fx + 28, fy + 28], fill=INK)
    return img.convert("1", dither=Image.Dither.NONE)


# --- photo-like scene ---------------------------------------------------------------------------


def senja_kampung() -> Image.Image:
    rng = random.Random(2006)
    w, h = 1800, 1200
    # Sky: a vertical gradient, lighter near the horizon, with a soft sun glow.
    sky = Image.linear_gradient("L").resize((w, h))
    sky = sky.point(lambda v: int(235 - v * 0.55))
    # radial_gradient is 0 in the middle and 181 at the middle of each edge: fade out before.
    glow = Image.radial_gradient("L").resize((1400, 1400)).point(lambda v: max(0, 170 - v) // 2)
    layer = Image.new("L", (w, h), 0)
    layer.paste(glow, (int(w * 0.62) - 700, int(h * 0.52) - 700))
    img = Image.composite(Image.new("L", (w, h), 255), sky, layer)
    d = ImageDraw.Draw(img)
    sun = (w * 0.62, h * 0.5, 70)
    d.ellipse([sun[0] - sun[2], sun[1] - sun[2], sun[0] + sun[2], sun[1] + sun[2]], fill=250)

    # Three ranges of hills, darker as they come nearer.
    for depth, (base, amp, tone) in enumerate(((0.58, 70, 170), (0.68, 55, 120), (0.78, 40, 80))):
        phase = rng.uniform(0, 6.28)
        pts = [(0, h)]
        for x in range(0, w + 20, 20):
            y = h * base - amp * math.sin(x / (260 + depth * 90) + phase) - rng.uniform(0, 6)
            pts.append((x, y))
        pts.append((w, h))
        d.polygon(pts, fill=tone)

    # Village roofs and a few palms, in silhouette on the nearest ground.
    ground = h * 0.82
    d.rectangle([0, ground, w, h], fill=40)
    # Rice-field furrows running to the horizon, catching the last light.
    vx = w * 0.62
    for k in range(-14, 15):
        d.line([(vx + k * 18, ground + 6), (vx + k * 260, h)], fill=70 + abs(k) % 3 * 12, width=5)
    for k in range(6):
        y = ground + 14 + (h - ground) * (k / 6) ** 1.6
        d.line([(0, y), (w, y)], fill=30, width=2 + k)
    # Birds going home.
    for _ in range(9):
        bx, by, bs = (
            rng.uniform(w * 0.2, w * 0.8),
            rng.uniform(h * 0.12, h * 0.35),
            rng.uniform(9, 18),
        )
        d.line([(bx - bs, by - bs * 0.4), (bx, by), (bx + bs, by - bs * 0.5)], fill=60, width=3)
    x = 40
    while x < w - 120:
        bw = rng.uniform(110, 190)
        bh = rng.uniform(60, 110)
        roof = rng.uniform(45, 80)
        tone = int(rng.uniform(25, 50))
        d.rectangle([x, ground - bh, x + bw, ground + 4], fill=tone)
        d.polygon(
            [(x - 18, ground - bh), (x + bw / 2, ground - bh - roof), (x + bw + 18, ground - bh)],
            fill=tone,
        )
        # A lit window now and then.
        if rng.random() < 0.45:
            wx = x + bw * rng.uniform(0.25, 0.6)
            d.rectangle([wx, ground - bh * 0.7, wx + 24, ground - bh * 0.7 + 28], fill=205)
        x += bw + rng.uniform(25, 90)
    for px in (w * 0.12, w * 0.47, w * 0.88):
        top_y = ground - rng.uniform(330, 420)
        trunk = [(px + 10 * math.sin(t / 4), ground - (ground - top_y) * t / 20) for t in range(21)]
        d.line(trunk, fill=20, width=14)
        tx, ty = trunk[-1]
        for f in range(9):
            a = math.pi + f * math.pi / 8 + rng.uniform(-0.1, 0.1)
            frond = [
                (tx + math.cos(a) * r, ty + math.sin(a) * r * 0.5 + (r / 130) ** 2 * 30)
                for r in range(0, 180, 12)
            ]
            d.line(frond, fill=20, width=9)

    # Film grain and a touch of softness, so it reads as a photograph.
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    # (From the seeded generator: Image.effect_noise would use C's unseeded rand().)
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    img = Image.blend(img, noise, 0.06)
    return img


def main() -> None:
    outputs = {
        "linocut-matahari.png": linocut_matahari(),
        "lingkaran-dengar.png": lingkaran_dengar(),
        "tembok-tanaman.png": tembok_tanaman(),
        "senja-kampung.jpg": senja_kampung(),
    }
    for name, img in outputs.items():
        path = HERE / name
        if name.endswith(".jpg"):
            img.save(path, "JPEG", quality=66, optimize=True, dpi=(300, 300))
        else:
            img.save(path, "PNG", optimize=True, dpi=(300, 300))
        print(f"{name}: {img.width}x{img.height}, {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
