//===- HeaderShadowing.cpp ------------------------------------------------===//
#include "policy/HeaderShadowing.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace racelab::policy {

namespace {

/// More entries than any exercise folder holds: past it, the folder is
/// reported rather than searched without end.
constexpr unsigned MaxEntries = 20000;
constexpr unsigned MaxDepth = 12;

/// In a kit (non-system) folder only headers count: the kit's sources and
/// build files (CMakeLists.txt, *_test.cpp) are compiled or read by CMake,
/// never included.
bool headerLike(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  static const llvm::StringRef Headers[] = {".h", ".hh", ".hpp", ".hxx", ".inc", ".inl", ".ipp", ".tcc"};
  return Ext.empty() || llvm::is_contained(Headers, Ext);
}

std::string joined(llvm::StringRef Folder, llvm::StringRef Relative) {
  llvm::SmallString<256> Path(Folder);
  llvm::sys::path::append(Path, Relative);
  return Path.str().str();
}

class Walker {
public:
  Walker(const SourceOrigins &Origins, const Policy &Rules, llvm::StringRef Check)
      : Origins(Origins), Rules(Rules), Check(Check) {}

  std::vector<Diagnostic> run() {
    std::vector<const SearchFolder *> Others;
    for (const SearchFolder &F : Origins.searchFolders())
      if (F.RealPath != Origins.studentFolder() && !holdsContract(F))
        Others.push_back(&F);
    walk("", Others, 0);
    return std::move(Found);
  }

private:
  bool holdsContract(const SearchFolder &F) const {
    return !F.System && llvm::any_of(Rules.Contract, [&](const std::string &Name) {
             return llvm::sys::fs::exists(joined(F.RealPath, Name));
           });
  }

  void walk(llvm::StringRef Relative, const std::vector<const SearchFolder *> &Others, unsigned Depth) {
    std::error_code EC;
    std::string Folder = joined(Origins.studentFolder(), Relative);
    for (llvm::sys::fs::directory_iterator It(Folder, EC), End; !EC && It != End; It.increment(EC)) {
      if (++Entries > MaxEntries) {
        if (Entries == MaxEntries + 1)
          report(Origins.studentFolder(), "your folder holds more than " + std::to_string(MaxEntries) +
                                              " files: too many to check for files that hide a "
                                              "header; remove what the exercise does not need");
        return;
      }
      std::string Name = llvm::sys::path::filename(It->path()).str();
      std::string Rel = Relative.empty() ? Name : joined(Relative, Name);
      // Not followed: a link to a folder elsewhere is not part of the student's folder.
      if (It->type() == llvm::sys::fs::file_type::directory_file) {
        std::vector<const SearchFolder *> Deeper;
        for (const SearchFolder *F : Others)
          if (llvm::sys::fs::is_directory(joined(F->RealPath, Rel)))
            Deeper.push_back(F);
        if (!Deeper.empty() && Depth < MaxDepth)
          walk(Rel, Deeper, Depth + 1);
        continue;
      }
      if (llvm::is_contained(Rules.Contract, Rel))
        continue;
      for (const SearchFolder *F : Others) {
        std::string Real = joined(F->RealPath, Rel);
        if ((F->System || headerLike(Rel)) && llvm::sys::fs::exists(Real)) {
          report(It->path(), "'" + Rel + "' in your folder has the name of a " +
                                 (F->System ? "system" : "kit") + " header ('" + Real +
                                 "'): a file that includes that header could read yours instead");
          break;
        }
      }
    }
  }

  void report(llvm::StringRef Path, std::string Message) {
    Diagnostic D;
    D.Check = Check.str();
    D.Where.File = Path.str();
    D.Where.Line = 1;
    D.Where.Column = 1;
    D.Message = std::move(Message);
    D.Notes.push_back({D.Where, "to fix: rename or remove it", /*ShowSource=*/false});
    Found.push_back(std::move(D));
  }

  const SourceOrigins &Origins;
  const Policy &Rules;
  llvm::StringRef Check;
  unsigned Entries = 0;
  std::vector<Diagnostic> Found;
};

} // namespace

std::vector<Diagnostic> findShadowingHeaders(const SourceOrigins &Origins, const Policy &Rules,
                                             llvm::StringRef Check) {
  return Walker(Origins, Rules, Check).run();
}

} // namespace racelab::policy
