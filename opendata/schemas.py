"""The shapes of the open data API's answers, as its OpenAPI description publishes them."""

import datetime

from ninja import Schema


class Licence(Schema):
    code: str
    name: str
    url: str


class Choice(Schema):
    """A value of a code list: the code, the same in every language, and its name in the requested language."""

    code: str
    name: str


class Translation(Schema):
    """The same object's page in another language of the portal."""

    locale: str
    url: str


class Competence(Schema):
    code: str
    title: str
    description: str


class Area(Schema):
    code: str
    title: str
    summary: str
    url: str
    competences: list[Competence]


class Level(Schema):
    name: str
    description: str


class Framework(Schema):
    id: str
    locale: str
    title: str
    summary: str
    version: str
    licence: str
    source: str
    source_url: str
    citation: str
    url: str
    translations: list[Translation]
    levels: list[Level]
    areas: list[Area]


class AreaRef(Schema):
    code: str
    title: str


class PilotActionRef(Schema):
    id: str
    title: str


class Resource(Schema):
    key: str
    locale: str
    title: str
    summary: str
    description: str
    instructions: str
    category: Choice
    languages: list[Choice]
    country: Choice
    provider: str
    target_group: Choice | None
    setting: Choice | None
    duration_minutes: int | None
    licence: str
    link: str
    video_link: str
    document: str | None
    link_checked: datetime.date | None
    areas: list[AreaRef]
    competences: list[str]
    pilot_actions: list[PilotActionRef]
    url: str
    translations: list[Translation]


class PilotAction(Schema):
    id: str
    locale: str
    title: str
    summary: str
    country: Choice
    organisation: str
    setting: Choice
    target_group: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    participants: int | None
    areas: list[AreaRef]
    report: str | None
    url: str
    translations: list[Translation]


class Duration(Schema):
    value: int
    unit: str  # hours, days, weeks, months or years
    iso: str  # ISO 8601 (P6M)


class Training(Schema):
    """A training opportunity; `online` and `city` may both be set (blended)."""

    key: str
    locale: str
    title: str
    summary: str
    description: str
    kind: Choice
    provider: str
    country: Choice
    city: str
    online: bool
    eqf_level: int | None
    languages: list[Choice]
    duration: Duration | None
    cost: Choice
    link: str
    areas: list[AreaRef]
    url: str
    translations: list[Translation]


class ResourceRef(Schema):
    key: str
    title: str


class CountryLink(Schema):
    """A partner country's own career information or job service for the career."""

    country: Choice
    kind: Choice
    text: str
    url: str


class EscoLabels(Schema):
    """What ESCO itself says of the occupation in the requested language (none in Turkish: ESCO has no Turkish)."""

    preferred_label: str
    alt_labels: list[str]
    description: str


class Career(Schema):
    key: str
    locale: str
    title: str
    summary: str
    work: str
    requirements: str
    isco_code: str
    major_group: Choice
    esco_uri: str
    esco: EscoLabels | None
    areas: list[AreaRef]
    resources: list[ResourceRef]
    country_links: list[CountryLink]
    url: str
    translations: list[Translation]


class Envelope(Schema):
    licence: Licence
    locale: str


class FrameworkList(Envelope):
    count: int
    results: list[Framework]


class ListPage(Envelope):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None


class ResourceList(ListPage):
    results: list[Resource]


class PilotActionList(ListPage):
    results: list[PilotAction]


class TrainingList(ListPage):
    results: list[Training]


class TrainingDetail(Envelope):
    result: Training


class CareerList(ListPage):
    results: list[Career]


class CareerDetail(Envelope):
    result: Career


class ResourceDetail(Envelope):
    result: Resource


class PilotActionDetail(Envelope):
    result: PilotAction


class Errors(Schema):
    """What was wrong with the request, field by field, in the requested language."""

    errors: dict[str, list[str]]


class Index(Envelope):
    name: str
    version: str
    locales: list[str]
    schema_url: str
    endpoints: dict[str, str]
