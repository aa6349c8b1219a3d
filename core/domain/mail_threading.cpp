// Which issue a reply belongs to, by the tag in its subject.
#include "core/domain/mail_threading.hpp"

#include "core/domain/text.hpp"

#include <string>

namespace ticketflow::domain {

std::optional<unsigned> subjectIssueTag(std::string_view subject) {
    // Redmine's pattern: \[(?:[^\]]*\s+)?#(\d+)\] — "#" either right after "[" or after a space.
    for (std::size_t open = subject.find('['); open != std::string_view::npos; open = subject.find('[', open + 1)) {
        const std::size_t close = subject.find(']', open + 1);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view inside = subject.substr(open + 1, close - open - 1);
        const std::size_t hash = inside.rfind('#');
        if (hash == std::string_view::npos) continue;
        if (hash > 0 && inside[hash - 1] != ' ' && inside[hash - 1] != '\t') continue;
        const std::string_view digits = inside.substr(hash + 1);
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) {
            continue;
        }
        if (const auto id = parseId(std::string(digits))) return id;
    }
    return std::nullopt;
}

} // namespace ticketflow::domain
