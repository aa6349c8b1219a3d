// Router: maps (method, path) to a handler and route parameters; header-only template.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ticketflow::http {

/// A route table. Patterns are absolute paths split at '/'; in a segment, ":name" (letters,
/// digits, '_') matches a non-empty piece of one path segment and the rest is literal, e.g.
/// "/projects/:identifier/issues", "/issues/:id", "/issues/:id.json". A parameter followed
/// by a literal takes the shortest text after which the rest of the segment matches, so
/// ":id.json" on "12.json" gives id "12", while plain ":id" would take "12.json".
/// When several routes match, the most specific wins, comparing segment by segment
/// (literal > parameter with literal > bare parameter), then the earliest added.
/// Paths are matched as given: no trailing-slash stripping, no case folding.
/// Not thread-safe for add(); match() is safe to call concurrently once the table is built.
template <class Handler>
class Router {
public:
    struct Match {
        const Handler* handler = nullptr;          ///< null: no route; points into the router
        std::map<std::string, std::string> params; ///< ":id" -> "12" (decoded, as the path)
        bool methodNotAllowed = false;             ///< the path exists with other methods
        std::vector<std::string> allowed;          ///< for the Allow header, sorted; GET implies HEAD
    };

    /// Registers `h` for `method` (any case; stored upper-case) and `pattern`.
    /// Throws std::invalid_argument if the pattern does not start with '/', has a ':' not
    /// followed by a name, two parameters in a row, a repeated parameter name, or the same
    /// method and pattern were already added.
    void add(std::string method, std::string pattern, Handler h) {
        Route route{upper(method), pattern, parsePattern(pattern), {}, std::move(h)};
        for (const Segment& seg : route.segments) route.rank.push_back(seg.rank);
        for (const Route& r : _routes)
            if (r.method == route.method && r.pattern == route.pattern)
                throw std::invalid_argument("route added twice: " + route.method + " " + pattern);
        _routes.push_back(std::move(route));
    }

    /// Finds the handler for `method` and `path`. HEAD uses a GET route unless a HEAD route
    /// exists. If only other methods match the path, methodNotAllowed is set with `allowed`.
    /// Throws only std::bad_alloc.
    Match match(std::string_view method, std::string_view path) const {
        Match result;
        if (path.empty() || path.front() != '/') return result;
        const std::string m = upper(method);
        const std::vector<std::string_view> segments = split(path.substr(1));
        const Route* best = nullptr;
        Captures bestCaptures;
        bool bestIsExact = false;
        std::set<std::string> allowed;
        for (const Route& route : _routes) {
            Captures captures;
            if (!matchRoute(route, segments, captures)) continue;
            allowed.insert(route.method);
            if (route.method == "GET") allowed.insert("HEAD");
            const bool exact = route.method == m;
            if (!exact && !(m == "HEAD" && route.method == "GET")) continue;
            // An explicit HEAD route beats GET; otherwise the more specific route wins.
            if (!best || (exact && !bestIsExact) || (exact == bestIsExact && route.rank > best->rank)) {
                best = &route;
                bestCaptures = std::move(captures);
                bestIsExact = exact;
            }
        }
        if (best) {
            result.handler = &best->handler;
            for (const auto& [name, value] : bestCaptures) result.params.emplace(name, value);
        } else if (!allowed.empty()) {
            result.methodNotAllowed = true;
            result.allowed.assign(allowed.begin(), allowed.end());
        }
        return result;
    }

private:
    struct Piece {
        bool param = false;
        std::string text; // literal text, or the parameter's name
    };
    struct Segment {
        std::vector<Piece> pieces;
        int rank = 0; // 2 literal, 1 parameter with literal, 0 bare parameter
    };
    struct Route {
        std::string method, pattern;
        std::vector<Segment> segments;
        std::vector<int> rank; // segment ranks, compared lexicographically
        Handler handler;
    };
    using Captures = std::vector<std::pair<std::string, std::string_view>>;

    static std::string upper(std::string_view s) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return out;
    }

    static std::vector<std::string_view> split(std::string_view s) {
        std::vector<std::string_view> out;
        for (;;) {
            std::size_t slash = s.find('/');
            out.push_back(s.substr(0, slash));
            if (slash == std::string_view::npos) return out;
            s.remove_prefix(slash + 1);
        }
    }

    static bool isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    static std::vector<Segment> parsePattern(std::string_view pattern) {
        if (pattern.empty() || pattern.front() != '/')
            throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
        std::vector<Segment> segments;
        std::set<std::string> names;
        for (std::string_view text : split(pattern.substr(1))) {
            Segment seg;
            std::size_t i = 0;
            while (i < text.size()) {
                if (text[i] == ':') {
                    std::size_t end = i + 1;
                    while (end < text.size() && isNameChar(text[end])) ++end;
                    std::string name(text.substr(i + 1, end - i - 1));
                    if (name.empty())
                        throw std::invalid_argument("':' without a parameter name in " + std::string(pattern));
                    if (!seg.pieces.empty() && seg.pieces.back().param)
                        throw std::invalid_argument("two parameters in a row in " + std::string(pattern));
                    if (!names.insert(name).second)
                        throw std::invalid_argument("repeated parameter :" + name + " in " + std::string(pattern));
                    seg.pieces.push_back({true, std::move(name)});
                    i = end;
                } else {
                    std::size_t end = std::min(text.find(':', i), text.size());
                    seg.pieces.push_back({false, std::string(text.substr(i, end - i))});
                    i = end;
                }
            }
            if (seg.pieces.empty()) seg.pieces.push_back({false, {}}); // an empty segment, as in "/" or "/issues/"
            bool anyParam = false, anyLiteral = false;
            for (const Piece& p : seg.pieces) (p.param ? anyParam : anyLiteral) = true;
            seg.rank = !anyParam ? 2 : anyLiteral ? 1 : 0;
            segments.push_back(std::move(seg));
        }
        return segments;
    }

    static bool matchPieces(const std::vector<Piece>& pieces, std::size_t i, std::string_view s, Captures& out) {
        if (i == pieces.size()) return s.empty();
        const Piece& p = pieces[i];
        if (!p.param) {
            if (s.substr(0, p.text.size()) != p.text) return false;
            return matchPieces(pieces, i + 1, s.substr(p.text.size()), out);
        }
        if (i + 1 == pieces.size()) {
            if (s.empty()) return false;
            out.emplace_back(p.text, s);
            return true;
        }
        const std::string& literal = pieces[i + 1].text; // parsePattern forbids two params in a row
        for (std::size_t at = s.find(literal, 1); at != std::string_view::npos; at = s.find(literal, at + 1)) {
            out.emplace_back(p.text, s.substr(0, at));
            if (matchPieces(pieces, i + 2, s.substr(at + literal.size()), out)) return true;
            out.pop_back();
        }
        return false;
    }

    static bool matchRoute(const Route& route, const std::vector<std::string_view>& segments, Captures& out) {
        if (route.segments.size() != segments.size()) return false;
        for (std::size_t i = 0; i < segments.size(); ++i)
            if (!matchPieces(route.segments[i].pieces, 0, segments[i], out)) return false;
        return true;
    }

    std::vector<Route> _routes;
};

} // namespace ticketflow::http
