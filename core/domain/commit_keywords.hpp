// Commit message keywords: which issues a commit fixes and which it refers to, as Redmine's
// commit_fix_keywords and commit_ref_keywords read "fixes #12, #13 and refs #14".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

enum class CommitAction { Ref, Fix };

/// The words that introduce a list of issue ids, compared without case ([scm] fix_keywords,
/// ref_keywords). Each is 1 to 32 ASCII letters (isCommitKeyword).
struct CommitKeywords {
    std::vector<std::string> fix{"fixes", "closes"};
    std::vector<std::string> ref{"refs", "references"};
};

struct IssueMention {
    unsigned issueId = 0;
    CommitAction action = CommitAction::Ref;
    bool operator==(const IssueMention&) const = default;
};

struct CommitMentions {
    std::vector<IssueMention> issues; ///< message order of first mention, each id once
    bool tooManyIssues = false;       ///< ids after the kMaxIssuesPerCommit-th new one were left out
    bool messageCut = false;          ///< only the first kMaxScannedMessageBytes were read
};

/// One commit touches at most this many issues: a pasted list of hundreds of "#N" is a
/// mistake, not a reason to write hundreds of journals.
inline constexpr std::size_t kMaxIssuesPerCommit = 50;
/// Keywords stand in the summary or the first paragraphs; a longer message is read this far.
inline constexpr std::size_t kMaxScannedMessageBytes = 64 * 1024;

/// A keyword as the configuration may name one: 1 to 32 ASCII letters. Never throws.
bool isCommitKeyword(std::string_view word);

/// The issues `message` names after a keyword. A keyword starts the message or follows
/// whitespace or one of ( [ , - ; it is followed by spaces or a colon and then a list of
/// "#N" separated by spaces, commas, semicolons, '&' or the word "and"
/// ("Fixes: #12, #13 and #14"). Each "#N" must end at whitespace, punctuation or the end, so
/// "#12abc", "abc#12", URLs with "#12" and a "#12" without a keyword are not taken. An id
/// both fixed and referred to counts as fixed (at its first mention's place). #0 and numbers
/// beyond an id's range are ignored. Never throws except std::bad_alloc.
CommitMentions scanCommitMessage(std::string_view message, const CommitKeywords& keywords);

} // namespace ticketflow::domain
