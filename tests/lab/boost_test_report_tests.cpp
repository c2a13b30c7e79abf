// Boost.Test's report and list, as the judges read them: every test case by
// path, one document only, and the listed cases that did not pass.

#include "judge/boost_test_report.hpp"
#include <boost/test/unit_test.hpp>

namespace lab = racelab::lab;

namespace {

// What `--list_content` prints for a suite with a data-driven case (Boost 1.74).
const std::string listing = "counter_tests*\n"
                            "    one_worker_counts_every_increment*\n"
                            "    many_workers_count_every_increment*\n"
                            "        _0*\n"
                            "        _1*\n"
                            "    disabled_case\n"
                            "each_call_starts_from_zero*\n";

std::string report(const std::string& second_result) {
  return "<TestResult><TestSuite name=\"exercise1\" result=\"passed\" test_cases_passed=\"4\" "
         "test_cases_failed=\"0\" test_cases_aborted=\"0\">"
         "<TestSuite name=\"counter_tests\" result=\"passed\">"
         "<TestCase name=\"one_worker_counts_every_increment\" result=\"passed\"/>"
         "<TestSuite name=\"many_workers_count_every_increment\" result=\"passed\">"
         "<TestCase name=\"_0\" result=\"passed\"/><TestCase name=\"_1\" result=\"" + second_result + "\"/>"
         "</TestSuite></TestSuite>"
         "<TestCase name=\"each_call_starts_from_zero\" result=\"passed\"/></TestSuite></TestResult>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(boost_test_report_tests)

BOOST_AUTO_TEST_CASE(the_list_names_enabled_test_cases_by_path) {
  const std::vector<std::string> expected{"counter_tests/one_worker_counts_every_increment",
                                          "counter_tests/many_workers_count_every_increment/_0",
                                          "counter_tests/many_workers_count_every_increment/_1",
                                          "each_call_starts_from_zero"};
  BOOST_TEST(lab::parse_test_list(listing) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_listed_case_passed) {
  const auto r = lab::parse_test_report(report("passed"));
  BOOST_TEST(r.all_passed());
  BOOST_TEST(lab::cases_not_passed(lab::parse_test_list(listing), r).empty());
}

BOOST_AUTO_TEST_CASE(a_skipped_or_missing_case_is_named) {
  const auto r = lab::parse_test_report(report("skipped"));
  auto listed = lab::parse_test_list(listing);
  listed.push_back("counter_tests/never_reached");
  const std::vector<std::string> expected{"counter_tests/many_workers_count_every_increment/_1 (skipped)",
                                          "counter_tests/never_reached (did not run)"};
  BOOST_TEST(lab::cases_not_passed(listed, r) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_second_document_voids_the_report) {
  BOOST_TEST(!lab::parse_test_report(report("passed") + report("passed")).found);
  BOOST_TEST(!lab::parse_test_report("<Forged/>" + report("passed")).found);
  BOOST_TEST(!lab::parse_test_report(report("passed").substr(0, 100)).found);
  BOOST_TEST(!lab::parse_test_report("").found);
}

BOOST_AUTO_TEST_SUITE_END()
