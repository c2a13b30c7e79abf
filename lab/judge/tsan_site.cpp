#include "judge/tsan_site.hpp"

namespace racelab::lab {
namespace {

std::string normal(const std::string& path) { return std::filesystem::path(path).lexically_normal().string(); }

template <typename Wanted>
const Frame* first_frame(const std::vector<Frame>& frames, Wanted wanted) {
  for (const auto& f : frames) {
    if (wanted(f)) return &f;
  }
  return nullptr;
}

}  // namespace

SiteMaker::SiteMaker(const std::filesystem::path& sources)
    : sources_(sources.empty() ? std::string() : normal(sources.string())) {
  while (sources_.size() > 1 && sources_.back() == '/') sources_.pop_back();
}

Site SiteMaker::pick(const std::vector<Frame>& frames) const {
  const Frame* chosen = first_frame(frames, [&](const Frame& f) { return f.line > 0 && inside(f.file); });
  if (!chosen) chosen = first_frame(frames, [](const Frame& f) { return f.line > 0; });
  if (!chosen) chosen = first_frame(frames, [](const Frame& f) { return !f.file.empty(); });
  if (!chosen) {
    Site site;
    if (!frames.empty()) site.function = frames.front().function;
    return site;
  }
  return {shown(chosen->file), chosen->line, chosen->column, chosen->function};
}

bool SiteMaker::inside(const std::string& file) const {
  if (sources_.empty() || file.empty()) return false;
  const auto n = normal(file);
  return n.size() > sources_.size() && n.rfind(sources_, 0) == 0 && n[sources_.size()] == '/';
}

std::string SiteMaker::shown(const std::string& file) const {
  const auto n = normal(file);
  return inside(file) ? n.substr(sources_.size() + 1) : n;
}

}  // namespace racelab::lab
