"""Benchmark zinekit's start-up (`--help`, `--version`) and `zinekit impose --layout booklet`
as whole processes, against pdfimpose's `--help` and `saddle`.

Run it with the Python that has zinekit installed. pdfimpose runs with the Python given by
--pdfimpose (a separate venv keeps it and PyMuPDF out of zinekit's), else with this one when
it can import pdfimpose; this script installs nothing:

    python benchmarks/run.py --pdfimpose /work/venv-pdfimpose/bin/python
    python benchmarks/run.py --quick        # 1 run each, no 2048-page input
    python benchmarks/run.py --runs 3 --sizes 8,512,photos

Inputs are generated once with reportlab and pillow and cached in benchmarks/out/. See
benchmarks/README.md for what is measured and what the targets are.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

# Bump when the generated inputs change, so stale cached files are not reused.
INPUT_VERSION = 1
NUMBERED_SIZES = (8, 64, 512, 2048)
PHOTO_PAGES = 64
DEFAULT_RUNS = 5

# Targets.
MAX_SIZE_RATIO = 1.0  # the output is never larger than the input
BIG_PAGES = 2048
BIG_MAX_SECONDS = 2.0
BIG_MAX_MB = 200.0
# zinekit's time as a share of pdfimpose's, at most: `--help` and `--version` against
# `pdfimpose --help`, and the smallest input (start-up dominates it).
MAX_STARTUP_SHARE = 0.25
SMALL_PAGES = 8
MAX_SMALL_SHARE = 0.3
# How many times faster than pdfimpose zinekit is, at least, on the large numbered inputs
# (faster at all on every other input).
MIN_SPEEDUP = {512: 2.5, 2048: 3.0}
LINEAR_TOLERANCE = 1.5  # marginal time may grow at most this much faster than the page count


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Input:
    name: str  # e.g. "numbered-512" or "photos-64"
    pages: int
    photos: bool

    @property
    def path(self) -> Path:
        return OUT / f"{self.name}-v{INPUT_VERSION}.pdf"


TEXT = """
listen share circle agreement breathe together space quiet voice care support trust zine page
fold staple paper print copy meeting hand open time word kind safe slow we you they it is are
was be can may will not and or but with for from into
"""
WORDS = TEXT.split()


def _small_image(path: Path) -> None:
    """A 160x120 PNG, like a logo or an ornament repeated through a document."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (160, 120), (250, 246, 235))
    draw = ImageDraw.Draw(img)
    for i in range(0, 160, 8):
        draw.line([(i, 0), (160 - i, 120)], fill=(40 + i, 90, 160 - i // 2), width=2)
    draw.ellipse([40, 20, 120, 100], outline=(20, 20, 20), width=4)
    img.save(path, "PNG")


def _photo_jpeg(seed: int) -> bytes:
    """A distinct 900x650 photo-like JPEG (gradients under noise), about 120-130 KB."""
    from PIL import Image

    w, h = 900, 650
    rnd = random.Random(seed)
    linear = Image.linear_gradient("L").resize((w, h)).rotate(rnd.uniform(0, 360))
    radial = Image.radial_gradient("L").resize((w, h)).rotate(rnd.uniform(0, 360))
    noise = Image.effect_noise((w, h), rnd.uniform(30, 50))
    channels = [
        Image.blend(linear, noise, rnd.uniform(0.3, 0.4)),
        Image.blend(
            radial, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT), rnd.uniform(0.25, 0.35)
        ),
        Image.blend(linear.transpose(Image.Transpose.ROTATE_180), radial, rnd.uniform(0.3, 0.7)),
    ]
    rnd.shuffle(channels)
    buf = io.BytesIO()
    Image.merge("RGB", channels).save(buf, "JPEG", quality=80)
    return buf.getvalue()


def generate(inp: Input) -> None:
    """Write `inp` (numbered A5 pages, text in embedded Vera) atomically."""
    import reportlab
    from reportlab import rl_config

    # Flate without an ASCII85 layer, as most PDF producers write their streams.
    rl_config.useA85 = 0
    rl_config.invariant = 1  # no dates or random IDs: the same bytes each time
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    fonts = Path(reportlab.__file__).parent / "fonts"
    for name, file in (("Vera", "Vera.ttf"), ("VeraBd", "VeraBd.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(fonts / file)))

    OUT.mkdir(parents=True, exist_ok=True)
    small = OUT / "ornament.png"
    if not small.exists():
        _small_image(small)
    ornament = ImageReader(str(small))

    rnd = random.Random(inp.pages * 7919 + inp.photos)
    width, height = A5
    tmp = inp.path.with_suffix(".tmp")
    c = canvas.Canvas(str(tmp), pagesize=A5, pageCompression=1)
    c.setTitle(f"zinekit benchmark: {inp.name}")
    for number in range(1, inp.pages + 1):
        c.setFont("VeraBd", 14)
        c.drawString(
            40, height - 50, f"Section {1 + (number - 1) // 8}: {rnd.choice(WORDS).title()}"
        )
        top = height - 75
        if inp.photos:
            data = _photo_jpeg(seed=number)
            c.drawImage(ImageReader(io.BytesIO(data)), 40, top - 230, width=width - 80, height=225)
            top -= 245
        elif number % 4 == 0:
            c.drawImage(ornament, width / 2 - 60, top - 90, width=120, height=90)
            top -= 105
        c.setFont("Vera", 9)
        y = top
        while y > 70:
            line = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(9, 13)))
            c.drawString(40, y, line.capitalize() + ".")
            y -= 12.5
        c.setFont("VeraBd", 11)
        c.drawCentredString(width / 2, 35, str(number))
        c.showPage()
    c.save()
    os.replace(tmp, inp.path)


# --------------------------------------------------------------------------- running


@dataclass
class Run:
    seconds: float
    max_rss_mb: float


@dataclass
class Measure:
    runs: list[Run] = field(default_factory=list)
    out_bytes: int = 0
    out_pages: int = 0
    error: str | None = None

    @property
    def median_s(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def min_s(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.max_rss_mb for r in self.runs)


def run_child(argv: list[str]) -> tuple[Run, int, str]:
    """Run `argv`: wall time and the child's own max RSS (os.wait4 gives its own rusage).

    Linux carries a process's peak RSS across exec, so a child forked from a big parent reports
    the parent's size as its own peak. Call this only from a small process: `measure` does so
    through a fresh `run.py _runner` that imports nothing heavy.
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: tell Popen
        err.seek(0)
        message = err.read().decode(errors="replace").strip()
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(seconds, rss), proc.returncode, message


def _runner(runs: int, argv: list[str]) -> None:
    """`run.py _runner N -- ARGV...`: run ARGV N times, one JSON line of results on stdout."""
    results = []
    for _ in range(runs):
        run, code, message = run_child(argv)
        results.append(
            {"seconds": run.seconds, "rss_mb": run.max_rss_mb, "code": code, "message": message}
        )
        if code != 0:
            break
    print(json.dumps(results))


def run_lean(argv: list[str], runs: int) -> list[dict]:
    """Run `argv` `runs` times from a fresh small process (see `run_child`)."""
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "_runner", str(runs), "--", *argv],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def zinekit_argv(src: Path, dst: Path) -> list[str]:
    args = ["impose", str(src), "--layout", "booklet", "-o", str(dst), "-q"]
    return [sys.executable, "-m", "zinekit", *args]


# The Python that runs pdfimpose (main() sets it from --pdfimpose).
PDFIMPOSE_PYTHON = sys.executable


def pdfimpose_argv(src: Path, dst: Path) -> list[str]:
    # 2x1: two source pages side by side on each side of a sheet folded once, as zinekit's booklet.
    args = ["saddle", "--signature", "2x1", "--output", str(dst), str(src)]
    return [PDFIMPOSE_PYTHON, "-m", "pdfimpose", *args]


def startup_cases(with_pdfimpose: bool) -> dict[str, list[str]]:
    """The start-up commands: nothing to read or write, only imports and the help text."""
    cases = {
        "zinekit --help": [sys.executable, "-m", "zinekit", "--help"],
        "zinekit --version": [sys.executable, "-m", "zinekit", "--version"],
    }
    if with_pdfimpose:
        cases["pdfimpose --help"] = [PDFIMPOSE_PYTHON, "-m", "pdfimpose", "--help"]
    return cases


def measure_startup(with_pdfimpose: bool, runs: int) -> dict[str, Measure]:
    measures = {}
    for name, argv in startup_cases(with_pdfimpose).items():
        m = Measure()
        results = run_lean(argv, runs + 1)  # the first run warms the bytecode caches
        failed = [r for r in results if r["code"] != 0]
        if failed:
            m.error = f"exit {failed[0]['code']}: {failed[0]['message'][-200:]}"
        else:
            m.runs = [Run(r["seconds"], r["rss_mb"]) for r in results[1:]]
        measures[name] = m
    return measures


def print_startup(measures: dict[str, Measure], runs: int) -> None:
    width = max(map(len, measures))
    print(f"\nstart-up: median of {runs} run(s), whole process")
    print(f"{'command'.ljust(width)}  {'s':>6}  {'min s':>6}  {'MB':>4}  {'/ pdfimpose':>11}")
    base = measures.get("pdfimpose --help")
    for name, m in measures.items():
        if m.error:
            print(f"{name.ljust(width)}  ERROR {m.error}")
            continue
        share = "-"
        if base is not None and not base.error and name != "pdfimpose --help":
            share = f"{m.median_s / base.median_s:.3f}"
        print(
            f"{name.ljust(width)}  {m.median_s:6.3f}  {m.min_s:6.3f}  {m.peak_mb:4.0f}  {share:>11}"
        )


def installed_pdfimpose(python: str) -> str | None:
    """ "pdfimpose X (pymupdf Y)" when `python` can run pdfimpose, else None."""
    code = (
        "from importlib.metadata import version as v;"
        " print(f\"pdfimpose {v('pdfimpose')} (pymupdf {v('pymupdf')})\")"
    )
    try:
        done = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def measure(argv_for, src: Path, dst: Path, runs: int) -> Measure:
    m = Measure()
    if dst.exists():
        dst.unlink()
    # One untimed warm-up run first: bytecode caches and the input file in the page cache.
    results = run_lean(argv_for(src, dst), runs + 1)
    for r in results:
        if r["code"] != 0:
            last = r["message"].splitlines()[-1] if r["message"] else "(no message)"
            m.error = f"exit {r['code']}: {last}"
            return m
    m.runs = [Run(r["seconds"], r["rss_mb"]) for r in results[1:]]
    m.out_bytes = dst.stat().st_size
    m.out_pages = page_count(dst)
    return m


# --------------------------------------------------------------------------- report


@dataclass
class Row:
    inp: Input
    in_bytes: int
    zinekit: Measure
    pdfimpose: Measure | None


def _fmt_s(m: Measure | None) -> str:
    if m is None:
        return "-"
    return "ERROR" if m.error else f"{m.median_s:.3f}"


def _fmt_mb(m: Measure | None) -> str:
    if m is None or m.error:
        return "-"
    return f"{m.peak_mb:.0f}"


def _fmt_ratio(m: Measure | None, in_bytes: int) -> str:
    if m is None or m.error:
        return "-"
    return f"{m.out_bytes / in_bytes:.3f}"


def print_table(rows: list[Row], runs: int) -> None:
    header = [
        "input",
        "pages",
        "in MB",
        "zk s",
        "zk min s",
        "zk MB",
        "zk out/in",
        "pi s",
        "pi MB",
        "pi out/in",
        "pi/zk time",
    ]
    table = [header]
    for r in rows:
        zk, pi = r.zinekit, r.pdfimpose
        speed = "-"
        if pi is not None and not pi.error and not zk.error:
            speed = f"{pi.median_s / zk.median_s:.2f}x"
        table.append(
            [
                r.inp.name,
                str(r.inp.pages),
                f"{r.in_bytes / 1e6:.2f}",
                _fmt_s(zk),
                "-" if zk.error else f"{zk.min_s:.3f}",
                _fmt_mb(zk),
                _fmt_ratio(zk, r.in_bytes),
                _fmt_s(pi),
                _fmt_mb(pi),
                _fmt_ratio(pi, r.in_bytes),
                speed,
            ]
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = []
    for n, row in enumerate(table):
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    print("\n".join(lines))
    print(
        f"\nzk = zinekit impose --layout booklet, pi = pdfimpose saddle --signature 2x1;"
        f" s = median wall time of {runs} run(s), whole process (start-up included);"
        f" MB = peak RSS of the child (max over runs); out/in = output size / input size."
    )
    for r in rows:
        for tool, m in (("zinekit", r.zinekit), ("pdfimpose", r.pdfimpose)):
            if m is not None and m.error:
                print(f"{tool} failed on {r.inp.name}: {m.error}")


def check_targets(rows: list[Row], startup: dict[str, Measure], no_pdfimpose: str) -> bool:
    results: list[tuple[str, str, str]] = []  # (verdict, target, detail)

    def add(ok: bool | None, target: str, detail: str) -> None:
        results.append(("SKIP" if ok is None else "PASS" if ok else "FAIL", target, detail))

    base = startup.get("pdfimpose --help")
    for name in ("zinekit --help", "zinekit --version"):
        target = f"{name} <= {MAX_STARTUP_SHARE:g} x pdfimpose --help"
        m = startup[name]
        if m.error:
            add(False, target, m.error)
        elif base is None:
            add(None, target, no_pdfimpose)
        elif base.error:
            add(None, target, f"pdfimpose failed: {base.error}")
        else:
            share = m.median_s / base.median_s
            add(
                share <= MAX_STARTUP_SHARE,
                target,
                f"{m.median_s:.3f} s / {base.median_s:.3f} s = {share:.3f}",
            )

    ok_rows = [r for r in rows if not r.zinekit.error]
    for r in rows:
        if r.zinekit.error:
            add(False, f"zinekit runs on {r.inp.name}", r.zinekit.error)
        elif r.zinekit.out_pages != expected_sides(r.inp.pages):
            add(
                False,
                f"output of {r.inp.name} has {expected_sides(r.inp.pages)} pages",
                f"it has {r.zinekit.out_pages}",
            )

    for r in ok_rows:
        ratio = r.zinekit.out_bytes / r.in_bytes
        add(
            ratio <= MAX_SIZE_RATIO,
            f"output size <= {MAX_SIZE_RATIO} x input on {r.inp.name}",
            f"{ratio:.3f} x",
        )

    big = next((r for r in ok_rows if not r.inp.photos and r.inp.pages == BIG_PAGES), None)
    if big is None:
        add(None, f"{BIG_PAGES} pages under {BIG_MAX_SECONDS:g} s", "input not run")
        add(None, f"{BIG_PAGES} pages under {BIG_MAX_MB:g} MB peak", "input not run")
    else:
        add(
            big.zinekit.median_s < BIG_MAX_SECONDS,
            f"{BIG_PAGES} pages under {BIG_MAX_SECONDS:g} s",
            f"median {big.zinekit.median_s:.3f} s",
        )
        add(
            big.zinekit.peak_mb < BIG_MAX_MB,
            f"{BIG_PAGES} pages under {BIG_MAX_MB:g} MB peak",
            f"{big.zinekit.peak_mb:.0f} MB",
        )

    add(*linearity(ok_rows))

    compared = [r for r in ok_rows if r.pdfimpose is not None and not r.pdfimpose.error]
    if not any(r.pdfimpose is not None for r in rows):
        add(None, "faster than pdfimpose", no_pdfimpose)
    else:
        for r in compared:
            assert r.pdfimpose is not None
            speed = r.pdfimpose.median_s / r.zinekit.median_s
            detail = (
                f"{r.zinekit.median_s:.3f} s / {r.pdfimpose.median_s:.3f} s:"
                f" {1 / speed:.3f} x the time, {speed:.2f}x faster"
            )
            need = MIN_SPEEDUP.get(r.inp.pages, 1.0) if not r.inp.photos else 1.0
            if not r.inp.photos and r.inp.pages == SMALL_PAGES:
                target = f"{MAX_SMALL_SHARE:g} x pdfimpose's time at most on {r.inp.name}"
                add(1 / speed <= MAX_SMALL_SHARE, target, detail)
            elif need > 1:
                add(speed >= need, f">= {need:g}x faster than pdfimpose on {r.inp.name}", detail)
            else:
                add(speed > 1, f"faster than pdfimpose on {r.inp.name}", detail)
        for r in rows:
            if r.pdfimpose is not None and r.pdfimpose.error:
                add(
                    None,
                    f"faster than pdfimpose on {r.inp.name}",
                    f"pdfimpose failed: {r.pdfimpose.error}",
                )

    print("\nTargets:")
    width = max(len(t) for _, t, _ in results)
    for verdict, target, detail in results:
        print(f"  {verdict:4}  {target.ljust(width)}  {detail}")
    return all(v != "FAIL" for v, _, _ in results)


def expected_sides(pages: int) -> int:
    return 2 * math.ceil(pages / 4)


def linearity(rows: list[Row]) -> tuple[bool | None, str, str]:
    """Whether time grows about linearly with the page count.

    The smallest numbered input stands for start-up. The time per page above it (the marginal
    time) at the largest input may be at most LINEAR_TOLERANCE times that at the next largest
    input whose marginal time is big enough to measure (10% of start-up at least).
    """
    target = "time roughly linear in pages"
    series = sorted((r for r in rows if not r.inp.photos), key=lambda r: r.inp.pages)
    if len(series) < 3:
        return None, target, "needs 3 numbered inputs"
    base, top = series[0], series[-1]
    t0 = base.zinekit.median_s

    def per_page(r: Row) -> float:
        return (r.zinekit.median_s - t0) / (r.inp.pages - base.inp.pages)

    measurable = [r for r in series[1:-1] if r.zinekit.median_s - t0 >= 0.1 * t0]
    if not measurable:
        return (
            None,
            target,
            f"too little work above start-up below {top.inp.pages} pages to see a trend",
        )
    mid = measurable[-1]
    detail = (
        f"{per_page(mid) * 1e3:.3f} ms/page at {mid.inp.pages},"
        f" {per_page(top) * 1e3:.3f} ms/page at {top.inp.pages}"
        f" (above the {base.inp.pages}-page run, {t0:.3f} s)"
    )
    return per_page(top) <= LINEAR_TOLERANCE * per_page(mid), target, detail


# --------------------------------------------------------------------------- main


def parse_sizes(text: str) -> list[Input]:
    inputs = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        if part in ("photos", "photo"):
            inputs.append(Input(f"photos-{PHOTO_PAGES}", PHOTO_PAGES, True))
        elif part.isdigit() and int(part) > 0:
            inputs.append(Input(f"numbered-{int(part)}", int(part), False))
        else:
            raise argparse.ArgumentTypeError(f"{part!r} is not a page count or 'photos'")
    if not inputs:
        raise argparse.ArgumentTypeError("no inputs given")
    return inputs


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_runner"]:  # internal: see run_lean
        _runner(int(argv[1]), argv[3:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help=f"timed runs per tool and input (default {DEFAULT_RUNS})",
    )
    default_sizes = ",".join(map(str, NUMBERED_SIZES)) + ",photos"
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=None,
        help="comma-separated page counts of numbered inputs, and 'photos' for the"
        f" {PHOTO_PAGES}-page input with a distinct photo per page (default {default_sizes})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1 run each on 8,64,512,photos (a smoke test; targets on 2048 pages are skipped)",
    )
    parser.add_argument(
        "--pdfimpose",
        metavar="PYTHON",
        default=None,
        help="the Python that has pdfimpose installed (default: this one, if it has it)",
    )
    parser.add_argument(
        "--no-pdfimpose", action="store_true", help="do not run pdfimpose even if installed"
    )
    parser.add_argument(
        "--no-build", action="store_true", help="skip the build benchmarks (benchmarks/build.py)"
    )
    args = parser.parse_args(argv)

    runs = args.runs if args.runs is not None else 1 if args.quick else DEFAULT_RUNS
    if runs < 1:
        parser.error("--runs must be at least 1")
    inputs = args.sizes or parse_sizes("8,64,512,photos" if args.quick else default_sizes)

    if importlib.util.find_spec("zinekit") is None:
        print(f"zinekit is not importable by {sys.executable}; install it first", file=sys.stderr)
        return 2
    global PDFIMPOSE_PYTHON
    PDFIMPOSE_PYTHON = args.pdfimpose or sys.executable
    pdfimpose_version = None if args.no_pdfimpose else installed_pdfimpose(PDFIMPOSE_PYTHON)
    have_pdfimpose = pdfimpose_version is not None

    import zinekit

    floor = run_lean([sys.executable, "-c", "pass"], 1)[0]["rss_mb"]
    print(
        f"zinekit {zinekit.__version__} ({Path(zinekit.__file__).parent}),"
        f" Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs;"
        f" an empty Python peaks at {floor:.0f} MB"
    )
    if have_pdfimpose:
        print(f"{pdfimpose_version}, run by {PDFIMPOSE_PYTHON}")
    elif args.no_pdfimpose:
        print("pdfimpose comparison skipped (--no-pdfimpose)")
    else:
        print(
            f"pdfimpose is not importable by {PDFIMPOSE_PYTHON}: comparison skipped"
            " (install it in a venv and name its Python with --pdfimpose)"
        )

    for inp in inputs:
        if not inp.path.exists():
            print(f"generating {inp.path.relative_to(HERE.parent)} ...", flush=True)
            start = time.perf_counter()
            generate(inp)
            print(
                f"  {inp.path.stat().st_size / 1e6:.2f} MB in {time.perf_counter() - start:.1f} s",
                flush=True,
            )

    print("running start-up ...", flush=True)
    startup = measure_startup(have_pdfimpose, runs)
    rows = []
    work = OUT / "results"
    work.mkdir(parents=True, exist_ok=True)
    for inp in inputs:
        print(f"running {inp.name} ...", flush=True)
        zk = measure(zinekit_argv, inp.path, work / f"{inp.name}-zinekit.pdf", runs)
        pi = (
            measure(pdfimpose_argv, inp.path, work / f"{inp.name}-pdfimpose.pdf", runs)
            if have_pdfimpose
            else None
        )
        rows.append(Row(inp, inp.path.stat().st_size, zk, pi))

    print_startup(startup, runs)
    print()
    print_table(rows, runs)
    no_pdfimpose = "--no-pdfimpose given" if args.no_pdfimpose else "pdfimpose is not installed"
    ok = check_targets(rows, startup, no_pdfimpose)
    if not args.no_build:
        sys.path.insert(0, str(HERE))
        import build  # benchmarks/build.py

        ok = build.run(runs) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
