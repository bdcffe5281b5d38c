from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from congress.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("congress.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("congress.urls")),
]
