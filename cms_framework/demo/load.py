"""Create or update the English demo pages of the framework app (the framework, learning outcomes, pilot actions)."""

import uuid

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms_framework.demo import content
from cms_framework.models import (
    Competence,
    FrameworkAreaPage,
    FrameworkPage,
    LearningOutcomePage,
    PilotActionIndexPage,
    PilotActionPage,
)
from home.demo.build import child_page, stable_id

NAMESPACE = uuid.UUID("0c2b7a1e-55a4-4a77-9a33-4f3f0d7e4c21")


def framework(home):
    spec = content.FRAMEWORK
    fields = {key: spec[key] for key in ("title", "subtitle", "summary", "version", "licence", "source")}
    fields.update(source_url=spec["source_url"], citation=spec["citation"], show_in_menus=True)
    fields.update(introduction=spec["introduction"], theory=spec["theory"])
    page = child_page(home, FrameworkPage, spec["slug"], **fields)
    page.levels = [
        {"type": "level", "value": {"name": name, "description": text}, "id": stable_id(NAMESPACE, "level", name)}
        for name, text in spec["levels"]
    ]
    page.save_revision().publish()
    areas = []
    for area_spec in content.AREAS:
        area = child_page(
            page,
            FrameworkAreaPage,
            area_spec["slug"],
            title=area_spec["title"],
            summary=area_spec["summary"],
            code=area_spec["code"],
        )
        area.body = [
            {
                "type": "paragraph",
                "value": f"<p>{area_spec['body']}</p>",
                "id": stable_id(NAMESPACE, area_spec["code"], "body"),
            }
        ]
        existing = {competence.code: competence for competence in area.competences.all()}
        competences = []
        for order, spec_c in enumerate(area_spec["competences"]):
            competence = existing.get(spec_c["code"]) or Competence(code=spec_c["code"], locale=area.locale)
            competence.title, competence.description = spec_c["title"], spec_c["description"]
            competence.sort_order = order
            competence.descriptors = [
                {"type": "descriptor", "value": text, "id": stable_id(NAMESPACE, spec_c["code"], level)}
                for level, text in enumerate(spec_c["descriptors"])
            ]
            competence.statements = [
                {"type": "statement", "value": text, "id": stable_id(NAMESPACE, spec_c["code"], "statement", level)}
                for level, text in enumerate(spec_c["statements"])
            ]
            competences.append(competence)
        area.competences = competences
        area.save_revision().publish()
        areas.append(area)
    return page, areas


def outcomes(section, pages_by_slug):
    pages = []
    for spec in content.OUTCOMES:
        page = child_page(
            section,
            LearningOutcomePage,
            spec["slug"],
            title=spec["title"],
            number=spec["number"],
            statement=spec["statement"],
            expectation=spec["expectation"],
        )
        page.helps = [
            {
                "type": "link",
                "value": {"text": text, "page": pages_by_slug[slug].pk, "url": ""},
                "id": stable_id(NAMESPACE, "outcome", spec["number"], slug),
            }
            for text, slug in spec["helps"]
        ]
        page.save_revision().publish()
        pages.append(page)
    return pages


def pilot_report(spec):
    Document = get_document_model()
    title = f"Pilot report: {spec['title']} (demo)"
    document = Document.objects.filter(title=title).first()
    if document:
        return document
    text = "\n\n".join([spec["title"], spec["organisation"], spec["body"], spec["evaluation"]])
    document = Document(title=title)
    document.file.save(f"pilot-report-{spec['slug']}.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


def pilot_actions(home, areas):
    spec = content.PILOT_INDEX
    index = child_page(
        home,
        PilotActionIndexPage,
        spec["slug"],
        title=spec["title"],
        subtitle=spec["subtitle"],
        summary=spec["summary"],
        introduction=spec["introduction"],
        show_in_menus=True,
    )
    index.save_revision().publish()
    area_by_code = {area.code: area for area in areas}
    pilots = []
    for spec in content.PILOTS:
        page = child_page(
            index,
            PilotActionPage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            organisation=spec["organisation"],
            target_group=spec["target_group"],
            country=spec["country"],
            setting=spec["setting"],
            start_date=spec["start"],
            end_date=spec["end"],
            participants=spec["participants"],
            evaluation=f"<p>{spec['evaluation']}</p>",
        )
        page.body = [
            {"type": "paragraph", "value": f"<p>{spec['body']}</p>", "id": stable_id(NAMESPACE, spec["slug"], "body")}
        ]
        page.report = pilot_report(spec)
        page.areas.set([area_by_code[code] for code in spec["areas"]])
        page.save_revision().publish()
        pilots.append(page)
    return index, pilots
