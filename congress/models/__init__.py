"""The archive's data model, split by concept."""

from .articles import Article, ArticleQuerySet, ArticleUnit, PublicationStatus
from .gazetteer import AdminArea, AdminMap
from .indicators import Indicator, IndicatorQuerySet
from .organisations import Congress, Term, Unit, UnitAlias, UnitKind
from .people import Person, PersonAlias, Position
from .versions import ContentVersion

__all__ = [
    "AdminArea",
    "AdminMap",
    "Article",
    "ArticleQuerySet",
    "ArticleUnit",
    "Congress",
    "ContentVersion",
    "Indicator",
    "IndicatorQuerySet",
    "Person",
    "PersonAlias",
    "Position",
    "PublicationStatus",
    "Term",
    "Unit",
    "UnitAlias",
    "UnitKind",
]
