#include "test_support.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace solieu::testing {

std::string SourcePath(const std::string& rel) { return std::string(SOLIEU_TEST_DATA_DIR) + "/" + rel; }

std::string SeedsDir() {
  std::string dir = SOLIEU_SEEDS_DIR;
  struct stat st;
  return stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) ? dir : "";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("test fixture missing: " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/solieu-test-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
}

TempDir::~TempDir() { std::filesystem::remove_all(dir_); }

AnalyzedDocument AnalyzeText(const std::string& text, const std::string& source) {
  static std::shared_ptr<const AnalyzerRules> rules = [] {
    auto r = AnalyzerRules::Load();
    if (!r.ok()) throw std::runtime_error(r.status().message());
    return *r;
  }();
  thread_local std::unique_ptr<Analyzer> analyzer = [] {
    auto a = Analyzer::Create(rules);
    if (!a.ok()) throw std::runtime_error(a.status().message());
    return std::move(*a);
  }();
  Document doc;
  doc.text = text;
  doc.source = source;
  FinishDocumentIdentity(&doc);
  return analyzer->Analyze(std::move(doc));
}

int RunSolieu(const std::string& args, std::string* out, std::string* err) {
  TempDir tmp;
  std::string cmd = std::string(SOLIEU_BINARY) + " " + args + " >" + tmp.Path("out") + " 2>" + tmp.Path("err");
  int rc = std::system(cmd.c_str());
  if (out) *out = ReadFile(tmp.Path("out"));
  if (err) *err = ReadFile(tmp.Path("err"));
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace solieu::testing
