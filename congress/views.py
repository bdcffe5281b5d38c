from django.views.generic import TemplateView

from .models import Article, Indicator


class HomeView(TemplateView):
    template_name = "congress/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["article_count"] = Article.objects.published().count()
        context["indicator_count"] = Indicator.objects.published().count()
        context["latest"] = Article.objects.published()[:10]
        return context
