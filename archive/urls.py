from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from congress.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switch only sets the visitor's display-language cookie, so it takes no
    # CSRF token: a forged switch is harmless, and public pages then carry nothing personal
    # and can be cached and shared (congress/page_cache.py).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("api/", include("congress.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("congress.urls")),
]
