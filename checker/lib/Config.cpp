//===- Config.cpp ---------------------------------------------------------===//
#include "lib/Config.h"

#include "lib/Diagnostics.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>
#include <tuple>

// The config file's keys as LLVM's YAML I/O writes them (clang-tidy's names).
LLVM_YAML_IS_STRING_MAP(std::string)

template <> struct llvm::yaml::MappingTraits<racelab::ConfigFile> {
  static void mapping(llvm::yaml::IO &IO, racelab::ConfigFile &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("WarningsAsErrors", C.WarningsAsErrors);
    IO.mapOptional("HeaderFilterRegex", C.HeaderFilterRegex);
    IO.mapOptional("CheckOptions", C.Options);
  }
};

namespace racelab {

namespace {

llvm::SmallVector<llvm::StringRef, 4> globItems(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 4> Items, Out;
  Globs.split(Items, ',', -1, false);
  for (llvm::StringRef Item : Items)
    if (!(Item = Item.trim()).empty())
      Out.push_back(Item);
  return Out;
}

/// Keeps the first message the YAML parser (or we, through printError) report.
void keepFirst(const llvm::SMDiagnostic &D, void *Context) {
  std::string &First = *static_cast<std::string *>(Context);
  if (!First.empty())
    return;
  First = (D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" +
           llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
              .str();
}

/// Reads the configuration out of the YAML nodes; reports through the stream.
class ConfigReader {
public:
  ConfigReader(llvm::yaml::Stream &Stream, llvm::ArrayRef<CheckInfo> Checks, ConfigFile &Out)
      : Stream(Stream), Checks(Checks), Out(Out) {}

  /// False after the first error (already reported).
  bool read(llvm::yaml::Node *Root) {
    if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
      return true; // an empty file: nothing changes
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
    if (!Map)
      return fail(Root, llvm::Twine("expected keys ") + KnownKeys);
    std::set<std::string> Seen;
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::optional<std::string> Key = scalar(KV.getKey());
      if (!Key)
        return fail(KV.getKey(), llvm::Twine("expected a key (") + KnownKeys + ")");
      if (!llvm::is_contained(Keys, *Key))
        return fail(KV.getKey(), "unknown key '" + *Key + "' (expected " + KnownKeys + ")");
      if (!Seen.insert(*Key).second)
        return fail(KV.getKey(), "'" + *Key + "' is given twice");
      llvm::yaml::Node *Value = KV.getValue();
      bool Ok = *Key == "Checks"           ? readGlobs(Value, "Checks", Out.Checks)
                : *Key == "WarningsAsErrors" ? readGlobs(Value, "WarningsAsErrors", Out.WarningsAsErrors)
                : *Key == "HeaderFilterRegex" ? readHeaderFilter(Value)
                                              : readOptions(Value);
      if (!Ok)
        return false;
    }
    return !Stream.failed();
  }

private:
  bool fail(llvm::yaml::Node *N, const llvm::Twine &Message) {
    Stream.printError(N, Message);
    return false;
  }

  /// The text of a plain, quoted or block scalar; nothing for other nodes.
  std::optional<std::string> scalar(llvm::yaml::Node *N) {
    if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N)) {
      llvm::SmallString<64> Storage;
      return S->getValue(Storage).str();
    }
    if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N))
      return B->getValue().str();
    return std::nullopt;
  }

  /// `Checks: 'globs'` or `WarningsAsErrors: 'globs'` (or a YAML list of globs).
  bool readGlobs(llvm::yaml::Node *Value, llvm::StringRef Key, std::optional<std::string> &Into) {
    std::string Globs;
    if (!Value || llvm::isa<llvm::yaml::NullNode>(Value)) {
      // `Checks:` with nothing: no change
    } else if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(Value)) {
      for (llvm::yaml::Node &Item : *Seq) {
        std::optional<std::string> Text = scalar(&Item);
        if (!Text)
          return fail(&Item, "expected a check glob");
        Globs += (Globs.empty() ? "" : ",") + *Text;
      }
    } else if (std::optional<std::string> Text = scalar(Value)) {
      Globs = *Text;
    } else {
      return fail(Value, "'" + llvm::Twine(Key) + "' must be a string of comma-separated check globs");
    }
    std::string Bad = validateCheckGlobs(Globs, Checks);
    if (!Bad.empty())
      return fail(Value, llvm::Twine(Key) + ": " + Bad);
    Into = Globs;
    return true;
  }

  /// `HeaderFilterRegex: 'regex'`.
  bool readHeaderFilter(llvm::yaml::Node *Value) {
    std::optional<std::string> Regex = scalar(Value);
    if (!Regex)
      return fail(Value, "'HeaderFilterRegex' must be a string (a regular expression)");
    std::string Bad = validateHeaderFilter(*Regex);
    if (!Bad.empty())
      return fail(Value, "HeaderFilterRegex: " + Bad);
    Out.HeaderFilterRegex = *Regex;
    return true;
  }

  static constexpr const char *Keys[] = {"Checks", "WarningsAsErrors", "HeaderFilterRegex", "CheckOptions"};
  static constexpr const char *KnownKeys =
      "'Checks', 'WarningsAsErrors', 'HeaderFilterRegex' or 'CheckOptions'";

  /// `CheckOptions:` as a map (`<check>.<Option>: value`) or, as older
  /// clang-tidy files write it, a list of `{key: …, value: …}`.
  bool readOptions(llvm::yaml::Node *Value) {
    if (!Value || llvm::isa<llvm::yaml::NullNode>(Value))
      return true;
    if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Value)) {
      for (llvm::yaml::KeyValueNode &KV : *Map)
        if (!addOption(KV.getKey(), KV.getValue()))
          return false;
      return true;
    }
    auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(Value);
    if (!Seq)
      return fail(Value, "'CheckOptions' must map '<check>.<Option>' keys to values");
    for (llvm::yaml::Node &Item : *Seq) {
      auto *Pair = llvm::dyn_cast<llvm::yaml::MappingNode>(&Item);
      if (!Pair)
        return fail(&Item, "expected 'key: <check>.<Option>' and 'value: …'");
      llvm::yaml::Node *Key = nullptr, *Val = nullptr;
      for (llvm::yaml::KeyValueNode &KV : *Pair) {
        std::optional<std::string> Name = scalar(KV.getKey());
        if (Name && *Name == "key")
          Key = KV.getValue();
        else if (Name && *Name == "value")
          Val = KV.getValue();
        else
          return fail(KV.getKey(), "expected 'key:' or 'value:'");
      }
      if (!Key || !Val)
        return fail(&Item, "an entry of 'CheckOptions' needs both 'key:' and 'value:'");
      if (!addOption(Key, Val))
        return false;
    }
    return true;
  }

  bool addOption(llvm::yaml::Node *KeyNode, llvm::yaml::Node *ValueNode) {
    std::optional<std::string> Key = scalar(KeyNode);
    if (!Key)
      return fail(KeyNode, "expected an option key '<check>.<Option>'");
    std::optional<std::string> Value = scalar(ValueNode);
    if (!Value && ValueNode && llvm::isa<llvm::yaml::NullNode>(ValueNode))
      Value = "";
    if (!Value)
      return fail(ValueNode, "the value of '" + *Key + "' must be a string");
    llvm::StringRef CheckName, Option;
    std::tie(CheckName, Option) = llvm::StringRef(*Key).rsplit('.');
    const CheckInfo *Info = nullptr;
    for (const CheckInfo &C : Checks)
      if (C.Name == CheckName)
        Info = &C;
    if (Option.empty() || !Info)
      return fail(KeyNode, "'" + *Key + "' names no check (option keys are '<check>.<Option>', e.g. "
                           "'racelab-blocking-in-coroutine.BlockingFunctions')");
    if (!llvm::is_contained(Info->Options, Option)) {
      std::string Known = Info->Options.empty() ? "it has none" : "it has " + llvm::join(Info->Options, ", ");
      return fail(KeyNode, "'" + CheckName + "' has no option '" + Option + "' (" + Known + ")");
    }
    if (Out.Options.count(*Key))
      return fail(KeyNode, "'" + *Key + "' is given twice");
    Out.Options[*Key] = *Value;
    return true;
  }

  llvm::yaml::Stream &Stream;
  llvm::ArrayRef<CheckInfo> Checks;
  ConfigFile &Out;
};

} // namespace

bool checkEnabled(llvm::StringRef Check, llvm::StringRef Globs) {
  bool Enabled = false;
  for (llvm::StringRef Item : globItems(Globs)) {
    bool Negative = Item.consume_front("-");
    if (nolintListCovers(Item, Check))
      Enabled = !Negative;
  }
  return Enabled;
}

std::string validateCheckGlobs(llvm::StringRef Globs, llvm::ArrayRef<CheckInfo> Checks) {
  for (llvm::StringRef Item : globItems(Globs)) {
    llvm::StringRef Glob = Item;
    Glob.consume_front("-");
    // Shown escaped: an error stays one readable line whatever the input holds.
    std::string Shown;
    llvm::raw_string_ostream(Shown).write_escaped(Item);
    if (Glob.empty())
      return "'" + Shown + "' is not a valid check glob (a '-' must be followed by a check name or glob)";
    for (char C : Glob)
      if (!llvm::isAlnum(C) && C != '-' && C != '_' && C != '*') {
        std::string Char;
        llvm::raw_string_ostream(Char).write_escaped(llvm::StringRef(&C, 1));
        return "'" + Shown + "' is not a valid check glob: '" + Char +
               "' is not allowed (use check names, '*' as the only wildcard, a leading '-' to remove)";
      }
    if (llvm::none_of(Checks, [&](const CheckInfo &I) { return nolintListCovers(Glob, I.Name); }))
      return "'" + Shown + "' matches no check (see --list-checks)";
  }
  return "";
}

bool parseConfigFile(llvm::StringRef Text, llvm::StringRef Path, llvm::ArrayRef<CheckInfo> Checks,
                     ConfigFile &Out, std::string &Error) {
  Out = ConfigFile();
  Out.Path = Path.str();
  std::string First;
  llvm::SourceMgr SM;
  SM.setDiagHandler(keepFirst, &First);
  llvm::yaml::Stream Stream(llvm::MemoryBufferRef(Text, Path), SM, /*ShowColors=*/false);
  ConfigReader Reader(Stream, Checks, Out);
  bool Ok = true;
  unsigned Documents = 0;
  for (llvm::yaml::Document &Doc : Stream) {
    if (++Documents > 1) {
      Stream.printError(Doc.getRoot(), "a config file holds one YAML document");
      Ok = false;
      break;
    }
    if (!Reader.read(Doc.getRoot())) {
      Ok = false;
      break;
    }
  }
  if (Ok && !Stream.failed() && First.empty())
    return true;
  Error = First.empty() ? Path.str() + ": not a valid config file" : First;
  // One line, whatever the parser said or the file holds.
  std::replace_if(
      Error.begin(), Error.end(), [](char C) { return llvm::isPrint(C) == false && !(C & 0x80); }, ' ');
  return false;
}

bool readConfigFile(llvm::StringRef Path, llvm::ArrayRef<CheckInfo> Checks, ConfigFile &Out,
                    std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read config file '" + Path.str() + "': " + Buffer.getError().message();
    return false;
  }
  if (parseConfigFile((*Buffer)->getBuffer(), Path, Checks, Out, Error))
    return true;
  Error = "malformed config file: " + Error;
  return false;
}

void writeConfigFile(llvm::raw_ostream &OS, const ConfigFile &Config) {
  ConfigFile Copy = Config; // YAML I/O maps through non-const references
  {
    llvm::yaml::Output YAML(OS);
    YAML << Copy;
  }
  OS << '\n'; // YAML I/O ends the document with "..." and no newline
}

std::string validateHeaderFilter(llvm::StringRef Regex) {
  std::string Why;
  if (Regex.empty() || llvm::Regex(Regex).isValid(Why)) // empty: no header matches
    return "";
  std::string Shown;
  llvm::raw_string_ostream(Shown).write_escaped(Regex);
  return "'" + Shown + "' is not a valid regular expression (" + Why + ")";
}

std::string findConfigFile(llvm::StringRef SourceFile) {
  llvm::SmallString<256> Abs(SourceFile);
  if (llvm::sys::fs::make_absolute(Abs))
    return "";
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(Abs); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ConfigFileName);
    if (llvm::sys::fs::exists(Candidate) && !llvm::sys::fs::is_directory(Candidate))
      return std::string(Candidate);
  }
  return "";
}

} // namespace racelab
