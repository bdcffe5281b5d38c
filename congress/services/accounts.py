"""Editor accounts: staff users in the Editors group (created by migration 0004)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

EDITORS_GROUP = "Editors"


class EditorAccountError(Exception):
    pass


@transaction.atomic
def create_editor(*, username: str, password: str | None, email: str = ""):
    """A staff (not superuser) account in the Editors group; no password means unusable."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise EditorAccountError(f"user {username!r} already exists")
    try:
        group = Group.objects.get(name=EDITORS_GROUP)
    except Group.DoesNotExist as exc:
        raise EditorAccountError("the Editors group is missing: run migrate first") from exc
    user = User.objects.create_user(username=username, email=email, password=password)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(group)
    return user
