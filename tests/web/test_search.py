"""congress.search: folding, phrases, years, ranking, suggestions and safe highlighting."""

import pytest

from congress import search
from congress.models import Article, Indicator, Person, Unit

from .conftest import make_article

pytestmark = pytest.mark.django_db

SPELLINGS = ["ho ngheo", "hộ nghèo", "HỘ NGHÈO", "hộ nghéo", "Hộ Nghèo"]


def test_parse_query_folds_words_phrases_and_exclusions():
    query = search.parse_query('"Hộ nghèo" Đảng -khối')
    assert query.words == ("dang",)
    assert query.phrases == (("ho", "ngheo"),)
    assert query.excluded == ("khoi",)
    assert query.websearch == 'dang "ho ngheo" -khoi'


@pytest.mark.parametrize("raw", ["", "   ", '""', "!!!", "-", None])
def test_parse_query_of_nothing_is_empty(raw):
    assert not search.parse_query(raw)


def test_parse_query_caps_huge_input():
    query = search.parse_query("nghèo " * 5000)
    assert query.words == ("ngheo",)
    assert len(search.parse_query(" ".join(f"w{i}" for i in range(100))).words) == 12


def test_index_text_puts_term_years_as_words():
    assert search.index_text(search.term_words("2020-2025")) == " nhiem ky 2020 2025 "


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_finds_the_same_indicators(world, spelling):
    found = search.search(Indicator.objects.published(), search.parse_query(spelling))
    assert set(found) == {world["target"], world["result"]}


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_finds_the_same_reports(world, spelling):
    found = search.search(
        Article.objects.published(), search.parse_query(spelling), head_field="title"
    )
    assert list(found) == [world["article"]]


def test_old_tone_placement_matches_new(world):
    article = make_article("Thành uỷ chỉ đạo hoà giải", "Thành uỷ chỉ đạo hoà giải ở cơ sở.")
    for spelling in ["thành ủy", "hòa giải", "thanh uy"]:
        found = search.search(Article.objects.all(), search.parse_query(spelling))
        assert article in found, spelling


def test_d_bar_folds_to_d(world):
    people = search.search(Person.objects.all(), search.parse_query("nguyen van duc"))
    assert list(people) == [world["person"]]
    units = search.search(Unit.objects.all(), search.parse_query("dong le"))
    assert world["ward"] in units


def test_whole_words_only(world):
    # "ngheo" must not match inside another word, and "ho" alone is a word, not a prefix.
    assert not search.search(Indicator.objects.all(), search.parse_query("nghe")).exists()


def test_phrase_in_quotes_matches_only_the_phrase(world):
    make_article("Nghèo và hộ", "Gia đình nghèo, hộ kinh doanh nhỏ.", slug="loose")
    loose = search.search(Article.objects.published(), search.parse_query("ho ngheo"))
    phrase = search.search(Article.objects.published(), search.parse_query('"ho ngheo"'))
    assert {a.slug for a in loose} == {"dong-le-ho-ngheo", "loose"}
    assert [a.slug for a in phrase] == ["dong-le-ho-ngheo"]


def test_excluded_word(world):
    found = search.search(Indicator.objects.published(), search.parse_query("ngheo -giam"))
    assert list(found) == [world["result"]]


def test_a_year_finds_its_term(world):
    found = search.search(Indicator.objects.published(), search.parse_query("2025"))
    assert {i.term.label for i in found} == {"2020-2025"}
    articles = search.search(Article.objects.published(), search.parse_query("2015"))
    assert world["old"] in articles


def test_rank_prefers_the_title(world):
    body_only = make_article("Một bài khác", "Có nhắc tới hộ nghèo một lần.", slug="body-only")
    found = search.order_by_rank(
        search.search(
            Article.objects.published(), search.parse_query("ho ngheo"), head_field="title"
        )
    )
    slugs = [a.slug for a in found]
    assert slugs.index("dong-le-ho-ngheo") < slugs.index(body_only.slug)
    assert all(a.rank > 0 for a in found)


def test_suggestion_when_nothing_matches(world):
    query = search.parse_query("ho nghoe")
    assert not search.search(Indicator.objects.published(), query).exists()
    assert search.suggest(query) == "ho ngheo"


def test_no_suggestion_for_known_words(world):
    assert search.suggest(search.parse_query("ho ngheo")) is None


def test_highlight_escapes_then_marks():
    text = 'Hộ nghèo <script>alert("x")</script> HỘ NGHÈO'
    html = search.highlight(text, search.parse_query("ho ngheo"))
    assert html == (
        "<mark>Hộ nghèo</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
        "<mark>HỘ NGHÈO</mark>"
    )


def test_highlight_phrase_across_line_break_and_snippet():
    text = "mở đầu " * 100 + "giảm hộ\nnghèo nhanh" + " kết thúc" * 100
    html = search.highlight(text, search.parse_query('"ho ngheo"'), snippet=120)
    assert "<mark>hộ\nnghèo</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html) < 200


def test_highlight_does_not_mark_inside_words():
    assert "<mark>" not in search.highlight("nghèo khó", search.parse_query("nghe kh"))
