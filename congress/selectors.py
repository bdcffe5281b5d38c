"""Reads for the public site: published content only, a fixed number of queries per call."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .models import (
    AdminArea,
    AdminMap,
    Article,
    ArticleUnit,
    Congress,
    Indicator,
    Person,
    Position,
    Term,
    Unit,
)
from .models.articles import PublicationStatus
from .models.organisations import UnitKind
from .paging import CappedPaginator, capped_count

PUBLISHED = PublicationStatus.PUBLISHED
KIND_ORDER = {UnitKind.PROVINCE: 0, UnitKind.DISTRICT: 1, UnitKind.WARD: 2, UnitKind.BLOC: 3}


def published_articles():
    return Article.objects.published()


def published_indicators():
    return Indicator.objects.published()


def public_positions():
    """Positions, except those known only from a report that is not published."""
    return Position.objects.filter(Q(article__isnull=True) | Q(article__status=PUBLISHED))


# ---------------------------------------------------------------- units and the tree


def unit_family() -> dict[int, tuple[int | None, str]]:
    """``{unit id: (parent id, kind)}`` for every unit, in one query."""
    return {
        pk: (parent, kind)
        for pk, parent, kind in Unit.objects.order_by().values_list("pk", "parent", "kind")
    }


def descendant_ids(root_ids, family=None) -> set[int]:
    """The given units and every unit below them."""
    family = family if family is not None else unit_family()
    children = defaultdict(list)
    for pk, (parent, _kind) in family.items():
        children[parent].append(pk)
    found, stack = set(), list(root_ids)
    while stack:
        pk = stack.pop()
        if pk in found:
            continue
        found.add(pk)
        stack.extend(children.get(pk, ()))
    return found


def province_of(unit_id: int | None, family) -> int | None:
    seen = set()
    while unit_id is not None and unit_id not in seen:
        seen.add(unit_id)
        parent, kind = family.get(unit_id, (None, None))
        if kind == UnitKind.PROVINCE:
            return unit_id
        unit_id = parent
    return None


def _count(model, link: str, *conditions, **filters):
    rows = (
        model.objects.filter(*conditions, **{link: OuterRef("pk")}, **filters)
        .order_by()
        .values(link)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def published_indicator_count(link: str):
    """A subquery: the published indicators of published reports pointing at the row
    through ``link`` ("term", "unit").

    Counted in two parts: every published row, from the partial index on ``link`` alone
    (no row read), less those whose report is not published (few, found from the reports).
    Joining each row to its report was most of the home page's 5 s at 100k reports."""
    return _count(Indicator, link, status=PUBLISHED) - _count(
        Indicator, link, ~Q(article__status=PUBLISHED), status=PUBLISHED
    )


def published_indicator_total() -> int:
    """``published_indicators().count()`` in the same two parts, from the partial index."""
    rows = Indicator.objects.filter(status=PUBLISHED).order_by()
    return rows.count() - rows.exclude(article__status=PUBLISHED).count()


def units_with_counts():
    return Unit.objects.annotate(
        report_count=_count(ArticleUnit, "unit", article__status=PUBLISHED),
        indicator_count=published_indicator_count("unit"),
    )


def unit_tree() -> list[Unit]:
    """Root units (provinces, and units whose parent is unknown), each with ``.nodes``, down
    to the district level; each node says how many ward-level units it holds
    (``ward_count``), which its own page lists. Every ward of the country in one page was
    1.6 MB and 4 s at 100k reports."""
    wards = Unit.objects.filter(parent=OuterRef("pk"), kind=UnitKind.WARD).order_by()
    units = list(
        units_with_counts()
        .exclude(kind=UnitKind.WARD, parent__isnull=False)
        .exclude(parent__kind=UnitKind.WARD)
        .annotate(
            ward_count=Coalesce(
                Subquery(
                    wards.values("parent").annotate(n=Count("*")).values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            )
        )
    )
    by_parent = defaultdict(list)
    for unit in units:
        unit.nodes = by_parent[unit.pk]
        by_parent[unit.parent_id].append(unit)
    for nodes in by_parent.values():
        nodes.sort(key=lambda u: (KIND_ORDER.get(u.kind, 9), u.name))
    return by_parent[None]


def unit_ancestors(unit: Unit) -> list[Unit]:
    """Province first, then down to the unit's parent (one query)."""
    # Units nest three deep at most (province › district › ward): one query follows them,
    # rather than reading every unit of the archive.
    if unit.parent_id is None:
        return []
    node = Unit.objects.select_related("parent__parent__parent").filter(pk=unit.parent_id).first()
    chain, seen = [], {unit.pk}
    while node is not None and node.pk not in seen:
        chain.append(node)
        seen.add(node.pk)
        node = node.parent if node.parent_id else None
    return list(reversed(chain))


# ---------------------------------------------------------------- targets beside results


@dataclass
class Comparison:
    target: Indicator | None
    results: list[Indicator] = field(default_factory=list)

    @property
    def status(self) -> str:
        """met / not_met / no_result / not_comparable / result_only."""
        if self.target is None:
            return "result_only"
        if not self.results:
            return "no_result"
        return compare(self.target, self.results[-1])

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


STATUS_LABELS = {
    "met": _("Đạt"),
    "not_met": _("Không đạt"),
    "no_result": _("Chưa có kết quả"),
    "not_comparable": _("Không so sánh được"),
    "result_only": _("Kết quả (không có chỉ tiêu tương ứng)"),
}


def _number(ind: Indicator) -> Decimal | None:
    if ind.value is not None:
        return ind.value
    if ind.low is not None and ind.high is not None:
        return (ind.low + ind.high) / 2
    return ind.low if ind.low is not None else ind.high


def compare(target: Indicator, result: Indicator) -> str:
    """Whether a result meets a target, stated by the target's comparator."""
    if (target.unit_of_measure or "").strip().lower() != (
        result.unit_of_measure or ""
    ).strip().lower():
        return "not_comparable"
    got = _number(result)
    if got is None:
        return "not_comparable"
    comp = target.comparator
    if comp == "range":
        ok = target.low is not None and got >= target.low
    elif comp in ("le", "lt"):
        ok = got <= target.value if comp == "le" else got < target.value
    elif comp == "gt":
        ok = got > target.value
    else:  # eq, ge: reaching the number is meeting it
        ok = target.value is not None and got >= target.value
    return "met" if ok else "not_met"


@dataclass
class IndicatorGroup:
    term: Term | None
    category: str
    category_label: str
    comparisons: list[Comparison]


def pair_targets(indicators: list[Indicator]) -> list[Comparison]:
    """Each target with the results of the same key, unit and term; then lone results."""
    results = defaultdict(list)
    for ind in indicators:
        if ind.kind == "result":
            results[(ind.unit_id, ind.term_id, ind.key)].append(ind)
    used: set[int] = set()
    out = []
    for ind in indicators:
        if ind.kind == "target":
            found = results.get((ind.unit_id, ind.term_id, ind.key), [])
            used.update(r.pk for r in found)
            out.append(Comparison(ind, list(found)))
    out.extend(
        Comparison(None, [ind]) for ind in indicators if ind.kind == "result" and ind.pk not in used
    )
    return out


def indicator_groups(indicators: list[Indicator]) -> list[IndicatorGroup]:
    from .filters import CATEGORY_LABELS

    grouped = defaultdict(list)
    for ind in indicators:
        grouped[(ind.term, ind.category)].append(ind)
    order = list(CATEGORY_LABELS)
    keys = sorted(
        grouped,
        key=lambda k: (
            -(k[0].start_year if k[0] else 0),
            order.index(k[1]) if k[1] in order else 99,
        ),
    )
    return [
        IndicatorGroup(term, cat, CATEGORY_LABELS.get(cat, cat), pair_targets(grouped[(term, cat)]))
        for term, cat in keys
    ]


@dataclass
class Chart:
    key: str
    title: str  # the indicator's name as the latest report writes it
    unit_of_measure: str
    bars: list[dict]
    width: int = 320
    height: int = 120


def indicator_charts(indicators: list[Indicator], *, limit: int = 6) -> list[Chart]:
    """Small bar charts of a key with values in several terms (results preferred)."""
    series = defaultdict(dict)
    for ind in sorted(indicators, key=lambda i: i.kind != "result"):
        number = _number(ind)
        if ind.term is None or number is None:
            continue
        series[(ind.key, ind.unit_of_measure)].setdefault(ind.term.label, (ind, number))
    charts = []
    for (key, measure), points in series.items():
        if len(points) < 2:
            continue
        top = max(abs(n) for _i, n in points.values()) or Decimal(1)
        bars = []
        labels = sorted(points)
        slot = 300 // len(labels)
        for index, label in enumerate(labels):
            ind, number = points[label]
            height = int(80 * abs(number) / top) + 1
            bars.append(
                {
                    "label": label,
                    "value": ind.display_value,
                    "kind": ind.kind,
                    "x": 10 + index * slot,
                    "width": max(slot - 12, 8),
                    "y": 95 - height,
                    "height": height,
                    "text_x": 10 + index * slot + max(slot - 12, 8) // 2,
                }
            )
        title = points[labels[-1]][0].name
        charts.append(Chart(key, title, measure, bars))
    return charts[:limit]


# ---------------------------------------------------------------- pages


def home_context() -> dict:
    articles = published_articles()
    return {
        "article_count": articles.count(),
        "indicator_count": published_indicator_total(),
        "unit_count": Unit.objects.count(),
        "person_count": Person.objects.count(),
        "last_import": articles.aggregate(last=Max("imported_at"))["last"],
        "latest": articles.prefetch_related(_primary_units(), "terms")[:8],
        "provinces": units_with_counts().filter(kind=UnitKind.PROVINCE).order_by("name"),
        "terms": terms_with_counts(),
    }


def terms_with_counts():
    # Two subqueries per term, each served by an index on the term; a join of terms, reports
    # and indicators counted with DISTINCT reads their product.
    return Term.objects.annotate(
        report_count=_count(Article.terms.through, "term", article__status=PUBLISHED),
        indicator_count=published_indicator_count("term"),
    )


def _primary_units():
    return Prefetch(
        "unit_links", queryset=ArticleUnit.objects.select_related("unit"), to_attr="links"
    )


def article_list():
    return published_articles().prefetch_related(_primary_units(), "terms")


@dataclass
class Succession:
    """Where a unit stands across the 1 July 2025 reorganisation of local government."""

    successor: AdminArea | None = None  # the 2025 unit a pre-2025 ward or province joined
    successor_unit: Unit | None = None  # its Party organisation, when the archive has it
    predecessors: list[tuple[AdminArea, Unit | None]] = field(default_factory=list)


def unit_succession(unit: Unit) -> Succession:
    """The 2025 unit a pre-2025 one became part of, or the pre-2025 units a 2025 one was
    formed from (with their Party organisations where the archive has them)."""
    area = unit.area
    if area is None:
        return Succession()
    if area.map == AdminMap.LEGACY:
        successor = area.successor
        if successor is None or successor.name == area.name:
            return Succession()  # a province that kept its name is the same unit
        return Succession(successor, Unit.objects.filter(area=successor).first())
    former = list(
        AdminArea.objects.filter(successor=area).select_related("parent").order_by("name")
    )
    units = {u.area_id: u for u in Unit.objects.filter(area__in=former)}
    if len(former) == 1 and former[0].name == area.name:
        former = []
    return Succession(predecessors=[(a, units.get(a.pk)) for a in former])


# The latest hundred (a ward's reports of a term or two); the search holds the rest. 300 rows
# made a busy unit's page 140 KB, most of it rendering time.
UNIT_PAGE_INDICATORS = 100
UNIT_PAGE_REPORTS = 50
UNIT_PAGE_POSITIONS = 50


def unit_page(unit: Unit) -> dict:
    """A unit: its parents, children, congresses, and its latest reports, officials and
    indicators — each list bounded, since a province or bloc gathers reports as the archive
    grows (the indicator search, filtered by the unit, holds every indicator)."""
    published = published_indicators().filter(unit=unit)
    indicator_count, indicators_capped = capped_count(published)
    indicators = list(
        published.select_related("term", "article", "unit").order_by("-pk")[:UNIT_PAGE_INDICATORS]
    )
    indicators.sort(
        key=lambda i: (i.term.start_year if i.term else 0, i.category, i.quote_start, i.pk)
    )
    positions = (
        public_positions()
        .filter(unit=unit)
        .select_related("person", "article")
        .order_by("-date", "person__name")
    )
    return {
        "ancestors": unit_ancestors(unit),
        "succession": unit_succession(unit),
        "children": units_with_counts().filter(parent=unit).order_by("kind", "name"),
        "congresses": Congress.objects.filter(unit=unit).select_related("term").order_by("ordinal"),
        "positions": positions[:UNIT_PAGE_POSITIONS],
        "articles": article_list().filter(unit_links__unit=unit).distinct()[:UNIT_PAGE_REPORTS],
        "groups": indicator_groups(indicators),
        "charts": indicator_charts(indicators),
        "indicator_count": indicator_count,
        "indicators_capped": indicators_capped,
        "indicators_shown": len(indicators),
    }


# A term page is an overview: the latest reports and indicators, each list linking to the
# search that holds them all (200 indicator rows made it 170 KB and most of its time).
TERM_PAGE_REPORTS = 20
TERM_PAGE_UNITS = 100
TERM_PAGE_INDICATORS = 50


def term_page(term: Term, page: str | None = None) -> dict:
    """A term: its congresses, units and reports (paginated), and its first indicators.

    Everything is bounded: a term of a large archive holds thousands of units and reports.
    """
    # The latest indicators of the term (index on term and id: no sort of the whole term),
    # shown by unit, category and kind; the indicator search holds them all.
    indicators = published_indicators().filter(term=term)
    indicator_total, indicators_capped = capped_count(indicators)
    latest = list(
        indicators.select_related("unit", "article", "term").order_by("-pk")[:TERM_PAGE_INDICATORS]
    )
    latest.sort(key=lambda i: (i.unit.name if i.unit else "", i.category, i.kind, i.pk))
    units, units_capped = term_units(term)
    paginator = CappedPaginator(article_list().filter(terms=term), TERM_PAGE_REPORTS)
    page_obj = paginator.get_page(page)
    return {
        "congresses": Congress.objects.filter(term=term)
        .select_related("unit")
        .order_by("unit__name")[:TERM_PAGE_UNITS],
        "units": units,
        "unit_total": len(units),
        "units_capped": units_capped,
        "articles": page_obj.object_list,
        "page_obj": page_obj,
        "paginator": paginator,
        "indicators": latest,
        "indicator_total": indicator_total,
        "indicators_capped": indicators_capped,
    }


def term_units(term: Term) -> tuple[list[Unit], bool]:
    """The first units by name with a published report of ``term``, each with
    ``report_count``, its reports of the term; and whether there are more."""
    of_term = ArticleUnit.objects.filter(article__terms=term, article__status=PUBLISHED)
    units = list(
        Unit.objects.filter(Exists(of_term.filter(unit=OuterRef("pk")))).order_by("name")[
            : TERM_PAGE_UNITS + 1
        ]
    )
    capped = len(units) > TERM_PAGE_UNITS
    units = units[:TERM_PAGE_UNITS]
    counts = dict(
        of_term.filter(unit__in=units)
        .order_by()
        .values("unit")
        .annotate(n=Count("article", distinct=True))
        .values_list("unit", "n")
    )
    for unit in units:
        unit.report_count = counts.get(unit.pk, 0)
    return units, capped


def article_page(article: Article) -> dict:
    indicators = list(
        article.indicators.published().select_related("term", "unit").order_by("quote_start")
    )
    return {
        "links": list(article.unit_links.select_related("unit").order_by("-is_primary")),
        "terms": list(article.terms.all()),
        "indicators": indicators,
        "positions": article.positions.select_related("person", "unit").order_by("person__name"),
        "congresses": article.congresses.select_related("unit", "term"),
    }


def person_page(person: Person) -> dict:
    return {"positions": public_positions().filter(person=person).select_related("unit", "article")}
