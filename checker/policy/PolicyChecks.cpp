//===- PolicyChecks.cpp - the one place policy checks are registered ------===//
#include "policy/AsmCheck.h"
#include "policy/AttributeCheck.h"
#include "policy/BuildDependentCheck.h"
#include "policy/DeclarationCheck.h"
#include "policy/IncludeCheck.h"
#include "policy/NolintCheck.h"
#include "policy/PreprocessorCheck.h"
#include "policy/ReferenceCheck.h"
#include "policy/StaticInitCheck.h"
#include "policy/StringLiteralCheck.h"

namespace racelab::policy {

std::vector<std::unique_ptr<PolicyCheck>> createPolicyChecks() {
  std::vector<std::unique_ptr<PolicyCheck>> Checks;
  // Alphabetical, by check name.
  Checks.push_back(std::make_unique<AsmCheck>());
  Checks.push_back(std::make_unique<AttributeCheck>());
  Checks.push_back(std::make_unique<BuildDependentCheck>());
  Checks.push_back(std::make_unique<DeclarationCheck>());
  Checks.push_back(std::make_unique<IncludeCheck>());
  Checks.push_back(std::make_unique<NolintCheck>());
  Checks.push_back(std::make_unique<PreprocessorCheck>());
  Checks.push_back(std::make_unique<ReferenceCheck>());
  Checks.push_back(std::make_unique<StaticInitCheck>());
  Checks.push_back(std::make_unique<StringLiteralCheck>());
  return Checks;
}

} // namespace racelab::policy
