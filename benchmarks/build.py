"""Build benchmarks: `zinekit --help`, building the full sample zine, the magazine sample
in every theme (`themes/*.toml`, by `--theme`), and a generated 200-page content file, each
as a whole process (start-up included); and a small generated zine built a second time in a
process that built it once already (fonts and dictionaries loaded), which is the typesetting
and imposing alone.

Run on its own (`python benchmarks/build.py [--runs N]`) or as the last part of run.py.
Targets: --help under 0.5 s; the 12-20 page sample and the magazine in each theme under
1.5 s; 200 pages under 4 s; the small zine (12-20 pages) under 1 s once warm.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
OUT = HERE / "out" / "build"
THEMES = HERE.parent / "themes"
SAMPLE = "kabar-sebaya.yaml"
MAGAZINE = "sahabat-sebaya.yaml"
TARGETS = {"help": 0.5, "sample": 1.5, "magazine": 1.5, "200 pages": 4.0, "small, warm": 1.0}

_PARAGRAPH = (
    "Kelompok dukungan sebaya bertemu setiap minggu di ruang yang sama. Mereka membuka"
    " pertemuan dengan kesepakatan, lalu bergiliran bercerita tanpa disela. Yang mendengarkan"
    " tidak memberi nasihat kecuali diminta, dan setiap orang boleh memilih untuk diam."
    " Catatan ini dibuat supaya kelompok baru bisa memulai dengan langkah yang sama."
)


def content_200_pages(path: Path) -> Path:
    """A generated content file of about 200 A5 pages: every text-bearing block kind."""
    lines = [
        "title: Arsip Pertemuan",
        "subtitle: Dua ratus halaman catatan",
        "lang: id",
        "layout: booklet",
        "cover: {footer: Edisi uji}",
        "blocks:",
    ]
    for chapter in range(1, 199):  # about one A5 page each, plus covers
        lines += [
            f"  - heading: Pertemuan ke-{chapter}",
            f'  - text: "{_PARAGRAPH} **Pertemuan {chapter}** berjalan _pelan_."',
            f'  - text: "{_PARAGRAPH}"',
            "  - list: [Datang tepat waktu, Matikan suara telepon, Dengarkan sampai selesai]",
            "  - agreements:",
            "      - {title: Rahasia, text: Yang diceritakan tinggal di ruangan ini.}",
            "      - {title: Bicara dari diri sendiri, text: Pakai kata aku.}",
            "  - resources:",
            f"      - {{title: Catatan {chapter}, kind: zine, year: 2020, link:"
            f" 'https://example.org/catatan/{chapter}'}}",
            f'  - quote: {{text: "Kita belajar mendengar bersama-sama ({chapter}).", by: Peserta}}',
        ]
    lines += ["back: {contact: arsip@example.org, license: Bebas difotokopi.}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_PARAGRAPH_2 = (
    "Kelompok dukungan sebaya memberi kesempatan untuk berbagi pengalaman tanpa hirarki,"
    " tanpa profesional bayaran, dan tanpa label yang dipaksakan. Kita mendengarkan satu sama"
    " lain dengan sabar, dan masyarakat yang peduli tumbuh dari pertemuan-pertemuan kecil"
    " seperti ini. Merawat orang lain sering kali merupakan cara terbaik untuk merawat diri"
    " sendiri, karena kita menemukan bahwa kita tidak sendirian."
)


def content_small(path: Path) -> Path:
    """Eleven sections of a heading, three paragraphs and a list: 12 to 20 A5 pages."""
    lines = ["title: Zine Uji", "lang: id", "layout: booklet", "cover: {}", "blocks:"]
    for section in range(1, 12):
        text = "\\n\\n".join([_PARAGRAPH_2] * 3)
        lines += [
            f"  - heading: Bagian {section}",
            f'  - text: "{text}"',
            "  - list: [Dengarkan tanpa menyela., Jangan memberi nasihat kecuali diminta.]",
        ]
    lines += ["back: {text: Selesai.}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Builds the file twice in one process and prints the second build's wall time.
_WARM = """
import sys, time
from zinekit.cli import main
def build():
    try:
        main(["build", sys.argv[1], "-q"])
    except SystemExit as exc:
        if exc.code:
            raise
build()
start = time.perf_counter()
build()
print(time.perf_counter() - start)
"""


def timed_warm(content: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _WARM, str(content)],
            check=True,
            capture_output=True,
            text=True,
        )
        times.append(float(done.stdout.split()[-1]))
    return times


def timed(argv: list[str], runs: int, cpu: list[float] | None = None) -> list[float]:
    """Wall times of `runs` runs; with `cpu`, each run's processor time (user and system)
    is appended to it: on a shared machine it varies less than the wall time."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times


def pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def run(runs: int) -> bool:
    """Measure, print a table and PASS/FAIL lines; True when every target passes."""
    zinekit = [sys.executable, "-m", "zinekit"]
    OUT.mkdir(parents=True, exist_ok=True)
    work = OUT / "sample"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(SAMPLES, work)
    big = content_200_pages(OUT / "arsip-200.yaml")
    small = content_small(OUT / "kecil.yaml")

    cases: dict[str, tuple[list[str], Path | None]] = {
        "help": ([*zinekit, "--help"], None),
        "sample": ([*zinekit, "build", str(work / SAMPLE), "-q"], work / SAMPLE),
    }
    for theme in sorted(THEMES.glob("*.toml")):
        # Each theme's output under its own name, beside the sample's images.
        out = work / f"magazine-{theme.stem}.pdf"
        argv = [*zinekit, "build", str(work / MAGAZINE), "--theme", theme.stem, "-o", str(out)]
        cases[f"magazine {theme.stem}"] = ([*argv, "-q"], out)
    cases["200 pages"] = ([*zinekit, "build", str(big), "-q"], big)
    results = {}
    cpu_times: dict[str, float] = {}
    for name, (argv, content) in cases.items():
        timed(argv, 1)  # warm the file cache and bytecode
        cpu: list[float] = []
        times = timed(argv, runs, cpu)
        cpu_times[name] = statistics.median(cpu)
        reading = None
        if content is not None:  # the content file, or the output named by -o
            reading = content.with_name(f"{content.stem}.reading.pdf")
        results[name] = (statistics.median(times), pages(reading) if reading else None)
    timed_warm(small, 1)
    results["small, warm"] = (
        statistics.median(timed_warm(small, runs)),
        pages(small.with_name(f"{small.stem}.reading.pdf")),
    )

    print(f"\nbuild: median of {runs} run(s), whole process (wall; cpu: user + system)")
    print(f"{'case':<20} {'pages':>6} {'seconds':>8} {'cpu s':>6} {'target':>8}")
    ok = True
    for name, (seconds, count) in results.items():
        target = _target(name)
        used = f"{cpu_times[name]:.2f}" if name in cpu_times else "-"
        print(f"{name:<20} {count if count else '-':>6} {seconds:>8.2f} {used:>6} {target:>7.1f}s")
    for name, (seconds, _) in results.items():
        passed = seconds < _target(name)
        ok &= passed
        verdict = "PASS" if passed else "FAIL"
        print(f"  {verdict}  {name} under {_target(name)} s  ({seconds:.2f} s)")
    count = results["small, warm"][1] or 0
    in_range = 12 <= count <= 20
    ok &= in_range
    print(f"  {'PASS' if in_range else 'FAIL'}  small zine has 12 to 20 pages  ({count})")
    return ok


def _target(case: str) -> float:
    """The target of a case: "magazine serif" has the magazine's."""
    return TARGETS[case.split()[0] if case.startswith("magazine ") else case]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (default 5)")
    args = parser.parse_args(argv)
    return 0 if run(args.runs) else 1


if __name__ == "__main__":
    sys.exit(main())
