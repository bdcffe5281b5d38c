"""Property-based: schemathesis reads our own OpenAPI schema and calls every endpoint with
generated parameters, valid and invalid; no response may be a server error, invalid input
must be refused, and every response must match the schema (documented status codes,
content types and bodies)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

# Building the schema reads no database, so it can be loaded when tests are collected.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())

# A well-formed slug or label that names nothing ("?unit=abc") is refused with a 400 on
# purpose, so schema-valid input may be refused: that one check does not apply.
NOT_APPLICABLE = [positive_data_acceptance]


@pytest.fixture
def test_transaction_kept():
    """Calling the WSGI application directly: unlike Django's test client, it would close
    the database connection after each request (and with it the test's transaction)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_responses_match_the_schema(case, archive, test_transaction_kept):
    case.call_and_validate(excluded_checks=NOT_APPLICABLE)
