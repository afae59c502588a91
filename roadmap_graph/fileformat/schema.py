"""The JSON Schema of the roadmap file format, generated from the pydantic models.

Editors that speak the YAML language server (VS Code's YAML extension, among others) use it
to complete keys and flag errors while an analyst types, through the first line of a file::

    # yaml-language-server: $schema=./roadmap.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from .model import Roadmap

_LINK_REF = {"$ref": "#/$defs/Link"}


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a roadmap file.

    A link may be written as a bare id or as a mapping; pydantic only sees the mapping
    (the bare id is turned into one before validation), so the schema says both.
    """
    schema = Roadmap.model_json_schema()
    bare_id = dict(schema["$defs"]["Link"]["properties"]["id"])
    bare_id["description"] = "A node id (the short form of a link). 노드 식별자."
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_with_bare_links(schema, bare_id),
        "title": "roadmap-graph roadmap file, schema_version 1",
    }


def _with_bare_links(value: Any, bare_id: dict[str, Any]) -> Any:
    if value == _LINK_REF:
        return {"anyOf": [bare_id, _LINK_REF]}
    if isinstance(value, dict):
        return {k: _with_bare_links(v, bare_id) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_bare_links(v, bare_id) for v in value]
    return value


def json_schema_text() -> str:
    """The schema as the text written to ``graphs/roadmap.schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
