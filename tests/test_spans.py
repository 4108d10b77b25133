"""Tests for span questions answered in logarithmic time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.spans import Overlaps
from tests.profiles import examples

spans = st.lists(
    st.tuples(st.integers(0, 50), st.integers(0, 10)).map(lambda p: (p[0], p[0] + p[1]))
)


class TestOverlaps:
    """Overlaps answers as a scan of every span would."""

    def test_examples(self):
        """Touching counts as overlapping (inclusive ends); beside does not."""
        overlaps = Overlaps([(2, 4), (10, 12)])
        assert overlaps.hit(4, 6)
        assert overlaps.hit(0, 2)
        assert overlaps.hit(11, 11)
        assert not overlaps.hit(5, 9)
        assert not overlaps.hit(13, 20)
        assert not Overlaps([]).hit(0, 100)

    @settings(max_examples=examples(200), deadline=None)
    @given(spans, st.integers(0, 60), st.integers(0, 10))
    def test_same_as_a_scan(self, known, first, length):
        """The bisect answer equals the linear one."""
        last = first + length
        expected = any(a <= last and first <= b for a, b in known)
        assert Overlaps(known).hit(first, last) is expected
