"""Error bodies: ``{"detail": "…", "errors": {parameter: [messages]}}`` for a 400."""

from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.ValidationError):
        return response
    errors = response.data if isinstance(response.data, dict) else {"": response.data}
    errors = {name: _messages(value) for name, value in errors.items()}
    detail = "; ".join(
        f"{name}: {' '.join(messages)}"
        if name not in ("", "non_field_errors")
        else " ".join(messages)
        for name, messages in errors.items()
    )
    response.data = {"detail": f"Bad parameters. {detail}", "errors": errors}
    return response


def _messages(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return [f"{k}: {' '.join(_messages(v))}" for k, v in value.items()]
    return [str(value)]
