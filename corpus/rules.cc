#include "corpus/rules.h"

#include <fstream>
#include <mutex>
#include <sstream>

#include "corpus/sha256.h"

namespace solieu {

struct EmbeddedFile {
  std::string_view name;
  std::string_view contents;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

namespace {
std::string& DataDir() {
  static std::string dir;
  return dir;
}
}  // namespace

void SetRuleDataDir(std::string dir) { DataDir() = std::move(dir); }

StatusOr<std::string> ReadRuleFile(std::string_view name) {
  if (!DataDir().empty()) {
    std::string path = DataDir() + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (kEmbeddedFiles[i].name == name) return std::string(kEmbeddedFiles[i].contents);
  }
  return Status::NotFound("no rule file named " + std::string(name));
}

std::string RuleSetHash() {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [] {
    Sha256 h;
    for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
      auto contents = ReadRuleFile(kEmbeddedFiles[i].name);
      h.Update(kEmbeddedFiles[i].name);
      h.Update(std::string_view("\0", 1));
      if (contents.ok()) h.Update(*contents);
      h.Update(std::string_view("\0", 1));
    }
    static const char* kHex = "0123456789abcdef";
    for (uint8_t b : h.Finish()) { hash += kHex[b >> 4]; hash += kHex[b & 15]; }
    hash.resize(16);
  });
  return hash;
}

StatusOr<std::vector<TsvRow>> ReadTsvRules(std::string_view name, size_t min_fields) {
  auto contents = ReadRuleFile(name);
  if (!contents.ok()) return contents.status();
  std::vector<TsvRow> rows;
  std::istringstream in(*contents);
  std::string line;
  for (int lineno = 1; std::getline(in, line); ++lineno) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.where = std::string(name) + ":" + std::to_string(lineno);
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields) {
      return Status::Corrupt(row.where + ": expected at least " + std::to_string(min_fields) +
                             " tab-separated fields, found " + std::to_string(row.fields.size()));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace solieu
