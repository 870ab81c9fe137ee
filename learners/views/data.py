"""The learner's data rights: what is kept, the export of everything, and deleting the account at once."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from learners.access import learner_view
from learners.accounts import privacy_notice
from learners.erasure import erase_account
from learners.export import HTML_NAME, JSON_NAME, export_zip
from learners.forms import DeleteAccountForm


def _editor(user):
    """Accounts that edit the site are removed by an administrator, not from the public site."""
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


@learner_view
@require_safe
def index(request):
    context = {"json_name": JSON_NAME, "html_name": HTML_NAME, "privacy_notice": privacy_notice()}
    return render(request, "learners/data/index.html", context)


@learner_view
@require_safe
def export(request):
    content = export_zip(request.user, get_language())
    response = HttpResponse(content, content_type="application/zip")
    filename = f"leader-export-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(content))
    return response


@learner_view
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    context = {"privacy_notice": privacy_notice(), "editor": _editor(user)}
    if context["editor"]:
        return render(request, "learners/data/delete.html", context, status=403 if request.method == "POST" else 200)
    if request.method == "POST":
        limited = ratelimit.consume_or_429(request, action="reauthenticate", user=user)
        if limited:
            return limited
        form = DeleteAccountForm(request.POST, user=user)
        if form.is_valid():
            language = get_language()
            erase_account(user)
            logout(request)
            messages.success(request, _("Your account and all its data have been deleted."))
            return redirect(f"/{language}/")
        status = 400
    else:
        form = DeleteAccountForm(user=user)
        status = 200
    context["form"] = form
    return render(request, "learners/data/delete.html", context, status=status)
