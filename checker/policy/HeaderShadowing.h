//===- HeaderShadowing.h - files of the student that hide a real header ---===//
//
// The grader's own files are compiled with the student's folder on the
// include path. A file there named like a system, Boost or kit header (say
// `boost/test/unit_test.hpp`) would be read instead of the real one by any
// file that includes it: the grader, the kit, a library header. This finds
// such files by walking the student's folder (without following links out of
// it), descending only into subfolders that some other include folder has too.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_HEADERSHADOWING_H
#define RACELAB_CHECKER_POLICY_HEADERSHADOWING_H

#include "lib/Diagnostics.h"
#include "policy/Policy.h"
#include "policy/SourceOrigins.h"

#include <vector>

namespace racelab::policy {

/// One finding of \p Check per file of the student's folder that has the
/// relative path of a header in another include folder of the compile
/// command. The contract (the student's own copy) is exempt; so are the
/// folders holding the kit's copy of the contract, whose files are the
/// student's files as handed out.
std::vector<Diagnostic> findShadowingHeaders(const SourceOrigins &Origins, const Policy &Rules,
                                             llvm::StringRef Check);

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_HEADERSHADOWING_H
