"""roadmap-graph: mission-oriented R&D roadmaps as dependency graphs.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())      # the bundled roadmap (Ⅱ), AI and bio
>>> [n.id for n in rg.prerequisite_chain(G, "ai_mission_trustworthy").nodes][:2]
['ai_mission_trustworthy', 'ai_safe_trustworthy']
>>> rg.impact(G, ["cloud_optimization"]).infeasible_missions
('ai_mission_efficient_learning', 'bio_mission_health_data')
"""

from .bottlenecks import Bottleneck, bottlenecks
from .chain import Chain, ChainEdge, ChainNode, prerequisite_chain
from .convergence import Convergence, convergence
from .errors import (
    InvalidOptionError,
    Location,
    Problem,
    RoadmapGraphError,
    RoadmapLoadError,
    UnknownNodeError,
)
from .gaps import RULES, Finding, GapReport, find_gaps
from .gateways import Gateway, Gateways, gateways, redundancy
from .graph import to_networkx
from .loading import load_roadmap, loads_roadmap
from .model import FieldInfo, Link, Node, Roadmap, RoadmapInfo, Silence, Source, SourceRef, Target
from .schema import json_schema
from .summary import MissionSummary, Summary, summarize
from .whatif import Criticality, Impact, criticality, feasible, impact
from .writing import dump_roadmap

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
    "criticality",
    "dump_roadmap",
    "feasible",
    "find_gaps",
    "gateways",
    "impact",
    "json_schema",
    "load_roadmap",
    "loads_roadmap",
    "prerequisite_chain",
    "redundancy",
    "summarize",
    "to_networkx",
]
