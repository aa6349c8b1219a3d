#include "core/domain/mail_lanes.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace ticketflow::domain {

namespace {

/// Union-find over message indexes.
class Groups {
public:
    explicit Groups(std::size_t n) : _parent(n) { std::iota(_parent.begin(), _parent.end(), 0); }
    std::size_t root(std::size_t i) {
        while (_parent[i] != i) i = _parent[i] = _parent[_parent[i]];
        return i;
    }
    /// Joins the groups of a and b; the earlier message's root stays the root.
    void join(std::size_t a, std::size_t b) {
        const std::size_t ra = root(a), rb = root(b);
        if (ra != rb) _parent[std::max(ra, rb)] = std::min(ra, rb);
    }

private:
    std::vector<std::size_t> _parent;
};

} // namespace

std::vector<std::size_t> assignMailLanes(const std::vector<MailLaneKey>& keys, std::size_t lanes) {
    lanes = std::max<std::size_t>(lanes, 1);
    Groups groups(keys.size());
    std::unordered_map<std::string, std::size_t> firstBySender, firstById;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (auto [it, added] = firstBySender.emplace(keys[i].sender, i); !added) groups.join(it->second, i);
        if (keys[i].messageId.empty()) continue;
        if (auto [it, added] = firstById.emplace(keys[i].messageId, i); !added) groups.join(it->second, i);
    }
    std::vector<std::size_t> size(keys.size(), 0);
    for (std::size_t i = 0; i < keys.size(); ++i) ++size[groups.root(i)];
    std::vector<std::size_t> load(lanes, 0), laneOfRoot(keys.size(), 0), out(keys.size(), 0);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::size_t r = groups.root(i);
        if (r == i) { // a group's first message: the least loaded lane takes the whole group
            const auto lane = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
            laneOfRoot[r] = lane;
            load[lane] += size[r];
        }
        out[i] = laneOfRoot[r];
    }
    return out;
}

} // namespace ticketflow::domain
