"""Bulk actions: the editorial workflow, and merging two units or two people."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.template.response import TemplateResponse

from ..models import PublicationStatus
from ..services import merge, workflow


def _done(modeladmin, request, changed: int, what: str) -> None:
    modeladmin.message_user(request, f"Đã {what} {changed} mục.", messages.SUCCESS)


@admin.action(description="Công khai các mục đã chọn", permissions=["change"])
def publish(modeladmin, request, queryset):
    changed = workflow.set_status(queryset, status=PublicationStatus.PUBLISHED)
    _done(modeladmin, request, changed, "công khai")


@admin.action(description="Ẩn các mục đã chọn", permissions=["change"])
def hide(modeladmin, request, queryset):
    changed = workflow.set_status(queryset, status=PublicationStatus.HIDDEN)
    _done(modeladmin, request, changed, "ẩn")


@admin.action(description="Chuyển các mục đã chọn về bản nháp", permissions=["change"])
def make_draft(modeladmin, request, queryset):
    changed = workflow.set_status(queryset, status=PublicationStatus.DRAFT)
    _done(modeladmin, request, changed, "chuyển về bản nháp")


@admin.action(description="Đánh dấu đã kiểm tra", permissions=["change"])
def verify(modeladmin, request, queryset):
    changed = workflow.set_verified(queryset, verified=True)
    _done(modeladmin, request, changed, "đánh dấu đã kiểm tra")


WORKFLOW_ACTIONS = [publish, hide, make_draft, verify]

MERGERS = {"unit": merge.merge_units, "person": merge.merge_people}


@admin.action(description="Gộp hai mục trùng nhau…", permissions=["change", "delete"])
def merge_two(modeladmin, request, queryset):
    """Ask which of the two selected rows to keep, then merge the other into it."""
    opts = modeladmin.model._meta
    rows = list(queryset.order_by("pk"))
    if len(rows) != 2:
        modeladmin.message_user(request, "Hãy chọn đúng hai mục để gộp.", messages.WARNING)
        return None
    if "confirm" in request.POST:
        keep_pk = request.POST.get("keep", "")
        keep = next((r for r in rows if str(r.pk) == keep_pk), None)
        if keep is None:
            modeladmin.message_user(request, "Hãy chọn mục giữ lại.", messages.WARNING)
        else:
            duplicate = rows[1] if keep is rows[0] else rows[0]
            if not modeladmin.has_delete_permission(request, duplicate):
                raise PermissionDenied
            label = str(duplicate)
            try:
                result = MERGERS[opts.model_name](keep=keep, duplicate=duplicate)
            except (merge.MergeError, DatabaseError) as exc:
                modeladmin.message_user(request, f"Không gộp được: {exc}", messages.ERROR)
                return None
            moved = ", ".join(f"{n} {what}" for what, n in result.moved.items()) or "không có gì"
            modeladmin.message_user(
                request,
                f"Đã gộp “{label}” vào “{keep}”: chuyển {moved}; "
                f"tên khác thêm: {', '.join(result.aliases_added) or 'không'}.",
                messages.SUCCESS,
            )
            return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Gộp hai {opts.verbose_name}",
        "opts": opts,
        "rows": [(row, merge_counts(row)) for row in rows],
        "action_name": "merge_two",
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/congress/merge_confirmation.html", context)


def merge_counts(row) -> list[tuple[str, int]]:
    """What points at a unit or person: shown so the editor sees what will move."""
    if row._meta.model_name == "unit":
        return [
            ("bài viết", row.article_links.count()),
            ("chỉ tiêu", row.indicators.count()),
            ("đại hội", row.congresses.count()),
            ("chức vụ", row.positions.count()),
            ("đơn vị cấp dưới", row.children.count()),
            ("tên khác", row.aliases.count()),
        ]
    return [("chức vụ", row.positions.count()), ("tên khác", row.aliases.count())]
