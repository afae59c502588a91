"""roadmap-graph: mission-oriented R&D roadmaps as dependency graphs.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())      # the bundled roadmap (Ⅱ), AI and bio
>>> [n.id for n in rg.prerequisite_chain(G, "ai_mission_trustworthy").nodes][:2]
['ai_mission_trustworthy', 'ai_safe_trustworthy']
>>> rg.impact(G, ["cloud_optimization"]).infeasible_missions
('ai_mission_efficient_learning', 'bio_mission_health_data')

The package is layered; each layer imports only those below it (checked by import-linter,
see ``pyproject.toml``)::

    cli            the command line: parses options, calls one function, prints its result
    present        text tables, CSV, the HTML report, the explorer page, exports
    figures        matplotlib figures: layout (ordering, placement, text), style, plots
    analyses       one module per question, each a typed result; the registry
    graph          the networkx graph, its conventions, the shared index
    fileformat     models, parsing, validation, loading, writing, schema, bundled data
    outputs        the one writer of every file
    vocabulary     every word and message in Korean and English
    errors         the error hierarchy (and gcpause, a tool of the layers above)
"""

from .analyses.bottlenecks import Bottleneck, Bottlenecks, bottlenecks
from .analyses.chain import Chain, ChainEdge, ChainNode, prerequisite_chain
from .analyses.changes import Changes, compare
from .analyses.convergence import Convergence, convergence
from .analyses.coverage import Coverage, coverage, coverage_matrix
from .analyses.criticality import Criticality, criticality
from .analyses.diff import RoadmapDiff, diff_roadmaps
from .analyses.effects import Effects, MissionEffect
from .analyses.gaps import RULES, Finding, GapReport, find_gaps
from .analyses.gateways import Gateway, Gateways, gateways
from .analyses.impact import Impact, feasible, grounded, impact
from .analyses.portfolio import (
    MissionFunding,
    PortfolioReport,
    ProgrammeFunding,
    TimingIssue,
    UnfundedTechnology,
    portfolio_overlay,
)
from .analyses.redundancy import Redundancy, redundancy
from .analyses.sensitivity import Change, Sensitivity, sensitivity
from .analyses.summary import MissionSummary, Summary, summarize
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
from .fileformat.limits import Limits
from .fileformat.loading import load_roadmap, loads_roadmap
from .fileformat.model import FieldInfo, Link, Node, Roadmap, RoadmapInfo, Silence, Source, SourceRef, Target
from .fileformat.portfolio_loading import bundled_portfolio_names, load_portfolio, resolve_portfolio
from .fileformat.revisions import load_revision
from .fileformat.schema import json_schema, portfolio_json_schema
from .fileformat.sheets import load_sheets
from .fileformat.writing import dump_roadmap
from .graph.build import to_networkx
from .graph.evidence import stated_only
from .graph.index import RoadmapIndex

# Figures, exports and pages load matplotlib and friends: they are imported on first use, so
# ``import roadmap_graph`` and the text commands stay fast.
_LAZY = {
    "explorer_html": "present.explorer",
    "export_graph": "present.export",
    "export_sheets": "present.export",
    "plot_chain": "figures.chain",
    "plot_convergence": "figures.convergence",
    "plot_overview": "figures.overview",
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
    "Bottlenecks",
    "Chain",
    "ChainEdge",
    "ChainNode",
    "Change",
    "Changes",
    "Convergence",
    "Coverage",
    "Criticality",
    "Effects",
    "FieldInfo",
    "Finding",
    "GapReport",
    "Gateway",
    "Gateways",
    "Impact",
    "InvalidOptionError",
    "Limits",
    "Link",
    "Location",
    "MissionEffect",
    "MissionFunding",
    "MissionSummary",
    "Node",
    "OutputError",
    "OutputPathError",
    "PortfolioReport",
    "Problem",
    "ProgrammeFunding",
    "Redundancy",
    "Roadmap",
    "RoadmapDiff",
    "RoadmapGraphError",
    "RoadmapIndex",
    "RoadmapInfo",
    "RoadmapLoadError",
    "Sensitivity",
    "Silence",
    "Source",
    "SourceRef",
    "Summary",
    "Target",
    "TimingIssue",
    "UnfundedTechnology",
    "UnknownNodeError",
    "bottlenecks",
    "bundled_portfolio_names",
    "compare",
    "convergence",
    "coverage",
    "coverage_matrix",
    "criticality",
    "diff_roadmaps",
    "dump_roadmap",
    "explorer_html",
    "export_graph",
    "export_sheets",
    "feasible",
    "find_gaps",
    "gateways",
    "grounded",
    "impact",
    "json_schema",
    "load_portfolio",
    "load_revision",
    "load_roadmap",
    "load_sheets",
    "loads_roadmap",
    "plot_chain",
    "plot_convergence",
    "plot_coverage",
    "plot_overview",
    "plot_roadmap",
    "portfolio_json_schema",
    "portfolio_overlay",
    "prerequisite_chain",
    "redundancy",
    "report_html",
    "resolve_portfolio",
    "save_figure",
    "sensitivity",
    "stated_only",
    "summarize",
    "to_networkx",
    "use_korean_font",
    "write_explorer",
    "write_report",
]
