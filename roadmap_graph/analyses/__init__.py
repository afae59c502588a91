"""The analyses: one module per question a roadmap's reader asks, and their registry.

Each module holds a function that takes a roadmap graph (or its shared
:class:`~roadmap_graph.RoadmapIndex`) and returns a typed result (:mod:`.result`), and one
:class:`~.registry.Analysis` record. :data:`REGISTRY` lists them in the order the command
line's help and the report show them; registering an analysis here gives it its command
(``roadmap-graph NAME``) and its report section. See CONTRIBUTING.md.
"""

from . import (
    bottlenecks,
    chain,
    convergence,
    coverage,
    criticality,
    gaps,
    gateways,
    impact,
    portfolio,
    redundancy,
    sensitivity,
    summary,
)
from .registry import Analysis, Param, registry

#: Every analysis, by name, in the order of the report.
REGISTRY: dict[str, Analysis] = registry(
    summary.ANALYSIS,
    chain.ANALYSIS,
    gateways.ANALYSIS,
    redundancy.ANALYSIS,
    bottlenecks.ANALYSIS,
    criticality.ANALYSIS,
    impact.ANALYSIS,
    convergence.ANALYSIS,
    coverage.ANALYSIS,
    gaps.ANALYSIS,
    sensitivity.ANALYSIS,
    portfolio.ANALYSIS,
)

__all__ = ["REGISTRY", "Analysis", "Param"]
