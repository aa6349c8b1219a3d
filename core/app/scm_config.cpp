// Version control settings of ticketflow.conf: [scm] and the [repository.NAME] sections.
#include "core/app/scm_config.hpp"

#include "core/domain/changeset.hpp"
#include "core/domain/text.hpp"

#include <Poco/Util/AbstractConfiguration.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace ticketflow::app {

namespace {

/// "a, b,,c " -> {"a", "b", "c"}.
std::vector<std::string> commaList(const std::string& text) {
    std::vector<std::string> items;
    for (const auto part : domain::split(text, ',')) {
        const auto item = domain::trim(part);
        if (!item.empty()) items.emplace_back(item);
    }
    return items;
}

void refuseUnknownKeys(const Poco::Util::AbstractConfiguration& ini, const std::string& section,
                       const std::set<std::string>& known, const std::string& path) {
    Poco::Util::AbstractConfiguration::Keys keys;
    ini.keys(section, keys);
    for (const auto& key : keys) {
        if (!known.count(domain::asciiLower(key))) { // Poco reads keys without case
            throw std::runtime_error(path + ": unknown key " + section + "." + key + " (known: " + [&] {
                std::string list;
                for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                return list;
            }() + ")");
        }
    }
}

std::vector<std::string> readKeywords(const Poco::Util::AbstractConfiguration& ini, const std::string& key,
                                      std::vector<std::string> fallback, const std::string& path) {
    if (!ini.hasProperty(key)) return fallback;
    auto words = commaList(ini.getString(key));
    if (words.empty()) throw std::runtime_error(path + ": " + key + " must name at least one keyword");
    for (auto& word : words) {
        if (!domain::isCommitKeyword(word)) {
            throw std::runtime_error(path + ": " + key + ": '" + word + "' is not a keyword (1 to 32 letters A-Z)");
        }
        word = domain::asciiLower(word);
    }
    return words;
}

ScmRepository readRepository(const Poco::Util::AbstractConfiguration& ini, const std::string& name,
                             const std::string& path) {
    const std::string section = "repository." + name;
    if (!domain::isRepositoryName(name)) {
        throw std::runtime_error(path + ": [" + section + "]: a repository name is 1 to 64 letters, digits, - and _");
    }
    if (ini.hasProperty(section)) {
        throw std::runtime_error(path + ": " + section + " is a value; write a section [" + section + "]");
    }
    refuseUnknownKeys(ini, section, {"secret", "project"}, path);
    ScmRepository r;
    r.name = name;
    r.secret = ini.getString(section + ".secret", "");
    // The secret is all that stands between the Internet and closing issues.
    if (ini.hasProperty(section + ".secret") && (r.secret.size() < 32 || r.secret.size() > 256)) {
        throw std::runtime_error(path + ": " + section +
                                 ".secret must be 32 to 256 characters (e.g. the output of `openssl rand -hex 32`)");
    }
    if (ini.hasProperty(section + ".project")) {
        r.projects = commaList(ini.getString(section + ".project"));
        if (r.projects.empty()) {
            throw std::runtime_error(path + ": " + section +
                                     ".project must name project identifiers; leave it out to allow every project");
        }
    }
    return r;
}

} // namespace

const ScmRepository* ScmConfig::repository(std::string_view name) const {
    for (const auto& r : repositories)
        if (r.name == name) return &r;
    return nullptr;
}

ScmConfig readScmConfig(const Poco::Util::AbstractConfiguration& ini, const std::string& path) {
    ScmConfig c;
    refuseUnknownKeys(ini, "scm", {"fix_status", "fix_keywords", "ref_keywords"}, path);
    c.fixStatus = std::string(domain::trim(ini.getString("scm.fix_status", "")));
    c.keywords.fix = readKeywords(ini, "scm.fix_keywords", c.keywords.fix, path);
    c.keywords.ref = readKeywords(ini, "scm.ref_keywords", c.keywords.ref, path);
    for (const auto& word : c.keywords.fix) {
        if (std::find(c.keywords.ref.begin(), c.keywords.ref.end(), word) != c.keywords.ref.end()) {
            throw std::runtime_error(path + ": '" + word + "' is in both scm.fix_keywords and scm.ref_keywords");
        }
    }
    Poco::Util::AbstractConfiguration::Keys names;
    ini.keys("repository", names);
    for (const auto& name : names) c.repositories.push_back(readRepository(ini, name, path));
    return c;
}

} // namespace ticketflow::app
