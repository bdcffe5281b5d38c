"""The editors' workspace: every model with the columns, filters and search they need.

Every save through the admin records which fields the editor changed, so a re-import leaves
them alone (see models.curation); bulk actions publish, hide and verify; units and people
can be merged; a report can be re-extracted after previewing the differences.
"""

from . import articles, indicators, organisations, people  # noqa: F401  (registration)
