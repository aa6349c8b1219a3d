// Version control settings of ticketflow.conf: [scm] and the [repository.NAME] sections.
#pragma once
#include "core/domain/commit_keywords.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace Poco::Util {
class AbstractConfiguration;
}

namespace ticketflow::app {

/// One repository whose commits may act on issues.
struct ScmRepository {
    std::string name;                  ///< NAME of [repository.NAME]: what hooks send as "repository"
    std::string secret;                ///< POST /scm/commit; empty: only ticketflow-admin scm-commit
    std::vector<std::string> projects; ///< identifiers of the projects it may touch; empty: all
};

struct ScmConfig {
    /// [scm] fix_status: the status a fix keyword closes to; empty: "Closed", else the first
    /// closed status by position (resolved against the statuses when a commit arrives).
    std::string fixStatus;
    domain::CommitKeywords keywords; ///< [scm] fix_keywords, ref_keywords
    std::vector<ScmRepository> repositories;

    const ScmRepository* repository(std::string_view name) const;
};

/// Reads [scm] (fix_status, fix_keywords, ref_keywords: comma-separated words) and every
/// [repository.NAME] section (secret: at least 32 characters, project: comma-separated project
/// identifiers). Unknown keys are errors, so that a misspelt "project" cannot open every
/// project to a repository. Throws std::runtime_error naming `path` and the key.
ScmConfig readScmConfig(const Poco::Util::AbstractConfiguration& ini, const std::string& path);

} // namespace ticketflow::app
