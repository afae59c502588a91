"""roadmap-graph: mission-oriented R&D roadmaps as dependency graphs.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())      # the bundled roadmap (Ⅱ), AI and bio
>>> [n.id for n in rg.prerequisite_chain(G, "ai_mission_trustworthy").nodes][:2]
['ai_mission_trustworthy', 'ai_safe_trustworthy']
"""

from .chain import Chain, ChainEdge, ChainNode, prerequisite_chain
from .errors import (
    Location,
    Problem,
    RoadmapGraphError,
    RoadmapLoadError,
    UnknownNodeError,
)
from .graph import to_networkx
from .loading import load_roadmap, loads_roadmap
from .model import FieldInfo, Link, Node, Roadmap, RoadmapInfo, Source, SourceRef, Target
from .schema import json_schema
from .summary import MissionSummary, Summary, summarize
from .writing import dump_roadmap

__all__ = [
    "Chain",
    "ChainEdge",
    "ChainNode",
    "FieldInfo",
    "Link",
    "Location",
    "MissionSummary",
    "Node",
    "Problem",
    "Roadmap",
    "RoadmapGraphError",
    "RoadmapInfo",
    "RoadmapLoadError",
    "Source",
    "SourceRef",
    "Summary",
    "Target",
    "UnknownNodeError",
    "dump_roadmap",
    "json_schema",
    "load_roadmap",
    "loads_roadmap",
    "prerequisite_chain",
    "summarize",
    "to_networkx",
]
