"""The search page, /<lang>/search/?q=…&kind=…&page=…: the reader's language only; the address is the state."""

from django.core.paginator import EmptyPage, Paginator
from django.template.response import TemplateResponse
from django.utils import translation

from home.searchable import kinds
from sitesearch.models import SearchEntry
from sitesearch.search import MAX_LENGTH, PER_PAGE, SearchFilterSet, excerpts, record_miss


def search(request):
    language = translation.get_language()
    entries = SearchEntry.objects.filter(locale__language_code=language, page__live=True)
    entries = entries.select_related("page").defer("vector")
    filterset = SearchFilterSet(request.GET, queryset=entries, language=language)
    context = {"filter_form": filterset.form, "invalid": False, "max_length": MAX_LENGTH}
    status = 200
    if not filterset.is_valid():
        context["invalid"], status = True, 400
    elif text := filterset.form.cleaned_data.get("q"):
        paginator = Paginator(filterset.qs, PER_PAGE)
        number = filterset.form.cleaned_data.get("page") or 1
        try:
            results = paginator.page(number)
            results.object_list = excerpts(list(results.object_list), text)
            names = dict(kinds())
            for entry in results.object_list:
                entry.kind_name = names.get(entry.kind, "")
        except EmptyPage:
            results, status = None, 404
        context.update(query=text, paginator=paginator, results=results, nothing_to_search=filterset.nothing_to_search)
        if paginator.count == 0 and number == 1 and not filterset.nothing_to_search:
            if not filterset.form.cleaned_data.get("kind"):
                record_miss(language, text)
    response = TemplateResponse(request, "sitesearch/search.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
