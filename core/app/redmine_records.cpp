// Records read from Redmine's REST API: JSON objects into plain structs.
#include "core/app/redmine_records.hpp"

#include "core/app/crypto.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace ticketflow::app::redmine {

using nlohmann::json;

namespace {

const json* field(const json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const json& j, const char* key) {
    const json* v = field(j, key);
    if (!v) return {};
    if (v->is_string()) return v->get<std::string>();
    return v->dump(); // numbers and booleans in details and custom values
}

std::optional<std::string> optionalText(const json& j, const char* key) {
    if (!field(j, key)) return std::nullopt;
    return text(j, key);
}

bool flag(const json& j, const char* key) {
    const json* v = field(j, key);
    if (!v) return false;
    if (v->is_boolean()) return v->get<bool>();
    if (v->is_number_integer()) return v->get<long long>() != 0;
    return v->is_string() && (*v == "1" || *v == "true");
}

std::optional<unsigned> optionalId(const json& j, const char* key) {
    const json* v = field(j, key);
    if (!v) return std::nullopt;
    if (v->is_number_unsigned() || (v->is_number_integer() && v->get<long long>() > 0)) {
        const auto n = v->get<unsigned long long>();
        if (n > 0 && n <= 0xffffffffULL) return static_cast<unsigned>(n);
    }
    return std::nullopt;
}

/// {"id": 3, "name": "..."} under `key`: its id.
std::optional<unsigned> refId(const json& j, const char* key) {
    const json* v = field(j, key);
    return v ? optionalId(*v, "id") : std::nullopt;
}

unsigned requiredId(const json& j, const char* key, const char* what) {
    const auto id = optionalId(j, key);
    if (!id) throw std::runtime_error(std::string(what) + " without " + key);
    return *id;
}

unsigned requiredRef(const json& j, const char* key, const char* what) {
    const auto id = refId(j, key);
    if (!id) throw std::runtime_error(std::string(what) + " without " + key);
    return *id;
}

/// Custom fields that carry a value: counted for the summary of what is not imported.
std::size_t customValues(const json& j) {
    const json* list = field(j, "custom_fields");
    if (!list || !list->is_array()) return 0;
    std::size_t n = 0;
    for (const auto& cf : *list) {
        const json* v = field(cf, "value");
        if (!v) continue;
        if ((v->is_string() && !v->get<std::string>().empty()) || (v->is_array() && !v->empty())) ++n;
    }
    return n;
}

template <class T, class F>
std::vector<T> each(const json& j, const char* key, F parse) {
    std::vector<T> out;
    const json* list = field(j, key);
    if (!list || !list->is_array()) return out;
    for (const auto& item : *list) out.push_back(parse(item));
    return out;
}

bool digitsAt(const std::string& s, std::size_t pos, std::size_t count) {
    if (s.size() < pos + count) return false;
    for (std::size_t i = pos; i < pos + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

} // namespace

std::string utcTimestamp(const std::string& iso) {
    // 2024-03-01T10:20:30Z, 2024-03-01T10:20:30.123Z or 2024-03-01T10:20:30+01:00
    if (iso.size() < 19 || !digitsAt(iso, 0, 4) || iso[4] != '-' || !digitsAt(iso, 5, 2) || iso[7] != '-' ||
        !digitsAt(iso, 8, 2) || (iso[10] != 'T' && iso[10] != ' ') || !digitsAt(iso, 11, 2) || iso[13] != ':' ||
        !digitsAt(iso, 14, 2) || iso[16] != ':' || !digitsAt(iso, 17, 2))
        return {};
    std::size_t pos = 19;
    if (pos < iso.size() && iso[pos] == '.') {
        ++pos;
        while (pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9') ++pos;
    }
    long offsetSeconds = 0;
    const std::string zone = iso.substr(pos);
    if (zone == "+00:00" || zone == "Z" || zone.empty()) {
        offsetSeconds = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digitsAt(zone, 1, 2) && zone[3] == ':' &&
               digitsAt(zone, 4, 2)) {
        offsetSeconds = (std::stol(zone.substr(1, 2)) * 3600 + std::stol(zone.substr(4, 2)) * 60) *
                        (zone[0] == '+' ? 1 : -1);
    } else {
        return {};
    }
    std::tm tm{};
    tm.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(iso.substr(8, 2));
    tm.tm_hour = std::stoi(iso.substr(11, 2));
    tm.tm_min = std::stoi(iso.substr(14, 2));
    tm.tm_sec = std::stoi(iso.substr(17, 2));
    if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
        return {};
    const std::time_t t = timegm(&tm) - offsetSeconds;
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[20];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &utc);
    return buf;
}

Status parseStatus(const json& j) {
    return {requiredId(j, "id", "issue status"), text(j, "name"), flag(j, "is_closed")};
}

Tracker parseTracker(const json& j) {
    return {requiredId(j, "id", "tracker"), text(j, "name"), refId(j, "default_status")};
}

Priority parsePriority(const json& j) {
    return {requiredId(j, "id", "issue priority"), text(j, "name"), flag(j, "is_default")};
}

Project parseProject(const json& j) {
    Project p;
    p.id = requiredId(j, "id", "project");
    p.identifier = text(j, "identifier");
    p.name = text(j, "name");
    p.description = text(j, "description");
    p.parentId = refId(j, "parent");
    if (const auto status = optionalId(j, "status")) p.status = static_cast<int>(*status);
    p.isPublic = field(j, "is_public") ? flag(j, "is_public") : true;
    for (const auto& t : each<Named>(j, "trackers", [](const json& t) { return Named{requiredId(t, "id", "tracker"), text(t, "name")}; }))
        p.trackerIds.push_back(t.id);
    p.customValues = customValues(j);
    p.createdOn = utcTimestamp(text(j, "created_on"));
    p.digest = digestOf(j);
    return p;
}

User parseUser(const json& j) {
    User u;
    u.id = requiredId(j, "id", "user");
    u.login = text(j, "login");
    u.firstname = text(j, "firstname");
    u.lastname = text(j, "lastname");
    u.mail = text(j, "mail");
    u.admin = flag(j, "admin");
    if (const auto status = optionalId(j, "status")) u.status = static_cast<int>(*status);
    u.createdOn = utcTimestamp(text(j, "created_on"));
    u.lastLoginOn = utcTimestamp(text(j, "last_login_on"));
    // The list's own volatile fields would make every run look like a change.
    json stable = j;
    if (stable.is_object()) {
        stable.erase("last_login_on");
        stable.erase("updated_on");
        stable.erase("passwd_changed_on");
    }
    u.digest = digestOf(stable);
    return u;
}

Version parseVersion(const json& j) {
    Version v;
    v.id = requiredId(j, "id", "version");
    v.projectId = requiredRef(j, "project", "version");
    v.name = text(j, "name");
    v.description = text(j, "description");
    v.status = text(j, "status");
    v.dueDate = text(j, "due_date");
    v.sharing = text(j, "sharing");
    v.createdOn = utcTimestamp(text(j, "created_on"));
    v.digest = digestOf(j);
    return v;
}

Membership parseMembership(const json& j) {
    Membership m;
    m.projectId = requiredRef(j, "project", "membership");
    m.userId = refId(j, "user");
    for (const auto& r : each<Named>(j, "roles", [](const json& r) { return Named{0, text(r, "name")}; }))
        m.roleNames.push_back(r.name);
    return m;
}

Journal parseJournal(const json& j) {
    Journal out;
    out.id = requiredId(j, "id", "journal");
    out.userId = refId(j, "user");
    out.notes = text(j, "notes");
    out.privateNotes = flag(j, "private_notes");
    out.createdOn = utcTimestamp(text(j, "created_on"));
    out.details = each<Detail>(j, "details", [](const json& d) {
        return Detail{text(d, "property"), text(d, "name"), optionalText(d, "old_value"), optionalText(d, "new_value")};
    });
    return out;
}

Attachment parseAttachment(const json& j) {
    Attachment a;
    a.id = requiredId(j, "id", "attachment");
    a.filename = text(j, "filename");
    a.contentType = text(j, "content_type");
    a.description = text(j, "description");
    a.contentUrl = text(j, "content_url");
    a.createdOn = utcTimestamp(text(j, "created_on"));
    if (const json* size = field(j, "filesize"); size && size->is_number_unsigned()) a.filesize = size->get<std::uint64_t>();
    a.authorId = refId(j, "author");
    return a;
}

Relation parseRelation(const json& j) {
    Relation r;
    r.id = requiredId(j, "id", "relation");
    r.issueId = requiredId(j, "issue_id", "relation");
    r.issueToId = requiredId(j, "issue_to_id", "relation");
    r.type = text(j, "relation_type");
    if (const json* d = field(j, "delay"); d && d->is_number_integer()) r.delay = d->get<int>();
    return r;
}

Issue parseIssue(const json& j) {
    Issue i;
    i.id = requiredId(j, "id", "issue");
    i.projectId = requiredRef(j, "project", "issue");
    i.trackerId = requiredRef(j, "tracker", "issue");
    i.statusId = requiredRef(j, "status", "issue");
    i.priorityId = requiredRef(j, "priority", "issue");
    i.authorId = refId(j, "author");
    i.assigneeId = refId(j, "assigned_to");
    i.versionId = refId(j, "fixed_version");
    i.categoryId = refId(j, "category");
    i.parentId = refId(j, "parent");
    i.subject = text(j, "subject");
    i.description = text(j, "description");
    i.startDate = text(j, "start_date");
    i.dueDate = text(j, "due_date");
    if (const json* d = field(j, "done_ratio"); d && d->is_number_integer()) i.doneRatio = d->get<int>();
    if (const json* h = field(j, "estimated_hours"); h && h->is_number()) i.estimatedHours = h->get<double>();
    i.isPrivate = flag(j, "is_private");
    i.customValues = customValues(j);
    i.createdOn = utcTimestamp(text(j, "created_on"));
    i.updatedOn = utcTimestamp(text(j, "updated_on"));
    i.closedOn = utcTimestamp(text(j, "closed_on"));
    i.journals = each<Journal>(j, "journals", parseJournal);
    i.attachments = each<Attachment>(j, "attachments", parseAttachment);
    i.relations = each<Relation>(j, "relations", parseRelation);
    for (const auto& w : each<Named>(j, "watchers", [](const json& w) { return Named{requiredId(w, "id", "watcher"), ""}; }))
        i.watcherIds.push_back(w.id);
    json listed = j;
    for (const char* include : {"journals", "attachments", "relations", "watchers", "children", "changesets", "allowed_statuses"})
        listed.erase(include);
    i.digest = digestOf(listed);
    return i;
}

std::string digestOf(const json& j) {
    // nlohmann::json keeps object keys sorted, so dump() is canonical for equal content.
    return toHex(sha256(j.dump()));
}

} // namespace ticketflow::app::redmine
