"""Every analysis result converts to a pandas DataFrame for notebooks."""

from __future__ import annotations

import pytest

import roadmap_graph as rg

pd = pytest.importorskip("pandas")


def test_results_become_dataframes(G):
    frames = {
        "gateways": rg.gateways(G).to_frame(),
        "criticality": rg.criticality(G).to_frame(),
        "impact": rg.impact(G, ["cloud_optimization"]).to_frame(),
        "bottlenecks": rg.bottlenecks(G).to_frame(),
        "gaps": rg.find_gaps(G).to_frame(),
    }
    assert all(isinstance(f, pd.DataFrame) for f in frames.values())
    assert list(frames["gateways"]["id"])[-1] == "rna_platform"
    assert frames["bottlenecks"].iloc[0]["id"] == "cloud_optimization"
    assert len(frames["bottlenecks"]) == len(rg.bottlenecks(G))
    impact = frames["impact"].set_index("id")["status"]
    assert impact["cloud_optimization"] == "removed" and impact["bio_mission_health_data"] == "infeasible_mission"
    assert set(frames["gaps"]["code"]) >= {"RG201", "RG601"}
