// Unit tests of API key derivation and of the REST API's JSON field readers.
#include <boost/test/unit_test.hpp>

#include "core/app/api_keys.hpp"
#include "core/app/crypto.hpp"
#include "fcgi/api/json_io.hpp"

using namespace ticketflow;
using web::api::Json;

BOOST_AUTO_TEST_SUITE(api_keys_and_json)

BOOST_AUTO_TEST_CASE(derived_key_is_40_hex_and_depends_on_secret_and_nonce) {
    app::initCrypto();
    const std::string secret(40, 'x');
    const auto key = app::deriveApiKey(secret, "nonce-1");
    BOOST_TEST(key.size() == 40u);
    BOOST_TEST(app::looksLikeApiKey(key));
    BOOST_TEST(app::deriveApiKey(secret, "nonce-1") == key);
    BOOST_TEST(app::deriveApiKey(secret, "nonce-2") != key);
    BOOST_TEST(app::deriveApiKey(std::string(40, 'y'), "nonce-1") != key);
    BOOST_CHECK_THROW(app::deriveApiKey("short", "nonce-1"), std::invalid_argument);
    BOOST_TEST(app::apiKeyDigest(secret, key).size() == 64u);
    BOOST_TEST(app::apiKeyDigest(secret, key) != app::apiKeyDigest(std::string(40, 'y'), key));
}

BOOST_AUTO_TEST_CASE(looks_like_api_key_wants_exactly_40_hex_characters) {
    BOOST_TEST(app::looksLikeApiKey(std::string(40, 'a')));
    BOOST_TEST(app::looksLikeApiKey(std::string(40, 'F')));
    BOOST_TEST(!app::looksLikeApiKey(std::string(39, 'a')));
    BOOST_TEST(!app::looksLikeApiKey(std::string(41, 'a')));
    BOOST_TEST(!app::looksLikeApiKey(std::string(39, 'a') + "g"));
    BOOST_TEST(!app::looksLikeApiKey(""));
}

BOOST_AUTO_TEST_CASE(id_fields_accept_numbers_and_digit_strings_only) {
    const auto doc = nlohmann::json::parse(
        R"({"a": 12, "b": "7", "c": "", "d": null, "e": -1, "f": 1.5, "g": "x1", "h": true, "i": 0, "j": 99999999999})");
    std::vector<std::string> errors;
    using web::api::idField;
    BOOST_TEST((idField(doc, "a", errors).value == std::optional<unsigned>(12)));
    BOOST_TEST((idField(doc, "b", errors).value == std::optional<unsigned>(7)));
    const auto cleared = idField(doc, "c", errors);
    BOOST_TEST((cleared.present && !cleared.value));
    BOOST_TEST(!idField(doc, "d", errors).present);
    BOOST_TEST(!idField(doc, "missing", errors).present);
    BOOST_TEST(errors.empty());
    for (const char* bad : {"e", "f", "g", "h", "i", "j"}) {
        std::vector<std::string> e;
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(!idField(doc, bad, e).value);
            BOOST_TEST(e.size() == 1u);
        }
    }
    std::vector<std::string> e;
    BOOST_TEST((web::api::countField(doc, "i", e).value == std::optional<unsigned>(0)));
    BOOST_TEST(e.empty());
}

BOOST_AUTO_TEST_CASE(text_and_bool_fields_check_their_types) {
    const auto doc = nlohmann::json::parse(R"({"s": "hi", "n": 3, "z": null, "t": true, "one": "1", "no": "nope"})");
    std::vector<std::string> errors;
    BOOST_TEST(*web::api::textField(doc, "s", errors) == "hi");
    BOOST_TEST(*web::api::textField(doc, "z", errors) == "");
    BOOST_TEST(!web::api::textField(doc, "missing", errors));
    BOOST_TEST(*web::api::boolField(doc, "t", errors));
    BOOST_TEST(*web::api::boolField(doc, "one", errors));
    BOOST_TEST(errors.empty());
    BOOST_TEST(!web::api::textField(doc, "n", errors));
    BOOST_TEST(!web::api::boolField(doc, "no", errors));
    BOOST_TEST(errors.size() == 2u);
}

BOOST_AUTO_TEST_CASE(iso_time_turns_a_utc_datetime_into_redmines_format) {
    BOOST_TEST(web::api::isoTime("2026-11-26 19:41:05") == "2026-11-26T19:41:05Z");
    BOOST_TEST(web::api::isoTime("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
