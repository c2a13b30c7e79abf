#include "core/xml.hpp"

#include <boost/property_tree/xml_parser.hpp>

#include <sstream>

namespace racelab::lab {

namespace pt = boost::property_tree;

std::string xml_text(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\n' && c != '\r' && c != '\t') c = '?';
  }
  return out;
}

pt::ptree& add_element(pt::ptree& parent, const std::string& name, const std::string& text) {
  return parent.push_back({name, pt::ptree(xml_text(text))})->second;
}

pt::ptree& add_text_element(pt::ptree& parent, const std::string& name, const std::string& text) {
  auto& element = add_element(parent, name, text);
  // PropertyTree closes an element with neither text nor children as <name/>; an empty
  // text node keeps the closing tag.
  if (text.empty()) element.push_back({"<xmltext>", pt::ptree()});
  return element;
}

void set_attribute(pt::ptree& element, const std::string& name, const std::string& value) {
  auto found = element.find("<xmlattr>");
  pt::ptree& attributes =
      found == element.not_found() ? element.push_front({"<xmlattr>", pt::ptree()})->second : found->second;
  // push_back, not put: put would read the name as a path, '.' separating its parts.
  attributes.push_back({name, pt::ptree(xml_text(value))});
}

std::string xml_document(const pt::ptree& root) {
  std::ostringstream out;
  pt::write_xml(out, root, pt::xml_writer_make_settings<std::string>(' ', 2, "UTF-8"));
  return out.str();
}

}  // namespace racelab::lab
