from hypothesis import given
from hypothesis import strategies as st

from congress.extraction.article import _SENTENCE_END, sentence_bounds


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
    text = "Mở đầu. " + "x" * 5000 + " giữa " + "y" * 5000 + ". Kết."
    pos = text.index("giữa")
    start, end = sentence_bounds(text, pos)
    assert (start, end) == (len("Mở đầu."), text.index(". Kết") + 1)
    assert text[start:end].strip().startswith("x") and text[start:end].endswith("y.")
