"""Checks of the journal's pages beyond their content: well-formed HTML (every element closed in order), unique ids,
and every label and aria-describedby pointing at an element that exists."""

from html.parser import HTMLParser

from bs4 import BeautifulSoup

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.problems.append(f"<{tag}/> at {self.getpos()}")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append(f"</{tag}> at {self.getpos()}")
        elif not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> at {self.getpos()} closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()


def assert_sound_html(content):
    """The page's elements are all closed in order, its ids unique, its labels and descriptions point somewhere."""
    content = content.decode() if isinstance(content, bytes) else content
    balance = _Balance()
    balance.feed(content)
    balance.close()
    assert not balance.problems, balance.problems[:5]
    assert not balance.stack, balance.stack[:5]
    assert content.lstrip().lower().startswith("<!doctype html>")
    page = BeautifulSoup(content, "html.parser")
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for label in page.select("label[for]"):
        assert label["for"] in ids, f"label for {label['for']!r} has no field"
    for element in page.select("[aria-describedby], [aria-labelledby]"):
        for name in ("aria-describedby", "aria-labelledby"):
            for target in element.get(name, "").split():
                assert target in ids, f"{name}={target!r} points nowhere"
    for field in page.select("input:not([type=hidden]):not([type=submit]), select, textarea"):
        assert field.get("id") and page.select_one(f"label[for='{field['id']}']"), f"{field} has no label"
    assert len(page.select("h1")) == 1


def form_data(content, selector="form.journal-form"):
    """What a browser would send for the form as it is shown: every field's current value (checked boxes only)."""
    form = BeautifulSoup(content, "html.parser").select_one(selector)
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            value = field.get_text().removeprefix("\n")  # as browsers drop the newline after <textarea>
        elif field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            value = chosen.get("value", chosen.get_text())
        elif field.get("type") in ("checkbox", "radio"):
            if not field.has_attr("checked"):
                continue
            value = field.get("value", "on")
        elif field.get("type") == "submit":
            continue
        else:
            value = field.get("value", "")
        data.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 or name == "competences" else values[0] for name, values in data.items()}
