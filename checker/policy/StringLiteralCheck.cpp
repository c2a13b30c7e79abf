//===- StringLiteralCheck.cpp - racelab-policy-string ---------------------===//
#include "policy/StringLiteralCheck.h"

#include "policy/StudentCode.h"

#include "clang/AST/Expr.h"

#include <optional>

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-string";

/// What a string in the student's code must not name, and why.
std::optional<std::string> forbidden(llvm::StringRef Text) {
  if (Text.contains("/proc/") || Text.ends_with("/proc"))
    return "it names /proc, where a program reads (and sometimes changes) what the judges set up "
           "for it";
  for (const char *Hook : {"__tsan", "__sanitizer", "__asan", "__msan", "__lsan", "__ubsan"})
    if (Text.contains(Hook))
      return "it names a sanitizer hook ('" + std::string(Hook) +
             "…'), which a program could look up to silence ThreadSanitizer";
  for (const char *Options : {"TSAN_OPTIONS", "ASAN_OPTIONS", "UBSAN_OPTIONS", "MSAN_OPTIONS",
                              "LSAN_OPTIONS", "LD_PRELOAD", "LD_LIBRARY_PATH"})
    if (Text.contains(Options))
      return "it names '" + std::string(Options) +
             "', a setting of the sanitizers or of the loader that the judges control";
  return std::nullopt;
}

class StringVisitor : public StudentCodeVisitor<StringVisitor> {
public:
  explicit StringVisitor(PolicyTU &TU) : StudentCodeVisitor(TU.Origins), TU(TU) {}

  bool VisitStringLiteral(clang::StringLiteral *S) {
    // Adjacent literals ("__ts" "an_") are one StringLiteral: its bytes are
    // the string the program holds.
    if (S->getCharByteWidth() != 1 || !Origins.writtenByStudent(S->getBeginLoc()))
      return true;
    if (std::optional<std::string> Why = forbidden(S->getString()))
      TU.report(Name, S->getBeginLoc(), "this string is not allowed in graded code: " + *Why);
    return true;
  }

private:
  PolicyTU &TU;
};

} // namespace

StringLiteralCheck::StringLiteralCheck()
    : PolicyCheck(Name, "strings naming /proc, sanitizer hooks or their options") {}

void StringLiteralCheck::checkAST(clang::ASTContext &Ctx, PolicyTU &TU) {
  StringVisitor(TU).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace racelab::policy
