"""Linear time on every hostile shape, in every markup and position.

Each case checks a file holding the shape (tests/reliability/linear.py) at n
and at 4n characters through the whole check path and asserts that the time
grew less than 6 times (linear: about 4; quadratic: about 16).
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from termcheck.extractors import EXTRACTORS
from tests.reliability.linear import (
    MARKUPS,
    RATIO_BOUND,
    SHAPES,
    Shape,
    cases,
    check_path,
    growth,
    place,
)


@pytest.mark.parametrize(
    ("shape", "position"),
    list(cases()),
    ids=[f"{shape.id}-{position}" for shape, position in cases()],
)
def test_time_grows_linearly(shape: Shape, position: str) -> None:
    """t(4n) / t(n) stays under the bound."""
    result = growth(check_path, shape, position)
    assert result.linear, (
        f"{shape.id} at the {position}: n={result.size:,} took "
        f"{result.small:.4f} s, 4n took {result.large:.4f} s "
        f"(x{result.ratio:.1f}, bound x{RATIO_BOUND:g})"
    )


def test_every_markup_has_its_own_shapes() -> None:
    """Each markup has the shapes of any text and at least one of its own."""
    names = {(shape.markup, shape.name) for shape in SHAPES}
    for markup in MARKUPS:
        assert (markup, "punctuation-run") in names
        assert (markup, "directive-spaces") in names
        assert len([m for m, _ in names if m == markup]) >= 7, markup


def test_shapes_grow_with_their_size() -> None:
    """4n characters of a shape are about 4 times n, wherever it is placed."""
    for shape, position in cases():
        small, large = (
            len(place(shape, 4_000, position)),
            len(place(shape, 16_000, position)),
        )
        assert 3.5 < large / small < 4.5, (shape.id, position, small, large)


def test_fuzz_seeds_name_their_markup(tmp_path: Path) -> None:
    """fuzz/seeds.py writes each shape for the extractors target (markup byte
    first, as fuzz.py reads it) and for the matcher target (text alone)."""
    seeds = runpy.run_path(str(Path(__file__).parents[2] / "fuzz" / "seeds.py"))
    written = seeds["write_seeds"](tmp_path)
    assert written == 2 * len(list(cases()))
    markups = sorted(EXTRACTORS)
    for shape, position in cases():
        name = f"shape-{shape.id}-{position}"
        data = (tmp_path / "extractors" / name).read_bytes()
        assert markups[data[0] % len(markups)] == shape.markup
        assert data[1:] == (tmp_path / "matcher" / name).read_bytes()
        assert shape.make(400) in data[1:].decode("utf-8")
