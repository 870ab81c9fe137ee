"""Helpers every app's demo loader uses to create or update its English pages the same way on each load."""

import uuid


def stable_id(namespace, *parts):
    """A fixed block id, so that reloading the demo updates the same translatable segments instead of adding new.

    Each app's demo passes a namespace of its own, so that two apps' ids never collide.
    """
    return str(uuid.uuid5(namespace, "/".join(str(part) for part in parts)))


def child_page(parent, model, slug, **fields):
    """The child of `parent` with this slug, created or updated with `fields` (not yet published)."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        return model.objects.get(pk=page.pk)
    for key, value in fields.items():
        setattr(page, key, value)
    return page
