"""The portal's open data: a read-only, versioned API of the frameworks, the resources and the pilot actions.

Every answer is public, the same for everyone, in the language its `locale` names (English by default), with the
data's licence; it may be cached by anyone (`Cache-Control: public`, an `ETag`), read from any origin (CORS for
GET) and is throttled per client. The OpenAPI description is at `/api/v1/schema/`.
"""

import hashlib
import uuid
from contextlib import contextmanager

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponseNotModified
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled
from ninja.throttling import AnonRateThrottle
from wagtail.models import Locale

from careers.models import CareerIndexPage, CareerPage
from cms_framework.filters import PilotActionFilterSet
from cms_framework.models import FrameworkAreaPage, FrameworkPage, PilotActionPage
from home.folding import collated
from home.models import PortalSettings
from opendata import records, schemas
from resources.models import ResourceIndexPage, ResourcePage
from training.models import TrainingIndexPage, TrainingPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ClientThrottle(AnonRateThrottle):
    """Per client address, at the rate of `OPEN_DATA_RATE`, counted in the shared cache (so every process of the
    portal counts together)."""

    def __init__(self):
        super().__init__(settings.OPEN_DATA_RATE)

    def allow_request(self, request):
        if self.rate != settings.OPEN_DATA_RATE:  # the setting changed (a test or a reload)
            self.rate = settings.OPEN_DATA_RATE
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class BadRequest(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class OpenDataAPI(NinjaAPI):
    """Adds, to every answer, what lets anyone reuse and cache it: CORS, Cache-Control, ETag and the licence."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        licence = current_licence()
        response["Link"] = f'<{licence.url}>; rel="license"'
        if response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={settings.OPEN_DATA_MAX_AGE}"
            etag = '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'
            response["ETag"] = etag
            if etag in request.headers.get("If-None-Match", ""):
                not_modified = HttpResponseNotModified()
                for header in ("ETag", "Cache-Control", "Access-Control-Allow-Origin", "Link"):
                    not_modified[header] = response[header]
                return not_modified
        return response


api = OpenDataAPI(
    title="LE.A.DE.R Career Management Skills Portal: open data",
    version="1",
    description=(
        "The Career Management Skills framework, the Matrix of resources, the partners' pilot actions, the career "
        "profiles (with their ESCO occupations and ISCO-08 codes) and the training opportunities, in the portal's six "
        "languages (`locale`: en, it, ro, es, el, tr). Read-only and public."
    ),
    openapi_url="/schema/",
    docs_url=None,
    urls_namespace="opendata",
    throttle=ClientThrottle(),
)


def current_licence():
    return PortalSettings.data_licence_in_force()


def envelope(locale):
    licence = current_licence()
    return {"licence": {"code": licence.code, "name": licence.name, "url": licence.url}, "locale": locale}


@contextmanager
def reading(code):
    """The Locale of the `locale` asked for, with its language active (the names of codes and the messages are in
    it); 400 for a language the portal has not."""
    if code not in LANGUAGE_CODES:
        raise BadRequest({"locale": [_("Choose one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}]})
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise BadRequest({"locale": [_("The portal has no content in this language yet.")]})
    with translation.override(code):
        yield locale


class PageForm(forms.Form):
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)


def checked_page(request, filterset):
    """The page number asked for, once the filters and the number are valid; 400 with every error otherwise."""
    page_form = PageForm(request.GET)
    errors = {}
    for form in (filterset.form if not filterset.is_valid() else None, page_form if not page_form.is_valid() else None):
        if form is not None:
            errors.update({name: [str(error) for error in field_errors] for name, field_errors in form.errors.items()})
    if errors:
        raise BadRequest(errors)
    return page_form.cleaned_data["page"] or 1


def page_of(request, locale, queryset, number, serialize):
    """One page of a list, with the addresses of the pages before and after it; 404 past the last page."""
    paginator = Paginator(queryset, settings.OPEN_DATA_PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise HttpError(404, _("There is no such page of results.")) from None

    def address(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        **envelope(locale.language_code),
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "next": address(page.next_page_number()) if page.has_next() else None,
        "previous": address(page.previous_page_number()) if page.has_previous() else None,
        "results": serialize(page.object_list, request),
    }


def without_locale(request):
    data = request.GET.copy()
    data.pop("locale", None)
    return data


@api.exception_handler(BadRequest)
def bad_request(request, exc):
    return api.create_response(request, {"errors": exc.errors}, status=400)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"errors": {"__all__": [str(exc)]}}, status=exc.status_code)


@api.exception_handler(Throttled)
def throttled(request, exc):
    response = api.create_response(
        request, {"errors": {"__all__": [_("Too many requests: try again later.")]}}, status=429
    )
    if exc.wait:
        response["Retry-After"] = str(int(exc.wait) + 1)
    return response


@api.get("/", response=schemas.Index, summary="What the API offers")
def index(request, locale: str = settings.LANGUAGE_CODE):
    with reading(locale) as content:
        endpoints = {
            name: request.build_absolute_uri(reverse(f"opendata:{name}"))
            for name in ("frameworks", "resources", "pilot_actions", "careers", "training")
        }
        return {
            **envelope(content.language_code),
            "name": api.title,
            "version": api.version,
            "locales": LANGUAGE_CODES,
            "schema_url": request.build_absolute_uri(reverse("opendata:openapi-json")),
            "endpoints": endpoints,
        }


@api.get("/frameworks/", response={200: schemas.FrameworkList, 400: schemas.Errors}, summary="The frameworks")
def frameworks(request, locale: str = settings.LANGUAGE_CODE):
    """The Career Management Skills frameworks of a language with their levels, areas and competences."""
    with reading(locale) as content:
        queryset = (
            FrameworkPage.objects.live().public().filter(locale=content).select_related("locale").order_by("path")
        )
        results = records.frameworks(queryset, request)
        return {**envelope(content.language_code), "count": len(results), "results": results}


@api.get("/resources/", response={200: schemas.ResourceList, 400: schemas.Errors}, summary="The Matrix's resources")
def resources(request, locale: str = settings.LANGUAGE_CODE):
    """The resources of the Matrix in a language, filtered like the Matrix's page: `q`, `area`, `competence`,
    `category`, `country`, `language` (a language the resource itself is in), `target_group`; and `page`."""
    with reading(locale) as content:
        matrix = ResourceIndexPage.objects.live().public().filter(locale=content).first()
        if matrix is None:
            return page_of(request, content, ResourcePage.objects.none(), 1, records.resources)
        filterset = matrix.filterset_of(without_locale(request))
        number = checked_page(request, filterset)
        return page_of(request, content, filterset.qs.order_by("title", "pk"), number, records.resources)


@api.get("/resources/{key}/", response={200: schemas.ResourceDetail, 404: schemas.Errors}, summary="One resource")
def resource(request, key: str, locale: str = settings.LANGUAGE_CODE):
    """A resource by its key, the same in every language."""
    with reading(locale) as content:
        found = ResourcePage.objects.live().public().filter(locale=content, key=key)
        results = records.resources(found, request)
        if not results:
            raise HttpError(404, _("No resource has this key in this language."))
        return {**envelope(content.language_code), "result": results[0]}


@api.get("/pilot-actions/", response={200: schemas.PilotActionList, 400: schemas.Errors}, summary="The pilot actions")
def pilot_actions(request, locale: str = settings.LANGUAGE_CODE):
    """The partners' pilot actions in a language, filtered like their list's page: `country`, `setting`, `area`;
    and `page`."""
    with reading(locale) as content:
        filterset = PilotActionFilterSet(
            without_locale(request),
            queryset=PilotActionPage.objects.live().public().filter(locale=content).order_by("path"),
            areas=FrameworkAreaPage.objects.live().filter(locale=content).order_by("path"),
        )
        number = checked_page(request, filterset)
        return page_of(request, content, filterset.qs, number, records.pilot_actions)


@api.get(
    "/pilot-actions/{id}/", response={200: schemas.PilotActionDetail, 404: schemas.Errors}, summary="One pilot action"
)
def pilot_action(request, id: str, locale: str = settings.LANGUAGE_CODE):
    """A pilot action by its id, the same in every language."""
    with reading(locale) as content:
        try:
            key = uuid.UUID(id)
        except ValueError:
            raise HttpError(404, _("No pilot action has this id in this language.")) from None
        found = PilotActionPage.objects.live().public().filter(locale=content, translation_key=key)
        results = records.pilot_actions(found, request)
        if not results:
            raise HttpError(404, _("No pilot action has this id in this language."))
        return {**envelope(content.language_code), "result": results[0]}


@api.get("/training/", response={200: schemas.TrainingList, 400: schemas.Errors}, summary="The training opportunities")
def training(request, locale: str = settings.LANGUAGE_CODE):
    """The training opportunities of a language, filtered like the catalogue's page: `q`, `country`, `kind`,
    `level` (EQF, 1 to 8), `language` (a language it is taught in), `online` (yes or no), `cost` (free or paid),
    `area`; and `page`."""
    with reading(locale) as content:
        catalogue = TrainingIndexPage.objects.live().public().filter(locale=content).first()
        if catalogue is None:
            return page_of(request, content, TrainingPage.objects.none(), 1, records.training)
        filterset = catalogue.filterset_of(without_locale(request))
        number = checked_page(request, filterset)
        return page_of(request, content, filterset.qs.order_by("title", "pk"), number, records.training)


@api.get("/training/{key}/", response={200: schemas.TrainingDetail, 404: schemas.Errors}, summary="One opportunity")
def training_opportunity(request, key: str, locale: str = settings.LANGUAGE_CODE):
    """A training opportunity by its key, the same in every language."""
    with reading(locale) as content:
        found = TrainingPage.objects.live().public().filter(locale=content, key=key)
        results = records.training(found, request)
        if not results:
            raise HttpError(404, _("No training opportunity has this key in this language."))
        return {**envelope(content.language_code), "result": results[0]}


@api.get("/careers/", response={200: schemas.CareerList, 400: schemas.Errors}, summary="The career profiles")
def careers(request, locale: str = settings.LANGUAGE_CODE):
    """The career profiles of a language, filtered like their index page: `q` (also in ESCO's labels), `group` (the
    ISCO-08 major group, the code's first digit), `area`; and `page`. ESCO's labels are given where they have been
    imported in the language (ESCO has no Turkish)."""
    with reading(locale) as content:
        index = CareerIndexPage.objects.live().public().filter(locale=content).first()
        if index is None:
            return page_of(request, content, CareerPage.objects.none(), 1, records.careers)
        filterset = index.filterset_of(without_locale(request))
        number = checked_page(request, filterset)
        ordered = filterset.qs.order_by(collated("title", content.language_code), "pk")
        return page_of(request, content, ordered, number, records.careers)


@api.get("/careers/{key}/", response={200: schemas.CareerDetail, 404: schemas.Errors}, summary="One career profile")
def career(request, key: str, locale: str = settings.LANGUAGE_CODE):
    """A career profile by its key, the same in every language."""
    with reading(locale) as content:
        found = CareerPage.objects.live().public().filter(locale=content, key=key)
        results = records.careers(found, request)
        if not results:
            raise HttpError(404, _("No career has this key in this language."))
        return {**envelope(content.language_code), "result": results[0]}
