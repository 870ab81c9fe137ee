"""The site search finds careers by the editors' text and by ESCO's labels, kept fresh by `import_esco`."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from careers.factories import EscoOccupationFactory
from tests.careers.test_esco import esco_csv, row
from tests.careers.trees import careers_tree


@pytest.fixture
def tree(db):
    return careers_tree(careers=3)


def found(client, query):
    page = BeautifulSoup(client.get("/en/search/" + query).content, "html.parser")
    return [
        (a.get_text(), meta.get_text())
        for a, meta in zip(page.select(".result__title a"), page.select(".result__meta"), strict=True)
    ]


def test_a_career_is_found_by_escos_label_as_a_career(tree, client):
    EscoOccupationFactory(uri=tree.careers[0].esco_uri, language="en", alt_labels="vocational counsellor")
    EscoOccupationFactory(uri=tree.careers[1].esco_uri, language="it", alt_labels="vocational counsellor")
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found(client, "?q=vocational+counsellor") == [("Career 000", "Careers")]
    assert found(client, "?q=vocational+counsellor&kind=career") == [("Career 000", "Careers")]
    assert found(client, "?q=vocational+counsellor&kind=resource") == []


def test_an_esco_import_refreshes_the_search(tree, client, tmp_path):
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found(client, "?q=zebra") == []
    path = tmp_path / "occupations_en.csv"
    path.write_bytes(esco_csv([row(1, altLabels="zebra keeper")]))
    call_command("import_esco", str(path), "--language", "en", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found(client, "?q=zebra") == [("Career 001", "Careers")]
