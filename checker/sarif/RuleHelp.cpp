//===- RuleHelp.cpp - the checks' pages, embedded -------------------------===//
#include "sarif/RuleHelp.h"

#include <iterator>
#include <utility>

#ifndef RACELAB_DOCS_URL
#define RACELAB_DOCS_URL ""
#endif

namespace racelab::sarif {

namespace {

/// Every page of checker/docs: its name without ".md", its text.
const std::pair<std::string_view, std::string_view> Pages[] = {
#include "CheckDocs.inc"
};

std::string published(std::string_view Path) {
  std::string Base = RACELAB_DOCS_URL;
  if (Base.empty())
    return {};
  if (Base.back() != '/')
    Base += '/';
  return Base + std::string(Path);
}

/// \p Line with "[text](target)" reduced to "text".
std::string withoutLinks(std::string_view Line) {
  std::string Out;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] == ']' && I + 1 < Line.size() && Line[I + 1] == '(') {
      size_t Close = Line.find(')', I);
      if (Close != std::string_view::npos) {
        I = Close;
        continue;
      }
    }
    if (Line[I] != '[')
      Out += Line[I];
  }
  return Out;
}

} // namespace

std::string introduction(std::string_view Markdown) {
  std::string Out;
  bool Title = false;
  while (!Markdown.empty()) {
    size_t End = Markdown.find('\n');
    std::string_view Line = Markdown.substr(0, End);
    Markdown.remove_prefix(End == std::string_view::npos ? Markdown.size() : End + 1);
    if (Line.starts_with("# ") && !Title) {
      Title = true;
      continue;
    }
    if (Line.starts_with("#"))
      break; // the first section
    while (!Line.empty() && (Line.front() == ' ' || Line.front() == '\t'))
      Line.remove_prefix(1);
    if (Line.empty())
      continue;
    if (!Out.empty())
      Out += ' ';
    Out += withoutLinks(Line);
  }
  return Out;
}

std::optional<RuleHelp> checkHelp(std::string_view Check) {
  constexpr std::string_view Prefix = "racelab-";
  if (!Check.starts_with(Prefix))
    return std::nullopt;
  std::string_view Name = Check.substr(Prefix.size());
  for (const auto &[Page, Text] : Pages) {
    if (Page != Name)
      continue;
    RuleHelp Help;
    Help.FullDescription = introduction(Text);
    // "Finds a call that blocks the thread inside a coroutine — directly, or …."
    size_t End = Help.FullDescription.find(". ");
    Help.ShortDescription = Help.FullDescription.substr(0, End == std::string::npos ? End : End + 1);
    Help.Markdown = std::string(Text);
    Help.HelpUri = published("checker/docs/" + std::string(Page) + ".md");
    return Help;
  }
  return std::nullopt;
}

std::string informationUri(std::string_view Page) {
  std::string Url = published(Page);
  return Url.empty() ? std::string(Page) : Url;
}

} // namespace racelab::sarif
