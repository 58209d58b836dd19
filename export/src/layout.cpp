// ForceAtlas2 for report.html (layout.hpp). The forces and the adaptive
// speed follow Gephi's ForceAtlas2.java; the quadtree is a plain
// Barnes-Hut one, rebuilt at every iteration.
#include "layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace entente::exporter {
namespace {

/// Below this many nodes every pair repels exactly.
constexpr std::size_t kExactLimit = 400;
/// A quadtree stops splitting at this depth (bodies that close count as one).
constexpr int kMaxDepth = 48;

/// splitmix64: a small, fixed pseudo-random sequence for the first positions.
class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}
  /// A number in [0, 1).
  double next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    z ^= z >> 31U;
    return static_cast<double>(z >> 11U) * 0x1.0p-53;
  }

 private:
  std::uint64_t state_;
};

/// A Barnes-Hut quadtree over the current positions.
class QuadTree {
 public:
  QuadTree(std::span<const Point> p, std::span<const double> mass) : p_(p), mass_(mass) {
    double lo_x = std::numeric_limits<double>::max(), lo_y = lo_x;
    double hi_x = std::numeric_limits<double>::lowest(), hi_y = hi_x;
    for (const Point& q : p) {
      lo_x = std::min(lo_x, q.x);
      lo_y = std::min(lo_y, q.y);
      hi_x = std::max(hi_x, q.x);
      hi_y = std::max(hi_y, q.y);
    }
    const double half = std::max({(hi_x - lo_x) / 2, (hi_y - lo_y) / 2, 1e-9}) * 1.0001;
    cells_.reserve(p.size() * 2 + 1);
    cells_.push_back(Cell{(lo_x + hi_x) / 2, (lo_y + hi_y) / 2, half});
    for (std::uint32_t i = 0; i < p.size(); ++i) insert(i);
    for (Cell& c : cells_) {
      if (c.mass > 0) {
        c.com_x = c.sum_x / c.mass;
        c.com_y = c.sum_y / c.mass;
      }
    }
  }

  /// Adds to (fx, fy) the repulsion that every other body puts on body `i`,
  /// `coefficient` * mass_i * mass_j / d along the line between them.
  void repulse(std::uint32_t i, double coefficient, double theta, double& fx, double& fy) const {
    const double theta2 = theta * theta;
    const Point& q = p_[i];
    const double m = mass_[i];
    std::array<std::uint32_t, 4 * kMaxDepth + 8> stack{};
    std::size_t top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const Cell& c = cells_[stack[--top]];
      if (c.mass <= 0) continue;
      if (c.leaf) {
        // The bodies of a leaf are one body, or several that stand (almost) together.
        double other = c.mass;
        if (c.holds(i, q)) other -= m;
        if (other <= 1e-12) continue;
        push(q, m, other, c.com_x, c.com_y, coefficient, fx, fy);
        continue;
      }
      const double dx = q.x - c.com_x, dy = q.y - c.com_y;
      const double d2 = dx * dx + dy * dy;
      const double size = 2 * c.half;
      if (d2 > 0 && size * size < theta2 * d2 && !c.contains(q)) {
        push(q, m, c.mass, c.com_x, c.com_y, coefficient, fx, fy);
        continue;
      }
      for (const std::int32_t child : c.child) {
        if (child >= 0) stack[top++] = static_cast<std::uint32_t>(child);
      }
    }
  }

 private:
  struct Cell {
    double cx = 0, cy = 0, half = 0;
    double mass = 0, sum_x = 0, sum_y = 0, com_x = 0, com_y = 0;
    std::array<std::int32_t, 4> child = {-1, -1, -1, -1};
    std::int64_t first = -1;  ///< a leaf's first body (-1: empty)
    std::uint32_t count = 0;  ///< bodies in a leaf (more than one only at kMaxDepth)
    int depth = 0;
    bool leaf = true;

    bool contains(const Point& q) const {
      return q.x >= cx - half && q.x <= cx + half && q.y >= cy - half && q.y <= cy + half;
    }
    /// Whether body `i`, at `q`, is one of the leaf's.
    bool holds(std::uint32_t i, const Point& q) const {
      return first == static_cast<std::int64_t>(i) || (count > 1 && contains(q));
    }
  };

  static void push(const Point& q, double m, double other, double ox, double oy, double coefficient,
                   double& fx, double& fy) {
    const double dx = q.x - ox, dy = q.y - oy;
    const double d2 = dx * dx + dy * dy;
    if (d2 <= 0) return;
    const double factor = coefficient * m * other / d2;
    fx += dx * factor;
    fy += dy * factor;
  }

  int quadrant(const Cell& c, const Point& q) const { return (q.x >= c.cx ? 1 : 0) + (q.y >= c.cy ? 2 : 0); }

  std::uint32_t child_of(std::uint32_t at, int quadrant_index) {
    if (cells_[at].child[static_cast<std::size_t>(quadrant_index)] < 0) {
      const Cell& c = cells_[at];
      const double h = c.half / 2;
      Cell n{c.cx + ((quadrant_index & 1) != 0 ? h : -h), c.cy + ((quadrant_index & 2) != 0 ? h : -h), h};
      n.depth = c.depth + 1;
      cells_.push_back(n);
      cells_[at].child[static_cast<std::size_t>(quadrant_index)] =
          static_cast<std::int32_t>(cells_.size() - 1);
    }
    return static_cast<std::uint32_t>(cells_[at].child[static_cast<std::size_t>(quadrant_index)]);
  }

  void insert(std::uint32_t i) {
    const Point& q = p_[i];
    const double m = mass_[i];
    std::uint32_t at = 0;
    for (;;) {
      Cell& c = cells_[at];
      c.mass += m;
      c.sum_x += q.x * m;
      c.sum_y += q.y * m;
      if (!c.leaf) {
        at = child_of(at, quadrant(c, q));
        continue;
      }
      if (c.first < 0) {
        c.first = i;
        c.count = 1;
        return;
      }
      if (c.depth >= kMaxDepth) {  // bodies this close are one
        ++c.count;
        return;
      }
      // Split: the leaf's body goes one level down, then this one.
      const auto old = static_cast<std::uint32_t>(c.first);
      const double old_mass = mass_[old];
      c.leaf = false;
      c.first = -1;
      c.count = 0;
      const std::uint32_t down = child_of(at, quadrant(cells_[at], p_[old]));
      Cell& d = cells_[down];
      d.first = old;
      d.count = 1;
      d.mass = old_mass;
      d.sum_x = p_[old].x * old_mass;
      d.sum_y = p_[old].y * old_mass;
      at = child_of(at, quadrant(cells_[at], q));
    }
  }

  std::span<const Point> p_;
  std::span<const double> mass_;
  std::vector<Cell> cells_;
};

}  // namespace

std::size_t iterations_for(std::size_t nodes) {
  if (nodes <= 500) return 1000;
  if (nodes <= 2000) return 600;
  if (nodes <= 10000) return 300;
  return 150;
}

std::vector<Point> force_atlas2(std::size_t nodes, std::span<const LayoutEdge> edges,
                                const LayoutSettings& settings) {
  std::vector<Point> p(nodes);
  if (nodes == 0) return p;
  const std::size_t n = nodes;

  std::vector<double> mass(n, 1.0);
  for (const LayoutEdge& e : edges) {
    mass[e.a] += 1;
    mass[e.b] += 1;
  }
  // First positions: uniform in a square whose side grows with sqrt(n).
  SplitMix random(settings.seed);
  const double side = 10.0 * std::sqrt(static_cast<double>(n));
  for (Point& q : p) {
    q.x = (random.next() - 0.5) * side;
    q.y = (random.next() - 0.5) * side;
  }
  if (n == 1) {
    p[0] = {0, 0};
    return p;
  }

  const double kr = settings.scaling > 0 ? settings.scaling : (n >= 100 ? 2.0 : 10.0);
  double hub_compensation = 1.0;
  if (settings.dissuade_hubs) {
    double total = 0;
    for (const double m : mass) total += m;
    hub_compensation = total / static_cast<double>(n);
  }
  const std::size_t iterations = settings.iterations > 0 ? settings.iterations : iterations_for(n);

  std::vector<Point> force(n), old(n);
  double speed = 1.0, speed_efficiency = 1.0;
  constexpr double kJitterTolerance = 1.0;
  for (std::size_t it = 0; it < iterations; ++it) {
    std::swap(force, old);
    std::fill(force.begin(), force.end(), Point{});

    // Repulsion.
    if (n <= kExactLimit) {
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
          const double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
          const double d2 = dx * dx + dy * dy;
          if (d2 <= 0) continue;
          const double factor = kr * mass[i] * mass[j] / d2;
          force[i].x += dx * factor;
          force[i].y += dy * factor;
          force[j].x -= dx * factor;
          force[j].y -= dy * factor;
        }
      }
    } else {
      const QuadTree tree(p, mass);
      for (std::uint32_t i = 0; i < n; ++i) tree.repulse(i, kr, settings.theta, force[i].x, force[i].y);
    }

    // Gravity.
    for (std::size_t i = 0; i < n; ++i) {
      const double d = std::sqrt(p[i].x * p[i].x + p[i].y * p[i].y);
      if (d <= 0) continue;
      const double factor =
          settings.strong_gravity ? kr * mass[i] * settings.gravity : kr * mass[i] * settings.gravity / d;
      force[i].x -= p[i].x * factor;
      force[i].y -= p[i].y * factor;
    }

    // Attraction.
    for (const LayoutEdge& e : edges) {
      if (e.a == e.b) continue;
      const double dx = p[e.a].x - p[e.b].x, dy = p[e.a].y - p[e.b].y;
      double factor = -hub_compensation * e.weight;
      if (settings.dissuade_hubs) factor /= mass[e.a];
      if (settings.lin_log) {
        const double d = std::sqrt(dx * dx + dy * dy);
        if (d <= 0) continue;
        factor *= std::log1p(d) / d;
      }
      force[e.a].x += dx * factor;
      force[e.a].y += dy * factor;
      force[e.b].x -= dx * factor;
      force[e.b].y -= dy * factor;
    }

    // Adaptive speed (Gephi): slower where nodes swing, faster where they converge.
    double swinging = 0, traction = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double sx = old[i].x - force[i].x, sy = old[i].y - force[i].y;
      const double tx = old[i].x + force[i].x, ty = old[i].y + force[i].y;
      swinging += mass[i] * std::sqrt(sx * sx + sy * sy);
      traction += mass[i] * 0.5 * std::sqrt(tx * tx + ty * ty);
    }
    if (it == 0 || swinging <= 0 || traction <= 0) {
      // No previous forces yet: a first cautious step.
      for (std::size_t i = 0; i < n; ++i) {
        const double f = std::sqrt(force[i].x * force[i].x + force[i].y * force[i].y);
        const double factor = f > 0 ? std::min(1.0, 1.0 / std::sqrt(f)) : 0.0;
        p[i].x += force[i].x * factor;
        p[i].y += force[i].y * factor;
      }
      continue;
    }
    const double nn = static_cast<double>(n);
    const double estimated = 0.05 * std::sqrt(nn);
    const double min_jt = std::sqrt(estimated), max_jt = 10;
    double jt = kJitterTolerance * std::max(min_jt, std::min(max_jt, estimated * traction / (nn * nn)));
    constexpr double kMinSpeedEfficiency = 0.05;
    if (swinging / traction > 2.0) {
      if (speed_efficiency > kMinSpeedEfficiency) speed_efficiency *= 0.5;
      jt = std::max(jt, kJitterTolerance);
    }
    const double target = jt * speed_efficiency * traction / swinging;
    if (swinging > jt * traction) {
      if (speed_efficiency > kMinSpeedEfficiency) speed_efficiency *= 0.7;
    } else if (speed < 1000) {
      speed_efficiency *= 1.3;
    }
    constexpr double kMaxRise = 0.5;
    speed = speed + std::min(target - speed, kMaxRise * speed);

    for (std::size_t i = 0; i < n; ++i) {
      const double sx = old[i].x - force[i].x, sy = old[i].y - force[i].y;
      const double node_swinging = mass[i] * std::sqrt(sx * sx + sy * sy);
      const double factor = speed / (1.0 + std::sqrt(speed * node_swinging));
      p[i].x += force[i].x * factor;
      p[i].y += force[i].y * factor;
    }
  }

  // Centred on the origin.
  double cx = 0, cy = 0;
  for (const Point& q : p) {
    cx += q.x;
    cy += q.y;
  }
  cx /= static_cast<double>(n);
  cy /= static_cast<double>(n);
  for (Point& q : p) {
    q.x -= cx;
    q.y -= cy;
  }
  return p;
}

}  // namespace entente::exporter
