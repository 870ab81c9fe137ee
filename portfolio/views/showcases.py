"""A learner's showcase pages: the list, creating one, composing it (adding items, moving them up and down and
removing them with buttons that post, no script needed), previewing it, and its secret links."""

import uuid

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from learners.access import learner_view, owned
from portfolio import showcases as service
from portfolio.forms import ShareLinkForm, ShowcaseForm, TextItemForm
from portfolio.models import ShareLink, Showcase, ShowcaseItem


def _owned_showcase(request, pk):
    return owned(Showcase, request, pk=pk)


def _compose_url(showcase, anchor=""):
    return reverse("portfolio:showcase", args=[showcase.pk]) + anchor


def _bad_request(request, message):
    return render(request, "portfolio/showcases/bad_request.html", {"message": message}, status=400)


@learner_view
@require_safe
def index(request):
    showcases = Showcase.objects.filter(user=request.user).prefetch_related("links")
    return render(request, "portfolio/showcases/index.html", {"showcases": showcases, "now": timezone.now()})


@learner_view
@require_http_methods(["GET", "POST"])
def create(request):
    return _edit(request, Showcase(user=request.user), is_new=True)


@learner_view
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    return _edit(request, _owned_showcase(request, pk), is_new=False)


def _edit(request, showcase, is_new):
    status = 200
    form = ShowcaseForm(request.POST or None, instance=showcase)
    if request.method == "POST":
        if form.is_valid():
            showcase = form.save()
            messages.success(request, _("The page is saved."))
            return redirect(_compose_url(showcase))
        status = 400
    context = {"form": form, "showcase": showcase, "is_new": is_new}
    return render(request, "portfolio/showcases/edit.html", context, status=status)


def _compose_context(request, showcase, **extra):
    now = timezone.now()
    links = list(showcase.links.all())
    context = {
        "showcase": showcase,
        "items": service.item_views(showcase, file_url=_own_file_url),
        "addable": service.addable(request.user),
        "text_form": TextItemForm(),
        "link_form": ShareLinkForm(),
        "links": [(link, link.is_active(now), service.shared_url(request, link)) for link in links],
        "max_items": service.MAX_ITEMS,
    }
    context.update(extra)
    return context


@learner_view
@require_safe
def compose(request, pk):
    showcase = _owned_showcase(request, pk)
    return render(request, "portfolio/showcases/compose.html", _compose_context(request, showcase))


def _own_file_url(evidence):
    return reverse("portfolio:evidence_file", args=[evidence.pk])


@learner_view
@require_safe
def preview(request, pk):
    showcase = _owned_showcase(request, pk)
    context = {
        "file_url": _own_file_url,
        "preview": True,
        "notice": _("This is how others see the page you share. Only you can open this preview."),
    }
    return service.render_showcase(request, showcase, context)


def _full(request, showcase):
    if showcase.items.count() >= service.MAX_ITEMS:
        return _bad_request(
            request, _("A page can have at most %(count)s items: remove some first.") % {"count": service.MAX_ITEMS}
        )
    return None


@learner_view
@require_POST
def add_item(request, pk):
    showcase = _owned_showcase(request, pk)
    kind = request.POST.get("kind", "")
    if kind not in service.ShowcaseItem.TARGETS:
        return _bad_request(request, _("Choose what to add to the page."))
    target = service.target_of(request.user, kind, _uuid_or_none(request.POST.get("target")))
    if target is None:
        return _bad_request(request, _("Choose one of your own items to add to the page."))
    full = _full(request, showcase)
    if full:
        return full
    item = service.add_item(showcase, kind, target)
    messages.success(request, _("Added to the page."))
    return redirect(_compose_url(showcase, f"#item-{item.pk}"))


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


@learner_view
@require_POST
def add_text(request, pk):
    showcase = _owned_showcase(request, pk)
    form = TextItemForm(request.POST)
    if not form.is_valid():
        context = _compose_context(request, showcase, text_form=form)
        return render(request, "portfolio/showcases/compose.html", context, status=400)
    full = _full(request, showcase)
    if full:
        return full
    item = service.add_item(
        showcase, ShowcaseItem.TEXT, heading=form.cleaned_data["heading"], text=form.cleaned_data["text"]
    )
    messages.success(request, _("Added to the page."))
    return redirect(_compose_url(showcase, f"#item-{item.pk}"))


@learner_view
@require_POST
def move_item(request, pk, item):
    showcase = _owned_showcase(request, pk)
    row = get_object_or_404(ShowcaseItem, showcase=showcase, pk=item)
    direction = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if direction is None:
        return HttpResponseBadRequest(_("Move an item up or down."))
    service.move_item(showcase, row, direction)
    return redirect(_compose_url(showcase, f"#item-{row.pk}"))


@learner_view
@require_POST
def remove_item(request, pk, item):
    showcase = _owned_showcase(request, pk)
    row = get_object_or_404(ShowcaseItem, showcase=showcase, pk=item)
    row.delete()
    messages.success(request, _("Removed from the page. What it showed is still in your portfolio."))
    return redirect(_compose_url(showcase, "#items"))


@learner_view
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    showcase = _owned_showcase(request, pk)
    if request.method == "POST":
        showcase.delete()
        messages.success(request, _("The page and its links are deleted. What it showed is still in your portfolio."))
        return redirect("portfolio:showcases")
    return render(request, "portfolio/showcases/delete.html", {"showcase": showcase})


@learner_view
@require_POST
def create_link(request, pk):
    showcase = _owned_showcase(request, pk)
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        context = _compose_context(request, showcase, link_form=form)
        return render(request, "portfolio/showcases/compose.html", context, status=400)
    link = ShareLink.objects.create(showcase=showcase, expires_at=form.expires_at())
    messages.success(request, _("A new secret link is ready. Anyone who has it can read the page."))
    return redirect(_compose_url(showcase, f"#link-{link.pk}"))


@learner_view
@require_POST
def revoke_link(request, pk, link):
    showcase = _owned_showcase(request, pk)
    row = get_object_or_404(ShareLink, showcase=showcase, pk=link)
    if row.revoked_at is None:
        ShareLink.objects.filter(pk=row.pk).update(revoked_at=timezone.now())
    messages.success(request, _("The link is revoked: it no longer opens the page."))
    return redirect(_compose_url(showcase, "#links"))
