"""The portfolio as LEAP2A (the Atom-based interchange format e-portfolio systems import), with the files beside it.

One ZIP: `leap2a.xml` (an Atom feed of LEAP2A 2010-07 entries) and `files/<evidence id>-<name>`. Entries:

- each competence the learner's evidence shows, as a `leap2:ability` (its code and framework in categories);
- each piece of evidence: a text or a link as a `leap2:entry`, a file as a `leap2:resource` with an enclosure link
  to the file beside the feed; `leap2:is_evidence_of` each competence it shows, `leap2:relation` to its goal;
- each reflection, as a `leap2:entry` in the "Reflection" category;
- each goal, as a `leap2:plan` (its actions in the content);
- each showcase page, as a `leap2:selection` (`categories:selection_type#Webpage`) with `leap2:has_part` links
  to its items in order (`leap2:display_order`); free texts become entries of their own.

Ids are stable URNs made from the rows' UUIDs, so importing the same export twice names the same entries.
"""

import datetime
import io
import zipfile
from xml.etree import ElementTree as ET  # noqa: N817 - the usual name

from django.utils import timezone

from learners.models import Goal, GoalAction, Reflection
from portfolio.evidence import with_competences
from portfolio.files import read_file
from portfolio.models import Evidence, Showcase, ShowcaseItem

ATOM = "http://www.w3.org/2005/Atom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LEAP2 = "http://terms.leapspecs.org/"
CATEGORIES = "http://wiki.leapspecs.org/2A/categories/"
VERSION = "http://www.leapspecs.org/2010-07/2A/"
FEED_NAME = "leap2a.xml"

for prefix, uri in {"": ATOM, "rdf": RDF, "leap2": LEAP2, "categories": CATEGORIES}.items():
    ET.register_namespace(prefix, uri)


def _urn(kind, key):
    return f"urn:leader-cms:portfolio:{kind}:{key}"


def _time(value):
    return value.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _sub(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {key: str(value) for key, value in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def _entry(feed, *, urn, title, updated, leap_type, content="", categories=(), links=()):
    entry = _sub(feed, f"{{{ATOM}}}entry")
    _sub(entry, f"{{{ATOM}}}id", urn)
    _sub(entry, f"{{{ATOM}}}title", title)
    _sub(entry, f"{{{ATOM}}}updated", _time(updated))
    _sub(entry, f"{{{ATOM}}}content", content, type="text")
    _sub(entry, f"{{{RDF}}}type", **{f"{{{RDF}}}resource": f"leap2:{leap_type}"})
    for scheme, term in categories:
        _sub(entry, f"{{{ATOM}}}category", scheme=scheme, term=term)
    for attributes in links:
        _sub(entry, f"{{{ATOM}}}link", **attributes)
    return entry


def file_name(evidence):
    safe = "".join(character if character.isalnum() or character in "._-" else "_" for character in evidence.file_name)
    return f"files/{evidence.pk}-{safe or 'file'}"


def build(user):
    """(the feed's XML bytes, [(name, evidence)] of the files beside it)."""
    now = timezone.now()
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, f"{{{LEAP2}}}version", VERSION)
    _sub(feed, f"{{{ATOM}}}id", _urn("learner", user.pk))
    _sub(feed, f"{{{ATOM}}}title", user.get_full_name() or user.email)
    author = _sub(feed, f"{{{ATOM}}}author")
    _sub(author, f"{{{ATOM}}}name", user.get_full_name() or user.email)
    _sub(feed, f"{{{ATOM}}}updated", _time(now))

    evidence = list(with_competences(Evidence.objects.filter(user=user).order_by("date", "created_at")))
    abilities = {}
    for piece in evidence:
        for row in piece.competences.all():
            abilities.setdefault((row.framework_key, row.competence_code), (row, piece.updated_at))
    for (framework_key, code), (row, updated) in abilities.items():
        _entry(
            feed,
            urn=_urn("competence", f"{framework_key}:{code}"),
            title=f"{code} {row.competence_title}",
            updated=updated,
            leap_type="ability",
            content=row.framework_title,
            categories=[(f"{_urn('framework', framework_key)}#", code)],
        )
    files = []
    for piece in evidence:
        links = [
            {"rel": "leap2:is_evidence_of", "href": _urn("competence", f"{row.framework_key}:{row.competence_code}")}
            for row in piece.competences.all()
        ]
        if piece.goal_id:
            links.append({"rel": "leap2:relation", "href": _urn("goal", piece.goal_id)})
        if piece.kind == Evidence.LINK and piece.url:
            links.append({"rel": "related", "href": piece.url})
        if piece.is_file:
            name = file_name(piece)
            files.append((name, piece))
            links.append({"rel": "enclosure", "href": name, "type": piece.content_type, "length": piece.size})
        _entry(
            feed,
            urn=_urn("evidence", piece.pk),
            title=piece.title,
            updated=piece.updated_at,
            leap_type="resource" if piece.is_file else "entry",
            content=piece.text,
            categories=[(f"{CATEGORIES}resource_type#", "Offline" if piece.is_file else "Web")]
            if piece.kind != Evidence.TEXT
            else [],
            links=links,
        )
    for reflection in Reflection.objects.filter(user=user).order_by("created_at"):
        _entry(
            feed,
            urn=_urn("reflection", reflection.pk),
            title=reflection.prompt or reflection.text[:60],
            updated=reflection.updated_at,
            leap_type="entry",
            content=reflection.text,
            categories=[(f"{CATEGORIES}life_area#", "Reflection")],
        )
    goals = Goal.objects.filter(user=user).order_by("created_at").prefetch_related("actions")
    for goal in goals:
        statuses = dict(GoalAction.STATUSES)
        actions = "\n".join(
            f"- {action.text}"
            + (f" ({action.target_date:%Y-%m-%d})" if action.target_date else "")
            + f": {statuses.get(action.status, action.status)}"
            for action in goal.actions.all()
        )
        _entry(
            feed,
            urn=_urn("goal", goal.pk),
            title=goal.title,
            updated=goal.updated_at,
            leap_type="plan",
            content="\n\n".join(part for part in (goal.why, actions) if part),
        )
    showcases = Showcase.objects.filter(user=user).order_by("created_at").prefetch_related("items")
    for showcase in showcases:
        parts = []
        for order, item in enumerate(showcase.items.all(), start=1):
            if item.kind == ShowcaseItem.TEXT:
                urn = _urn("text", item.pk)
                _entry(
                    feed,
                    urn=urn,
                    title=item.heading or showcase.title,
                    updated=showcase.updated_at,
                    leap_type="entry",
                    content=item.text,
                )
            else:
                kind = {"profile": "assessment"}.get(item.kind, item.kind)
                if kind == "assessment":
                    continue  # a self-assessment is in the learner's export (leader-export.json), not in LEAP2A
                urn = _urn(kind, getattr(item, f"{item.kind}_id"))
            parts.append({"rel": "leap2:has_part", "href": urn, f"{{{LEAP2}}}display_order": order})
        _entry(
            feed,
            urn=_urn("showcase", showcase.pk),
            title=showcase.title,
            updated=showcase.updated_at,
            leap_type="selection",
            content=showcase.intro,
            categories=[(f"{CATEGORIES}selection_type#", "Webpage")],
            links=parts,
        )
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True), files


def leap2a_zip(user):
    """The ZIP's bytes: the feed and every file it links to."""
    feed, files = build(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(FEED_NAME, feed)
        for name, evidence in files:
            try:
                archive.writestr(name, read_file(evidence))
            except OSError:
                continue
    return buffer.getvalue()
