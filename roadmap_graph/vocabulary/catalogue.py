"""The catalogue: every word, label and message roadmap-graph shows, in Korean and English.

One entry per key: ``"key": ("Korean", "English")``. Keys are dotted by what they name:

========================  ==========================================================
``kind.*``                node kinds (mission, core technology, ...)
``relation.*``            link relations; ``provenance.*``, ``severity.*``, ``flag.*``,
                          ``category.*`` (measure categories), ``status.*`` (what-if)
``word.*``                short words used in sentences and tables
``col.*``                 column headers of result tables
``title.*``, ``note.*``   titles and legends of results (CLI sections, report sections)
``gap.<code>.*``          the gap rules: title, message and fix
``load.*``, ``check.*``   problems in roadmap files (loading, cross-file checks)
``type.*``                what a value in a file is (a list, a mapping, ...)
``error.*``, ``hint.*``   errors of options and ids, and hints added to messages
``output.*``              why an output could not be written
``cli.*``                 the command line's own lines
``fig.*``, ``report.*``,  figures, the HTML report, the explorer page
``ui.*``
========================  ==========================================================

Placeholders are ``str.format`` fields (``{node}``); both languages use the same ones.
Names the user wrote (node names, quotes, ids) are passed in as parameters, never written
here. The tests check that every key has both languages, that the English has no Hangul,
that the placeholders agree, and that no key is written twice.
"""

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- node kinds, relations and other enumerations ----------------------------------
    "kind.mission": ("임무", "mission"),
    "kind.core_technology": ("중점기술", "core technology"),
    "kind.enabling_technology": ("세부기술", "enabling technology"),
    "kind.ecosystem_measure": ("생태계 조성방안", "ecosystem measure"),
    "kinds.mission": ("임무", "missions"),
    "kinds.core_technology": ("중점기술", "core technologies"),
    "kinds.enabling_technology": ("세부기술", "enabling technologies"),
    "kinds.ecosystem_measure": ("생태계 조성방안", "ecosystem measures"),
    "relation.requires": ("요구", "requires"),
    "relation.supported_by": ("지원", "supported by"),
    "provenance.stated": ("원문", "stated"),
    "provenance.inferred": ("추론", "inferred"),
    "provenance.unknown": ("미상", "unknown"),
    "severity.error": ("오류", "error"),
    "severity.warning": ("경고", "warning"),
    "severity.info": ("참고", "info"),
    "flag.critical": ("단독실패", "critical"),
    "flag.no_measure": ("지원없음", "no-measure"),
    "flag.no_alternative": ("대체없음", "no-alternative"),
    "flag.cross_field": ("분야횡단", "cross-field"),
    "category.workforce": ("인력", "workforce"),
    "category.regulation_standards": ("규제·표준", "regulation & standards"),
    "category.data": ("데이터", "data"),
    "category.international_cooperation": ("국제협력", "international cooperation"),
    "category.infrastructure": ("인프라", "infrastructure"),
    "category.public_literacy": ("대국민 리터러시", "public literacy"),
    "category.uncategorised": ("미분류", "uncategorised"),
    "status.removed": ("실패 처리", "removed"),
    "status.infeasible_mission": ("달성 불가 임무", "infeasible mission"),
    "status.orphaned": ("쓰이지 않게 됨", "orphaned"),
    "status.unsupported": ("지원 모두 잃음", "unsupported"),
    "status.weakened": ("지원 일부 잃음", "weakened"),
    # --- short words ---------------------------------------------------------------------
    "word.one_of": ("다음 중 하나", "one of"),
    "word.excerpt": ("{head}…[{length:,}자]…{tail}", "{head}…[{length:,} characters]…{tail}"),
    "word.and_more": ("{shown} 외 {rest:,}개", "{shown} and {rest:,} more"),
    "word.one_of_n": ("{n}개 중 하나", "one of {n}"),
    "word.one_of_n_set": ("{n}개 중 하나 (묶음 {set}/{sets})", "one of {n} (set {set} of {sets})"),
    "word.one_of_short": ("택1", "one of"),
    "word.supported_by": ("지원", "supported by"),
    "word.seen_above": ("위에 나옴", "shown above"),
    "word.total": ("계", "total"),
    "word.published": ("발표", "published"),
    "word.horizon": ("목표연도", "horizon"),
    "word.by_year": ("(기한 {year})", "(by {year})"),
    # --- targets: bounds and units (vocabulary.format_target) -----------------------------
    "bound.at_least": ("{quantity} 이상", "at least {quantity}"),
    "bound.up_to": ("최대 {quantity}", "up to {quantity}"),
    "bound.exactly": ("{quantity}", "exactly {quantity}"),
    "bound.milestone": ("수치 없는 이정표", "milestone (no number)"),
    "unit.percent": ("%", "%"),
    "unit.times": ("배", "×"),
    "unit.people": ("명", "people"),
    "unit.people_one": ("명", "person"),
    "unit.cases": ("건", "cases"),
    "unit.cases_one": ("건", "case"),
    "unit.items": ("개", "items"),
    "unit.items_one": ("개", "item"),
    "unit.kinds": ("종", "kinds"),
    "unit.kinds_one": ("종", "kind"),
    "unit.sites": ("곳", "sites"),
    "unit.sites_one": ("곳", "site"),
    "unit.times_count": ("회", "times"),
    "unit.times_count_one": ("회", "time"),
    "unit.years": ("년", "years"),
    "unit.years_one": ("년", "year"),
    "unit.months": ("개월", "months"),
    "unit.months_one": ("개월", "month"),
    "unit.won": ("원", "won"),
    "word.no_target": ("(정량 목표·기한 없음)", "(no quantified target or deadline)"),
    "word.none": ("(없음)", "(none)"),
    "word.more_rows": ("… {n}개 더 (--top 0 으로 전부)", "… {n} more (--top 0 shows all)"),
    "word.findings_tally": (
        "{n}건 (오류 {errors}, 경고 {warnings}, 참고 {infos})",
        "{n} findings (error {errors}, warning {warnings}, info {infos})",
    ),
    "word.silenced_tally": ("{n}건은 파일에서 사유와 함께 제외됨", "{n} silenced in the file with a reason"),
    "word.tally_and_silenced": ("{tally}; {silenced}", "{tally}; {silenced}"),
    "word.published_on": ("발표 {date}", "published {date}"),
    "word.horizon_year": ("목표연도 {year}", "horizon {year}"),
    "word.roadmap_title": ("{title}  ({dates})", "{title}  ({dates})"),
    "word.plain": ("{value}", "{value}"),
    "redundancy.one": ("길목기술 하나로 끊김", "one gateway cuts it off"),
    "redundancy.many": ("대체 경로 있음", "alternative routes"),
    "redundancy.none": ("요구사항 없음", "requires nothing"),
    # --- column headers ------------------------------------------------------------------
    "col.id": ("ID", "id"),
    "col.name": ("이름", "name"),
    "col.name_en": ("영문명", "English name"),
    "col.kind": ("종류", "kind"),
    "col.field": ("분야", "field"),
    "col.rank": ("순위", "rank"),
    "col.number": ("#", "#"),
    "col.mission": ("임무", "mission"),
    "col.missions": ("임무", "missions"),
    "col.n_missions": ("임무 수", "#missions"),
    "col.target": ("목표", "target"),
    "col.metric": ("지표", "metric"),
    "col.comparator": ("비교", "comparator"),
    "col.value": ("값", "value"),
    "col.unit": ("단위", "unit"),
    "col.by": ("기한", "by"),
    "col.depth": ("깊이", "depth"),
    "col.total": ("계", "total"),
    "col.kappa": ("κ", "κ"),
    "col.meaning": ("의미", "meaning"),
    "col.gateways": ("길목기술 (가까운 순)", "gateways, nearest first"),
    "col.status": ("영향", "status"),
    "col.reach": ("임무 도달", "reach"),
    "col.by_field": ("분야별", "by field"),
    "col.critical_for": ("단독실패 임무", "critical for"),
    "col.path_share": ("경로 비중", "path share"),
    "col.measures": ("지원 방안", "measures"),
    "col.sole_provider_for": ("유일 공급", "sole provider for"),
    "col.cross_field_reach": ("분야횡단 도달", "cross-field reach"),
    "col.flags": ("구속 조건", "flags"),
    "col.dependent": ("의존 노드", "dependent"),
    "col.prerequisite": ("선행 노드", "prerequisite"),
    "col.source_field": ("의존 분야", "from field"),
    "col.target_field": ("선행 분야", "to field"),
    "col.relation": ("관계", "relation"),
    "col.provenance": ("근거", "provenance"),
    "col.serves_fields": ("기여하는 임무 분야", "serves missions of"),
    "col.builds_on": ("기반 분야", "builds on"),
    "col.meeting": ("처음 만나는 곳", "first meeting"),
    "col.from_to": ("분야", "from \\ to"),
    "col.participation": ("참여 계수", "participation"),
    "col.participation_in": ("참여 계수 (의존)", "participation (dependents)"),
    "col.participation_out": ("참여 계수 (선행)", "participation (prerequisites)"),
    "col.degree": ("연결 수", "degree"),
    "col.coordinator": ("조정자", "coordinator"),
    "col.itinerant": ("순회자", "itinerant"),
    "col.representative": ("대표자", "representative"),
    "col.gatekeeper": ("문지기", "gatekeeper"),
    "col.liaison": ("연락자", "liaison"),
    "col.code": ("규칙", "rule"),
    "col.severity": ("수준", "severity"),
    "col.node_or_field": ("대상", "node or field"),
    "col.message": ("내용", "finding"),
    "col.fix": ("조치", "fix"),
    "col.location": ("위치", "location"),
    "col.goal": ("목표", "goal"),
    # --- result titles and legends (command sections and report sections) -----------------
    "title.summary": ("로드맵 요약", "Roadmap summary"),
    "title.about": ("출처가 밝힌 로드맵의 성격", "What the sources say about the roadmap"),
    "col.about_what": ("항목", "what"),
    "col.about_statement": ("출처의 서술", "what the sources say"),
    "col.bound": ("목표 유형", "bound"),
    "about.decision": ("의결", "decided by"),
    "about.decision_at": ("{body} {meeting} ({date}): {action}", "At the {meeting} of the {body} ({date}): {action}"),
    "about.decision_by": ("{body} ({date}): {action}", "{body} ({date}): {action}"),
    "about.decided": ("의결", "decided"),
    "about.no_date": ("날짜 미상", "date not given"),
    "about.framing": ("제시하는 것", "what it sets out"),
    "about.use": ("활용", "how it is used"),
    "about.review": ("검토·조정", "review"),
    "about.emphasis": ("중점 {n}", "emphasis {n}"),
    "about.focus": ("{field}의 초점", "focus of {field}"),
    "title.counts": ("노드 수 (분야 × 종류)", "Nodes by field and kind"),
    "title.mission_targets": ("임무와 목표 ({n})", "Missions and targets ({n})"),
    "title.chain": ("선행 체인", "Prerequisite chain"),
    "title.chain_nodes": ("체인의 노드 ({n})", "Nodes of the chain ({n})"),
    "title.fields": ("분야와 목표", "Fields and goals"),
    "title.chain_of": ("{mission} ({id}): 선행 체인", "{mission} ({id}): prerequisite chain"),
    "title.gateways": ("길목기술", "Gateway technologies"),
    "note.gateways": (
        "길목기술: 임무에서 기반기술로 가는 모든 요구 경로가 지나는 노드",
        "Gateways: nodes every requirement path from a mission to the foundations passes through",
    ),
    "title.gateways_of": ("{mission} ({id}): 길목기술, 가까운 순", "{mission} ({id}): gateways, nearest first"),
    "title.redundancy": ("중복도 κ", "Redundancy κ"),
    "note.redundancy": (
        "중복도 κ: 임무를 기반기술에서 끊어 내는 데 필요한 최소 노드 수 (길목기술이 있으면 1)",
        "Redundancy κ: the fewest nodes whose loss cuts a mission off from every foundation (1 when it has a gateway)",
    ),
    "title.impact": ("실패 영향", "What-if impact"),
    "title.impact_of": ("실패 가정: {nodes}", "If these fail: {nodes}"),
    "note.impact": (
        "노드는 모든 요구('requires')가 가능하고 대안('any_of') 묶음마다 하나가 가능할 때 가능하다.",
        "A node is feasible when everything it requires is feasible and each 'any_of' group keeps one feasible member.",
    ),
    "title.removed": ("실패 처리한 노드 ({n})", "Removed ({n})"),
    "title.infeasible_missions": ("달성 불가능해진 임무 ({n})", "Infeasible missions ({n})"),
    "title.orphaned": ("어느 임무에도 쓰이지 않게 된 노드 ({n})", "Orphaned (no feasible mission uses them) ({n})"),
    "title.unsupported": ("지원 방안을 모두 잃은 기술 ({n})", "Technologies left with no supporting measure ({n})"),
    "title.weakened": ("지원 방안 일부를 잃은 기술 ({n})", "Technologies that lost some support ({n})"),
    "title.criticality": ("단독 실패 지점", "Single points of failure"),
    "note.criticality": (
        "각 노드가 혼자 실패할 때 달성 불가능해지는 임무 (대안 규칙 반영; 임무 자신은 제외)",
        "The missions each node alone makes infeasible when it fails (alternatives taken into account; missions themselves left out)",
    ),
    "title.bottlenecks": ("병목 기술", "Bottlenecks"),
    "note.bottlenecks": (
        "수요(임무 도달)와 구속 조건. 순위: 구속 조건(단독실패·지원없음·대체없음) 수, 임무 도달 수, 경로 비중, id 순. 경로 비중 = 임무→기반기술 요구 경로 중 이 기술을 지나는 비율.",
        "Demand (missions reached) and binding constraints. Ranked by the number of binding flags (critical, no measure, no alternative), then missions reached, then path share, then id. Path share = share of mission-to-foundation requirement paths through the technology.",
    ),
    "title.convergence": ("분야 간 융합", "Convergence between fields"),
    "title.cross_field_edges": ("분야 간 연결 ({n})", "Cross-field links ({n})"),
    "title.convergence_points": (
        "융합 지점: 다른 분야의 임무에도 쓰이는 노드 ({n})",
        "Convergence points: nodes serving missions of another field or of several ({n})",
    ),
    "title.meeting_points": ("두 분야의 체인이 처음 만나는 노드 ({n})", "Where two fields' chains first meet ({n})"),
    "title.field_matrix": (
        "분야 간 연결 행렬 (행: 의존하는 쪽, 열: 선행기술 쪽)",
        "Field matrix (rows: dependent's field, columns: prerequisite's field)",
    ),
    "title.participation": ("참여 계수", "Participation coefficients"),
    "title.brokerage": ("중개 역할 (Gould–Fernandez)", "Brokerage roles (Gould–Fernandez)"),
    "title.gaps": ("빈틈 (로드맵 점검)", "Coverage gaps"),
    "title.coverage": ("임무별 지원 범위", "Coverage of each mission"),
    "title.coverage_categories": (
        "임무별 생태계 조성방안 범주 (체인 안의 조성방안 수)",
        "Ecosystem measures by category in each mission's chain",
    ),
    "title.coverage_technologies": (
        "임무별 기술 커버리지 (체인 안의 기술과 길목기술)",
        "Technologies in each mission's chain, gateways marked",
    ),
    "note.coverage": (
        "0은 빈틈: 임무의 체인에 그 범주의 조성방안(또는 그 기술)이 없다. 기술 열에서 2는 그 임무의 길목기술.",
        "0 is a gap: the mission's chain holds no measure of that category (or not that technology). In technology columns, 2 marks a gateway of the mission.",
    ),
    # --- gap rules -----------------------------------------------------------------------
    "gap.RG101.title": ("요구사항이 없는 임무", "mission without requirements"),
    "gap.RG101.message": ("임무 {label}에 요구 기술이 없다", "mission {label} requires nothing"),
    "gap.RG101.fix": ("필요한 중점기술을 'requires'에 적는다", "name the core technologies it needs in its 'requires'"),
    "gap.RG102.title": ("정량 목표가 없는 임무", "mission without a quantified target"),
    "gap.RG102.message": ("임무 {label}에 정량 목표가 없다", "mission {label} has no quantified target"),
    "gap.RG102.fix": (
        "값과 단위가 있는 목표를 적거나, 출처에 수치가 없으면 사유와 함께 RG102를 제외한다",
        "add a target with a value and unit, or silence RG102 with a reason if the source gives no number",
    ),
    "gap.RG103.title": ("기한이 없는 임무", "mission without a deadline"),
    "gap.RG103.message": ("임무 {label}에 달성 기한이 없다", "mission {label} has no deadline"),
    "gap.RG103.fix": ("목표의 'by'에 연도를 적는다", "add a target with a year in 'by'"),
    "gap.RG201.title": ("세부기술이 없는 중점기술", "core technology with no enabling technology"),
    "gap.RG201.message": ("중점기술 {label}에 세부기술이 없다", "core technology {label} has no enabling technology"),
    "gap.RG201.fix": (
        "필요한 세부기술을 'requires'에 적거나, 로드맵이 정하지 않았다면 사유와 함께 RG201을 제외한다",
        "name the enabling technologies it requires, or silence RG201 with a reason if the roadmap leaves them open",
    ),
    "gap.RG202.title": ("지원하는 생태계 조성방안이 없는 기술", "technology no ecosystem measure supports"),
    "gap.RG202.message": ("{label}을(를) 지원하는 생태계 조성방안이 없다", "no ecosystem measure supports {label}"),
    "gap.RG202.fix": ("지원하는 방안을 'supported_by'에 적는다", "link the measures that support it in its 'supported_by'"),
    "gap.RG203.title": ("지원하는 생태계 조성방안이 없는 길목기술", "gateway technology no ecosystem measure supports"),
    "gap.RG203.message": (
        "임무 {n}개의 길목기술 {label}을(를) 지원하는 생태계 조성방안이 없다",
        "gateway {label} of {n} mission(s) has no supporting ecosystem measure",
    ),
    "gap.RG203.fix": (
        "이 임무들로 가는 모든 경로가 이 기술을 지나므로, 지원 방안을 'supported_by'에 적는다",
        "every route to these missions passes through it: link a measure in its 'supported_by'",
    ),
    "gap.RG301.title": ("어느 임무에도 쓰이지 않는 기술이나 조성방안", "technology or measure that serves no mission"),
    "gap.RG301.message": ("{kind} {label}이(가) 어느 임무에도 쓰이지 않는다", "{kind} {label} serves no mission"),
    "gap.RG301.fix": (
        "이를 필요로 하는 기술이나 임무에서 연결하거나 삭제한다",
        "link it from the technology or mission that needs it, or remove it",
    ),
    "gap.RG401.title": (
        "임무를 지원하는 조성방안 범주가 빠진 분야",
        "field whose missions lack a kind of ecosystem measure",
    ),
    "gap.RG401.message": (
        "분야 {label}의 임무를 지원하는 {category} 방안이 없다",
        "no {category} measure supports the missions of field {label}",
    ),
    "gap.RG401.fix": (
        "'category: {category_id}'인 생태계 조성방안을 추가해 지원하는 기술과 연결하거나, 분야에서 사유와 함께 RG401을 제외한다",
        "add an ecosystem measure with 'category: {category_id}' and link it from the technologies it supports, or silence RG401 on the field with a reason",
    ),
    "gap.RG402.title": ("분류가 없는 생태계 조성방안", "ecosystem measure without a category"),
    "gap.RG402.message": ("생태계 조성방안 {label}에 분류(category)가 없다", "ecosystem measure {label} has no category"),
    "gap.RG402.fix": ("분류를 적는다: {categories} 중 하나", "declare its category: one of {categories}"),
    "gap.RG501.title": ("융합한다는 분야 사이에 연결이 없음", "fields said to converge with no link between them"),
    "gap.RG501.message": (
        "로드맵은 분야 {label}와(과) '{other}'의 융합을 말하지만 두 분야의 기술을 잇는 연결이 없다",
        "the roadmap says fields {label} and '{other}' converge, but no link joins their technologies",
    ),
    "gap.RG501.fix": (
        "융합이 일어나는 'requires' 또는 'supported_by' 연결을 적는다",
        "add the 'requires' or 'supported_by' links through which they converge",
    ),
    "gap.RG601.title": ("체인이 추론된 연결에만 기대는 임무", "mission whose chain rests on inferred links only"),
    "gap.RG601.message": (
        "임무 {label}의 요구 연결이 모두 추론된 연결이다",
        "every requirement link in the chain of mission {label} is inferred",
    ),
    "gap.RG601.fix": (
        "연결을 밝힌 출처를 찾거나, 이 임무의 체인을 분석자의 재구성으로 읽는다",
        "find a source that states these links, or read the mission's chain as an analyst's reconstruction",
    ),
    "gap.category_choice": ("'{id}'({name})", "'{id}' ({name})"),
    "gap.label": ("'{name}' ({id})", "'{name}' ({id})"),
    # --- what a value in a file is -------------------------------------------------------
    "type.mapping": ("매핑", "mapping"),
    "type.list": ("목록", "list"),
    "type.empty": ("빈 값", "empty value"),
    "type.boolean": ("참/거짓 값 ({value})", "boolean ({value})"),
    "type.number": ("숫자 ({value})", "number ({value})"),
    "type.text": ("문자열 ({value})", "text ({value})"),
    # --- problems in roadmap files: reading and schema -------------------------------------
    "load.cannot_read": ("파일을 읽을 수 없다: {reason}; 경로를 확인한다", "cannot read the file: {reason}; check the path"),
    "load.git_missing": (
        "git이 없어 리비전을 읽을 수 없다; git을 설치하거나 파일 경로를 준다",
        "cannot read a revision: git is not installed; install git or give a file path",
    ),
    "load.git_failed": (
        "git으로 이 리비전을 읽을 수 없다: {reason}; 저장소 안에서 REV:경로(저장소 최상위 기준)를 준다",
        "git cannot show this revision: {reason}; run inside the repository and give REV:path (relative to its top)",
    ),
    "load.not_utf8": (
        "UTF-8 파일이 아니다 (바이트 0x{byte}를 읽을 수 없다); UTF-8로 저장한 뒤(Excel·메모장: 'UTF-8' 인코딩) 다시 읽는다",
        "the file is not UTF-8 (byte 0x{byte} cannot be decoded); save it as UTF-8 (in Excel or Notepad: 'UTF-8' encoding) and load it again",
    ),
    "load.yaml_syntax": (
        "YAML 문법 오류: {detail}; 이곳의 들여쓰기와 따옴표를 확인한다",
        "YAML syntax error: {detail}; check the indentation and quoting here",
    ),
    "load.yaml_error": ("YAML 오류: {detail}", "YAML error: {detail}"),
    "load.yaml_unreadable": (
        "YAML 읽기가 이 근처에서 실패했다 ({detail}); 지시문(%YAML, %TAG)과 이 줄 주변의 문법을 확인한다 (로드맵에는 지시문이 필요 없다)",
        "the YAML reader failed near here ({detail}); check the directives (%YAML, %TAG) and the syntax around this line (a roadmap needs no directives)",
    ),
    "load.empty": (
        "파일이 비어 있다; 로드맵은 'schema_version: 1'과 'roadmap:' 매핑으로 시작한다 (전체 형식은 'roadmap-graph schema')",
        "the file is empty; a roadmap starts with 'schema_version: 1' and a 'roadmap:' mapping (run 'roadmap-graph schema' for the full format)",
    ),
    "load.not_mapping": (
        "로드맵 파일은 schema_version, roadmap, fields, nodes 키를 가진 매핑이어야 하는데, 이 파일은 {what}이다",
        "a roadmap file must be a mapping with the keys schema_version, roadmap, fields and nodes; this file holds a {what}",
    ),
    "load.schema_version": (
        "알 수 없는 schema_version {version}; 이 roadmap-graph는 schema_version {expected}을(를) 읽는다 ('schema_version: {expected}'로 쓰거나, 새 형식이면 roadmap-graph를 업그레이드한다)",
        "unknown schema_version {version}; this version of roadmap-graph reads schema_version {expected} (write 'schema_version: {expected}', or upgrade roadmap-graph for newer files)",
    ),
    "load.alias_cycle": (
        "이 별칭(alias)은 자신을 담은 컬렉션을 가리킨다; 로드맵은 무한히 깊을 수 없다",
        "this alias refers to a collection that contains it; a roadmap cannot be infinitely deep",
    ),
    "load.merge_key": ("병합 키('<<')는 쓸 수 없다; 키를 모두 풀어 쓴다", "merge keys ('<<') are not supported; write the keys out in full"),
    "load.key_not_scalar": ("키는 목록이나 매핑이 아니라 단어여야 한다", "a key must be a plain word, not a list or mapping"),
    "load.duplicate_key": (
        "키 '{key}'가 두 번 나온다 (처음은 {line}행 {column}열); 하나만 남긴다: YAML 리더는 다른 하나를 조용히 버린다",
        "duplicate key '{key}' (first defined at line {line}, column {column}); keep one of them: a YAML reader would silently drop the other",
    ),
    "load.missing_key": ("{parent}에 필수 키 '{key}'가 없다; 추가한다", "missing required key '{key}' in {parent}; add it"),
    "load.the_file": ("파일", "the file"),
    "load.unknown_key": (
        "{parent}의 알 수 없는 키 '{key}'{hint}; 쓸 수 있는 키: {allowed}",
        "unknown key '{key}' in {parent}{hint}; allowed keys: {allowed}",
    ),
    "load.one_of": ("{what}은(는) {expected} 중 하나여야 한다 ({got}이(가) 아니라)", "{what} must be one of {expected}, not {got}"),
    "load.bad_id": (
        "{what}이(가) {got}인데, 올바른 식별자가 아니다: 영문 소문자 a-z, 숫자, _만 쓰고 글자로 시작한다 (예: ai_efficient_learning)",
        "{what} is {got}, which is not a valid id: use lowercase letters a-z, digits and _, starting with a letter (e.g. ai_efficient_learning)",
    ),
    "load.link_shape": (
        "{what}은(는) 노드 id이거나 {keys} 키를 가진 매핑이어야 하는데 {got}이다",
        "{what} must be a node id or a mapping with the keys {keys}; got a {got}",
    ),
    "load.mapping_shape": ("{what}은(는) {keys} 키를 가진 매핑이어야 하는데 {got}이다", "{what} must be a mapping with the keys {keys}; got a {got}"),
    "load.list_shape": ("{what}은(는) 목록([a, b] 또는 '- a' 줄)이어야 하는데 {got}이다", "{what} must be a list ([a, b] or '- a' lines); got a {got}"),
    "load.empty_text": ("{what}이(가) 비어 있다; 값을 쓰거나 키를 지운다", "{what} is empty; write a value or remove the key"),
    "load.whole_number": ("{what}은(는) {got}이 아니라 정수(예: 연도 2030)여야 한다", "{what} must be a whole number (a year such as 2030), not {got}"),
    "load.number": ("{what}은(는) {got}이 아니라 따옴표 없는 숫자여야 한다", "{what} must be a number written without quotes, not {got}"),
    "load.text": ("{what}은(는) 문자열이어야 하는데 {got}이다 (문자열로 두려면 따옴표로 감싼다)", "{what} must be text; got {got} (put it in quotes to keep it as text)"),
    "load.date": ("{what}은(는) {got}이 아니라 YYYY-MM-DD 날짜여야 한다", "{what} must be a date written YYYY-MM-DD, not {got}"),
    "load.year_range": ("{what}은(는) {low}에서 {high} 사이의 연도여야 한다 ({got}이 아니라)", "{what} must be a year from {low} to {high}, not {got}"),
    "load.too_long": ("{what}이(가) 너무 길다 (최대 {limit}자)", "{what} is too long (at most {limit} characters)"),
    "load.target_needs_value": (
        "목표에는 수치(value)나 연도(by)가 있어야 한다; 정성적 목표는 노드의 description에 쓴다",
        "a target needs a number (value) or a year (by); write a qualitative aim in the node's description instead",
    ),
    "load.target_milestone_value": (
        "bound: milestone인 목표에는 수치(value)가 없다; value를 지우거나 bound를 at_least·up_to·exactly 중 하나로 한다",
        "a target with bound: milestone has no number (value); remove the value or make bound one of at_least, up_to, exactly",
    ),
    "load.target_bound_needs_value": (
        "bound: {bound}인 목표에는 수치(value)가 있어야 한다; 수치가 없는 기한이면 bound: milestone으로 한다",
        "a target with bound: {bound} needs a number (value); for a deadline with no number write bound: milestone",
    ),
    "load.target_bound_conflict": (
        "목표의 bound: {bound}와 comparator: {comparator}가 서로 다르다; 하나만 쓴다 (>= at_least, <= up_to, == exactly)",
        "the target's bound: {bound} and comparator: {comparator} disagree; write only one (>= at_least, <= up_to, == exactly)",
    ),
    "load.source_file_path": (
        "출처의 file은 로드맵 파일의 폴더를 기준으로 한 상대 경로여야 하며 '..'을 쓸 수 없다",
        "a source's file must be a path relative to the roadmap file's folder, without '..'",
    ),
    "load.other": ("{what}: {detail} ({got} 값)", "{what}: {detail} (got {got})"),
    "load.field_conflict": (
        "분야 '{field}'의 {key}이(가) {first}와 다르다; 같게 맞춘다 (같은 id의 분야는 하나로 합쳐진다)",
        "field '{field}' has a different {key} here than at {first}; make them agree (fields with the same id merge into one)",
    ),
    "load.source_conflict": (
        "출처 '{source}'가 {first}에서 다르게 정의되어 있다; 하나에 다른 id를 주거나 같게 맞춘다",
        "source '{source}' is defined differently at {first}; give one of them another id, or make them equal",
    ),
    "load.duplicate_id": (
        "{what} id '{id}'가 두 번 정의되어 있다 (처음은 {first}); id는 읽은 모든 파일에서 유일해야 한다: 하나의 이름을 바꾼다",
        "{what} id '{id}' is defined twice (first at {first}); ids must be unique across all loaded files: rename one",
    ),
    "load.duplicate_field_in_file": (
        "분야 id '{id}'가 이 파일에서 두 번 정의되어 있다 (처음은 {first}); 하나만 남긴다",
        "field id '{id}' is defined twice in this file (first at {first}); keep one",
    ),
    "load.duplicate_source_in_file": (
        "출처 id '{id}'가 이 파일에서 두 번 정의되어 있다 (처음은 {first}); 하나만 남기거나 하나에 다른 id를 준다",
        "source id '{id}' is defined twice in this file (first at {first}); keep one, or give one of them another id",
    ),
    "load.header_conflict": (
        "로드맵의 {key}이(가) {first}와 다르다 ({value}, 그곳은 {other}); 함께 읽는 파일은 하나의 로드맵이므로 같게 맞추거나 한 파일에서만 쓴다",
        "the roadmap's {key} here ({value}) differs from the one at {first} ({other}); files loaded together are one roadmap: make them agree, or write it in one file only",
    ),
    "load.what_node": ("노드", "node"),
    "load.what_field": ("분야", "field"),
    # --- hostile files: limits, special files, characters, tags (fileformat/limits.py) -------
    "load.limit": (
        "{what}: 한도 {limit} = {value}을(를) 넘는다; 정말 이만큼 큰 로드맵이면 {option} 옵션이나 환경 변수 {env}로 한도를 올린다",
        "{what}: beyond the limit {limit} = {value}; if the roadmap is really this large, raise it with the option {option} or the environment variable {env}",
    ),
    "load.limit_what.file_bytes": ("파일이 너무 크다", "the file is too large"),
    "load.limit_what.nodes": ("노드가 너무 많다", "too many nodes"),
    "load.limit_what.links": (
        "링크('requires', 'any_of'의 항목, 'supported_by')가 너무 많다",
        "too many links ('requires', members of 'any_of', 'supported_by')",
    ),
    "load.limit_what.depth": ("목록과 매핑이 너무 깊이 중첩되어 있다", "lists and mappings nest too deeply"),
    "load.limit_what.string_chars": ("문자열이 너무 길다 ({count}자)", "the text is too long ({count} characters)"),
    "load.limit_what.int_digits": ("정수의 자릿수가 너무 많다 ({count}자리)", "the number has too many digits ({count})"),
    "load.limit_what.alias_expansions": (
        "별칭(*이름)이 너무 많은 값으로 펼쳐진다 (별칭 폭탄)",
        "aliases (*name) expand to too many values (an alias bomb)",
    ),
    "load.limit_value": (
        "한도 {name}의 값 {value}은(는) 양의 정수가 아니다 (예: 2000000, 2M, 1GB, 64MiB)",
        "the limit {name} must be a positive whole number (e.g. 2000000, 2M, 1GB, 64MiB), not {value}",
    ),
    "load.limit_spec": (
        "한도 '{spec}'을(를) 읽을 수 없다; 이름=값으로 쓴다 (이름: {names})",
        "cannot read the limit '{spec}'; write NAME=VALUE, with NAME one of {names}",
    ),
    "load.not_regular": (
        "일반 파일이 아니라 {what}이다; 로드맵 파일의 경로를 준다",
        "this is a {what}, not a regular file; give the path of a roadmap file",
    ),
    "load.file_kind.folder": ("폴더", "folder"),
    "load.file_kind.fifo": ("FIFO(이름 있는 파이프)", "FIFO (named pipe)"),
    "load.file_kind.device": ("장치 파일", "device"),
    "load.file_kind.socket": ("소켓", "socket"),
    "load.file_kind.other": ("특수 파일", "special file"),
    "load.bad_character": (
        "문자 {char}은(는) 로드맵에 쓸 수 없다: 제어 문자, 짝 없는 서로게이트, U+FFFE·U+FFFF는 내보낸 XML과 UTF-8을 망가뜨린다; 지운다",
        "the character {char} is not allowed in a roadmap: control characters, lone surrogates and U+FFFE/U+FFFF break exported XML and UTF-8; remove it",
    ),
    "load.bad_escape": (
        "이스케이프 {escape}에 해당하는 유니코드 문자가 없다 (가장 큰 것은 \\U0010FFFF); 고친다",
        "the escape {escape} names no Unicode character (the largest is \\U0010FFFF); correct it",
    ),
    "load.tag": (
        "태그 {tag}은(는) 쓸 수 없다: 로드맵은 태그 없는 값과 YAML 핵심 태그(!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)만 읽는다; 태그를 지운다",
        "the tag {tag} is not allowed: a roadmap holds plain values and the YAML core tags only (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq); remove the tag",
    ),
    "load.tagged_value": ("{value}은(는) {tag} 값이 아니다; 값이나 태그를 고친다", "{value} is not a valid {tag} value; correct the value or the tag"),
    "load.not_finite": (
        "{value}은(는) 유한한 수가 아니다: 로드맵에는 NaN과 무한대를 쓸 수 없다; 수를 쓴다",
        "{value} is not a finite number: NaN and infinity are not allowed in a roadmap; write a number",
    ),
    "load.too_deep_to_read": (
        "목록과 매핑이 Python이 읽을 수 있는 것보다 깊이 중첩되어 있다; 중첩을 줄인다",
        "lists and mappings nest deeper than Python can read; flatten them",
    ),
    "load.progress.reading": ("{path} 읽는 중 ({size})", "reading {path} ({size})"),
    "load.progress.parsing": ("{path} 해석 중 ({size})", "parsing {path} ({size})"),
    "load.progress.validating": ("{path} 검증 중 (노드 {nodes}개)", "validating {path} ({nodes} nodes)"),
    "load.progress.checking": ("참조 확인 중 (노드 {nodes}개, 링크 {links}개)", "checking references ({nodes} nodes, {links} links)"),
    # --- problems in portfolio files (YAML, CSV, XLSX: fileformat/portfolio_loading.py) ---
    "portfolio.load.programme_years": (
        "종료 연도 {end}가 시작 연도 {start}보다 앞선다; start와 end를 고친다",
        "end {end} is before start {start}; correct start or end",
    ),
    "portfolio.load.budget_before_start": (
        "예산 연도가 시작 연도 {start}보다 앞선다; 예산 연도나 start를 고친다",
        "a budget year is before start {start}; correct the budget's years or start",
    ),
    "portfolio.load.budget_after_end": (
        "예산 연도가 종료 연도 {end}보다 뒤다; 예산 연도나 end를 고친다",
        "a budget year is after end {end}; correct the budget's years or end",
    ),
    "portfolio.load.share_some": (
        "비율(share)은 지원하는 노드 모두에 쓰거나 하나도 쓰지 않는다 (쓰지 않으면 똑같이 나눈다)",
        "give a share for every funded node or for none (none: equal shares)",
    ),
    "portfolio.load.share_total": (
        "비율(share)의 합이 1이 아니라 {total}이다; 합이 1이 되게 고친다",
        "the shares add up to {total}, not 1; make them add up to 1",
    ),
    "portfolio.load.funds_twice": (
        "한 사업이 같은 노드를 두 번 지원한다; 하나를 지운다",
        "one programme funds the same node twice; remove one",
    ),
    "portfolio.load.citation_empty": (
        "출처에는 url, title, quote 중 하나 이상이 있어야 한다",
        "a source needs a url, a title or a quote",
    ),
    "portfolio.load.money": (
        "{what}은(는) 0 이상의 금액이어야 한다 ({got}이 아니라)",
        "{what} must be an amount of 0 or more, not {got}",
    ),
    "portfolio.load.share_range": (
        "{what}: 비율은 0보다 크고 1 이하인 수여야 한다 ({got}이 아니라)",
        "{what}: a share is a number above 0 and at most 1, not {got}",
    ),
    "portfolio.load.budget_year": (
        "{what}: 예산의 키는 1900에서 2200 사이의 연도여야 한다 ({got}이 아니라)",
        "{what}: a budget's keys are years from 1900 to 2200, not {got}",
    ),
    "portfolio.load.duplicate_programme": (
        "사업 식별자 '{id}'가 두 번 쓰였다 (처음: {first}); 하나를 바꾼다",
        "programme id '{id}' is used twice (first at {first}); rename one",
    ),
    "portfolio.load.unknown_node": (
        "사업 '{programme}'이(가) 지원하는 '{node}'은(는) 로드맵의 노드가 아니다{hint}",
        "programme '{programme}' funds '{node}', which is not a node of the roadmap{hint}",
    ),
    "portfolio.load.missing_column": (
        "머리 행에 '{column}' 열이 없다; 추가한다 (필수 열: {required})",
        "the header row has no '{column}' column; add it (required: {required})",
    ),
    "portfolio.load.unknown_column": (
        "알 수 없는 열 '{column}'{hint}; 쓸 수 있는 열은 {allowed}, 그리고 연도마다 한 열(2024, 2025, …)이다",
        "unknown column '{column}'{hint}; the columns are {allowed}, and one per year (2024, 2025, …)",
    ),
    "portfolio.load.unnamed_column": (
        "이름 없는 열에 값이 있다; 머리 행에 열 이름을 쓴다",
        "a column with no name holds values; write its name in the header row",
    ),
    "portfolio.load.duplicate_column": (
        "열 '{column}'이(가) 두 번 있다 (처음: {first}); 하나를 지운다",
        "column '{column}' appears twice (first at {first}); remove one",
    ),
    "portfolio.load.header_conflict": (
        "{column}이(가) 여기서는 '{value}'인데 {first}에서는 '{other}'이다; 파일 전체에 한 값을 쓴다",
        "{column} is '{value}' here but '{other}' at {first}; one value serves the whole file",
    ),
    "portfolio.load.no_unit": (
        "어느 행도 단위(unit)를 주지 않는다; unit 열에 단위를 쓴다 (예: 억원)",
        "no row gives the unit; write it in the unit column (e.g. KRW, or 100 million KRW)",
    ),
    "portfolio.load.not_number": (
        "{column} 열의 '{value}'은(는) 숫자가 아니다 (6065, 6,065, 252.6처럼 쓰고, 돈이 없는 해는 비워 둔다)",
        "'{value}' in column {column} is not a number (write 6065, 6,065 or 252.6; leave the cell empty for no money)",
    ),
    "portfolio.load.bad_funds": (
        "funds의 '{part}'을(를) 읽을 수 없다: 노드 식별자를 ';'로 나누고, 비율은 '=0.6'처럼 붙인다 (a=0.6;b=0.4)",
        "cannot read '{part}' in funds: separate node ids with ';', each with an optional '=share' (a=0.6;b=0.4)",
    ),
    "portfolio.load.extra_cells": (
        "이 행에는 머리 행({columns}열)보다 많은 {count}개의 칸이 있다; 남는 칸을 지우거나 열 이름을 쓴다",
        "this row has {count} cells but the header row has {columns} columns; remove the extra cells or name their columns",
    ),
    "portfolio.load.no_header": (
        "머리 행이 없다: 첫 행에 id, name, unit, funds와 연도 열 이름을 쓴다",
        "there is no header row: write id, name, unit, funds and the year columns in the first row",
    ),
    "portfolio.load.too_many_rows": (
        "행이 너무 많다 (최대 {limit}행); --limit nodes=...로 늘린다",
        "too many rows (at most {limit}); raise it with --limit nodes=...",
    ),
    "portfolio.load.csv_error": ("CSV 오류: {detail}", "CSV error: {detail}"),
    "portfolio.load.xlsx_missing": (
        "XLSX 파일을 읽으려면 openpyxl이 필요하다: pip install 'roadmap-graph[xlsx]'; 또는 CSV로 저장한다",
        "reading an XLSX file needs openpyxl: pip install 'roadmap-graph[xlsx]'; or save the sheet as CSV",
    ),
    "portfolio.load.xlsx_unreadable": (
        "XLSX 통합 문서로 읽을 수 없다: {detail}",
        "cannot read the file as an XLSX workbook: {detail}",
    ),
    "portfolio.load.xls_old": (
        "예전 .xls 통합 문서는 읽지 않는다; .xlsx나 CSV로 저장한다",
        "old .xls workbooks are not read; save the sheet as .xlsx or CSV",
    ),
    "portfolio.load.formula_no_value": (
        "이 칸의 수식({formula})에 저장된 값이 없다; 스프레드시트 프로그램에서 열어 저장하거나 값을 쓴다",
        "the cell's formula ({formula}) has no saved value; open and save the workbook in a spreadsheet program, or write the value",
    ),
    "portfolio.load.not_found": (
        "포트폴리오 파일도, 내장 포트폴리오도 아니다: '{spec}'{hint}; 내장 포트폴리오: {names}",
        "'{spec}' is neither a portfolio file nor a bundled portfolio{hint}; bundled portfolios: {names}",
    ),
    # --- roadmap workbooks: import and export (fileformat/sheets.py) ---------------------
    "sheets.no_csv": (
        "이 폴더에 CSV 파일이 없다; roadmap.csv, nodes.csv 등 시트마다 한 파일을 둔다",
        "this folder has no CSV file; put one file per sheet in it: roadmap.csv, nodes.csv, …",
    ),
    "sheets.unknown_sheet": (
        "알 수 없는 시트 '{sheet}'{hint}; 시트는 {sheets}이다",
        "unknown sheet '{sheet}'{hint}; the sheets are {sheets}",
    ),
    "sheets.duplicate_sheet": ("시트 '{sheet}'가 두 번 있다; 하나를 지운다", "sheet '{sheet}' appears twice; remove one"),
    "sheets.missing_sheet": (
        "'{sheet}' 시트가 없다; key와 value 열로 id, title 등을 쓴 시트를 추가한다",
        "there is no '{sheet}' sheet; add one with columns key and value giving id, title, …",
    ),
    "sheets.unknown_column": (
        "{sheet} 시트의 알 수 없는 열 '{column}'{hint}; 쓸 수 있는 열은 {allowed}이다",
        "unknown column '{column}' in sheet {sheet}{hint}; the columns are {allowed}",
    ),
    "sheets.missing_column": (
        "{sheet} 시트의 머리 행에 '{column}' 열이 없다; 추가한다 (필수 열: {required})",
        "the header row of sheet {sheet} has no '{column}' column; add it (required: {required})",
    ),
    "sheets.empty_cell": ("{column} 칸이 비어 있다; 값을 쓴다", "the {column} cell is empty; fill it in"),
    "sheets.not_number": (
        "{column} 열의 '{value}'은(는) 숫자가 아니다 (50, 2.5, 6,065처럼 쓴다)",
        "'{value}' in column {column} is not a number (write 50, 2.5 or 6,065)",
    ),
    "sheets.one_of": (
        "{column}은(는) {allowed} 중 하나여야 한다 ('{got}'이 아니라){hint}",
        "{column} must be one of {allowed}, not '{got}'{hint}",
    ),
    "sheets.duplicate_key": (
        "키 '{key}'가 두 번 있다 (처음: {first}); 하나를 지운다",
        "key '{key}' appears twice (first at {first}); remove one",
    ),
    "sheets.unknown_key": (
        "알 수 없는 키 '{key}'{hint}; 키는 {keys}, 그리고 emphases.1.text, emphases.1.text_en 등이다",
        "unknown key '{key}'{hint}; the keys are {keys}, and emphases.1.text, emphases.1.text_en, …",
    ),
    "sheets.bad_any_of": (
        "'any_of'의 '{part}'을(를) 읽을 수 없다: 한 묶음의 대안은 '|'로, 묶음은 ';'로 나눈다 (a | b; c | d)",
        "cannot read '{part}' in 'any_of': separate the alternatives of a group with '|' and the groups with ';' (a | b; c | d)",
    ),
    "sheets.unknown_node": (
        "알 수 없는 노드 '{node}'{hint}; nodes 시트에 정의하거나 id를 고친다",
        "unknown node '{node}'{hint}; define it in the nodes sheet or fix the id",
    ),
    "sheets.unknown_field": (
        "알 수 없는 분야 '{field}'{hint}; fields 시트에 정의하거나 id를 고친다",
        "unknown field '{field}'{hint}; define it in the fields sheet or fix the id",
    ),
    "sheets.link_not_in_nodes": (
        "nodes 시트에서 '{node}'의 'requires', 'any_of', 'supported_by'에 '{target}'이(가) 없다; 거기에 추가하거나 이 행을 지운다",
        "'{node}' has no link to '{target}' in its 'requires', 'any_of' or 'supported_by' in the nodes sheet; add it there or remove this row",
    ),
    "sheets.link_relation": (
        "'{node}' → '{target}' 연결은 nodes 시트에서 {relation}인데 여기서는 {written}이다; relation을 고치거나 비운다",
        "the link '{node}' → '{target}' is in {relation} in the nodes sheet, not {written}; correct relation or leave it empty",
    ),
    "sheets.duplicate_row": (
        "같은 연결의 행이 두 번 있다 (처음: {first}); 하나로 합친다",
        "a second row for the same link (first at {first}); merge them into one",
    ),
    "sheets.no_statement": (
        "'{owner}'에 해당하는 서술이 없다; roadmap 또는 fields 시트에 그 글을 먼저 쓴다",
        "there is no statement '{owner}'; write its text in the roadmap or fields sheet first",
    ),
    "sheets.bad_owner": (
        "owner '{owner}'을(를) 읽을 수 없다: 노드 id, '노드 > 대상'(연결), '노드 #2'(목표), 'field:ai', 'field:ai.focus', decision, framing, use, review, emphases.1 중 하나로 쓴다",
        "cannot read owner '{owner}': write a node id, 'node > target' (a link), 'node #2' (a target), "
        "'field:ai', 'field:ai.focus', decision, framing, use, review or emphases.1",
    ),
    "sheets.no_target": (
        "'{node}'에는 {number}번째 목표가 없다 (targets 시트에 {count}개); 번호를 고친다",
        "'{node}' has no target {number} (it has {count} in the targets sheet); correct the number",
    ),
    "sheets.what_source": ("출처", "source"),
    "sheets.duplicate_id": (
        "{what} id '{id}'가 두 번 정의되어 있다 (처음: {first}); 하나의 이름을 바꾼다",
        "{what} id '{id}' is defined twice (first at {first}); rename one",
    ),
    "sheets.xlsx_missing": (
        "XLSX 파일을 쓰려면 openpyxl이 필요하다: pip install 'roadmap-graph[xlsx]'; 또는 --format csv로 내보낸다",
        "writing an XLSX file needs openpyxl: pip install 'roadmap-graph[xlsx]'; or export with --format csv",
    ),
    "sheets.evidence": (
        "xlsx와 csv 내보내기는 로드맵을 쓰인 그대로 (모든 연결과 그 근거를) 싣는다; --evidence stated 없이 실행한다",
        "the xlsx and csv exports carry the roadmap as written (every link with its provenance); run them without --evidence stated",
    ),
    # --- problems across the loaded files: references, layers, cycles ----------------------
    "check.converges_itself": (
        "분야 '{field}'가 자기 자신과 융합한다고 되어 있다; 선언된 다른 분야를 적는다: {fields}",
        "field '{field}' converges with itself; name another declared field: {fields}",
    ),
    "check.converges_unknown": (
        "분야 '{field}'가 알 수 없는 분야 '{other}'와 융합한다고 되어 있다{hint}; 선언된 다른 분야를 적는다: {fields}",
        "field '{field}' converges with the unknown field '{other}'{hint}; name another declared field: {fields}",
    ),
    "check.field_undeclared": (
        "노드 '{node}'의 분야 '{field}'가 선언되지 않았다{hint}; 'fields:'에 선언하거나 다음 중 하나를 쓴다: {fields}",
        "node '{node}' is in field '{field}', which is not declared{hint}; declare it under 'fields:' or use one of: {fields}",
    ),
    "check.none_declared": ("(선언 없음)", "(none declared)"),
    "check.category_not_measure": (
        "{kind} '{node}'에 'category'가 있다; 'category'는 생태계 조성방안만 가진다",
        "the {kind} '{node}' has a 'category'; only an ecosystem measure has one",
    ),
    "check.unknown_source": (
        "알 수 없는 출처 '{source}'{hint}; roadmap.sources에 추가하거나 다음 중 하나를 쓴다: {sources}",
        "unknown source '{source}'{hint}; add it to roadmap.sources or use one of: {sources}",
    ),
    "check.measure_is_leaf": (
        "'{node}'은(는) 생태계 조성방안이고, 조성방안은 끝 노드라 '{key}'가 없다; 대신 지원하는 기술의 'supported_by'에 이 방안을 적는다",
        "'{node}' is an ecosystem measure, and a measure is a leaf: it has no '{key}'; instead, name it in the 'supported_by' of the technologies it supports",
    ),
    "check.empty_any_of": ("빈 'any_of' 묶음; 대안을 하나 이상 적는다", "an empty 'any_of' group; list at least one alternative"),
    "check.link_twice": (
        "'{node}'이(가) '{target}'을(를) 두 번 적었다 ({first}와 {second}); 연결은 한 번만 쓴다: 뜻한 것 하나를 남긴다",
        "'{node}' names '{target}' twice (in {first} and {second}); a link can be written once: keep the one you mean",
    ),
    "check.self_link": ("'{node}'이(가) {key}에 자기 자신을 적었다; 지운다", "'{node}' names itself in {key}; remove it"),
    "check.unknown_node": (
        "'{node}'의 {key}에 알 수 없는 노드 '{target}'{hint}; 'nodes:'에 정의하거나 id를 고친다",
        "unknown node '{target}' in {key} of '{node}'{hint}; define it under 'nodes:' or fix the id",
    ),
    "check.supported_by_not_measure": (
        "'{node}'의 'supported_by'에 {kind} '{target}'이(가) 있다; 'supported_by'에는 생태계 조성방안만 적는다: 'requires'로 옮긴다",
        "'{node}' lists the {kind} '{target}' in 'supported_by'; 'supported_by' names ecosystem measures only: move it to 'requires'",
    ),
    "check.requires_mission": (
        "'{node}'이(가) 임무 '{target}'을(를) 요구한다; 임무는 로드맵의 맨 위라 아무것도 임무를 요구할 수 없다. 그 임무가 필요로 하는 기술에 연결한다",
        "'{node}' requires the mission '{target}'; nothing may require a mission: missions are the top of the roadmap. Link to the technology that mission needs instead",
    ),
    "check.measure_in_requires": (
        "'{node}'의 '{key}'에 생태계 조성방안 '{target}'이(가) 있다; 조성방안은 요구사항이 아니다: 'supported_by'로 옮긴다",
        "'{node}' names the ecosystem measure '{target}' in '{key}'; a measure is not a requirement: move it to 'supported_by'",
    ),
    "check.cycle": (
        "요구 순환: {cycle}; 로드맵의 요구는 되돌아 돌면 안 된다: 이 연결 중 하나를 지우거나 방향을 바꾼다",
        "requirement cycle: {cycle}; a roadmap's requirements must not loop back: remove or reverse one of these links",
    ),
    "check.silenced_twice": (
        "'{owner}'의 ignore에 규칙 {code}가 두 번 있다; 사유와 함께 한 번만 쓴다",
        "rule {code} is silenced twice in the ignore of '{owner}'; silence it once, with one reason",
    ),
    "check.at_path": ("{path}: {message}", "{path}: {message}"),
    # --- errors of options and ids, and hints --------------------------------------------
    "hint.did_you_mean": (" ('{choice}'을(를) 뜻했나?)", " (did you mean '{choice}'?)"),
    "hint.did_you_mean_several": (" ('{choices}' 또는 '{last}'을(를) 뜻했나?)", " (did you mean '{choices}' or '{last}'?)"),
    "error.lang": ("언어 '{lang}'는 없다; 쓸 수 있는 언어: {langs}", "no language '{lang}'; languages: {langs}"),
    "error.unknown_node": ("로드맵에 노드 '{node}'가 없다{hint}", "no node '{node}' in the roadmap{hint}"),
    "error.unknown_node_of_kind": (
        "로드맵에 노드 '{node}'가 없다{hint}; {kinds}: {choices}",
        "no node '{node}' in the roadmap{hint}; {kinds}: {choices}",
    ),
    "error.wrong_kind": ("'{node}'은(는) {kind}이지 {wanted}이(가) 아니다; {kinds}: {choices}", "'{node}' is a {kind}, not a {wanted}; {kinds}: {choices}"),
    "error.unknown_field": ("로드맵에 분야 '{field}'가 없다{hint}; 분야: {fields}", "no field '{field}' in the roadmap{hint}; fields: {fields}"),
    "error.two_fields": ("두 개의 서로 다른 분야를 적어야 한다 ({fields}이(가) 아니라)", "fields must name two different fields, not {fields}"),
    "error.needs_two_fields": ("융합 지도에는 분야가 두 개 필요한데 로드맵에는 {fields}뿐이다", "the convergence map needs two fields; the roadmap has {fields}"),
    "error.unknown_rule": ("'{pattern}'에 맞는 점검 규칙이 없다; 규칙: {rules}", "no gap rule matches '{pattern}'; rules: {rules}"),
    "error.fail_on": ("fail_on은 'error'나 'warning'이어야 한다 ({value}이(가) 아니라)", "fail_on must be 'error' or 'warning', not {value}"),
    "error.unknown_choice": ("{what} '{value}'는 없다{hint}; 쓸 수 있는 값: {choices}", "no {what} '{value}'{hint}; choose one of: {choices}"),
    "error.figure_needs_mission": ("체인 그림에는 임무가 필요하다: --mission ID를 준다", "the chain figure needs a mission: give --mission ID"),
    "error.mission_only_for_chain": ("--mission은 체인 그림에만 쓴다", "--mission goes with the chain figure"),
    "error.figure_format": (
        "'{path}'의 형식을 알 수 없다: 파일 이름을 {formats} 중 하나로 끝낸다",
        "cannot tell the format of '{path}': end the file name in {formats}",
    ),
    "error.pandas": ("to_frame()에는 pandas가 필요한데 설치되어 있지 않다: pip install pandas", "to_frame() needs pandas, which is not installed: pip install pandas"),
    "error.what_figure": ("그림", "figure"),
    "error.what_format": ("내보내기 형식", "export format"),
    "error.what_columns": ("열 종류", "columns"),
    "error.what_labels": ("이름표 방식", "labels"),
    "error.what_table": ("표", "table"),
    # --- outputs: why a file could not be written (the writer) ----------------------------
    "output.cannot_write": ("{path}에 쓸 수 없다: {reason}", "cannot write {path}: {reason}"),
    "output.input_file": (
        "{path}에 쓰지 않는다: 읽어 들인 로드맵 파일 {source}이다; 다른 출력 경로를 고른다",
        "refusing to write {path}: it is the input roadmap file {source}; choose another output path",
    ),
    "output.folder_is_file": (
        "{path}은(는) 파일이다; {what}에는 폴더를 준다",
        "{path} is a file; give a folder for the {what}",
    ),
    "output.file_is_folder": (
        "{path}에 쓰지 않는다: 폴더다; 파일 경로를 준다",
        "refusing to write {path}: it is a folder; give a file path",
    ),
    "output.not_regular": (
        "{path}에 쓰지 않는다: 일반 파일이 아니라 {kind}이다; 다른 출력 경로를 고른다",
        "refusing to write {path}: it is a {kind}, not a regular file; choose another output path",
    ),
    "output.link_refused": (
        "{path}에 쓰지 않는다: 심볼릭 링크다; 이 파일 이름은 roadmap-graph가 정하므로 링크가 가리키는 곳에 쓰지 않는다; 링크를 지우거나 다른 폴더를 고른다",
        "refusing to write {path}: it is a symbolic link, and roadmap-graph chose this file name itself, so it does not write where the link points; remove the link or choose another folder",
    ),
    "output.not_finite": (
        "{where}에 {value}이(가) 있다: JSON에는 NaN과 무한대를 쓸 수 없다; 유한한 수로 고치거나 값을 뺀다",
        "{where} holds {value}: JSON cannot carry NaN or infinity; make it a finite number or leave the value out",
    ),
    "output.xml_replaced": (
        "roadmap-graph: XML 1.0에 쓸 수 없는 문자 {count}개를 바꿨다: 제어 문자 U+0000~U+001F는 유니코드 제어 그림 U+2400~U+241F로, U+FFFE, U+FFFF와 짝 없는 서로게이트는 U+FFFD로",
        "roadmap-graph: {count} characters XML 1.0 cannot hold were replaced: control characters U+0000 to U+001F by their Unicode control pictures U+2400 to U+241F, U+FFFE, U+FFFF and lone surrogates by U+FFFD",
    ),
    "output.xml_name_clash": (
        "{first}와(과) {second}는 XML에 쓸 수 없는 문자를 바꾸면 둘 다 {name}이(가) 된다; 하나를 고친다",
        "{first} and {second} both become {name} once the characters XML cannot hold are replaced; change one of them",
    ),
    "output.kind_char_device": ("문자 장치", "character device"),
    "output.kind_block_device": ("블록 장치", "block device"),
    "output.kind_fifo": ("FIFO(이름 있는 파이프)", "FIFO (named pipe)"),
    "output.kind_socket": ("소켓", "socket"),
    "output.kind_other": ("특수 파일", "special file"),
    "output.parent_is_file": (
        "{path}에 쓸 수 없다: {parent}은(는) 폴더가 아니라 파일이다",
        "cannot write {path}: {parent} is a file, not a folder",
    ),
    "output.cannot_make_folder": (
        "{path}에 쓸 수 없다: 폴더 {folder}을(를) 만들 수 없다: {reason}",
        "cannot write {path}: cannot make the folder {folder}: {reason}",
    ),
    "output.foreign_folder": (
        "{path}은(는) 비어 있지 않고 roadmap-graph가 만든 폴더가 아니다; 다른 폴더를 고르거나 --force로 그래도 쓴다",
        "{path} is not empty and was not made by roadmap-graph; choose another folder, or pass --force to write there anyway",
    ),
    "output.what_report": ("보고서", "report"),
    "output.what_export": ("{format} 내보내기", "{format} export"),
    # --- the command line --------------------------------------------------------------------
    "cli.valid": ("문제 없음: {names}: 노드 {nodes}개, 연결 {links}개", "ok: {names}: {nodes} nodes, {links} links, no problems"),
    "cli.bundled": ("내장 로드맵", "bundled roadmap"),
    "cli.more_problems": (
        "… 그리고 문제 {rest:,}개 더 (모두 {total:,}개); --max-problems 0이면 모두 보인다",
        "… and {rest:,} more problems ({total:,} in all); --max-problems 0 shows all",
    ),
    "cli.wrote": ("{path} 작성", "wrote {path}"),
    "init.exists": (
        "{path}이(가) 이미 있습니다. init은 어떤 파일도 덮어쓰지 않습니다: 빈 폴더를 지정하세요 (roadmap-graph init 새폴더).",
        "{path} already exists; init never replaces a file: name an empty folder (roadmap-graph init new_folder).",
    ),
    "init.not_a_folder": ("{path}은(는) 폴더가 아니라 파일입니다: 폴더를 지정하세요.", "{path} is a file, not a folder: name a folder."),
    "init.next": (
        "시작용 로드맵을 만들었습니다: {roadmap} (편집기용 스키마: {schema})\n"
        "다음 단계:\n"
        "  roadmap-graph validate {roadmap}\n"
        "  roadmap-graph -g {roadmap} chain ai_mission_trust\n"
        "  roadmap-graph -g {roadmap} gaps\n"
        "  roadmap-graph -g {roadmap} report -o {folder}/report",
        "Wrote a starter roadmap: {roadmap} (its schema for editors: {schema})\n"
        "Next:\n"
        "  roadmap-graph validate {roadmap}\n"
        "  roadmap-graph -g {roadmap} chain ai_mission_trust\n"
        "  roadmap-graph -g {roadmap} gaps\n"
        "  roadmap-graph -g {roadmap} report -o {folder}/report",
    ),
    "cli.step": ("… {step}", "… {step}"),
    "cli.internal_error": (
        "내부 오류: {error}\nroadmap-graph의 버그다; ROADMAP_GRAPH_DEBUG=1로 다시 실행해 자세한 내용을 보고한다.",
        "internal error: {error}\nThis is a bug in roadmap-graph; run again with ROADMAP_GRAPH_DEBUG=1 for the details and report them.",
    ),
    # --- figures -------------------------------------------------------------------------------
    "fig.requires": ("요구", "requires"),
    "fig.alternatives": ("대안: 호로 묶인 연결 중 하나면 충분", "alternatives: any one of the links the arc ties suffices"),
    "fig.supported_by": ("지원 (생태계 조성방안)", "supported by (measure)"),
    "fig.cross_field": ("분야 간 연결", "cross-field link"),
    "fig.gateway": ("길목기술", "gateway"),
    "fig.bottleneck": ("병목 기술", "bottleneck"),
    "fig.highlight": ("강조", "highlighted"),
    "fig.inferred_link": ("추론된 연결 (원문에 없음)", "inferred link (not stated)"),
    "fig.gateway_of_mission": ("이 임무의 길목기술", "gateway of this mission"),
    "fig.measures_column": ("생태계 조성방안", "Ecosystem measures"),
    "fig.convergence_title": ("{a} ↔ {b} 융합 지도", "{a} ↔ {b} convergence map"),
    "fig.convergence_point": ("융합 지점", "convergence point"),
    "fig.cross_field_link": ("분야 간 연결 (의존 → 선행)", "cross-field link (dependent → prerequisite)"),
    "fig.other_nodes": ("그 밖의 노드", "other nodes"),
    "fig.serves_n": ("임무 {k}개에 기여", "serves {k} mission(s)"),
    "fig.n_measures": ("조성방안 수", "number of measures"),
    "fig.in_chain": ("체인에 포함", "in the chain"),
    "fig.gap": ("공백 (없음)", "gap (none)"),
    "fig.measure_category": ("조성방안 범주", "measure category"),
    "fig.technology": ("기술", "technology"),
    "fig.missions": ("임무", "missions"),
    # --- the HTML report ---------------------------------------------------------------------
    "report.sources": ("출처 원문", "Source quotes"),
    "report.explorer": ("대화형 탐색기 열기", "Open the interactive explorer"),
    "report.generated": ("roadmap-graph가 만든 보고서", "Report made by roadmap-graph"),
    "report.no_source": ("(출처 없음)", "(no source)"),
    "report.sort_hint": ("열 제목을 누르면 정렬됩니다.", "Click a column title to sort."),
    "report.field": ("분야", "field"),
    "report.source_texts": ("출처 문서 전문", "Source texts"),
    "report.in_text": ("원문에서 보기", "see it in the text"),
    "report.not_in_text": ("원문에서 찾지 못함", "not found in the text"),
    "report.origin": ("문서의 출처·날짜", "where the text comes from"),
    "report.line": ("줄", "line"),
    "report.roadmap_entry": ("로드맵 전체", "the roadmap as a whole"),
    "report.quote_target": ("목표", "target"),
    "report.quote_link": ("연결 → {name} ({provenance})", "link → {name} ({provenance})"),
    "report.step_analysis": ("분석: {name}", "analysing: {name}"),
    "report.step_figure": ("그림: {name}", "drawing: {name}"),
    "report.step_build": ("만들기: {path}", "building {path}"),
    "report.step_write": ("쓰기: {path}", "writing {path}"),
    "report.figure_roadmap": ("로드맵", "the roadmap"),
    "report.figure_chain": ("선행 체인", "a prerequisite chain"),
    "report.figure_convergence": ("융합 지도", "the convergence map"),
    "report.figure_coverage": ("지원 범위", "the coverage matrix"),
    "report.figure_missing": ("(그림을 그리지 않았다: {reason})", "(no figure: {reason})"),
    # --- evidence: what rests on the source's words, what on inference (issue 10) ---------
    "evidence.stated": ("원문 명시", "stated"),
    "evidence.inferred": ("추론에 기댐", "rests on inference"),
    "evidence.mark": ("[추론에 기댐]", "[rests on inference]"),
    "col.evidence": ("근거", "evidence"),
    "col.stated_rank": ("원문 기준 순위", "rank on stated links"),
    "col.stated_missions": ("원문 기준 임무", "missions on stated links"),
    "col.gateway_depth": ("길목 유형", "gateway type"),
    "gateway_depth.deep": ("심층 (여러 경로가 만나는 곳)", "deep (where several paths meet)"),
    "gateway_depth.sole": ("유일한 직접 선행 (자명)", "sole direct requirement (trivial)"),
    "col.finding": ("결론 유형", "finding"),
    "col.conclusion": ("결론", "conclusion"),
    "col.nodes": ("노드", "nodes"),
    "note.evidence_chain": (
        "원문에 명시된 연결만으로는 이 임무의 체인에 들지 않는 노드 (추론된 연결로만 들어온다)",
        "not in this mission's chain on the ministry's stated links alone (only inferred links bring it in)",
    ),
    "note.evidence": (
        "이 표시가 붙은 결론은 추론된 연결을 빼면 성립하지 않거나 약해진다 (그림에서는 검은 점선 고리). '원문 명시'는 원문에 명시된 연결만으로도 성립하는 결론이다.",
        "marks a finding that fails or weakens when the inferred links are dropped (a dark dashed ring in the figures); \"stated\" marks one that holds on the ministry's stated links alone.",
    ),
    "fig.rests_on_inference": ("추론에 기댐 (원문 연결만으로는 성립하지 않음)", "rests on inference (fails on stated links)"),
    "fig.gateway_deep": ("길목기술: 여러 경로가 만나는 곳", "gateway where several paths meet"),
    "fig.gateway_trivial": ("길목기술: 임무가 직접 요구하는 유일한 기술", "gateway: a mission's only direct requirement"),
    "fig.bottleneck_top": ("병목 순위 (전체 {n}개 중 상위 {k}개)", "bottleneck rank (top {k} of {n} ranked)"),
    "fig.bottleneck_rule": (
        "병목 순위 (전체 {n}개 중 세 조건 모두 해당하고 임무 2개 이상이 의존하는 {k}개)",
        "bottleneck rank ({k} of {n} ranked: all three binding flags, 2+ missions)",
    ),
    "fig.inferred_support": ("추론된 지원 (원문에 없음)", "inferred support (not stated)"),
    "visual.sheet_nodes": ("노드: 모양은 종류, 색은 분야", "Nodes: shape is kind, colour is field"),
    "visual.sheet_field": ("분야", "field"),
    "visual.sheet_links": ("연결: 선 모양은 관계, 색조는 근거", "Links: line style is relation, tone is evidence"),
    "visual.sheet_marks": ("표시: 먹색, 모양으로 구별", "Marks: ink, told apart by shape"),
    "visual.sheet_changes": ("변경과 예산: 기호로 구별", "Changes and money: told apart by glyph"),
    "report.evidence_stated": (
        "이 보고서는 원문에 명시된 연결만으로 계산했다 (--evidence stated): 추론된 연결은 모두 뺐다.",
        "This report is computed on the stated links alone (--evidence stated): every inferred link is dropped.",
    ),
    "title.sensitivity": ("추론 민감도: 추론된 연결을 빼면 달라지는 결론", "Sensitivity: conclusions that change without inferred links"),
    "note.sensitivity": (
        "원문에 명시된 연결: 출처 인용문이 그 관계를 말하는 연결. 추론된 연결: 분석자가 읽어 낸 연결. 각 줄은 추론된 연결을 모두 뺐을 때 달라지는 결론이다.",
        "Stated links: a quoted sentence of the source states the relation. Inferred links: an analyst's reading. Each line is a conclusion that changes when every inferred link is dropped.",
    ),
    "sensitivity.none": ("추론된 연결을 빼도 달라지는 결론이 없다.", "No conclusion changes when the inferred links are dropped."),
    "sensitivity.none_stated_only": (
        "원문에 명시된 연결만으로 계산했다 (--evidence stated): 뺄 추론된 연결이 없다.",
        "Computed on the stated links alone (--evidence stated): there is no inferred link to drop.",
    ),
    "sensitivity.ranks": ("{rank}위다", "it ranks {rank}"),
    "sensitivity.unranked": ("순위에 들지 않는다", "it is not ranked"),
    "sensitivity.no_stated_need": (
        "{node}: 원문에 명시된 연결로는 아무것도 요구하지 않는다. 요구하는 노드({nodes})가 모두 추론된 연결이다.",
        "{node} needs nothing on the ministry's stated links: every requirement it has ({nodes}) is an inferred link.",
    ),
    "sensitivity.chain": (
        "{node}의 선행 체인 중 {n}개 노드는 추론된 연결로만 들어온다: {nodes}",
        "Only inferred links bring these into the chain of {node} ({n}): {nodes}",
    ),
    "sensitivity.bottleneck": (
        "{node}: 병목 상위 {top}위 안(순위 {rank})에 드는 것은 추론된 연결 덕분이다. 원문에 명시된 연결만으로는 {stated_rank}.",
        "{node} is a top-{top} bottleneck (rank {rank}) only through inferred links; on the ministry's stated links {stated_rank}.",
    ),
    "sensitivity.stated_bottleneck": (
        "{node}: 원문에 명시된 연결만으로는 병목 상위 {top}위 안(순위 {stated})에 들지만, 추론된 연결을 더하면 {rank}위로 밀린다.",
        "{node} is a top-{top} bottleneck (rank {stated}) on the ministry's stated links alone; inferred links push it down to rank {rank}.",
    ),
    "sensitivity.gateway": (
        "{node}: {nodes}의 길목기술이라는 결론은 추론된 연결에 기댄다.",
        "{node} is a gateway of {nodes} only through inferred links.",
    ),
    "sensitivity.stated_gateway": (
        "{node}: 원문에 명시된 연결만으로는 {nodes}의 길목기술이다 (추론된 연결이 우회로를 더한다).",
        "{node} is a gateway of {nodes} on the ministry's stated links alone (inferred links add a way around it).",
    ),
    "sensitivity.critical": (
        "{node}: 이 기술 하나의 실패로 달성할 수 없게 되는 임무({nodes})는 추론된 연결에 기댄 결론이다.",
        "Losing {node} alone makes {nodes} infeasible only through inferred links.",
    ),
    "sensitivity.stated_critical": (
        "{node}: 원문에 명시된 연결만으로는 이 기술 하나의 실패로 임무({nodes})를 달성할 수 없게 된다 (추론된 대안이 이를 막는다).",
        "On the ministry's stated links alone, losing {node} would make {nodes} infeasible (an inferred alternative covers for it).",
    ),
    "sensitivity.convergence": (
        "{node}: 여러 분야({nodes})의 임무를 잇는 융합 지점이라는 결론은 추론된 연결에 기댄다.",
        "{node} is a convergence point (serving missions of {nodes}) only through inferred links.",
    ),
    # --- the diff figure and the report's "changes since" section (issue 11) --------------
    "fig.diff_title": (
        "{title} — 노드 +{na} −{nr} ~{nc}, 연결 +{la} −{lr} ~{lc}",
        "{title} — nodes +{na} −{nr} ~{nc}, links +{la} −{lr} ~{lc}",
    ),
    "fig.diff_node_added": ("+ 추가된 노드", "+ node added"),
    "fig.diff_node_changed": ("~ 바뀐 노드 (속성·목표)", "~ node changed (attributes, targets)"),
    "fig.diff_node_removed": ("− 삭제된 노드 (흐리게)", "− node removed (ghosted)"),
    "fig.diff_link_added": ("+ 추가된 연결", "+ link added"),
    "fig.diff_link_changed": ("~ 바뀐 연결", "~ link changed"),
    "fig.diff_link_removed": ("− 삭제된 연결 (흐리게)", "− link removed (ghosted)"),
    # the portfolio figure, report section and explorer (issue 12, part C)
    "fig.portfolio_funded": ("₩ 사업이 지원하는 노드", "₩ funded by a programme"),
    "fig.portfolio_unfunded": ("지원 사업 없는 기술", "technology no programme funds"),
    "fig.portfolio_unfunded_gateway": ("! 지원 사업 없는 길목기술", "! gateway no programme funds"),
    "fig.portfolio_touching": ("체인에 닿는 예산 (touching)", "money touching the chain"),
    "fig.portfolio_apportioned": ("배분한 예산 (apportioned)", "money apportioned"),
    "fig.portfolio_flagged": ("표시된 임무 (부족·미지원)", "flagged mission (under-funded, unfunded)"),
    "fig.portfolio_flag_under": (
        "부족: 예산 {money} · 중요도 {importance}",
        "under-funded: {money} of money, {importance} of importance",
    ),
    "fig.portfolio_flag_unfunded": ("지원 사업 없음", "no programme behind it"),
    "report.portfolio_title": ("R&D 포트폴리오: 예산은 임무가 있는 곳에 있는가", "R&D portfolio: is the money where the missions are?"),
    "report.portfolio_nav": ("포트폴리오", "Portfolio"),
    "report.figure_portfolio": ("포트폴리오 그림", "the portfolio figure"),
    "report.portfolio_about": (
        "{title}: 사업 {programmes}개, 예산 단위 {unit}, {years}.",
        "{title}: {programmes} programme(s), money in {unit}, {years}.",
    ),
    "report.portfolio_unknown_money": (
        "예산이 공개되지 않은 사업 {count}개는 예산을 0으로 센다 (추정하지 않음).",
        "{count} programme(s) have no public budget: they count as 0 money (never guessed).",
    ),
    "report.portfolio_sources": ("사업별 출처", "Sources of each programme"),
    "cli.portfolio_file": (
        "포트폴리오 그림에는 포트폴리오 하나가 필요하다: draw portfolio FILE -o F",
        "the portfolio figure needs one portfolio: draw portfolio FILE -o F",
    ),
    "fig.portfolio_flag_unknown": ("예산 미공개 사업뿐", "only programmes of unknown money"),
    "fig.portfolio_money_axis": ("예산 ({unit})", "money ({unit})"),
    "fig.portfolio_years": ("{first}–{last}년", "{first}–{last}"),
    "fig.portfolio_bars_title": ("임무별 예산 {years}", "Money per mission {years}"),
    "fig.portfolio_unknown_money": (
        "예산이 공개되지 않은 사업 {count}개는 0으로 셈: {programmes}",
        "{count} programme(s) of unknown money counted as 0: {programmes}",
    ),
    "report.figure_diff": ("변경 그림", "the diff figure"),
    "report.changes_since": ("{title} 이후 변경", "Changes since {title}"),
    "report.changes_since_dated": ("{title} ({published}) 이후 변경", "Changes since {title} ({published})"),
    "report.changes_nav": ("변경 사항", "Changes"),
    "error.diff_only": (
        "{what}은(는) diff 그림에만 쓴다",
        "{what} goes with the diff figure only",
    ),
    # --- the explorer page -----------------------------------------------------------------
    "ui.search": ("노드 검색 (이름·영문명·ID)", "Search nodes (name, English name, id)"),
    "ui.no_results": ("결과 없음", "no results"),
    "ui.language": ("언어", "language"),
    "ui.language_name": ("한국어", "English"),  # each language's own name, on its switch button
    "ui.reset": ("초기화", "reset"),
    "ui.hint": (
        "임무를 누르면 선행 체인과 길목기술이, 기술이나 조성방안을 누르면 그 선행 노드(아래)와 그에 의존하는 임무(위)가 강조됩니다. 빈 곳을 누르면 처음으로 돌아갑니다. 축소하면 세부기술과 조성방안이 중점기술로 접힙니다.",
        "Click a mission to highlight its prerequisite chain and gateways; click a technology or measure to highlight its prerequisites (below) and the missions that depend on it (above). Click the background to reset. Zoomed out, enabling technologies and measures fold into their core technology.",
    ),
    "ui.legend": ("범례", "Legend"),
    "ui.edge_requires": ("A → B: A가 B를 요구", "A → B: A requires B"),
    "ui.edge_alternative": ("대체 가능 요구 (다음 중 하나)", "alternative requirement (one of)"),
    "ui.edge_support": ("지원 (생태계 조성방안)", "support (ecosystem measure)"),
    "ui.gateway_mark": ("굵은 테두리: 선택한 임무의 길목기술", "thick ring: gateway of the selected mission"),
    "ui.description": ("설명", "Description"),
    "ui.targets": ("목표", "Targets"),
    "ui.sources": ("출처 인용", "Source quotes"),
    "ui.category": ("유형", "category"),
    "ui.nodes_count": ("개 노드", "nodes"),
    "ui.dependent_missions": ("의존하는 임무", "Missions that depend on it"),
    "ui.gateway_of": ("길목기술인 임무", "Gateway of"),
    "ui.requires_list": ("요구하는 노드", "Requires"),
    "ui.required_by": ("이 노드를 요구하는 노드", "Required by"),
    "ui.note": ("비고", "note"),
    "ui.roadmap": ("로드맵", "Roadmap"),
    "ui.programmes": ("지원하는 사업", "Programmes funding it"),
    "ui.no_programme": ("지원하는 사업 없음", "no programme"),
    "ui.chain_programmes": ("체인을 지원하는 사업", "Programmes behind its chain"),
    "ui.unknown_money": ("예산 미공개", "money unknown"),
    "ui.portfolio": ("포트폴리오", "Portfolio"),
    # the explorer's visual language and interactions (issue 13)
    "ui.edge_inferred": ("회색 점선: 분석가가 추론한 연결", "grey, dashed: a link an analyst inferred"),
    "ui.edge_stated": ("검은 실선: 정부 문서에 명시된 연결", "black, solid: a link the ministry states"),
    "ui.edge_cross_field": ("주홍색: 분야를 잇는 연결", "vermillion: a link between two fields"),
    "ui.edge_alternative_mark": ("속이 빈 화살촉: 다음 중 하나 (대체 가능)", "hollow arrowhead: one of (alternatives)"),
    "ui.edge_folded": ("굵기: 접힌 연결의 수", "width: how many links are folded together"),
    "ui.selected_mark": ("노란 후광: 선택하거나 검색한 노드", "yellow halo: the node you selected or searched for"),
    "ui.deep_gateway_mark": ("굵은 테두리: 선택한 임무의 깊은 길목기술", "thick ring: a deep gateway of the selected mission"),
    "ui.trivial_gateway_mark": (
        "가는 테두리: 임무의 유일한 직접 요구라서 당연한 길목기술",
        "thin ring: a trivial gateway (the mission's only direct requirement)",
    ),
    "ui.dependent_mark": ("이중 테두리: 선택한 노드에 의존하는 노드 (위)", "double ring: depends on the selected node (above)"),
    "ui.prerequisite_mark": ("또렷한 노드: 선택한 노드의 선행 노드 (아래)", "full colour: a prerequisite of the selected node (below)"),
    "ui.fold_mark": ("+N: 축소 시 중점기술에 접힌 노드 수", "+N: nodes folded into a core technology when zoomed out"),
    "ui.prerequisites": ("선행 노드 (체인 아래)", "Prerequisites (its chain down)"),
    "ui.dependents_all": ("의존하는 노드 (위)", "Depends on it (up)"),
    "ui.in_selection": ("{n}개 강조", "{n} highlighted"),
    "ui.hidden_by_filters": ("{n}개 강조, {hidden}개는 필터로 숨겨짐", "{n} highlighted, {hidden} hidden by filters"),
    "ui.show_hidden": ("숨겨진 노드 보이기", "Show them"),
    "ui.fit_partial": (
        "읽을 수 있는 크기로는 전체가 화면에 들어가지 않아 선택한 노드와 가까운 {shown}개만 보여 줍니다 (전체 {n}개). 축소하면 전체가 보입니다.",
        "The selection does not fit at a readable size: showing the selected node and its nearest {shown} of {n}. Zoom out to see all of them.",
    ),
    "ui.folded_count": ("접힌 노드 {n}개", "{n} nodes folded in"),
    "ui.collapsed_note": (
        "축소 보기: 세부기술과 조성방안이 중점기술로 접혔습니다. 확대하면 보입니다.",
        "Zoomed out: enabling technologies and measures are folded into their core technology. Zoom in to see them.",
    ),
    # --- revision diff (roadmap-graph diff) ------------------------------------------------
    "title.diff": ("개정 비교", "Revision diff"),
    "title.diff_of": ("{old} → {new}: 바뀐 것과 그 파급", "{old} → {new}: what changed and what it changes"),
    "title.diff_summary": ("요약 (+ 추가, ~ 변경, − 삭제)", "Summary (+ added, ~ changed, − removed)"),
    "title.diff_nodes": ("노드", "Nodes"),
    "title.diff_links": ("연결", "Links"),
    "title.diff_other": ("분야와 로드맵 정보", "Fields and roadmap metadata"),
    "title.diff_missions": ("임무별 파급: 선행 사슬, 길목기술, 중복도 κ, 실현 가능성", "Missions affected: prerequisite chain, gateways, redundancy κ, feasibility"),
    "title.diff_bottlenecks": ("병목 순위가 {threshold}칸 넘게 움직였거나 표시 병목에 들고 난 기술", "Bottlenecks whose rank moved by more than {threshold}, or that entered or left the marked set"),
    "title.diff_convergence": ("융합 지점의 변화", "Convergence points gained and lost"),
    "title.diff_gaps": ("빈틈 점검 결과의 변화", "Gap findings new and resolved"),
    "title.diff_targets": ("목표의 강화·완화", "Targets tightened and loosened"),
    "note.diff_effects": (
        "파급: 실현 불가가 된 임무 {infeasible}, 순위가 {threshold}칸 넘게 움직인 병목 {moved}, 융합 지점 +{gained} −{lost}, "
        "빈틈 +{new_gaps} −{resolved}, 목표 강화 {tightened}·완화 {loosened}",
        "Effects: {infeasible} mission(s) became infeasible, {moved} bottleneck(s) moved more than {threshold} places, "
        "convergence points +{gained} −{lost}, gap findings +{new_gaps} −{resolved}, targets tightened {tightened}, loosened {loosened}",
    ),
    "note.diff_group": (
        "묶음: 'any_of' 대안 묶음의 번호(각 판에서 노드 안의 순서, 0부터); 비어 있으면 단독 요구나 지원이다. 묶음은 구성원으로 짝지어 비교한다.",
        "group: the 'any_of' group of alternatives (its place within the node in that version, from 0); empty for a plain requirement or support. Groups are matched by their members.",
    ),
    "note.diff_missions": (
        "실현 가능: 요구가 모두 세부기술까지 내려가는 임무(아래로 길이 없는 기술이 사슬에 있으면 실현 불가). κ: 임무를 모든 기반에서 끊는 데 드는 최소 노드 수.",
        "feasible: every requirement reaches down to enabling technologies (a technology with no path down makes the mission infeasible). κ: the fewest nodes whose loss cuts the mission off from every foundation.",
    ),
    "note.diff_targets": (
        "'이상' 목표는 값이 낮아지면, '최대' 목표는 값이 높아지면, 기한은 늦어지면 완화다; 목표를 빼면 완화, 더하면 강화다. 목표 유형이나 단위가 함께 바뀐 값은 비교할 수 없어 '변경'이다.",
        "For an at-least target a lower value is looser, for an up-to target a higher value; a later deadline is looser; a target removed is looser, one added tighter. A value whose bound or unit changed too cannot be ordered: changed.",
    ),
    "col.diff_part": ("항목", "what"),
    "col.diff_added": ("+ 추가", "+ added"),
    "col.diff_changed": ("~ 변경", "~ changed"),
    "col.diff_removed": ("− 삭제", "− removed"),
    "col.diff_where": ("대상", "where"),
    "col.diff_section": ("구분", "section"),
    "col.change": ("변화", "change"),
    "col.attribute": ("속성", "attribute"),
    "col.old": ("이전", "old"),
    "col.new": ("이후", "new"),
    "col.group": ("묶음", "group"),
    "col.chain_entered": ("사슬에 든 노드", "entered the chain"),
    "col.chain_left": ("사슬에서 빠진 노드", "left the chain"),
    "col.gateways_gained": ("새 길목기술", "gateways gained"),
    "col.gateways_lost": ("잃은 길목기술", "gateways lost"),
    "col.kappa_change": ("κ 이전 → 이후", "κ old → new"),
    "col.feasible_change": ("실현 가능 이전 → 이후", "feasible old → new"),
    "col.old_rank": ("이전 순위", "old rank"),
    "col.new_rank": ("이후 순위", "new rank"),
    "diffpart.nodes": ("노드", "nodes"),
    "diffpart.links": ("연결", "links"),
    "diffpart.fields": ("분야", "fields"),
    "diffpart.roadmap": ("로드맵 정보", "roadmap metadata"),
    "diffpart.missions_affected": ("파급이 미친 임무", "missions affected"),
    "change.added": ("+ 추가", "+ added"),
    "change.removed": ("− 삭제", "− removed"),
    "change.changed": ("~ 변경", "~ changed"),
    "change.moved": ("~ 순위 이동", "~ rank moved"),
    "change.entered_top": ("+ 표시 병목에 듦", "+ now a marked bottleneck"),
    "change.left_top": ("− 표시 병목에서 빠짐", "− no longer a marked bottleneck"),
    "change.gained": ("+ 새로 생김", "+ gained"),
    "change.lost": ("− 사라짐", "− lost"),
    "change.new": ("+ 새 결과", "+ new"),
    "change.resolved": ("− 해소", "− resolved"),
    "change.tightened": ("▲ 강화", "▲ tightened"),
    "change.loosened": ("▼ 완화", "▼ loosened"),
    "word.before_after": ("{old} → {new}", "{old} → {new}"),
    "word.version": ("{title} ({id})", "{title} ({id})"),
    "word.yes": ("예", "yes"),
    "word.no": ("아니오", "no"),
    "error.what_fail_on": ("--fail-on 조건", "--fail-on condition"),
    "cli.diff_failed": ("검토 관문 조건이 성립했다 (--fail-on): {conditions}", "review gate conditions hold (--fail-on): {conditions}"),
    "cli.diff_no_graph": (
        "diff는 -g를 쓰지 않는다: 두 판을 OLD NEW 또는 --old/--new로 준다",
        "diff does not take -g: give the two versions as OLD NEW, or --old and --new",
    ),
    "cli.diff_sides": (
        "비교할 두 판이 필요하다: OLD NEW 두 인자, 또는 --old/--new를 준다",
        "two versions are needed: give OLD and NEW, or --old and --new",
    ),
    # --- portfolio: an R&D portfolio laid over the roadmap (analyses/portfolio.py) ----------
    "title.portfolio": ("R&D 포트폴리오", "R&D portfolio"),
    "title.portfolio_of": ("{title} ({id}): {years}, 단위 {unit}", "{title} ({id}): {years}, in {unit}"),
    "portfolio.years": ("{first}–{last}년", "{first}–{last}"),
    "portfolio.no_years": ("예산 연도 없음", "no budget year"),
    "title.portfolio_missions": ("임무별 재원 ({unit})", "Money per mission ({unit})"),
    "note.portfolio_missions": (
        "관련 재원: 임무의 선행 체인에 든 노드를 하나라도 지원하는 사업의 예산 합계(여러 임무에 겹쳐 셈). "
        "배분 재원: 사업 예산을 지원 노드에 (지정 비율, 없으면 균등) 나누고, 각 노드의 몫을 그 노드를 체인에 둔 "
        "임무들에 균등하게 나눈 값(모든 임무의 합 = 임무에 닿는 재원). 중요도: 체인에 든 기술마다 1을 그 기술을 "
        "체인에 둔 임무 수로 나눠 더한 값. 재원 비중이 중요도 비중의 절반 미만이면 과소, 두 배 초과면 과다.",
        "touching: the money of the programmes funding any node of the mission's chain (counted for each mission "
        "they touch). apportioned: each programme's money split over its funded nodes (its shares, else equally), "
        "then each node's part equally over the missions whose chain holds it (over all missions it adds up to the "
        "money reaching any mission). importance: for each technology of the chain, 1 divided by the number of "
        "missions whose chain holds it, summed. under: money share below half the importance share; over: above "
        "double.",
    ),
    "note.portfolio_unknown": (
        "{note} 예산을 공개 출처로 확인할 수 없는 사업(0으로 셈): {programmes}.",
        "{note} Programmes whose money no public source gives (counted as 0): {programmes}.",
    ),
    "title.portfolio_unfunded": ("지원 사업이 없는 기술", "Technologies no programme funds"),
    "note.portfolio_unfunded": (
        "임무의 길목기술인 것부터(여러 임무의 길목인 것 먼저). 병목 순위: bottlenecks 명령의 순위. "
        "단독실패 임무: 이 기술 하나가 실패하면 달성할 수 없는 임무의 수(CSV와 JSON에는 그 임무들).",
        "Gateways of some mission first (of the most missions first). bottleneck rank: the rank in the "
        "bottlenecks command. critical for: how many missions its failure alone makes infeasible (CSV and "
        "JSON list them).",
    ),
    "portfolio.none_unfunded": ("모든 기술에 지원 사업이 있다.", "Every technology has a programme behind it."),
    "title.portfolio_orphans": ("어느 임무에도 닿지 않는 사업", "Programmes that serve no mission"),
    "portfolio.none_orphans": ("모든 사업이 어떤 임무의 체인에 닿는다.", "Every programme reaches some mission's chain."),
    "title.portfolio_timing": ("시기: 임무 기한과 어긋나는 사업", "Timing: programmes out of step with their missions' deadlines"),
    "note.portfolio_timing": (
        "임무 기한은 목표의 가장 늦은 기한. 기한 전 종료: 사업이 임무 기한보다 먼저 끝난다. 기한 후 시작: 사업이 "
        "임무 기한 뒤에 시작한다.",
        "A mission's deadline is the latest deadline of its targets. ends before: the programme ends before the "
        "mission's deadline; starts after: it starts after it.",
    ),
    "portfolio.none_timing": ("기한과 어긋나는 사업이 없다.", "No programme is out of step with a deadline."),
    "title.portfolio_dry": ("재원 공백 연도", "Years without money"),
    "note.portfolio_dry": (
        "선택한 연도 가운데 임무 기한까지, 임무의 체인을 지원하는 어느 사업에도 예산이 없는 해. 지원 사업이 전혀 "
        "없는 임무는 모든 해가 공백이라 여기서 뺀다.",
        "The selected years, up to the mission's deadline, in which no programme funding the mission's chain has "
        "money. Missions with no programme at all are dry every year and left out here.",
    ),
    "portfolio.none_dry": ("지원받는 임무마다 해마다 재원이 있다.", "Every funded mission has money every year."),
    "title.portfolio_programmes": ("사업 ({unit})", "Programmes ({unit})"),
    "note.portfolio_programmes": (
        "예산: 선택한 연도의 합계. 근거: 원문은 인용된 출처가 사업과 노드를 잇는다, 추론은 분석가의 판단.",
        "money: summed over the selected years. provenance: stated, a quoted source ties the programme to these "
        "nodes; inferred, an analyst's reading.",
    ),
    "title.portfolio_by_technology": ("노드별 배분 재원 ({unit})", "Money per funded node ({unit})"),
    "note.portfolio_by_technology": (
        "사업 예산을 지원 노드에 (지정 비율, 없으면 균등) 나눈 몫의 합계.",
        "Each programme's money split over the nodes it funds (its shares, else equally), summed per node.",
    ),
    "portfolio.none_funded": ("지원받는 노드가 없다.", "No node is funded."),
    "title.portfolio_by_field": ("분야별 재원 ({unit})", "Money per field ({unit})"),
    "note.portfolio_by_field": (
        "지원 노드에 나눈 몫을 노드의 분야별로 더한 값.",
        "The money apportioned to the funded nodes, summed by the nodes' field.",
    ),
    "title.portfolio_by_year": ("연도별 재원 ({unit})", "Money per year ({unit})"),
    "note.portfolio_by_year": (
        "예산: 그해 모든 사업의 예산 합계. 임무 열: 그해 임무의 체인을 지원하는 사업의 예산 합계(관련 재원).",
        "money: every programme's budget that year. A mission's column: the budgets that year of the programmes "
        "funding its chain (touching).",
    ),
    "col.touching": ("관련 재원", "touching"),
    "col.apportioned": ("배분 재원", "apportioned"),
    "col.money_share": ("재원 비중", "money share"),
    "col.importance": ("중요도", "importance"),
    "col.importance_share": ("중요도 비중", "importance share"),
    "col.alignment": ("정합성", "alignment"),
    "col.unfunded_gateways": ("미지원 길목기술", "unfunded gateways"),
    "col.programmes": ("사업", "programmes"),
    "col.programme": ("사업", "programme"),
    "col.gateway_of": ("길목인 임무", "gateway of"),
    "col.bottleneck_rank": ("병목 순위", "bottleneck rank"),
    "col.money": ("예산", "money"),
    "col.funds": ("지원 노드", "funds"),
    "col.ministry": ("부처", "ministry"),
    "col.timing": ("시기", "timing"),
    "col.year": ("연도", "year"),
    "col.dry_years": ("공백 연도", "years without money"),
    "alignment.under": ("과소", "under"),
    "alignment.over": ("과다", "over"),
    "alignment.in_line": ("균형", "in line"),
    "alignment.unfunded": ("미지원", "unfunded"),
    "timing.ends_before": ("기한 전 종료", "ends before"),
    "timing.starts_after": ("기한 후 시작", "starts after"),
    "error.years": (
        "연도 범위 '{value}'를 읽을 수 없다; 2024-2030처럼 앞 연도가 뒤 연도보다 크지 않게, 또는 2025처럼 한 해를 준다",
        "cannot read the year range '{value}'; give two years, first no later than last, as 2024-2030, or one year, as 2025",
    ),
    "error.what_view": ("보기", "view"),
    # the overview of a large roadmap (figures/overview.py) and the report at scale
    "fig.overview_folded": ("+기반기술 {enabling} · 조성방안 {measures}", "+{enabling} enabling · {measures} measures"),
    "fig.overview_marks": ("그 아래 길목기술 {gateways} · 병목 {bottlenecks}", "below: {gateways} gateways · {bottlenecks} bottlenecks"),
    "fig.overview_no_mission": ("어느 임무도 직접 요구하지 않는 핵심기술", "core technologies no mission requires directly"),
    "fig.overview_also": ("이 임무가 함께 요구: {names}", "this mission also requires: {names}"),
    "fig.overview_more": (" 외 {n}개", " and {n} more"),
    "fig.overview_hidden": (
        "핵심기술 {total}개 중 {shown}개 (그 아래가 큰 순); 나머지 아래: 기반기술 {enabling} · 조성방안 {measures}",
        "{shown} of {total} core technologies shown (largest first); below the rest: {enabling} enabling · {measures} measures",
    ),
    "fig.overview_loose": (
        "어느 핵심기술 아래에도 없는 노드: 기반기술 {enabling} · 조성방안 {measures}",
        "under no core technology: {enabling} enabling · {measures} measures",
    ),
    "fig.overview_subtitle": (
        "개요: 노드 {nodes}개 (임무 {missions} · 핵심기술 {cores} · 기반기술 {enabling} · 조성방안 {measures}); "
        "기반기술과 조성방안은 가장 가까운 핵심기술 아래 개수로 접었다",
        "Overview: {nodes} nodes ({missions} missions · {cores} core technologies · {enabling} enabling · "
        "{measures} measures); enabling technologies and measures are folded, as counts, under their nearest core technology",
    ),
    "fig.overview_bar": ("막대: 그 아래 기반기술 (진하게) · 조성방안 (옅게)", "bar: enabling (dark) and measures (light) below it"),
    "fig.overview_deep_gateway": ("깊은 길목기술 (굵은 테)", "deep gateway (thick ring)"),
    "fig.overview_trivial_gateway": ("임무의 유일한 핵심기술 (가는 테)", "a mission's only core technology (thin ring)"),
    "fig.overview_bottleneck_rank": (
        "숫자: 병목 순위 (순위 {total}개 중 표시한 {shown}개)", "number: bottleneck rank (the {shown} marked of {total} ranked)"
    ),
    "fig.overview_cross": (
        "분야 간 요구 연결, 굵기 = 연결 수 (쌍 {total}개 중 상위 {shown}개, 연결 {links}개)",
        "cross-field requirement links, width = count (top {shown} of {total} pairs, {links} links)",
    ),
    "fig.convergence_title_many": ("{fields} 융합 지도", "{fields} convergence map"),
    "fig.convergence_serves": ("{fields}의 임무 {missions}개에 기여", "serves {missions} missions of {fields}"),
    "fig.convergence_cutoff": (
        "융합 지점 {total}개 중 상위 {shown}개 (기술 먼저, 기여하는 분야가 많은 순, 분야 간 연결이 많은 순, 임무가 많은 순); 보인 지점 사이의 분야 간 요구 연결 {links}개 (전체 {all_links}개). 전체: roadmap-graph convergence --format csv",
        "The top {shown} of {total} convergence points (technologies first; most fields served, most cross-field "
        "links, most missions); {links} of the "
        "{all_links} cross-field requirement links run between them. All: roadmap-graph convergence --format csv",
    ),
    "report.figure_overview": ("로드맵 개요", "the roadmap overview"),
    "report.overview_note": (
        "노드 {nodes}개의 전체 계층 그림은 쪽 너비에서 읽을 수 없어 개요와, 쪽 너비에서 읽을 수 있는 분야별 계층 그림 {fields}개를 보인다. 전체 그림: roadmap-graph draw roadmap -o roadmap.svg",
        "The full layered figure of {nodes} nodes cannot be read at page width, so the report shows an overview "
        "and {fields} per-field layered figures (those readable at page width). The full figure: "
        "roadmap-graph draw roadmap -o roadmap.svg",
    ),
    "report.runs_capped": (
        "{total}개 중 앞의 {shown}개를 보인다. 나머지: {command}",
        "Showing the first {shown} of {total}. The rest: {command}",
    ),
    "report.chain_figure_left_out": (
        "이 체인은 노드 {nodes}개라 쪽 너비의 그림으로 읽을 수 없어 그리지 않았다. 그리기: {command}",
        "This chain has {nodes} nodes, too many for a figure readable at page width; draw it with: {command}",
    ),
}

