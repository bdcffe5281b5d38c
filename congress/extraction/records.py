"""Plain data produced by the extraction pipeline, shaped like the eval record schema.

Nothing here knows about Django: the importer maps these onto models, and the dry run
serialises them with :func:`ReportRecord.as_json`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal

UNIT_KINDS = ("ward", "district", "province", "bloc")
GENRES = ("interview", "news", "conference", "other")
INDICATOR_KINDS = ("target", "result")
COMPARATORS = ("eq", "ge", "gt", "le", "lt", "range")
CATEGORIES = ("economy", "culture_society", "party_building", "defense_security", "other")


@dataclass
class CleanReport:
    """A report after cleaning: the article's own lines, boilerplate dropped."""

    raw: str  # the decoded input, NFC, unchanged otherwise
    lines: list[str]  # kept lines in order (title first when found), stripped
    body: str  # paragraphs of the article joined by blank lines
    header_lines: list[str] = field(default_factory=list)  # lines before the body (date…)
    trailer_lines: list[str] = field(default_factory=list)  # lines after it (byline…)


@dataclass
class ReportMetadata:
    title: str = ""
    published_at: datetime | None = None  # timezone-aware, Asia/Ho_Chi_Minh
    author: str | None = None
    genre: str = "other"
    source_name: str | None = None
    source_url: str | None = None


@dataclass
class UnitRef:
    """A Party organisation named in a report."""

    name: str  # "Đảng bộ phường I"
    kind: str  # ward / district / province / bloc
    locality: str | None = None  # "phường I"; None for a bloc
    admin_type: str | None = (
        None  # phường / xã / thị trấn / quận / huyện / thị xã / thành phố / tỉnh
    )
    parent: str | None = None  # "thị xã Quảng Trị"
    province: str | None = None  # "Quảng Trị"
    primary: bool = False
    gazetteer_code: str | None = None  # code of the matching official unit
    parent_code: str | None = None
    province_code: str | None = None
    gazetteer_map: str | None = None  # the map the codes are of: "legacy" or "2025"


@dataclass
class CongressRef:
    unit: str
    ordinal: int
    term: str | None  # "2015-2020"
    date: str | None = None  # ISO date
    delegates: int | None = None
    members: int | None = None


@dataclass
class PersonRef:
    name: str
    positions: list[str] = field(default_factory=list)


@dataclass
class IndicatorRef:
    quote: str  # exact substring of the body
    name: str
    kind: str  # target / result
    term: str | None
    year: int | None
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    comparator: str  # eq / ge / gt / le / lt / range
    unit: str  # unit of measure: "%", "%/năm", "tỷ đồng", "đảng viên"…
    category: str
    start: int = -1  # position of the quote in the body
    key: str = ""  # normalised name, to compare across units and terms


@dataclass
class ReportRecord:
    source_file: str
    metadata: ReportMetadata
    body: str
    raw: str
    units: list[UnitRef] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    congresses: list[CongressRef] = field(default_factory=list)
    people: list[PersonRef] = field(default_factory=list)
    indicators: list[IndicatorRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """The record in the schema of shared/eval/README.md."""

        def number(value: Decimal | None) -> float | int | None:
            if value is None:
                return None
            return int(value) if value == value.to_integral_value() else float(value)

        meta = self.metadata
        return {
            "source_file": self.source_file,
            "title": meta.title,
            "published_at": meta.published_at.isoformat() if meta.published_at else None,
            "author": meta.author,
            "genre": meta.genre,
            "source_name": meta.source_name,
            "source_url": meta.source_url,
            "body": self.body,
            "units": [asdict(u) for u in self.units],
            "terms": list(self.terms),
            "congresses": [asdict(c) for c in self.congresses],
            "people": [asdict(p) for p in self.people],
            "indicators": [
                {
                    **asdict(i),
                    "value": number(i.value),
                    "low": number(i.low),
                    "high": number(i.high),
                }
                for i in self.indicators
            ],
            "warnings": list(self.warnings),
        }
