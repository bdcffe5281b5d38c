from django.urls import path

from . import feeds, views

app_name = "congress"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("tim-kiem/", views.SiteSearchView.as_view(), name="search"),
    path("chi-tieu/", views.IndicatorSearchView.as_view(), name="indicator-search"),
    path("chi-tieu/chi-tieu.csv", views.export_csv, name="indicator-csv"),
    path("chi-tieu/chi-tieu.json", views.export_json, name="indicator-json"),
    path("don-vi/", views.UnitListView.as_view(), name="unit-list"),
    path("don-vi/<slug:slug>/", views.UnitDetailView.as_view(), name="unit-detail"),
    path("don-vi/<slug:slug>/feed/", feeds.UnitReportsFeed(), name="unit-feed"),
    path("nhiem-ky/", views.TermListView.as_view(), name="term-list"),
    path("nhiem-ky/<str:label>/", views.TermDetailView.as_view(), name="term-detail"),
    path("bai-viet/", views.ArticleListView.as_view(), name="article-list"),
    path("bai-viet/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("can-bo/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("feed/", feeds.LatestReportsFeed(), name="feed"),
]
