"""The export formats as pure functions: a graph in, text (or a JSON-ready dict) out.

One module per format family; :mod:`roadmap_graph.export` writes them to files.
"""

from .cypher import to_cypher
from .diagrams import to_dot, to_mermaid
from .json_formats import to_cytoscape, to_node_link
from .tables import to_csv_tables
from .xml_formats import to_gexf, to_graphml

__all__ = [
    "to_csv_tables",
    "to_cypher",
    "to_cytoscape",
    "to_dot",
    "to_gexf",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]
