from hypothesis import given
from hypothesis import strategies as st

from congress.extraction.article import _SENTENCE_END, MAX_SENTENCE_CHARS, sentence_bounds


def naive_bounds(text: str, pos: int) -> tuple[int, int]:
    """The definition: the last sentence end before ``pos``, the first one from it."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, pos):
        start = match.end()
    found = _SENTENCE_END.search(text, pos)
    return start, found.start() + 1 if found else len(text)


@given(st.text(alphabet="ab .;?!\nx", max_size=3000), st.data())
def test_sentence_bounds_looks_back_in_windows_with_the_same_result(text, data):
    pos = data.draw(st.integers(0, len(text)))
    assert sentence_bounds(text, pos) == naive_bounds(text, pos)


def test_sentence_bounds_of_a_long_sentence():
    text = "Mở đầu. " + "x" * 1000 + " giữa " + "y" * 1000 + ". Kết."
    start, end = sentence_bounds(text, text.index("giữa"))
    assert (start, end) == (len("Mở đầu."), text.index(". Kết") + 1)


def test_a_line_without_sentence_ends_is_cut_at_the_bound():
    text = "x " * 20_000
    start, end = sentence_bounds(text, 20_000)
    assert (start, end) == (20_000 - MAX_SENTENCE_CHARS, 20_000 + MAX_SENTENCE_CHARS)
