import pytest

from congress.extraction.roman import from_roman, to_roman


@pytest.mark.parametrize(
    ("text", "number"), [("I", 1), ("VII", 7), ("VIII", 8), ("XII", 12), ("XXV", 25), ("xiv", 14)]
)
def test_round_trip(text, number):
    assert from_roman(text) == number
    assert to_roman(number) == text.upper()


@pytest.mark.parametrize("text", ["", "IIII", "VX", "ABC", "12"])
def test_rejects_malformed(text):
    assert from_roman(text) is None
