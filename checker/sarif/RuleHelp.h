//===- RuleHelp.h - what a SARIF rule says about a check -------*- C++ -*-===//
//
// GitHub code scanning shows a rule's fullDescription and help beside each
// alert; both come from the check's page in checker/docs, embedded in the
// tools when they are built.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_SARIF_RULEHELP_H
#define RACELAB_CHECKER_SARIF_RULEHELP_H

#include <optional>
#include <string>
#include <string_view>

namespace racelab::sarif {

struct RuleHelp {
  std::string ShortDescription; ///< the introduction's first sentence
  std::string FullDescription;  ///< the page's introduction, one plain-text paragraph
  std::string Markdown;         ///< the whole page
  std::string HelpUri;          ///< the published page (RACELAB_DOCS_URL), or "" when not published
};

/// The help of \p Check ("racelab-missing-lock" → checker/docs/missing-lock.md),
/// or nothing when the check has no page.
std::optional<RuleHelp> checkHelp(std::string_view Check);

/// The introduction of a Markdown page: the paragraphs between its title and
/// its first section, as plain text on one line (links keep their text only).
std::string introduction(std::string_view Markdown);

/// tool.driver.informationUri for \p Page of the kit ("checker/README.md"):
/// the published page, or the page's path in the kit when it is not published.
std::string informationUri(std::string_view Page);

} // namespace racelab::sarif

#endif // RACELAB_CHECKER_SARIF_RULEHELP_H
