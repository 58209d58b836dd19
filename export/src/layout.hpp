// Internal to entente_export: positions of the nodes of report.html's network
// view (report.cpp), computed when the report is written so that the page
// opens with its drawing ready, however large the graph.
//
// ForceAtlas2 (Jacomy, Venturini, Heymann, Bastian, PLoS ONE 2014) as Gephi
// runs it: repulsion kr (deg+1)(deg'+1) / d between every two nodes (a
// Barnes-Hut quadtree above kExactLimit nodes), attraction along edges
// (linear, or log(1 + d) in LinLog mode), gravity towards the centre, and
// Gephi's adaptive speed (swinging and traction). A fixed number of
// iterations, a fixed seed, no threads: the same graph gives the same
// positions, bit for bit, on one build.
//
// THREAD SAFETY: pure functions.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace entente::exporter {

struct Point {
  double x = 0.0, y = 0.0;
};

/// An edge between nodes `a` and `b` (indices), drawn with `weight`
/// (attraction is proportional to it). Parallel edges add up.
struct LayoutEdge {
  std::uint32_t a = 0, b = 0;
  double weight = 1.0;
};

struct LayoutSettings {
  std::size_t iterations = 0;  ///< 0: chosen by the number of nodes (iterations_for)
  double scaling = 0.0;        ///< kr; 0: 10 below 100 nodes, 2 above (Gephi's default)
  double gravity = 1.0;
  bool strong_gravity = false;  ///< gravity grows with the distance to the centre
  bool lin_log = true;          ///< log(1 + d) attraction: tighter clusters
  bool dissuade_hubs = true;    ///< attraction divided by the source's degree + 1 (hubs to the edges)
  double theta = 1.2;           ///< Barnes-Hut: a cell this many times its size away counts as one body
  std::uint64_t seed = 20240101;
};

/// The iterations run for `nodes` nodes: fewer as the graph grows, so that a
/// report of tens of thousands of nodes is written in seconds.
std::size_t iterations_for(std::size_t nodes);

/// ForceAtlas2 positions of `nodes` nodes joined by `edges`, centred on the
/// origin. requires: every edge's ends < nodes.
std::vector<Point> force_atlas2(std::size_t nodes, std::span<const LayoutEdge> edges,
                                const LayoutSettings& settings = {});

}  // namespace entente::exporter
