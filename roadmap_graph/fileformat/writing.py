"""Write a roadmap back to YAML: terse, readable, and loading to an equal roadmap.

A link that says nothing but its id is written as a bare id, and a list of bare ids on one
line (``requires: [a, b]``); keys left at their default are not written.
``loads_roadmap(dump_roadmap(r)) == r`` holds for every valid roadmap (the tests check it
on random roadmaps and on the bundled one).
"""

from __future__ import annotations

import io
from typing import Any

from .model import Link, Roadmap

MODELINE = "# yaml-language-server: $schema=./roadmap.schema.json\n"


def dump_roadmap(roadmap: Roadmap, *, modeline: bool = True) -> str:
    """Return ``roadmap`` as YAML text (with the schema modeline for editors)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(_plain(roadmap), stream)
    return (MODELINE if modeline else "") + stream.getvalue()


def _plain(roadmap: Roadmap) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            return CommentedMap((k, convert(v)) for k, v in value.items())
        if isinstance(value, (list, tuple)):
            seq = CommentedSeq(convert(v) for v in value)
            if value and all(isinstance(v, str) for v in value):
                seq.fa.set_flow_style()
            return seq
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    data = roadmap.model_dump(exclude_defaults=True)
    data["schema_version"] = roadmap.schema_version
    for node, out in zip(roadmap.nodes, data.get("nodes", []), strict=True):
        for key in ("requires", "supported_by"):
            if key in out:
                out[key] = [_link(x) for x in getattr(node, key)]
        if "any_of" in out:
            out["any_of"] = [[_link(x) for x in group] for group in node.any_of]
    ordered = {k: data[k] for k in ("schema_version", "roadmap", "fields", "nodes") if k in data}
    return convert(ordered)


def _link(link: Link) -> Any:
    return link.id if link.is_bare else link.model_dump(exclude_defaults=True)
