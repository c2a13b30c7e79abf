//===- NolintCheck.cpp - racelab-policy-nolint ----------------------------===//
#include "policy/NolintCheck.h"

#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-nolint";

class NolintCallbacks : public clang::PPCallbacks {
public:
  explicit NolintCallbacks(PolicyTU &TU) : TU(TU), SM(TU.sourceManager()) {}

  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason, clang::SrcMgr::CharacteristicKind,
                   clang::FileID) override {
    if (Reason != EnterFile || !Loc.isFileID())
      return;
    clang::FileID FID = SM.getFileID(Loc);
    if (const clang::FileEntry *FE = SM.getFileEntryForID(FID))
      if (TU.Origins.ofFile(FID) == Origin::Student)
        Files.insert({FE, FID}); // a header included twice is read once
  }

  void EndOfMainFile() override {
    for (const auto &[Entry, FID] : Files)
      for (const NolintMarker &M : findNolintMarkers(SM.getBufferData(FID)))
        check(FID, M);
  }

private:
  void check(clang::FileID FID, const NolintMarker &M) {
    clang::SourceLocation Loc = SM.translateLineCol(FID, M.Line, M.Column);
    if (!M.InComment) {
      TU.report(Name, Loc,
                "'" + M.Kind + "' outside a comment (in a string, a name or a macro) silences "
                "nothing and is not allowed in graded code",
                "to fix: remove it");
      return;
    }
    if (!TU.Options.Grading || !silencesRacelab(M))
      return;
    TU.report(Name, Loc,
              "'" + M.Kind + (M.HasList ? "(" + M.List + ")" : std::string()) +
                  "' would silence racelab-check; when grading it is not honoured, and it is not "
                  "allowed",
              "to fix: remove it and fix what racelab-check reports; if you believe it is a false "
              "alarm, show it to your instructor");
  }

  bool silencesRacelab(const NolintMarker &M) const {
    if (!M.HasList)
      return true; // a bare NOLINT silences every check
    return llvm::any_of(TU.Options.ConcurrencyChecks,
                        [&](const std::string &Check) { return nolintListCovers(M.List, Check); }) ||
           nolintListCovers(M.List, Name) || nolintListCovers(M.List, "racelab-policy-reference");
  }

  PolicyTU &TU;
  const clang::SourceManager &SM;
  llvm::MapVector<const clang::FileEntry *, clang::FileID> Files;
};

} // namespace

NolintCheck::NolintCheck()
    : PolicyCheck(Name, "NOLINT outside comments, and (when grading) NOLINT for racelab checks") {}

void NolintCheck::beginTranslationUnit(PolicyTU &TU) {
  TU.CI.getPreprocessor().addPPCallbacks(std::make_unique<NolintCallbacks>(TU));
}

} // namespace racelab::policy
