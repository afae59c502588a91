"""A starter roadmap that validates at once: what ``roadmap-graph init`` writes.

The starter is a small, complete roadmap with every construct a new author needs, each key
explained in a comment in Korean and English: one field; a mission with a target; a core
technology that requires one enabling technology outright and one of two alternatives
(an ``any_of`` group); an ecosystem measure supporting it; a source and links that say how
they are known (``stated`` with the quoted sentence, ``inferred`` with the analyst's note).
Beside it goes the roadmap JSON Schema, which the first line points editors to.

>>> STARTER_FILES
('roadmap.yaml', 'roadmap.schema.json')
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["SCHEMA_FILE", "STARTER_FILE", "STARTER_FILES", "starter_files", "starter_roadmap", "write_starter"]

STARTER_FILE = "roadmap.yaml"
SCHEMA_FILE = "roadmap.schema.json"
STARTER_FILES = (STARTER_FILE, SCHEMA_FILE)

_STARTER = """\
# yaml-language-server: $schema=./roadmap.schema.json
# ↑ 편집기(VS Code + YAML 확장)가 이 줄로 옆의 roadmap.schema.json을 읽어 키를 완성하고 오류를 표시합니다.
#   Editors (VS Code with the YAML extension) read the schema beside this file through this line.
#
# 시작용 로드맵: 그대로 `roadmap-graph validate roadmap.yaml`을 통과합니다. 이름과 내용을 바꾸어 쓰세요.
# A starter roadmap: it passes `roadmap-graph validate roadmap.yaml` as it is. Rename and rewrite it.
#
# 방향: 연결은 의존하는 쪽에서 선행하는 쪽으로 갑니다 (임무 → 중점기술 → 세부기술; 기술 → 생태계 조성방안).
# Links point from the dependent to its prerequisite (mission → core → enabling technology;
# technology → ecosystem measure).

schema_version: 1          # 파일 형식의 판. 정수 1. / The file format's version: the integer 1.

roadmap:                   # 로드맵 전체에 대한 정보 / The roadmap as a whole
  id: my_roadmap           # 영문 소문자·숫자·밑줄 / lower-case letters, digits, underscores
  title: 나의 임무중심 로드맵
  title_en: My mission-oriented roadmap
  published: 2026-01-15    # 발표일 YYYY-MM-DD / publication date
  horizon: 2030            # 임무의 목표 연도 / the missions' target year
  sources:                 # 근거 문서. 연결과 노드가 id로 인용합니다. / Documents that links and nodes cite by id.
    - id: release
      title: 보도자료 제목 (Title of the press release)
      url: https://www.example.go.kr/press/release
      date: 2026-01-15

fields:                    # 분야. 노드마다 하나의 분야에 속합니다. / Fields: every node belongs to one.
  - id: ai
    name: 인공지능
    name_en: Artificial intelligence

nodes:
  # ── 임무 (mission): 2030년에 보이는 성과. 목표를 숫자로 적습니다. / A visible 2030 result with a target.
  - id: ai_mission_trust
    kind: mission          # mission | core_technology | enabling_technology | ecosystem_measure
    field: ai
    name: AI 생성물 권리침해 탐지율 90% 이상 달성
    name_en: Detect at least 90% of AI-generated content that infringes rights
    targets:               # bound: at_least(이상) | up_to(최대) | exactly | milestone(기한만)
      - {metric: 탐지율, metric_en: detection rate, value: 90, unit: "%", bound: at_least, by: 2030}
    requires:              # AND: 모두 필요합니다. / all are needed.
      - id: ai_trustworthy
        provenance: stated # 원문이 이 관계를 말할 때만 stated, 그 문장을 인용합니다.
                           # stated only where a quoted sentence states this very link.
        sources: [{source: release, quote: "신뢰할 수 있는 AI 기술로 권리침해 콘텐츠를 90% 이상 탐지한다"}]
    provenance: stated
    sources: [{source: release, quote: "권리침해 콘텐츠를 90% 이상 탐지한다"}]

  # ── 중점기술 (core technology): 임무로 가는 길목의 큰 기술. / The gateway technology on the way.
  - id: ai_trustworthy
    kind: core_technology
    field: ai
    name: 안전·신뢰 AI
    name_en: Safe and trustworthy AI
    requires:
      - {id: ai_detection, provenance: inferred, note: 탐지 기술 없이는 탐지율 목표를 이룰 수 없다고 보았다 (analyst's reading)}
    any_of:                # 대안 묶음: 묶음마다 하나면 충분합니다. / Alternatives: one of each group suffices.
      - [ai_watermark, ai_provenance_tracking]
    supported_by:          # 이 기술을 돕는 생태계 조성방안 / The ecosystem measures that support it
      - {id: ai_norms, provenance: inferred, note: 규범 정비가 탐지 기술의 현장 적용을 돕는다고 보았다}
    provenance: inferred

  # ── 세부기술 (enabling technology): 중점기술을 이루는 기술. / The technologies a core technology needs.
  - id: ai_detection
    kind: enabling_technology
    field: ai
    name: AI 생성 콘텐츠 탐지
    name_en: AI-generated content detection
    provenance: inferred
  - id: ai_watermark
    kind: enabling_technology
    field: ai
    name: 워터마킹
    name_en: Watermarking
    provenance: inferred
  - id: ai_provenance_tracking
    kind: enabling_technology
    field: ai
    name: 생성 이력 추적
    name_en: Content provenance tracking
    provenance: inferred

  # ── 생태계 조성방안 (ecosystem measure): 인력·규제·데이터·협력·인프라. / Workforce, rules, data, cooperation, infrastructure.
  - id: ai_norms
    kind: ecosystem_measure
    field: ai
    category: regulation_standards   # 방안의 종류 / the kind of measure:
    # 인력 workforce | 규제·표준 regulation_standards | 데이터 data | 국제협력 international_cooperation
    # | 인프라 infrastructure | 대국민 인식 public_literacy
    name: AI 저작권·표시 제도 정비
    name_en: Rules on AI copyright and labelling
    provenance: inferred
"""


def starter_roadmap() -> str:
    """The text of the starter roadmap (``roadmap.yaml``)."""
    return _STARTER


def starter_files() -> list[tuple[str, str]]:
    """``(file name, text)`` of everything ``init`` writes: the roadmap and its schema."""
    from .schema import json_schema_text

    return [(STARTER_FILE, starter_roadmap()), (SCHEMA_FILE, json_schema_text())]


def write_starter(folder: str | os.PathLike[str] = ".") -> list[Path]:
    """Write the starter roadmap and its schema into ``folder`` (made if missing) and return
    their paths. Nothing is ever replaced: when either file is already there, nothing is
    written.

    Raises
    ------
    OutputPathError
        When ``roadmap.yaml`` or ``roadmap.schema.json`` already exists in ``folder`` (or
        ``folder`` is a file).
    """
    from ..errors import OutputPathError
    from ..outputs import write_files
    from ..vocabulary import Message, verbatim

    base = Path(folder)
    if base.exists() and not base.is_dir():
        raise OutputPathError(str(base), Message("init.not_a_folder", path=verbatim(str(base))))
    taken = [base / name for name in STARTER_FILES if os.path.lexists(base / name)]
    if taken:
        raise OutputPathError(str(taken[0]), Message("init.exists", path=verbatim(str(taken[0])), folder=verbatim(str(base))))
    return write_files([(base / name, content) for name, content in starter_files()], follow_links=False)
