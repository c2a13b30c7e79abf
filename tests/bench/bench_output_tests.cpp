// The outputs of `racelab bench` on a made-up sweep: CSV columns, JSON fields,
// and an SVG that is well-formed XML with one line per strategy plus the ideal.

#include "bench/harness/outputs.hpp"

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace racelab::lab::bench;

namespace {

PointResult point(const std::string& strategy, int workers, double seconds) {
  return {.side = "reference", .workload = "primes", .size = 48, .strategy = strategy, .workers = workers,
          .seconds = {seconds, seconds, seconds}};
}

BenchReport made_up_sweep() {
  BenchReport r;
  r.cores = 4;
  r.reps = 3;
  r.series.push_back({"primes", 48, {1, 2, 4}, {}, {}});
  r.points = {point("sequential", 1, 1.0), point("threaded", 1, 1.0), point("threaded", 2, 0.5),
              point("threaded", 4, 0.26), point("process", 1, 1.0), point("process", 2, 0.55),
              point("process", 4, 0.3), point("coroutine", 1, 1.0)};
  summarise(r);
  return r;
}

std::size_t count_elements(const boost::property_tree::ptree& tree, const std::string& name) {
  std::size_t n = 0;
  for (const auto& [key, child] : tree) n += (key == name ? 1 : 0) + count_elements(child, name);
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(csv_has_a_header_and_one_row_per_point) {
  const auto r = made_up_sweep();
  std::ostringstream csv;
  write_csv(r, csv);
  std::istringstream lines(csv.str());
  std::string header, row;
  std::getline(lines, header);
  BOOST_TEST(header ==
             "side,workload,size,strategy,workers,reps,median_seconds,spread,noisy,speedup,efficiency,baseline,"
             "serial_fraction,problem");
  std::size_t rows = 0;
  while (std::getline(lines, row)) {
    ++rows;
    BOOST_TEST(std::count(row.begin(), row.end(), ',') == std::count(header.begin(), header.end(), ','), row);
  }
  BOOST_TEST(rows == r.points.size());
  BOOST_TEST(csv.str().find("reference,primes,48,threaded,2,3,0.500000,0.0000,no,2.0000,1.0000,measured") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_holds_points_and_fits) {
  const auto json = to_json(made_up_sweep());
  const auto& points = json.at("points").as_array();
  BOOST_TEST(points.size() == 8u);
  const auto& p = points[2].as_object();
  for (const char* field : {"side", "workload", "size", "strategy", "workers", "seconds", "median_seconds", "spread",
                            "noisy", "speedup", "efficiency"})
    BOOST_TEST(p.contains(field), field);
  BOOST_TEST(p.at("speedup").as_double() == 2.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(json.at("cores").as_uint64() == 4u);
  bool threaded_fitted = false;
  for (const auto& c : json.at("curves").as_array()) {
    if (c.at("strategy") == "threaded") threaded_fitted = c.at("serial_fraction").is_double();
  }
  BOOST_TEST(threaded_fitted);
}

BOOST_AUTO_TEST_CASE(svg_is_well_formed_with_a_line_per_strategy_and_the_ideal) {
  const auto r = made_up_sweep();
  std::istringstream svg(svg_chart(r, "primes", 48));
  boost::property_tree::ptree tree;
  BOOST_REQUIRE_NO_THROW(boost::property_tree::read_xml(svg, tree));
  // sequential, threaded, process, coroutine, and the ideal line
  BOOST_TEST(count_elements(tree, "polyline") == 5u);
  const std::string text = svg.str();
  for (const char* label : {">threaded<", ">process<", ">coroutine<", ">ideal<"})
    BOOST_TEST(text.find(label) != std::string::npos, label);
}

BOOST_AUTO_TEST_CASE(the_table_names_units_and_marks_noise) {
  auto r = made_up_sweep();
  r.points[2].seconds = {0.5, 0.5, 1.5};
  summarise(r);
  std::ostringstream table;
  write_table(r, table);
  const std::string text = table.str();
  BOOST_TEST(text.find("500 ms") != std::string::npos);
  BOOST_TEST(text.find("2.00×") != std::string::npos);
  BOOST_TEST(text.find("NOISY") != std::string::npos);
  BOOST_TEST(text.find("Amdahl serial fraction") != std::string::npos);
}
