// Entry point of the unit test binary; suites live in tests/unit/test_*.cpp.
#define BOOST_TEST_MODULE ticketflow_unit
#include <boost/test/unit_test.hpp>
