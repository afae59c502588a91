"""roadmap-graph: mission-oriented R&D roadmaps as dependency graphs.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())      # the bundled roadmap (Ⅱ), AI and bio
>>> [n.id for n in rg.prerequisite_chain(G, "ai_mission_trustworthy").nodes][:2]
['ai_mission_trustworthy', 'ai_safe_trustworthy']
>>> rg.impact(G, ["cloud_optimization"]).infeasible_missions
('ai_mission_efficient_learning', 'bio_mission_health_data')
"""

from .analyses.bottlenecks import Bottleneck, bottlenecks
from .analyses.chain import Chain, ChainEdge, ChainNode, prerequisite_chain
from .analyses.convergence import Convergence, convergence
from .errors import (
    InvalidOptionError,
    Location,
    OutputError,
    OutputPathError,
    Problem,
    RoadmapGraphError,
    RoadmapLoadError,
    UnknownNodeError,
)
from .analyses.gaps import RULES, Finding, GapReport, find_gaps
from .analyses.gateways import Gateway, Gateways, gateways, redundancy
from .graph.build import to_networkx
from .fileformat.loading import load_roadmap, loads_roadmap
from .fileformat.model import FieldInfo, Link, Node, Roadmap, RoadmapInfo, Silence, Source, SourceRef, Target
from .fileformat.schema import json_schema
from .analyses.summary import MissionSummary, Summary, summarize
from .analyses.whatif import Criticality, Impact, criticality, feasible, impact
from .fileformat.writing import dump_roadmap

# Figures, exports and pages load matplotlib and friends: they are imported on first use, so
# ``import roadmap_graph`` and the text commands stay fast.
_LAZY = {
    "coverage_matrix": "figures.coverage",
    "explorer_html": "present.explorer",
    "export_graph": "present.export",
    "plot_chain": "figures.chain",
    "plot_convergence": "figures.convergence",
    "plot_coverage": "figures.coverage",
    "plot_roadmap": "figures.roadmap",
    "report_html": "present.report",
    "save_figure": "figures",
    "use_korean_font": "figures.style",
    "write_explorer": "present.explorer",
    "write_report": "present.report",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'roadmap_graph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

__all__ = [
    "RULES",
    "Bottleneck",
    "Chain",
    "ChainEdge",
    "ChainNode",
    "Convergence",
    "Criticality",
    "FieldInfo",
    "Finding",
    "GapReport",
    "Gateway",
    "Gateways",
    "Impact",
    "InvalidOptionError",
    "Link",
    "Location",
    "MissionSummary",
    "Node",
    "OutputError",
    "OutputPathError",
    "Problem",
    "Roadmap",
    "RoadmapGraphError",
    "RoadmapInfo",
    "RoadmapLoadError",
    "Silence",
    "Source",
    "SourceRef",
    "Summary",
    "Target",
    "UnknownNodeError",
    "bottlenecks",
    "convergence",
    "coverage_matrix",
    "criticality",
    "dump_roadmap",
    "explorer_html",
    "export_graph",
    "feasible",
    "find_gaps",
    "gateways",
    "impact",
    "json_schema",
    "load_roadmap",
    "loads_roadmap",
    "plot_chain",
    "plot_convergence",
    "plot_coverage",
    "plot_roadmap",
    "prerequisite_chain",
    "redundancy",
    "report_html",
    "save_figure",
    "summarize",
    "to_networkx",
    "use_korean_font",
    "write_explorer",
    "write_report",
]
