import pytest

from zinekit.errors import OptionError
from zinekit.units import describe_size, mm, paper_size, parse_length, snap_to_paper


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("A4", (595.28, 841.89)),
        ("a4", (595.28, 841.89)),
        ("A3", (841.89, 1190.55)),
        ("A5", (419.53, 595.28)),
        ("Letter", (612.0, 792.0)),
        ("Legal", (612.0, 1008.0)),
        ("F4", (609.45, 935.43)),  # 215 x 330 mm
        ("folio", (609.45, 935.43)),
        ("210x297mm", (595.28, 841.89)),
        ("210 x 297 mm", (595.28, 841.89)),
        ("8.5x11in", (612.0, 792.0)),
        ("297x210mm", (841.89, 595.28)),
        ("100ptx200pt", (100.0, 200.0)),
    ],
)
def test_paper_sizes_are_exact_in_points(name: str, expected: tuple[float, float]) -> None:
    width, height = paper_size(name)
    assert (round(width, 2), round(height, 2)) == expected


@pytest.mark.parametrize("bad", ["A9", "", "210x297", "big", "210x297 furlongs"])
def test_unknown_sheet_sizes_are_errors_that_list_the_valid_names(bad: str) -> None:
    with pytest.raises(OptionError) as error:
        paper_size(bad)
    assert "unknown sheet size" in error.value.message
    assert "F4" in (error.value.hint or "")


@pytest.mark.parametrize("bad", ["0.0001x0.0001mm", "99999x99999mm", "10x297mm"])
def test_sheet_sizes_must_be_printable(bad: str) -> None:
    with pytest.raises(OptionError, match="out of range"):
        paper_size(bad)


def test_lengths_need_units() -> None:
    assert parse_length("3mm") == pytest.approx(mm(3))
    assert parse_length("0.5in") == pytest.approx(36)
    assert parse_length("1 cm") == pytest.approx(mm(10))
    with pytest.raises(OptionError):
        parse_length("3")


def test_describe_size_names_known_papers() -> None:
    assert describe_size(*paper_size("F4")) == "F4 (215 x 330 mm)"
    assert describe_size(100, 100) == "35 x 35 mm"


def test_cells_snap_to_the_paper_size_they_nearly_are() -> None:
    half_a4 = (paper_size("A4")[1] / 2, paper_size("A4")[0])
    assert snap_to_paper(half_a4) == paper_size("A5")
    quarter_a4 = (paper_size("A4")[0] / 4 * 2 / 2, paper_size("A4")[1] / 4)  # not a paper size
    assert snap_to_paper(quarter_a4) == quarter_a4
    landscape_a5 = (paper_size("A5")[1], paper_size("A5")[0] + 1)
    assert snap_to_paper(landscape_a5) == (paper_size("A5")[1], paper_size("A5")[0])
