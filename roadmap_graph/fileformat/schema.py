"""The JSON Schema of the roadmap file format, generated from the pydantic models.

Editors that speak the YAML language server (VS Code's YAML extension, among others) use it
to complete keys and flag errors while an analyst types, through the first line of a file::

    # yaml-language-server: $schema=./roadmap.schema.json

The portfolio format (:mod:`.portfolio`) has its own, ``graphs/portfolio.schema.json``
(``roadmap-graph schema --portfolio``); it describes the YAML (and JSON) form: a
spreadsheet's columns are described in :mod:`.portfolio_loading`.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Roadmap
from .portfolio import Portfolio

_LINK_REF = {"$ref": "#/$defs/Link"}
_FUNDING_REF = {"$ref": "#/$defs/Funding"}


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
        **_with_bare_ids(schema, _LINK_REF, bare_id),
        "title": "roadmap-graph roadmap file, schema_version 1",
    }


def portfolio_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a portfolio file (YAML or JSON).

    A funded node may be a bare id or ``{id, share}``, as a link may; a budget's keys are
    years (JSON keys are text: four digits).
    """
    schema = Portfolio.model_json_schema()
    bare_id = dict(schema["$defs"]["Funding"]["properties"]["id"])
    bare_id["description"] = "A node id of the roadmap (the short form: equal shares). 노드 식별자."
    budget = schema["$defs"]["Programme"]["properties"]["budget"]
    for option in budget["anyOf"]:
        if option.get("type") == "object":
            option["propertyNames"] = {"pattern": "^[0-9]{4}$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_with_bare_ids(schema, _FUNDING_REF, bare_id),
        "title": "roadmap-graph portfolio file, schema_version 1",
    }


def _with_bare_ids(value: Any, ref: dict[str, str], bare_id: dict[str, Any]) -> Any:
    if value == ref:
        return {"anyOf": [bare_id, ref]}
    if isinstance(value, dict):
        return {k: _with_bare_ids(v, ref, bare_id) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_bare_ids(v, ref, bare_id) for v in value]
    return value


def json_schema_text(*, portfolio: bool = False) -> str:
    """The schema as the text written to ``graphs/roadmap.schema.json`` (with
    ``portfolio=True``: ``graphs/portfolio.schema.json``)."""
    schema = portfolio_json_schema() if portfolio else json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
