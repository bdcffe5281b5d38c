"""Create an editor account: a staff user in the Editors group, able to curate, not to
manage users.

    python manage.py create_editor lan --email lan@example.org

The password is asked for twice (or read from DJANGO_EDITOR_PASSWORD with --no-input).
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from congress.services.accounts import EditorAccountError, create_editor


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input",
            action="store_true",
            help="read the password from DJANGO_EDITOR_PASSWORD instead of asking",
        )

    def handle(self, *args, username, email, no_input, **options):
        if no_input:
            password = os.environ.get("DJANGO_EDITOR_PASSWORD")
            if not password:
                raise CommandError("--no-input needs DJANGO_EDITOR_PASSWORD")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("the passwords do not match")
        try:
            validate_password(password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        try:
            create_editor(username=username, password=password, email=email)
        except EditorAccountError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created (group Editors)."))
