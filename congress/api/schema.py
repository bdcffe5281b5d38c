"""The OpenAPI schema documents the errors every endpoint can answer with."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in one sentence.")


class BadRequestSerializer(ErrorSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="For each bad parameter, what is wrong with it.",
    )


ERRORS = {
    "400": OpenApiResponse(BadRequestSerializer, "A parameter is unknown or has a bad value."),
    "404": OpenApiResponse(
        ErrorSerializer, "No such object (or it is not published), or no such page."
    ),
    "429": OpenApiResponse(ErrorSerializer, "Too many requests: wait Retry-After seconds."),
}


class ArchiveAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, response in ERRORS.items():
            responses.setdefault(
                code, self._get_response_for_code(response, code, ("application/json",), direction)
            )
        return responses
