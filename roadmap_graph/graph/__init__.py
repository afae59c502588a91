"""The roadmap as a ``networkx.DiGraph`` and what analyses share about it.

:func:`~.build.to_networkx` builds the graph; its conventions (node and edge attributes,
edge direction, the meaning of ``group``) are written once, in the docstring of
:mod:`roadmap_graph.graph.build`. :mod:`.requirements` reads the requirement structure,
:mod:`.fields` the fields in the roadmap's order, and :class:`~.index.RoadmapIndex` holds the
graph as integer lists with the pieces every analysis reuses.
"""

from .build import to_networkx
from .index import GraphLike, RoadmapIndex, as_graph, as_index

__all__ = ["GraphLike", "RoadmapIndex", "as_graph", "as_index", "to_networkx"]
