// Unit tests of issue list parameters (Redmine-style filters, sort, limit) and page cursors.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/domain/issue_query.hpp"

using namespace ticketflow::domain;

namespace {

using Params = std::multimap<std::string, std::string>;
constexpr unsigned kActor = 7;

std::string scopeName(StatusScope scope) {
    switch (scope) {
        case StatusScope::Open:
            return "Open";
        case StatusScope::Closed:
            return "Closed";
        case StatusScope::All:
            return "All";
        case StatusScope::Listed:
            return "Listed";
    }
    return "?";
}

/// Field by field, so a failure names the field that differs.
void checkQuery(const IssueQuery& actual, const IssueQuery& expected) {
    using boost::test_tools::per_element;
    BOOST_TEST(scopeName(actual.statusScope) == scopeName(expected.statusScope));
    BOOST_TEST(actual.statusIds == expected.statusIds, per_element());
    BOOST_TEST(actual.trackerIds == expected.trackerIds, per_element());
    BOOST_TEST(actual.priorityIds == expected.priorityIds, per_element());
    BOOST_TEST(actual.milestoneIds == expected.milestoneIds, per_element());
    BOOST_TEST(actual.assigneeIds == expected.assigneeIds, per_element());
    BOOST_TEST(actual.assigneeNone == expected.assigneeNone);
    BOOST_TEST(actual.assigneeMe.value_or(0) == expected.assigneeMe.value_or(0));
    BOOST_TEST(sortKeyName(actual.sort) == sortKeyName(expected.sort));
    BOOST_TEST(actual.descending == expected.descending);
    BOOST_TEST(actual.limit == expected.limit);
    BOOST_TEST(actual.after.value_or("-") == expected.after.value_or("-"));
    BOOST_TEST(actual.before.value_or("-") == expected.before.value_or("-"));
    BOOST_TEST((actual == expected));
}

/// "a=b&c=%7C" -> {a: b, c: |}, as the web layer hands parameters over.
Params parseQueryString(const std::string& text) {
    Params params;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('&', pos);
        if (end == std::string::npos) end = text.size();
        const std::string pair = text.substr(pos, end - pos);
        const std::size_t eq = pair.find('=');
        std::string value;
        const std::string raw = pair.substr(eq + 1);
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '%' && i + 2 < raw.size()) {
                value += static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                value += raw[i];
            }
        }
        params.emplace(pair.substr(0, eq), value);
        pos = end + 1;
    }
    return params;
}

struct ParseRow {
    const char* behaviour;
    Params params;
    std::function<void(IssueQuery&)> expect; // applied to a default query
    const char* errorNaming = nullptr;       // the parameter an error must name, if any
    unsigned actor = kActor;
};

void runRows(const std::vector<ParseRow>& rows) {
    for (const ParseRow& row : rows) {
        BOOST_TEST_CONTEXT(row.behaviour) {
            const QueryParseResult result = parseIssueQuery(row.params, row.actor);
            IssueQuery expected;
            if (row.expect) row.expect(expected);
            checkQuery(result.query, expected);
            if (row.errorNaming) {
                BOOST_TEST_REQUIRE(result.errors.size() == 1u);
                BOOST_TEST(result.errors.front().find(row.errorNaming) != std::string::npos,
                           "'" << result.errors.front() << "' names " << row.errorNaming);
                BOOST_TEST(!result.ok());
            } else {
                BOOST_TEST(result.errors.empty(), (result.errors.empty() ? "" : result.errors.front()));
                BOOST_TEST(result.ok());
            }
        }
    }
}

const std::function<void(IssueQuery&)> kDefault;

} // namespace

BOOST_AUTO_TEST_SUITE(domain_issue_query)

BOOST_AUTO_TEST_CASE(no_parameters_give_open_issues_newest_id_first_25_per_page) {
    const QueryParseResult result = parseIssueQuery({}, kActor);
    BOOST_TEST(result.ok());
    BOOST_TEST(scopeName(result.query.statusScope) == "Open");
    BOOST_TEST(sortKeyName(result.query.sort) == "id");
    BOOST_TEST(result.query.descending);
    BOOST_TEST(result.query.limit == 25u);
    BOOST_TEST(!result.query.projectId.has_value());
    BOOST_TEST(toQueryString(result.query) == "status_id=open&sort=id:desc&limit=25");
}

BOOST_AUTO_TEST_CASE(status_id_takes_open_closed_star_or_status_ids) {
    runRows({
        {"open", {{"status_id", "open"}}, kDefault},
        {"closed", {{"status_id", "closed"}}, [](IssueQuery& q) { q.statusScope = StatusScope::Closed; }},
        {"star means every status", {{"status_id", "*"}}, [](IssueQuery& q) { q.statusScope = StatusScope::All; }},
        {"one id",
         {{"status_id", "1"}},
         [](IssueQuery& q) {
             q.statusScope = StatusScope::Listed;
             q.statusIds = {1};
         }},
        {"ids are sorted and deduplicated",
         {{"status_id", "5|1|5"}},
         [](IssueQuery& q) {
             q.statusScope = StatusScope::Listed;
             q.statusIds = {1, 5};
         }},
        {"a repeated parameter (multi-select) is merged",
         {{"status_id", "4"}, {"status_id", "2"}},
         [](IssueQuery& q) {
             q.statusScope = StatusScope::Listed;
             q.statusIds = {2, 4};
         }},
        {"blank means not given", {{"status_id", "  "}}, kDefault},
        {"a word is an error", {{"status_id", "pending"}}, kDefault, "status_id"},
        {"upper case is an error", {{"status_id", "OPEN"}}, kDefault, "status_id"},
        {"zero is an error", {{"status_id", "0"}}, kDefault, "status_id"},
        {"a negative id is an error", {{"status_id", "-1"}}, kDefault, "status_id"},
        {"an id beyond 32 bits is an error", {{"status_id", "4294967296"}}, kDefault, "status_id"},
        {"one bad piece spoils the list", {{"status_id", "1|x"}}, kDefault, "status_id"},
        {"an empty piece is an error", {{"status_id", "1||3"}}, kDefault, "status_id"},
        {"SQL is just a bad value", {{"status_id", "1) OR (1=1"}}, kDefault, "status_id"},
        {"open mixed with ids is an error", {{"status_id", "open|1"}}, kDefault, "status_id"},
    });
}

BOOST_AUTO_TEST_CASE(tracker_priority_and_milestone_take_id_lists) {
    runRows({
        {"tracker ids",
         {{"tracker_id", "3|1"}},
         [](IssueQuery& q) {
             q.trackerIds = {1, 3};
         }},
        {"tracker multi-select",
         {{"tracker_id", "2"}, {"tracker_id", "1"}},
         [](IssueQuery& q) {
             q.trackerIds = {1, 2};
         }},
        {"tracker name is an error", {{"tracker_id", "Bug"}}, kDefault, "tracker_id"},
        {"priority id", {{"priority_id", "4"}}, [](IssueQuery& q) { q.priorityIds = {4}; }},
        {"priority name is an error", {{"priority_id", "high"}}, kDefault, "priority_id"},
        {"priority with a sign is an error", {{"priority_id", "+4"}}, kDefault, "priority_id"},
        {"milestone ids from fixed_version_id",
         {{"fixed_version_id", "2|3"}},
         [](IssueQuery& q) {
             q.milestoneIds = {2, 3};
         }},
        {"milestone name is an error", {{"fixed_version_id", "2.1.1"}}, kDefault, "fixed_version_id"},
        {"blank filter is any", {{"tracker_id", ""}, {"priority_id", ""}}, kDefault},
        {"a bad filter leaves the good ones",
         {{"tracker_id", "1"}, {"priority_id", "x"}},
         [](IssueQuery& q) { q.trackerIds = {1}; },
         "priority_id"},
        {"spaces around ids are tolerated",
         {{"tracker_id", " 1 | 2 "}},
         [](IssueQuery& q) {
             q.trackerIds = {1, 2};
         }},
    });
}

BOOST_AUTO_TEST_CASE(more_than_100_ids_in_one_filter_are_refused) {
    std::string many;
    for (unsigned id = 1; id <= 101; ++id) many += (id > 1 ? "|" : "") + std::to_string(id);
    const QueryParseResult result = parseIssueQuery({{"tracker_id", many}}, kActor);
    BOOST_TEST(result.query.trackerIds.empty());
    BOOST_TEST_REQUIRE(result.errors.size() == 1u);
    BOOST_TEST(result.errors.front().find("tracker_id") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(assigned_to_id_takes_ids_me_and_unassigned) {
    runRows({
        {"one user", {{"assigned_to_id", "5"}}, [](IssueQuery& q) { q.assigneeIds = {5}; }},
        {"two users",
         {{"assigned_to_id", "6|5"}},
         [](IssueQuery& q) {
             q.assigneeIds = {5, 6};
         }},
        {"me is the actor",
         {{"assigned_to_id", "me"}},
         [](IssueQuery& q) {
             q.assigneeIds = {kActor};
             q.assigneeMe = kActor;
         }},
        {"me with others",
         {{"assigned_to_id", "9|me|5"}},
         [](IssueQuery& q) {
             q.assigneeIds = {5, kActor, 9};
             q.assigneeMe = kActor;
         }},
        {"!* is unassigned", {{"assigned_to_id", "!*"}}, [](IssueQuery& q) { q.assigneeNone = true; }},
        {"!* with a user is an error", {{"assigned_to_id", "!*|5"}}, kDefault, "assigned_to_id"},
        {"me without a signed-in user is an error", {{"assigned_to_id", "me"}}, kDefault, "assigned_to_id", 0},
        {"a login is an error", {{"assigned_to_id", "bill"}}, kDefault, "assigned_to_id"},
        {"an empty piece beside me is an error", {{"assigned_to_id", "me|"}}, kDefault, "assigned_to_id"},
        {"star (any assignee) is not supported", {{"assigned_to_id", "*"}}, kDefault, "assigned_to_id"},
    });
}

BOOST_AUTO_TEST_CASE(sort_takes_an_allowlisted_key_and_direction) {
    const auto sorted = [](SortKey key, bool descending) {
        return [=](IssueQuery& q) {
            q.sort = key;
            q.descending = descending;
        };
    };
    runRows({
        {"id descending", {{"sort", "id:desc"}}, sorted(SortKey::Id, true)},
        {"no direction is ascending, as in Redmine", {{"sort", "updated_on"}}, sorted(SortKey::Updated, false)},
        {"created ascending", {{"sort", "created_on:asc"}}, sorted(SortKey::Created, false)},
        {"first of several keys is used", {{"sort", "priority:desc,id:desc"}}, sorted(SortKey::Priority, true)},
        {"status", {{"sort", "status"}}, sorted(SortKey::Status, false)},
        {"tracker descending", {{"sort", "tracker:desc"}}, sorted(SortKey::Tracker, true)},
        {"subject", {{"sort", "subject:asc"}}, sorted(SortKey::Subject, false)},
        {"assignee", {{"sort", "assigned_to:desc"}}, sorted(SortKey::Assignee, true)},
        {"a trailing comma is tolerated", {{"sort", "subject,"}}, sorted(SortKey::Subject, false)},
        {"a column outside the allowlist is an error", {{"sort", "password_hash"}}, kDefault, "sort"},
        {"SQL is an error", {{"sort", "id; DROP TABLE issues"}}, kDefault, "sort"},
        {"an unknown direction is an error", {{"sort", "id:sideways"}}, kDefault, "sort"},
        {"a bad later key is an error too", {{"sort", "id:desc,bogus"}}, kDefault, "sort"},
        {"sort given twice is an error", {{"sort", "id"}, {"sort", "subject"}}, kDefault, "sort"},
    });
}

BOOST_AUTO_TEST_CASE(limit_must_be_between_1_and_100) {
    const auto limited = [](unsigned limit) { return [=](IssueQuery& q) { q.limit = limit; }; };
    runRows({
        {"lowest", {{"limit", "1"}}, limited(1)},
        {"highest", {{"limit", "100"}}, limited(100)},
        {"zero", {{"limit", "0"}}, kDefault, "limit"},
        {"above the maximum", {{"limit", "101"}}, kDefault, "limit"},
        {"huge", {{"limit", "99999999999999999999"}}, kDefault, "limit"},
        {"negative", {{"limit", "-5"}}, kDefault, "limit"},
        {"fraction", {{"limit", "2.5"}}, kDefault, "limit"},
        {"word", {{"limit", "ten"}}, kDefault, "limit"},
    });
}

BOOST_AUTO_TEST_CASE(after_and_before_take_valid_cursors_but_not_both) {
    const std::string next = encodeCursor({"", 40});
    const std::string previous = encodeCursor({"2024-05-01 10:00:00", 12});
    runRows({
        {"after", {{"after", next}}, [&](IssueQuery& q) { q.after = next; }},
        {"before", {{"before", previous}}, [&](IssueQuery& q) { q.before = previous; }},
        {"garbage after", {{"after", "not a cursor"}}, kDefault, "after"},
        {"garbage before", {{"before", "%%%"}}, kDefault, "before"},
        {"both", {{"after", next}, {"before", previous}}, kDefault, "after and before"},
    });
}

BOOST_AUTO_TEST_CASE(parameters_of_other_features_are_ignored) {
    runRows({
        {"project, page and CSRF fields",
         {{"project_id", "psprosupport"}, {"format", "csv"}, {"csrf", "x"}, {"utf8", "\u2713"}},
         kDefault},
    });
}

BOOST_AUTO_TEST_CASE(every_bad_parameter_gets_its_own_error) {
    const QueryParseResult result = parseIssueQuery({{"status_id", "x"},
                                                     {"tracker_id", "x"},
                                                     {"priority_id", "x"},
                                                     {"fixed_version_id", "x"},
                                                     {"assigned_to_id", "x"},
                                                     {"sort", "x"},
                                                     {"limit", "x"},
                                                     {"after", "x"},
                                                     {"before", "x"}},
                                                    kActor);
    BOOST_TEST(result.errors.size() == 9u);
    checkQuery(result.query, IssueQuery{});
}

BOOST_AUTO_TEST_CASE(query_string_reads_back_to_the_same_query) {
    std::vector<IssueQuery> queries(6);
    queries[1].statusScope = StatusScope::Closed;
    queries[1].sort = SortKey::Updated;
    queries[1].descending = false;
    queries[2].statusScope = StatusScope::Listed;
    queries[2].statusIds = {1, 3};
    queries[2].trackerIds = {1, 2};
    queries[2].priorityIds = {4, 5};
    queries[2].milestoneIds = {7};
    queries[2].limit = 100;
    queries[3].statusScope = StatusScope::All;
    queries[3].assigneeNone = true;
    queries[3].sort = SortKey::Assignee;
    queries[4].assigneeIds = {3, kActor};
    queries[4].assigneeMe = kActor;
    queries[4].sort = SortKey::Subject;
    queries[5].assigneeIds = {3, 4};
    queries[5].sort = SortKey::Priority;
    queries[5].limit = 1;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const std::string text = toQueryString(queries[i]);
        BOOST_TEST_CONTEXT("query " << i << ": " << text) {
            BOOST_TEST(text.find('|') == std::string::npos); // RFC 3986: encoded as %7C
            const QueryParseResult back = parseIssueQuery(parseQueryString(text), kActor);
            BOOST_TEST(back.ok());
            checkQuery(back.query, queries[i]);
        }
    }
}

BOOST_AUTO_TEST_CASE(query_string_keeps_me_and_leaves_out_cursors_and_project) {
    IssueQuery query;
    query.projectId = 2;
    query.assigneeIds = {5, kActor};
    query.assigneeMe = kActor;
    query.trackerIds = {3, 4};
    query.after = encodeCursor({"", 9});
    BOOST_TEST(toQueryString(query) == "status_id=open&tracker_id=3%7C4&assigned_to_id=me%7C5&sort=id:desc&limit=25");
    query.assigneeIds.clear();
    query.assigneeMe.reset();
    query.assigneeNone = true;
    query.statusScope = StatusScope::All;
    BOOST_TEST(toQueryString(query) == "status_id=*&tracker_id=3%7C4&assigned_to_id=!*&sort=id:desc&limit=25");
}

BOOST_AUTO_TEST_CASE(the_seeded_new_issues_query_parses) {
    // queries.filters of the built-in NewIssues query in sql/002_seed.sql
    const QueryParseResult result = parseIssueQuery(parseQueryString("status_id=1"), kActor);
    BOOST_TEST(result.ok());
    BOOST_TEST(scopeName(result.query.statusScope) == "Listed");
    BOOST_TEST(result.query.statusIds == std::vector<unsigned>{1}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sort_key_names_round_trip) {
    for (const SortKey key : {SortKey::Id, SortKey::Updated, SortKey::Created, SortKey::Priority, SortKey::Status,
                              SortKey::Tracker, SortKey::Subject, SortKey::Assignee}) {
        BOOST_TEST_CONTEXT(sortKeyName(key)) {
            BOOST_TEST((sortKeyFromName(sortKeyName(key)) == key));
        }
    }
    BOOST_TEST(!sortKeyFromName("updated_at").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(domain_query_cursor)

BOOST_AUTO_TEST_CASE(cursors_round_trip_through_url_safe_text) {
    const std::vector<Cursor> cursors{
        {"", 1},
        {"", 4294967295u},
        {"2024-05-01 10:00:00", 42},
        {"Ünïcödé subject | with , & = ? / + stuff", 7},
        {"value with a \x1f unit separator", 8},
        {"", 9, true},
        {std::string(500, 'x'), 10},
    };
    for (const Cursor& cursor : cursors) {
        BOOST_TEST_CONTEXT("'" << cursor.sortValue.substr(0, 40) << "' #" << cursor.id) {
            const std::string text = encodeCursor(cursor);
            BOOST_TEST(text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                       std::string::npos);
            const std::optional<Cursor> back = decodeCursor(text);
            BOOST_TEST_REQUIRE(back.has_value());
            BOOST_TEST(back->sortValue == cursor.sortValue);
            BOOST_TEST(back->id == cursor.id);
            BOOST_TEST(back->nullValue == cursor.nullValue);
        }
    }
}

BOOST_AUTO_TEST_CASE(garbage_is_not_a_cursor) {
    const auto b64 = [](const std::string& payload) {
        // Test-side encoder, so crafted payloads need not go through encodeCursor.
        static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        std::string out;
        unsigned buffer = 0;
        int bits = 0;
        for (const unsigned char c : payload) {
            buffer = (buffer << 8) | c;
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out += alphabet[(buffer >> bits) & 0x3F];
            }
        }
        if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 0x3F];
        return out;
    };
    const std::vector<std::pair<const char*, std::string>> rows{
        {"empty", ""},
        {"characters outside base64url", "ab+/"},
        {"padding", b64("v\x1f"
                        "12") +
                        "="},
        {"impossible length", "AAAAA"},
        {"non-zero leftover bits", "vh9"},
        {"random words", "hello world"},
        {"unknown marker", b64("x\x1f"
                               "1")},
        {"no separator", b64("v12")},
        {"id zero", b64("v\x1f"
                        "0")},
        {"id not a number", b64("v\x1f"
                                "1a")},
        {"id too large", b64("v\x1f"
                             "4294967296")},
        {"no id", b64("vabc\x1f")},
        {"null marker with a value", b64("nabc\x1f"
                                         "5")},
        {"sort value not UTF-8", b64("v\xff\xfe\x1f"
                                     "5")},
        {"too long", std::string(2000, 'A')},
    };
    for (const auto& [behaviour, text] : rows) {
        BOOST_TEST_CONTEXT(behaviour) {
            BOOST_TEST(!decodeCursor(text).has_value());
        }
    }
    BOOST_TEST(decodeCursor(b64("v\x1f"
                                "12"))
                   .has_value()); // the crafted encoder itself works
}

BOOST_AUTO_TEST_CASE(a_cursor_has_exactly_one_spelling) {
    // "v\x1f12" is 4 bytes: 6 characters whose last one carries 4 unused bits, which must be 0.
    const std::string canonical = encodeCursor({"", 12});
    BOOST_TEST_REQUIRE(canonical.size() == 6u);
    std::string other = canonical;
    other.back() = static_cast<char>(other.back() + 1);
    BOOST_TEST(decodeCursor(canonical).has_value());
    BOOST_TEST(!decodeCursor(other).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
