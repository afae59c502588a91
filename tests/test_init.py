"""`roadmap-graph init`: a starter roadmap that validates at once, with its schema, and
never replaces a file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import roadmap_graph as rg
from roadmap_graph.cli import cli
from roadmap_graph.fileformat.scaffold import SCHEMA_FILE, STARTER_FILE, starter_roadmap

HANGUL = re.compile("[\uac00-\ud7a3]")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_init_writes_a_roadmap_that_validates(tmp_path, lang):
    folder = tmp_path / "mine"
    made = run("--lang", lang, "init", str(folder))
    assert made.exit_code == 0, made.output
    assert sorted(p.name for p in folder.iterdir()) == sorted([STARTER_FILE, SCHEMA_FILE])
    checked = run("--lang", lang, "validate", str(folder / STARTER_FILE))
    assert checked.exit_code == 0, checked.output
    assert ("no problems" if lang == "en" else "문제 없음") in checked.output
    # the next steps it prints run as printed
    for line in made.output.splitlines():
        line = line.strip()
        if line.startswith("roadmap-graph ") and " report " not in line:
            step = run("--lang", lang, *line.split()[1:])
            assert step.exit_code == 0, (line, step.output)


def test_starter_has_every_construct(tmp_path):
    run("init", str(tmp_path))
    roadmap = rg.load_roadmap(tmp_path / STARTER_FILE)
    assert len(roadmap.fields) == 1
    kinds = [n.kind for n in roadmap.nodes]
    assert set(kinds) == {"mission", "core_technology", "enabling_technology", "ecosystem_measure"}
    mission = next(n for n in roadmap.nodes if n.kind == "mission")
    assert mission.targets and mission.targets[0].value is not None
    core = next(n for n in roadmap.nodes if n.kind == "core_technology")
    assert core.requires and core.any_of and all(len(group) == 2 for group in core.any_of)
    assert {link.id for link in core.requires} | {x.id for g in core.any_of for x in g} == {
        n.id for n in roadmap.nodes if n.kind == "enabling_technology"
    }
    assert core.supported_by
    G = rg.to_networkx(roadmap)
    assert rg.prerequisite_chain(G, mission.id).nodes  # the mission's chain reaches down
    # both kinds of evidence are shown: a stated link with its quote, inferred links with a note
    links = [d for _, _, d in G.edges(data=True)]
    assert any(d.get("provenance") == "stated" and d.get("sources") for d in links)
    assert any(d.get("provenance") == "inferred" and d.get("note") for d in links)


def test_starter_comments_explain_keys_in_both_languages():
    text = starter_roadmap()
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema=./{SCHEMA_FILE}"
    for key in ("schema_version", "roadmap", "fields", "targets", "requires", "any_of", "supported_by", "category"):
        line = next(li for li in text.splitlines() if re.match(rf"\s*(- )?{key}:", li))
        at = text.splitlines().index(line)
        comment = " ".join(li.split("#", 1)[1] for li in text.splitlines()[at : at + 3] if "#" in li)
        assert HANGUL.search(comment), key
        assert re.search(r"[A-Za-z]{3,}", HANGUL.sub("", comment)), key


def test_schema_beside_it_is_the_roadmap_schema(tmp_path):
    run("init", str(tmp_path))
    written = json.loads((tmp_path / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert written == json.loads(run("schema").output)
    jsonschema = pytest.importorskip("jsonschema")
    document = rg.load_roadmap(tmp_path / STARTER_FILE).model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    jsonschema.validate(document, written)


@pytest.mark.parametrize("existing", [STARTER_FILE, SCHEMA_FILE])
def test_init_never_replaces_a_file(tmp_path, existing):
    (tmp_path / existing).write_text("mine, keep me\n", encoding="utf-8")
    result = run("--lang", "en", "init", str(tmp_path))
    assert result.exit_code == 6
    assert "already exists" in result.output and "never replaces" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine, keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]  # the other one not written either


def test_init_twice_keeps_the_first(tmp_path):
    assert run("init", str(tmp_path)).exit_code == 0
    (tmp_path / STARTER_FILE).write_text(starter_roadmap() + "# my edits\n", encoding="utf-8")
    assert run("init", str(tmp_path)).exit_code == 6
    assert (tmp_path / STARTER_FILE).read_text(encoding="utf-8").endswith("# my edits\n")


def test_init_refuses_a_file_as_folder(tmp_path):
    target = tmp_path / "afile"
    target.write_text("x", encoding="utf-8")
    assert run("init", str(target)).exit_code != 0
    assert target.read_text(encoding="utf-8") == "x"
    from roadmap_graph.errors import OutputPathError
    from roadmap_graph.fileformat.scaffold import write_starter

    with pytest.raises(OutputPathError):
        write_starter(target)


def test_init_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    assert Path(STARTER_FILE).exists() and Path(SCHEMA_FILE).exists()
