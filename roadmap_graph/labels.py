"""Display words in Korean and English: kind names, relation words, column headers.

One table, so the CLI, the figures and the report say the same thing in the same language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS = ("ko", "en")

_WORDS: dict[str, dict[str, str]] = {
    "mission": {"ko": "임무", "en": "mission"},
    "core_technology": {"ko": "중점기술", "en": "core technology"},
    "enabling_technology": {"ko": "세부기술", "en": "enabling technology"},
    "ecosystem_measure": {"ko": "생태계 조성방안", "en": "ecosystem measure"},
    "all_of": {"ko": "모두 필요", "en": "all of"},
    "one_of": {"ko": "다음 중 하나", "en": "one of"},
    "supported_by": {"ko": "지원", "en": "supported by"},
    "seen_above": {"ko": "위에 나옴", "en": "shown above"},
    "inferred": {"ko": "추론", "en": "inferred"},
    "total": {"ko": "계", "en": "total"},
    "published": {"ko": "발표", "en": "published"},
    "horizon": {"ko": "목표연도", "en": "horizon"},
    "field": {"ko": "분야", "en": "field"},
    "id": {"ko": "ID", "en": "id"},
    "name": {"ko": "이름", "en": "name"},
    "target": {"ko": "목표", "en": "target"},
    "by": {"ko": "기한", "en": "by"},
    "no_target": {"ko": "(정량 목표·기한 없음)", "en": "(no quantified target or deadline)"},
    "missions": {"ko": "임무", "en": "Missions"},
    "counts": {"ko": "노드 수 (분야 × 종류)", "en": "Nodes by field and kind"},
}


def word(key: str, lang: str) -> str:
    """The display word for ``key`` in ``lang`` (``"ko"`` or ``"en"``)."""
    return _WORDS[key][lang]


def node_name(attrs: Mapping[str, Any], lang: str) -> str:
    """A node's name in ``lang``; the Korean name where no English one is given."""
    if lang == "en" and attrs.get("name_en"):
        return str(attrs["name_en"])
    return str(attrs["name"])


def format_target(target: Mapping[str, Any], lang: str) -> str:
    """``≥ 50 % AI 학습 … (2030)``: a target as one readable phrase."""
    metric = target.get("metric_en") if lang == "en" and target.get("metric_en") else target["metric"]
    parts = [str(metric)]
    if target.get("value") is not None:
        symbol = {">=": "≥", "<=": "≤", "==": "="}[target.get("comparator", ">=")]
        value = target["value"]
        number = f"{int(value):,}" if float(value).is_integer() else f"{value:g}"
        unit = f" {target['unit']}" if target.get("unit") else ""
        parts.append(f"{symbol} {number}{unit}")
    if target.get("by") is not None:
        parts.append(f"({word('by', lang)} {target['by']})")
    return " ".join(parts)
