//===- SourceOrigins.cpp --------------------------------------------------===//
#include "policy/SourceOrigins.h"

#include "clang/Lex/DirectoryLookup.h"
#include "clang/Lex/HeaderSearch.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace racelab::policy {

std::string realPathOf(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return "";
  return Real.str().str();
}

bool isInside(llvm::StringRef Path, llvm::StringRef Folder) {
  if (Folder.empty())
    return false;
  Folder.consume_back("/");
  return Path == Folder || (Path.starts_with(Folder) && Path.drop_front(Folder.size()).starts_with("/"));
}

SourceOrigins::SourceOrigins(const clang::SourceManager &SM, const clang::HeaderSearch &HS,
                             std::string StudentFolderPath, const Policy &P)
    : SM(SM), StudentFolder(std::move(StudentFolderPath)), ContractNames(P.Contract) {
  for (const clang::DirectoryLookup &Dir : HS.search_dir_range()) {
    if (!Dir.isNormalDir())
      continue;
    std::string Real = realPathOf(Dir.getDirRef()->getName());
    if (!Real.empty())
      Folders.push_back({Real, Dir.isSystemHeaderDirectory()});
  }
  // The kit's copy of each allowed kit header: where `#include "<name>"` finds
  // it among the compile command's own (non-system) folders that are not the
  // student's. The contract's copy in the student's folder, if any, stays the
  // student's code.
  std::vector<std::string> Names = P.Contract;
  Names.insert(Names.end(), P.KitHeaders.begin(), P.KitHeaders.end());
  for (const std::string &Name : Names)
    for (const SearchFolder &F : Folders) {
      if (F.System || isInside(F.RealPath, StudentFolder) || isInside(StudentFolder, F.RealPath))
        continue;
      llvm::SmallString<256> Candidate(F.RealPath);
      llvm::sys::path::append(Candidate, Name);
      std::string Real = realPathOf(Candidate);
      if (!Real.empty() && llvm::sys::fs::is_regular_file(Real)) {
        KitPaths.push_back(Real);
        break;
      }
    }
}

std::string SourceOrigins::realPath(const clang::FileEntry *FE) {
  auto It = RealPaths.find(FE);
  if (It != RealPaths.end())
    return It->second;
  std::string Real = FE->tryGetRealPathName().str();
#if LLVM_VERSION_MAJOR < 19 // FileEntry lost its name in LLVM 19; the real path is set on opening
  if (Real.empty())
    Real = realPathOf(FE->getName());
#endif
  RealPaths[FE] = Real;
  return Real;
}

Origin SourceOrigins::classify(const clang::FileEntry *FE) {
  std::string Real = realPath(FE);
  if (Real.empty())
    return Origin::Outside;
  if (isInside(Real, StudentFolder))
    return Origin::Student;
  if (llvm::is_contained(KitPaths, Real))
    return Origin::Kit;
  for (const SearchFolder &F : Folders)
    if (F.System && isInside(Real, F.RealPath))
      return Origin::System;
  return Origin::Outside;
}

Origin SourceOrigins::ofFileEntry(const clang::FileEntry *FE) {
  if (!FE)
    return Origin::Builtin;
  auto It = ByEntry.find(FE);
  if (It != ByEntry.end())
    return It->second;
  Origin O = classify(FE);
  ByEntry[FE] = O;
  return O;
}

Origin SourceOrigins::ofFile(clang::FileID FID) {
  if (FID.isInvalid())
    return Origin::Builtin;
  return ofFileEntry(SM.getFileEntryForID(FID));
}

Origin SourceOrigins::writtenIn(clang::SourceLocation Loc) {
  if (Loc.isInvalid())
    return Origin::Builtin;
  if (Loc.isMacroID()) {
    clang::SourceLocation Spelling = SM.getSpellingLoc(Loc);
    if (SM.isWrittenInScratchSpace(Spelling))
      return expandedIn(Loc);
    return ofFile(SM.getFileID(Spelling));
  }
  return ofFile(SM.getFileID(Loc));
}

Origin SourceOrigins::expandedIn(clang::SourceLocation Loc) {
  if (Loc.isInvalid())
    return Origin::Builtin;
  return ofFile(SM.getFileID(SM.getFileLoc(Loc)));
}

void SourceOrigins::noteInclusion(clang::FileID Includer, const clang::FileEntry *Included) {
  if (!Included || ofFile(Includer) != Origin::Kit)
    return;
  if (ofFileEntry(Included) == Origin::Outside)
    ByEntry[Included] = Origin::Kit;
}

bool SourceOrigins::inContract(clang::SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  const clang::FileEntry *FE = SM.getFileEntryForID(SM.getFileID(SM.getFileLoc(Loc)));
  Origin O = ofFileEntry(FE);
  if (O != Origin::Student && O != Origin::Kit)
    return false;
  std::string Real = realPath(FE);
  return llvm::any_of(ContractNames, [&](const std::string &Name) {
    return llvm::StringRef(Real).ends_with("/" + Name);
  });
}

std::string SourceOrigins::shown(llvm::StringRef Path) const {
  if (isInside(Path, StudentFolder) && Path.size() > StudentFolder.size())
    return Path.drop_front(StudentFolder.size() + 1).str();
  return Path.str();
}

void OriginTracker::InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                                       llvm::StringRef, bool, clang::CharSourceRange,
                                       clang::OptionalFileEntryRef File, llvm::StringRef,
                                       llvm::StringRef, const clang::Module *,
#if LLVM_VERSION_MAJOR >= 18
                                       bool,
#endif
                                       clang::SrcMgr::CharacteristicKind) {
  if (File)
    Origins.noteInclusion(SM.getFileID(SM.getFileLoc(HashLoc)), &File->getFileEntry());
}

} // namespace racelab::policy
