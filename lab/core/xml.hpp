#pragma once
/// \file
/// XML through Boost.PropertyTree, for every XML file the CLI writes (JUnit,
/// SVG): the library escapes; these helpers add what it leaves to its caller.

#include <boost/property_tree/ptree.hpp>

#include <string>

namespace racelab::lab {

/// `text` with the characters XML 1.0 cannot carry even escaped (most control
/// characters, which a program's output may hold) replaced by '?'.
std::string xml_text(const std::string& text);

/// Adds `<name>text</name>` (text escaped when written) as the last child of `parent`; returns it.
/// With no text and no children it is written `<name/>`.
boost::property_tree::ptree& add_element(boost::property_tree::ptree& parent, const std::string& name,
                                         const std::string& text = {});

/// add_element(), written `<name>text</name>` even when `text` is empty: an element whose
/// content is text, such as JUnit's `<failure>`, keeps one shape whatever it holds.
boost::property_tree::ptree& add_text_element(boost::property_tree::ptree& parent, const std::string& name,
                                              const std::string& text);

/// Sets attribute `name` of `element` (attributes keep the order they are set in).
void set_attribute(boost::property_tree::ptree& element, const std::string& name, const std::string& value);

/// The document: an XML declaration (UTF-8), then `root`'s elements indented by two spaces.
std::string xml_document(const boost::property_tree::ptree& root);

}  // namespace racelab::lab
