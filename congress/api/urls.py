from django.http import JsonResponse
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from .views import API_VIEWSETS

app_name = "api"

router = DefaultRouter()
for prefix, viewset, basename in API_VIEWSETS:
    router.register(prefix, viewset, basename=basename)


def not_found(request, rest=""):
    """Any other address under /api/ answers in JSON too, not with the site's HTML page."""
    return JsonResponse({"detail": "No API endpoint at this address; see /api/docs/."}, status=404)


# Swagger UI from drf-spectacular-sidecar's local copy: no CDN (Redoc's page loads web fonts
# from a CDN, so it is not offered). The split view serves its script as a separate file and
# our template moves the page's inline style to a static file, so the strict Content Security
# Policy (no inline scripts or styles) holds on /api/docs/ too.
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    *router.urls,
    re_path(r"^(?P<rest>[\s\S]*)$", not_found),  # any character, a newline too
]
