// Attachments on a real MariaDB and disk: the store, the rows, the journal line, failures.
#include "tests/integration/test_database.hpp"

#include "core/app/attachment_store.hpp"
#include "core/app/crypto.hpp"
#include "core/app/api_uploads.hpp"
#include "core/app/file_cleanup.hpp"
#include "core/app/issue_service.hpp"
#include "core/domain/journal_text.hpp"
#include "core/storage/attachment_repository.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>

using namespace ticketflow;
namespace fs = std::filesystem;

namespace {

/// A fresh database with bill (Support in PSProSupport), an issue of his, and an empty
/// attachments folder that is removed afterwards.
struct Desk {
    testing::TestDatabase t;
    fs::path root;
    app::AttachmentStore store;
    domain::Catalog catalog;
    unsigned bill = 0, issueId = 0;

    Desk() : root(freshFolder()), store(root.string(), {1024, 3}) {
        app::initCrypto();
        storage::UserRepository users(t.db());
        bill = users.create({"bill", "Bill", "Support", "bill@example.com", "", false, false});
        BOOST_REQUIRE(users.addMembership(bill, "psprosupport", "Support"));
        catalog = storage::CatalogRepository(t.db()).load();
        issueId = createIssue({});
    }
    ~Desk() { fs::remove_all(root); }

    static fs::path freshFolder() {
        std::random_device rd;
        const fs::path p = fs::temp_directory_path() / ("tf-attachments-" + std::to_string(rd()));
        fs::create_directories(p);
        return p;
    }
    domain::Actor actor() const {
        domain::Actor a;
        a.userId = bill;
        a.staff = true;
        a.roles = catalog.rolesOf(bill);
        return a;
    }
    unsigned createIssue(const std::vector<app::Upload>& uploads) {
        domain::IssueDraft d;
        d.projectId = catalog.projectByIdentifier("psprosupport")->id;
        for (const auto& tr : catalog.trackers)
            if (tr.name == "Support") d.trackerId = tr.id;
        d.subject = "Export crashes";
        const auto r = app::IssueService(t.db(), catalog, &store).create(actor(), d, uploads);
        BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
        return r.issueId;
    }
    app::UpdateResult attach(std::vector<app::Upload> uploads, std::string note = {}, bool privateNote = false,
                             std::optional<unsigned> lockVersion = std::nullopt) {
        app::IssueEdit e;
        e.lockVersion = lockVersion ? *lockVersion : storage::IssueRepository(t.db()).find(issueId)->lockVersion;
        e.note = std::move(note);
        e.privateNote = privateNote;
        e.attachments = std::move(uploads);
        return app::IssueService(t.db(), catalog, &store).update(actor(), issueId, e);
    }
    /// Regular files under the folder, temporary ones included.
    std::size_t filesOnDisk() const {
        std::size_t n = 0;
        for (const auto& entry : fs::recursive_directory_iterator(root)) n += entry.is_regular_file() ? 1 : 0;
        return n;
    }
    std::string read(const std::string& diskFilename) const {
        std::ifstream in(root / diskFilename, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(attachments)

BOOST_AUTO_TEST_CASE(store_writes_the_bytes_under_a_generated_readable_name_with_their_digest) {
    Desk desk;
    const std::string data("crash\0dump", 10);
    const auto stored = desk.store.save(data);
    BOOST_CHECK(app::AttachmentStore::isValidDiskName(stored.diskFilename));
    BOOST_CHECK_EQUAL(stored.size, 10u);
    BOOST_CHECK_EQUAL(stored.digest, app::toHex(app::sha256(data)));
    BOOST_CHECK_EQUAL(desk.read(stored.diskFilename), data);
    BOOST_CHECK_EQUAL(desk.filesOnDisk(), 1u); // no temporary file left behind
    struct stat st {};
    BOOST_REQUIRE_EQUAL(::stat((desk.root / stored.diskFilename).c_str(), &st), 0);
    BOOST_CHECK_EQUAL(st.st_mode & 0777, 0644u); // nginx reads it as another user
    BOOST_CHECK_NE(desk.store.save(data).diskFilename, stored.diskFilename);
}

BOOST_AUTO_TEST_CASE(disk_names_that_could_leave_the_folder_are_not_valid) {
    BOOST_CHECK(app::AttachmentStore::isValidDiskName("2025/01/0123456789abcdef0123456789abcdef"));
    BOOST_CHECK(!app::AttachmentStore::isValidDiskName("../01/0123456789abcdef0123456789abcdef"));
    BOOST_CHECK(!app::AttachmentStore::isValidDiskName("2025/01/0123456789abcdef0123456789abcde/"));
    BOOST_CHECK(!app::AttachmentStore::isValidDiskName("2025/01/0123456789ABCDEF0123456789ABCDEF"));
    BOOST_CHECK(!app::AttachmentStore::isValidDiskName(""));
}

BOOST_AUTO_TEST_CASE(files_of_an_edit_belong_to_its_journal_and_the_history_names_them) {
    Desk desk;
    const auto r = desk.attach({{"C:\\tmp\\report.pdf", "%PDF-1.4"}, {"crash.log", "boom"}});
    BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));

    const auto list = storage::AttachmentRepository(desk.t.db()).listForIssue(desk.issueId);
    BOOST_REQUIRE_EQUAL(list.size(), 2u);
    const auto& pdf = list[0];
    BOOST_CHECK_EQUAL(pdf.filename, "report.pdf");
    BOOST_CHECK_EQUAL(pdf.contentType, "application/pdf");
    BOOST_CHECK_EQUAL(pdf.filesize, 8u);
    BOOST_CHECK_EQUAL(pdf.digest, app::toHex(app::sha256("%PDF-1.4")));
    BOOST_CHECK(pdf.isPublic);
    BOOST_CHECK(pdf.authorId == desk.bill);
    BOOST_CHECK_EQUAL(pdf.authorName, "Bill Support");
    BOOST_CHECK_EQUAL(desk.read(pdf.diskFilename), "%PDF-1.4");

    const auto journals = storage::IssueRepository(desk.t.db()).journals(desk.issueId, true);
    BOOST_REQUIRE_EQUAL(journals.size(), 1u);
    BOOST_REQUIRE(pdf.journalId && *pdf.journalId == journals[0].id);
    BOOST_REQUIRE_EQUAL(journals[0].details.size(), 2u);
    const auto& d = journals[0].details[0];
    BOOST_CHECK_EQUAL(d.property, "attachment");
    BOOST_CHECK_EQUAL(d.key, std::to_string(pdf.id));
    BOOST_CHECK(!d.oldValue);
    BOOST_REQUIRE(d.value);
    BOOST_CHECK_EQUAL(domain::describeDetail({d.property, d.key, d.oldValue, d.value}), "File report.pdf added");

    const auto found = storage::AttachmentRepository(desk.t.db()).find(pdf.id);
    BOOST_REQUIRE(found);
    BOOST_CHECK_EQUAL(found->diskFilename, pdf.diskFilename);
    BOOST_CHECK(!storage::AttachmentRepository(desk.t.db()).find(pdf.id + 100));
}

BOOST_AUTO_TEST_CASE(files_of_a_new_issue_belong_to_the_issue_without_a_journal) {
    Desk desk;
    const unsigned id = desk.createIssue({{"screenshot.png", "\x89PNG"}});
    const auto list = storage::AttachmentRepository(desk.t.db()).listForIssue(id);
    BOOST_REQUIRE_EQUAL(list.size(), 1u);
    BOOST_CHECK_EQUAL(list[0].filename, "screenshot.png");
    BOOST_CHECK(!list[0].journalId);
    BOOST_CHECK(storage::IssueRepository(desk.t.db()).journals(id, true).empty());
}

BOOST_AUTO_TEST_CASE(files_with_a_private_note_are_private) {
    Desk desk;
    const auto r = desk.attach({{"customer-db.zip", "PK"}}, "Their database, staff only.", true);
    BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
    const auto list = storage::AttachmentRepository(desk.t.db()).listForIssue(desk.issueId);
    BOOST_REQUIRE_EQUAL(list.size(), 1u);
    BOOST_CHECK(!list[0].isPublic);
}

BOOST_AUTO_TEST_CASE(an_oversize_or_empty_file_is_refused_and_nothing_is_written) {
    Desk desk;
    const std::string big(1025, 'x');
    const auto r = desk.attach({{"small.txt", "ok"}, {"big.bin", big}, {"empty.txt", ""}}, "with files");
    BOOST_CHECK(r.outcome == app::Outcome::Invalid);
    BOOST_REQUIRE_EQUAL(r.errors.size(), 2u);
    BOOST_CHECK_EQUAL(r.errors[0], "big.bin is too large (1025 bytes); the limit is 1 KB per file.");
    BOOST_CHECK_EQUAL(r.errors[1], "empty.txt is empty.");
    BOOST_CHECK_EQUAL(desk.filesOnDisk(), 0u);
    BOOST_CHECK_EQUAL(desk.t.scalar("SELECT COUNT(*) FROM attachments"), 0);
    BOOST_CHECK_EQUAL(desk.t.scalar("SELECT COUNT(*) FROM journals"), 0);
}

BOOST_AUTO_TEST_CASE(too_many_files_are_refused) {
    Desk desk;
    const auto r = desk.attach({{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}});
    BOOST_CHECK(r.outcome == app::Outcome::Invalid);
    BOOST_CHECK_EQUAL(desk.filesOnDisk(), 0u);
}

BOOST_AUTO_TEST_CASE(a_stale_edit_with_files_writes_no_row_and_leaves_no_file) {
    Desk desk;
    const unsigned stale = storage::IssueRepository(desk.t.db()).find(desk.issueId)->lockVersion;
    BOOST_REQUIRE(desk.attach({}, "someone else first").outcome == app::Outcome::Ok);
    const auto r = desk.attach({{"late.txt", "late"}}, "", false, stale);
    BOOST_CHECK(r.outcome == app::Outcome::Conflict);
    BOOST_CHECK_EQUAL(desk.filesOnDisk(), 0u);
    BOOST_CHECK_EQUAL(desk.t.scalar("SELECT COUNT(*) FROM attachments"), 0);
}

BOOST_AUTO_TEST_CASE(a_failing_transaction_rolls_back_and_removes_the_files_it_wrote) {
    Desk desk;
    // A column without a default makes the attachment insert fail inside the transaction.
    desk.t.db().execute("ALTER TABLE attachments ADD COLUMN required_here INT NOT NULL");
    BOOST_CHECK_THROW(desk.attach({{"a.txt", "a"}}, "note with a file"), storage::StorageError);
    BOOST_CHECK_EQUAL(desk.filesOnDisk(), 0u);
    BOOST_CHECK_EQUAL(desk.t.scalar("SELECT COUNT(*) FROM journals"), 0);
}

BOOST_AUTO_TEST_CASE(staged_files_stay_only_when_kept) {
    Desk desk;
    {
        app::StagedFiles dropped(&desk.store);
        dropped.save({{"a.txt", "a"}, {"b.txt", "b"}});
        BOOST_CHECK_EQUAL(desk.filesOnDisk(), 2u);
    }
    BOOST_CHECK_EQUAL(desk.filesOnDisk(), 0u);
    {
        app::StagedFiles kept(&desk.store);
        kept.save({{"c.txt", "c"}});
        kept.keep();
    }
    BOOST_CHECK_EQUAL(desk.filesOnDisk(), 1u);
}

BOOST_AUTO_TEST_CASE(nightly_cleanup_removes_only_old_unused_files) {
    Desk desk;
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(48);
    const auto diskName = [&](unsigned attachmentId) {
        return storage::AttachmentRepository(desk.t.db()).find(attachmentId).value().diskFilename;
    };
    // An issue's file (kept), and a second issue with a file, then deleted by an admin.
    desk.attach({{"kept.log", "kept"}});
    const unsigned gone = desk.createIssue({{"gone.log", "gone"}});
    const auto goneFile = desk.root / diskName(static_cast<unsigned>(desk.t.scalar(
                                          "SELECT id FROM attachments WHERE issue_id = " + std::to_string(gone))));
    domain::Actor admin;
    admin.userId = desk.bill;
    admin.staff = true;
    admin.admin = true;
    BOOST_REQUIRE((app::IssueService(desk.t.db(), desk.catalog, &desk.store).destroy(admin, gone) == app::Outcome::Ok));
    BOOST_REQUIRE(fs::exists(goneFile));
    fs::last_write_time(goneFile, old);

    // Two unclaimed uploads: one from two days ago, one fresh.
    std::vector<std::string> errors;
    const auto stale = app::storeUpload(desk.t.db(), &desk.store, desk.actor(), {"stale.bin", "stale"}, errors);
    const auto fresh = app::storeUpload(desk.t.db(), &desk.store, desk.actor(), {"fresh.bin", "fresh"}, errors);
    BOOST_REQUIRE(stale && fresh);
    const auto staleFile = desk.root / diskName(stale->id);
    auto& age = desk.t.db().prepare("UPDATE attachments SET created_at = NOW() - INTERVAL 48 HOUR WHERE id = ?");
    age.setUInt(1, stale->id);
    desk.t.db().run([&] { age.executeUpdate(); });
    fs::last_write_time(staleFile, old);

    // Leftovers: an old crashed write, a fresh file not yet committed, and a file that is not ours.
    fs::create_directories(desk.root / "2020" / "01");
    const auto crashed = desk.root / "2020" / "01" / ".0123456789abcdef.part";
    const auto inFlight = desk.root / "2020" / "01" / "0123456789abcdef0123456789abcdef";
    const auto foreign = desk.root / "README";
    for (const auto& p : {crashed, inFlight, foreign}) std::ofstream(p) << "x";
    fs::last_write_time(crashed, old);
    fs::last_write_time(foreign, old);
    const std::size_t before = desk.filesOnDisk();

    std::ostringstream log;
    const auto dry = app::cleanUpFiles(desk.t.db(), desk.store, 24, true, log);
    BOOST_TEST(dry.pendingUploads == 1u);
    BOOST_TEST(dry.files == 3u, log.str()); // the deleted issue's file, the stale upload's, the crashed write
    BOOST_TEST(desk.filesOnDisk() == before);
    BOOST_TEST(desk.t.scalar("SELECT COUNT(*) FROM attachments WHERE issue_id IS NULL") == 2);

    log.str("");
    const auto done = app::cleanUpFiles(desk.t.db(), desk.store, 24, false, log);
    BOOST_TEST(done.pendingUploads == 1u);
    BOOST_TEST(done.files == 3u);
    BOOST_TEST(done.bytes == 4u + 5u + 1u);
    BOOST_TEST(log.str() == "");
    BOOST_TEST(desk.filesOnDisk() == before - 3);
    BOOST_TEST(!fs::exists(goneFile));
    BOOST_TEST(!fs::exists(staleFile));
    BOOST_TEST(!fs::exists(crashed));
    BOOST_TEST(fs::exists(inFlight));
    BOOST_TEST(fs::exists(foreign));
    BOOST_TEST(desk.t.scalar("SELECT COUNT(*) FROM attachments WHERE issue_id IS NULL") == 1);
    BOOST_TEST(fs::exists(desk.root / diskName(fresh->id)));
    BOOST_TEST(desk.t.scalar("SELECT COUNT(*) FROM attachments WHERE issue_id = " + std::to_string(desk.issueId)) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
