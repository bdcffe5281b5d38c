"""Template helpers: highlighted snippets, localised values, the report body with its quotes."""

from __future__ import annotations

from django import template
from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .. import search

register = template.Library()

_PREFIX = {"ge": "≥ ", "gt": "> ", "le": "≤ ", "lt": "< "}


@register.simple_tag
def highlight(text, query, size=None):
    """Escaped text with the query's words in <mark>; a snippet of ``size`` characters."""
    if not isinstance(query, search.ParsedQuery):
        query = search.ParsedQuery()
    return search.highlight(text or "", query, snippet=int(size) if size else None)


def _number(value) -> str:
    if value is None:
        return "?"
    return formats.number_format(value.normalize(), use_l10n=True, force_grouping=True)


@register.filter
def indicator_value(ind) -> str:
    """ "≥ 1.200 người", "17–18 %": the comparator, number or range, unit, in the locale."""
    if ind.comparator == "range":
        number = f"{_number(ind.low)}–{_number(ind.high)}"
    else:
        number = _number(ind.value)
    return f"{_PREFIX.get(ind.comparator, '')}{number} {ind.unit_of_measure}".strip()


@register.simple_tag(takes_context=True)
def query_url(context, **changes):
    """The current query string with some parameters changed (None removes), page reset."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_url(context, number):
    params = context["request"].GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


def quote_spans(body: str, indicators) -> list[tuple[int, int, object]]:
    """Where each indicator's quote sits in the body (by offset, else by search)."""
    spans = []
    for ind in indicators:
        quote = ind.quote or ""
        if not quote:
            continue
        start = ind.quote_start
        if body[start : start + len(quote)] != quote:
            start = body.find(quote)
        if start < 0:
            continue
        spans.append((start, start + len(quote), ind))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept, end = [], -1
    for span in spans:
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept


@register.simple_tag
def report_body(body, indicators):
    """The clean text as paragraphs, each indicator's quote in a <mark> linked to its entry.

    The text is escaped piece by piece; only <p>, <mark> and <a> are added.
    """
    body = body or ""
    spans = quote_spans(body, indicators)
    out, offset, marked = [], 0, set()
    for line in body.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        pieces, cursor = [], start
        for s, e, ind in spans:
            s, e = max(s, start), min(e, end)
            if s >= e:
                continue
            pieces.append(escape(body[cursor:s]))
            anchor = "" if ind.pk in marked else format_html(' id="q{}"', ind.pk)
            marked.add(ind.pk)
            pieces.append(
                format_html(
                    '<mark class="quote {}"{}><a href="#i{}">{}</a></mark>',
                    ind.kind,
                    anchor,
                    ind.pk,
                    body[s:e],
                )
            )
            cursor = e
        pieces.append(escape(body[cursor:end]))
        out.append("<p>" + "".join(pieces) + "</p>")
    return mark_safe("\n".join(out))  # every piece above is escaped
