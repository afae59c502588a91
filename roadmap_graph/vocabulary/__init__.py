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
    "missions": {"ko": "임무", "en": "missions"},
    "kind": {"ko": "종류", "en": "kind"},
    "rank": {"ko": "순위", "en": "rank"},
    "n_missions": {"ko": "임무 수", "en": "#missions"},
    "none": {"ko": "(없음)", "en": "(none)"},
    "gateways_title": {"ko": "길목기술: 임무에서 기반기술로 가는 모든 경로가 지나는 노드", "en": "Gateways: nodes every requirement path from a mission to the foundations passes through"},
    "gateways_nearest_first": {"ko": "길목기술 (가까운 순)", "en": "gateways, nearest first"},
    "redundancy_title": {"ko": "중복도 κ: 임무를 기반기술에서 끊어 내는 데 필요한 최소 노드 수", "en": "Redundancy κ: the fewest nodes whose loss cuts a mission off from every foundation"},
    "redundancy_one": {"ko": "길목기술 하나로 끊김", "en": "one gateway cuts it off"},
    "redundancy_many": {"ko": "대체 경로 있음", "en": "alternative routes"},
    "redundancy_none": {"ko": "요구사항 없음", "en": "requires nothing"},
    "removed": {"ko": "실패 처리한 노드", "en": "removed"},
    "infeasible_missions": {"ko": "달성 불가능해진 임무", "en": "infeasible missions"},
    "orphaned": {"ko": "어느 임무에도 쓰이지 않게 된 노드", "en": "orphaned (no feasible mission uses them)"},
    "unsupported": {"ko": "지원 방안을 모두 잃은 기술", "en": "technologies left with no supporting measure"},
    "weakened": {"ko": "지원 방안 일부를 잃은 기술", "en": "technologies that lost some support"},
    "bottlenecks_title": {"ko": "병목 기술: 수요(임무 도달)와 구속 조건", "en": "Bottlenecks: demand (missions reached) and binding constraints"},
    "bottlenecks_legend": {
        "ko": "순위: 구속 조건(단독실패·지원없음·대체없음) 수, 임무 도달 수, 경로 비중, id 순. 경로 비중 = 임무→기반기술 요구 경로 중 이 기술을 지나는 비율.",
        "en": "Ranked by the number of binding flags (critical, no measure, no alternative), then missions reached, then path share, then id. Path share = share of mission-to-foundation requirement paths through the technology.",
    },
    "reach": {"ko": "임무 도달", "en": "reach"},
    "by_field": {"ko": "분야별", "en": "by field"},
    "critical": {"ko": "단독실패 임무", "en": "critical for"},
    "path_share": {"ko": "경로 비중", "en": "path share"},
    "measures": {"ko": "지원 방안", "en": "measures"},
    "flags": {"ko": "구속 조건", "en": "flags"},
    "more": {"ko": "개 더 (--top 0 으로 전부)", "en": "more (--top 0 shows all)"},
    "flag_critical": {"ko": "단독실패", "en": "critical"},
    "flag_no_measure": {"ko": "지원없음", "en": "no-measure"},
    "flag_no_alternative": {"ko": "대체없음", "en": "no-alternative"},
    "flag_cross_field": {"ko": "분야횡단", "en": "cross-field"},
    "cross_field_edges": {"ko": "분야 간 연결", "en": "Cross-field links"},
    "convergence_points": {"ko": "융합 지점 (다른 분야의 임무에도 쓰이는 노드)", "en": "Convergence points (nodes serving missions of another field or of several)"},
    "field_matrix": {"ko": "분야 간 연결 행렬 (행: 의존하는 쪽, 열: 선행기술 쪽)", "en": "Field matrix (rows: dependent's field, columns: prerequisite's field)"},
    "meeting_points": {"ko": "두 분야의 체인이 처음 만나는 노드", "en": "Where two fields' chains first meet"},
    "builds_on": {"ko": "기반 분야", "en": "builds on"},
    "dependent": {"ko": "의존 노드", "en": "dependent"},
    "prerequisite": {"ko": "선행 노드", "en": "prerequisite"},
    "relation": {"ko": "관계", "en": "relation"},
    "provenance": {"ko": "근거", "en": "provenance"},
    "requires": {"ko": "요구", "en": "requires"},
    "stated": {"ko": "원문", "en": "stated"},
    "unknown": {"ko": "미상", "en": "unknown"},
    "serves_fields": {"ko": "기여하는 임무 분야", "en": "serves missions of"},
    "from_to": {"ko": "분야", "en": "from \\ to"},
    "error": {"ko": "오류", "en": "error"},
    "warning": {"ko": "경고", "en": "warning"},
    "info": {"ko": "참고", "en": "info"},
    "findings": {"ko": "건", "en": "findings"},
    "silenced": {"ko": "건은 파일에서 사유와 함께 제외됨", "en": "silenced in the file with a reason"},
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
