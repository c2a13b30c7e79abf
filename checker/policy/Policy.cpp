//===- Policy.cpp ---------------------------------------------------------===//
#include "policy/Policy.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

namespace racelab::policy {

namespace {

enum class Reason {
#define RACELAB_POLICY_REASON(Id, Text) Id,
#include "policy/PolicyDefaults.def"
};

const char *reasonText(Reason R) {
  switch (R) {
#define RACELAB_POLICY_REASON(Id, Text)                                                            \
  case Reason::Id:                                                                                 \
    return Text;
#include "policy/PolicyDefaults.def"
  }
  return "";
}

struct KnownName {
  const char *Glob;
  Reason Why;
};

const KnownName KnownNames[] = {
#define RACELAB_POLICY_KNOWN(Glob, Id) {Glob, Reason::Id},
#include "policy/PolicyDefaults.def"
};

bool anyMatches(const std::vector<std::string> &Globs, llvm::StringRef Name) {
  return llvm::any_of(Globs, [&](const std::string &G) { return matchesGlob(G, Name); });
}

/// Is \p Name \p Namespace itself or inside it?
bool within(llvm::StringRef Name, llvm::StringRef Namespace) {
  return Name == Namespace || (Name.starts_with(Namespace) && Name.drop_front(Namespace.size()).starts_with("::"));
}

/// `[3:14, byte=40]: Expected …` (llvm::json's parse error) as `3:14: Expected …`.
std::string parseErrorText(llvm::Error E) {
  std::string Text = llvm::toString(std::move(E));
  llvm::StringRef T(Text);
  if (T.consume_front("[")) {
    size_t Comma = T.find(',');
    size_t Close = T.find("]: ");
    if (Comma != llvm::StringRef::npos && Close != llvm::StringRef::npos && Comma < Close)
      return (T.take_front(Comma) + ": " + T.drop_front(Close + 3)).str();
  }
  return Text;
}

/// Reads the "policy" object into a Policy, one key at a time, with messages
/// that name the key (`policy.functions[2]: expected a string`).
class PolicyReader {
public:
  explicit PolicyReader(Policy &Out) : Out(Out) {}

  bool read(const llvm::json::Object &Object) {
    for (const auto &KV : Object) {
      llvm::StringRef Key = KV.first;
      const llvm::json::Value &V = KV.second;
      bool Ok = Key == "contract"      ? strings(Key, V, Out.Contract)
                : Key == "kit_headers" ? strings(Key, V, Out.KitHeaders)
                : Key == "provided"    ? strings(Key, V, Out.Provided)
                : Key == "libraries"   ? strings(Key, V, Out.Libraries)
                : Key == "headers"     ? strings(Key, V, Out.Headers)
                : Key == "functions"   ? strings(Key, V, Out.Functions)
                : Key == "child_only"  ? strings(Key, V, Out.ChildOnly)
                : Key == "variables"   ? strings(Key, V, Out.Variables)
                : Key == "denied"      ? denied(V)
                                       : fail("unknown key 'policy." + Key.str() +
                                              "' (expected contract, kit_headers, provided, libraries, "
                                              "headers, functions, child_only, variables or denied)");
      if (!Ok)
        return false;
    }
    return true;
  }

  std::string Error;

private:
  bool fail(std::string Message) {
    Error = std::move(Message);
    return false;
  }

  bool strings(llvm::StringRef Key, const llvm::json::Value &V, std::vector<std::string> &Into) {
    const llvm::json::Array *A = V.getAsArray();
    if (!A)
      return fail("policy." + Key.str() + ": expected an array of strings");
    for (size_t I = 0; I < A->size(); ++I) {
      std::optional<llvm::StringRef> S = (*A)[I].getAsString();
      if (!S || S->trim().empty())
        return fail("policy." + Key.str() + "[" + std::to_string(I) + "]: expected a non-empty string");
      Into.push_back(S->trim().str());
    }
    return true;
  }

  bool denied(const llvm::json::Value &V) {
    const llvm::json::Array *A = V.getAsArray();
    if (!A)
      return fail("policy.denied: expected an array of {\"name\": …, \"why\": …} objects");
    for (size_t I = 0; I < A->size(); ++I) {
      std::string Where = "policy.denied[" + std::to_string(I) + "]";
      const llvm::json::Object *O = (*A)[I].getAsObject();
      if (!O)
        return fail(Where + ": expected an object with \"name\" and \"why\"");
      std::optional<llvm::StringRef> Name = O->getString("name"), Why = O->getString("why");
      if (!Name || Name->trim().empty() || !Why || Why->trim().empty() || O->size() != 2)
        return fail(Where + ": expected exactly \"name\" and \"why\", both non-empty strings");
      Out.Denied.push_back({Name->trim().str(), Why->trim().str()});
    }
    return true;
  }

  Policy &Out;
};

} // namespace

bool matchesGlob(llvm::StringRef Glob, llvm::StringRef Name) {
  size_t Star = Glob.find('*');
  if (Star == llvm::StringRef::npos)
    return Glob == Name;
  if (!Name.consume_front(Glob.take_front(Star)))
    return false;
  Glob = Glob.drop_front(Star + 1);
  // Try every split: globs are short and names are short.
  for (size_t I = 0; I <= Name.size(); ++I)
    if (matchesGlob(Glob, Name.drop_front(I)))
      return true;
  return false;
}

bool Policy::allowsFunction(llvm::StringRef Name) const { return anyMatches(Functions, Name); }
bool Policy::allowsInChildOnly(llvm::StringRef Name) const { return anyMatches(ChildOnly, Name); }
bool Policy::allowsVariable(llvm::StringRef Name) const { return anyMatches(Variables, Name); }
bool Policy::isProvided(llvm::StringRef Name) const { return anyMatches(Provided, Name); }
bool Policy::allowsHeader(llvm::StringRef IncludeName) const { return anyMatches(Headers, IncludeName); }

bool Policy::inLibrary(llvm::StringRef QualifiedName) const {
  return llvm::any_of(Libraries, [&](const std::string &L) { return within(QualifiedName, L); });
}

bool Policy::inKitNamespace(llvm::StringRef QualifiedName) const {
  return llvm::any_of(KitNamespaces, [&](const std::string &N) { return within(QualifiedName, N); });
}

std::optional<std::string> Policy::deniedBecause(llvm::StringRef QualifiedName) const {
  for (const DeniedName &D : Denied)
    if (matchesGlob(D.Glob, QualifiedName))
      return D.Why;
  return std::nullopt;
}

Policy basePolicy() {
  Policy P;
#define RACELAB_POLICY_FUNCTION(Glob) P.Functions.push_back(Glob);
#define RACELAB_POLICY_VARIABLE(Glob) P.Variables.push_back(Glob);
#define RACELAB_POLICY_DENIED(Glob, Id) P.Denied.push_back({Glob, reasonText(Reason::Id)});
#define RACELAB_POLICY_KIT_NAMESPACE(Name) P.KitNamespaces.push_back(Name);
#include "policy/PolicyDefaults.def"
  return P;
}

std::optional<std::string> knownDanger(llvm::StringRef Name) {
  for (const KnownName &K : KnownNames)
    if (matchesGlob(K.Glob, Name))
      return std::string(reasonText(K.Why));
  return std::nullopt;
}

bool parsePolicy(llvm::StringRef Text, llvm::StringRef Path, Policy &Out, std::string &Error) {
  Out = basePolicy();
  Out.Path = Path.str();
  llvm::Expected<llvm::json::Value> Root = llvm::json::parse(Text);
  if (!Root) {
    Error = Path.str() + ":" + parseErrorText(Root.takeError());
    return false;
  }
  const llvm::json::Object *Top = Root->getAsObject();
  if (!Top) {
    Error = Path.str() + ": expected a JSON object with a \"policy\" key";
    return false;
  }
  const llvm::json::Value *P = Top->get("policy");
  if (!P) {
    Error = Path.str() + ": no \"policy\" key (the exercise's grading policy)";
    return false;
  }
  const llvm::json::Object *PolicyObject = P->getAsObject();
  if (!PolicyObject) {
    Error = Path.str() + ": \"policy\" must be a JSON object";
    return false;
  }
  PolicyReader Reader(Out);
  if (!Reader.read(*PolicyObject)) {
    Error = Path.str() + ": " + Reader.Error;
    return false;
  }
  return true;
}

bool readPolicyFile(llvm::StringRef Path, Policy &Out, std::string &Error) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "cannot read policy file '" + Path.str() + "': " + Buffer.getError().message();
    return false;
  }
  return parsePolicy((*Buffer)->getBuffer(), Path, Out, Error);
}

} // namespace racelab::policy
