"""The one vocabulary: every entry in both languages, written once, used as written."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import roadmap_graph
from roadmap_graph.errors import InvalidOptionError
from roadmap_graph.vocabulary import Message, check_lang, did_you_mean, text, verbatim
from roadmap_graph.vocabulary.catalogue import CATALOGUE

from .conftest import raises_en

PACKAGE = Path(roadmap_graph.__file__).parent
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_has_korean_and_english_with_the_same_placeholders():
    for key, (ko, en) in CATALOGUE.items():
        assert ko.strip() and en.strip(), key
        assert not HANGUL.search(en), f"{key}: Hangul in the English text {en!r}"
        assert placeholders(ko) == placeholders(en), key
        text(key, "ko", **dict.fromkeys(placeholders(ko), 1))  # both format without error
        text(key, "en", **dict.fromkeys(placeholders(en), 1))


def test_no_key_is_written_twice():
    source = (PACKAGE / "vocabulary" / "catalogue.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    [literal] = [n.value for n in ast.walk(tree) if isinstance(n, ast.AnnAssign) and isinstance(n.value, ast.Dict)]
    keys = [k.value for k in literal.keys if isinstance(k, ast.Constant)]
    assert len(keys) == len(literal.keys)  # every key a literal string
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def literal_keys() -> dict[str, list[str]]:
    """Catalogue keys the package's code names literally: Message("..."), text("...", ...),
    template("..."), and the label of a table Column."""
    found: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "vocabulary" in path.parts and path.name == "catalogue.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            index = 1 if name == "Column" else 0
            if name in ("Message", "text", "template", "Column") and len(node.args) > index:
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, []).append(f"{path.name}:{node.lineno}")
    return found


def test_every_key_the_code_names_is_in_the_catalogue():
    missing = {k: where for k, where in literal_keys().items() if k not in CATALOGUE}
    assert not missing


def test_a_message_is_written_when_shown_in_either_language():
    m = Message("error.unknown_node", node=verbatim("ai_x"), hint=did_you_mean("ai_x", ["ai_y"]))
    assert m.text("en") == "no node 'ai_x' in the roadmap (did you mean 'ai_y'?)"
    assert m.text("ko") == "로드맵에 노드 'ai_x'가 없다 ('ai_y'을(를) 뜻했나?)"
    assert str(m) == m.text("ko")  # Korean unless asked otherwise
    assert Message("kind.mission") == Message("kind.mission") and len({m, m}) == 1
    with pytest.raises(LookupError):
        Message("no.such.key")


def test_one_language_check_with_one_message():
    assert check_lang("ko") == "ko" and check_lang("en") == "en"
    for bad in ("jp", "", None, "KO"):
        with raises_en(InvalidOptionError, r"^no language '.*'; languages: ko, en$"):
            check_lang(bad)
    with raises_en(InvalidOptionError, "no language 'jp'"):
        text("kind.mission", "jp")
    from roadmap_graph import load_roadmap, prerequisite_chain, to_networkx

    chain = prerequisite_chain(to_networkx(load_roadmap()), "bio_mission_vaccine")
    with raises_en(InvalidOptionError, "no language 'jp'"):  # was a bare KeyError
        chain.tree("jp")
