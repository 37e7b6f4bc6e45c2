"""The /gaps/ page: heat map and table, filters, drill-down links for HR, the people behind a cell."""

from __future__ import annotations

import re
from html import unescape

from digiskill.people.models import Person
from tests.gaps.conftest import SHARED_TEXT, World


def _text(response) -> str:
    return unescape(response.content.decode())


def test_heat_map_shows_numbers_and_links_for_hr(world: World, client_for) -> None:
    page = _text(client_for("hr").get("/gaps/"))
    assert "การวิเคราะห์ช่องว่างทักษะ" in page and 'id="heatmap"' in page
    lacking, assessed = world.expected()[(world.div1.name_th, "A", "DG100")]
    assert f"{lacking}/{assessed}" in page
    assert "/gaps/people/?" in page
    # Participation: 9 of 12 assessed.
    assert re.search(r'<span class="figure">12</span><small>บุคลากรที่จัดกลุ่มแล้ว', page)
    assert re.search(r'<span class="figure">9</span><small>ประเมินแล้ว \(75.0%\)', page)


def test_executives_see_the_figures_without_links_to_people(world: World, client_for) -> None:
    page = _text(client_for("executive").get("/gaps/"))
    assert 'id="heatmap"' in page and "/gaps/people/?" not in page
    table = _text(client_for("executive").get("/gaps/?view=table"))
    assert SHARED_TEXT in table and "/gaps/people/?" not in table


def test_filter_by_division_keeps_its_rows(world: World, client_for) -> None:
    page = _text(client_for("hr").get(f"/gaps/?division={world.div2.pk}"))
    rows = re.findall(r'<th scope="row">([^<]+)', page)
    body_rows = [r for r in rows if "·" in r]
    assert body_rows and all(r.startswith(world.div2.name_th) for r in body_rows)


def test_table_view_lists_text_items_under_their_component(world: World, client_for) -> None:
    page = _text(client_for("hr").get("/gaps/?view=table"))
    assert SHARED_TEXT in page and "ความรู้" in page
    assert re.search(r"/gaps/people/\?item=\d+", page)


def test_area_columns_and_rows_by_group(world: World, client_for) -> None:
    page = _text(client_for("hr").get("/gaps/?columns=area&rows=group"))
    headers = re.findall(r'<th scope="col" title="[^"]*"><abbr title="[^"]*">([^<]+)</abbr>', page)
    assert headers == ["DG", "DT", "DS", "SPM"]
    assert "cell_area=DT" in page


def test_htmx_gets_only_the_results(world: World, client_for) -> None:
    response = client_for("hr").get("/gaps/?view=table", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and 'id="participation"' in body


def test_drill_down_names_the_people(world: World, client_for) -> None:
    response = client_for("hr").get("/gaps/people/?unit=DG100")
    page = _text(response)
    lacking = [pk for pk, items in world.results.items() if "DG100" in items]
    listed = {int(pk) for pk in re.findall(r'<a href="/people/(\d+)/">', page)}
    assert listed == set(lacking)
    for person in Person.objects.filter(pk__in=lacking):
        assert person.full_name in page
    assert f"{len(lacking)} จากผู้รับการประเมินแล้ว {len(world.results)} คน" in page


def test_an_empty_department_says_so(cast, client_for) -> None:
    page = _text(client_for("hr").get("/gaps/"))
    assert 'id="no-results"' in page


def test_drill_down_links_back_to_the_page_the_user_came_from(world: World, client_for) -> None:
    hr = client_for("hr")
    came_from = f"/gaps/?division={world.div2.pk}&view=table"
    page = _text(hr.get("/gaps/people/?unit=DG100&group=A", HTTP_REFERER=f"http://testserver{came_from}"))
    assert f'href="{came_from}"' in page
    elsewhere = _text(hr.get("/gaps/people/?unit=DG100&group=A", HTTP_REFERER="https://evil.test/gaps/?x=1"))
    assert "evil.test" not in elsewhere
    assert 'href="/gaps/?rows=division_group&columns=unit&group=A"' in elsewhere


def test_a_section_filter_shows_the_section_and_drills_into_it_alone(world: World, client_for) -> None:
    page = _text(client_for("hr").get(f"/gaps/?division={world.section.pk}"))
    rows = re.findall(r'<th scope="row">([^<]+)', page)
    assert any(r.startswith(world.section.name_th) for r in rows)
    links = re.findall(r'href="(/gaps/people/\?[^"]+)"', page)
    assert links and all(f"division={world.section.pk}" in link for link in links)
