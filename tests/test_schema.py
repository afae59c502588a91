"""The published JSON Schema: in step with the models, and accepting the bundled roadmap."""

from __future__ import annotations

import json

import jsonschema
import pytest

import roadmap_graph as rg
from roadmap_graph.fileformat.bundled import SCHEMA_FILE, bundled_roadmap_paths, graphs_dir
from roadmap_graph.fileformat.parsing import parse_text
from roadmap_graph.fileformat.writing import MODELINE


def test_checked_in_schema_is_the_generated_one():
    checked_in = json.loads((graphs_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert checked_in == rg.json_schema(), "run: roadmap-graph schema -o graphs/roadmap.schema.json"


@pytest.mark.parametrize("path", bundled_roadmap_paths(), ids=lambda p: p.name)
def test_bundled_files_validate_against_the_schema_and_carry_the_modeline(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(MODELINE)
    data = json.loads(json.dumps(parse_text(str(path), text).data, default=str))
    jsonschema.Draft202012Validator(rg.json_schema()).validate(data)


def test_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft202012Validator(rg.json_schema())
    bad = {
        "schema_version": 1,
        "roadmap": {"id": "x", "title": "t"},
        "nodes": [{"id": "a", "kind": "misson", "field": "ai", "name": "가", "requires": ["B-1"]}],
    }
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "misson" in messages and "B-1" in messages
