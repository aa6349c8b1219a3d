// A commit as a version-control hook reports it, its checks, and the journal note it leaves.
#pragma once

#include "core/domain/commit_keywords.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// One commit (a Subversion revision, a git commit) of a configured repository.
struct Changeset {
    std::string repository; ///< the name of its [repository.NAME] section
    std::string revision;   ///< "42" (Subversion) or a commit id (git)
    std::string author;     ///< "jdoe" (Subversion) or "Jane Doe <jane@example.org>" (git); may be empty
    std::string message;
};

/// The largest commit message taken (the hooks send the whole log message).
inline constexpr std::size_t kMaxCommitMessageBytes = 1u << 20;
inline constexpr std::size_t kMaxRevisionLength = 64;
inline constexpr std::size_t kMaxCommitAuthorBytes = 255;

/// A repository name as [repository.NAME] may use it: 1 to 64 ASCII letters, digits, '-', '_'.
bool isRepositoryName(std::string_view name);

/// What is wrong with a changeset's fields, one sentence each; empty when it may be applied.
/// The revision is 1 to 64 ASCII letters, digits, '.', '-' or '_' (Subversion numbers, git
/// ids); author and message are UTF-8 without NUL, the author on one line of at most 255 bytes,
/// the message at most kMaxCommitMessageBytes. Never throws except std::bad_alloc.
std::vector<std::string> validateChangeset(const Changeset& changeset);

/// How journals and reports name a changeset, as Redmine does for several repositories:
/// "trunk|r42" for a Subversion revision number, "app|3f2a…" (the whole id) otherwise.
std::string changesetLabel(std::string_view repository, std::string_view revision);

/// A commit author split like Redmine's committer mapping: "Jane Doe <jane@example.org>" ->
/// name "Jane Doe", mail "jane@example.org"; "jdoe" -> name "jdoe"; "jane@example.org" ->
/// name and mail both that address. Surrounding whitespace is dropped.
struct CommitAuthor {
    std::string name, mail;
};
CommitAuthor splitCommitAuthor(std::string_view author);

/// The journal note a commit leaves on an issue it names:
///   "Applied in changeset trunk|r42:\n\n<message>"    (a fix keyword)
///   "Referenced in changeset trunk|r42:\n\n<message>" (a ref keyword)
/// `committer` (the author's name) is added as " (committed by jdoe)" when no user account
/// stands for the author, so the history still says who it was. The message is quoted with
/// trailing whitespace removed, control characters other than tab and line breaks turned into
/// spaces, and cut (at a character boundary, with a line saying so) to kMaxQuotedMessageBytes.
inline constexpr std::size_t kMaxQuotedMessageBytes = 60'000;
std::string changesetNote(CommitAction action, std::string_view label, std::string_view committer,
                          std::string_view message);

} // namespace ticketflow::domain
