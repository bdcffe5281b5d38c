"""Behaviour shared by the archive's admins: curation records and accent-insensitive search."""

from django.db.models import Q

from ..models import Article, ArticleUnit, Indicator, Person, Position, Unit
from ..models.curation import CuratedModel
from ..search import parse_query, refresh_people, refresh_search_fields, refresh_units, search

IMPORT_OWNED = {"edited_fields", "created_by_editor"}


class FoldedSearchMixin:
    """Search ``search_text`` (accents folded: "ho ngheo" finds "hộ nghèo"), plus the
    ordinary ``search_fields`` for what is not folded (file names, codes)."""

    def get_search_results(self, request, queryset, search_term):
        plain, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        query = parse_query(search_term)
        if not query:
            return plain, may_have_duplicates
        folded = search(queryset, query).values("pk")
        matches = Q(pk__in=folded)
        if search_term.strip():
            matches |= Q(pk__in=plain.values("pk"))
        return queryset.filter(matches), False


class CurationAdminMixin:
    """Record what an editor changed on curated rows, and on their inlines."""

    def save_model(self, request, obj, form, change):
        if isinstance(obj, CuratedModel):
            if change:
                obj.mark_edited(f for f in form.changed_data if f not in IMPORT_OWNED)
            else:
                obj.created_by_editor = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for inline_form in formset.forms:
            obj = inline_form.instance
            if isinstance(obj, CuratedModel) and inline_form.has_changed():
                if obj.pk:
                    obj.mark_edited(inline_form.changed_data)
                else:
                    obj.created_by_editor = True
        # Editing an article's unit links pins them against re-import.
        if formset.model is ArticleUnit and (instances or formset.deleted_objects):
            form.instance.mark_edited(["units"])
            form.instance.save(update_fields=["edited_fields"])
        for obj in formset.deleted_objects:
            obj.delete()
        for obj in instances:
            obj.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An editor's change shows in public search at once, not at the next import.
        obj = form.instance
        if isinstance(obj, Article):
            refresh_search_fields(obj)
        elif isinstance(obj, Indicator | Position) and obj.article_id:
            refresh_search_fields(obj.article)
        elif isinstance(obj, Unit):
            refresh_units(Unit.objects.filter(pk=obj.pk))
        elif isinstance(obj, Person):
            refresh_people(Person.objects.filter(pk=obj.pk))
