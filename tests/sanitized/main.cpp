// Entry point of the sanitized mail test binary (ASan + UBSan); see CMakeLists.txt here.
#define BOOST_TEST_MODULE ticketflow_mail_sanitized
#include <boost/test/unit_test.hpp>
