// Entry point of the integration test binary (real MariaDB); suites live in test_*.cpp.
#define BOOST_TEST_MODULE ticketflow_integration
#include <boost/test/unit_test.hpp>
