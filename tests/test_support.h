// Helpers shared by the test suites: fixtures, temporary files, running the CLI.
#ifndef SOLIEU_TESTS_TEST_SUPPORT_H_
#define SOLIEU_TESTS_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "extractors/analyzed_document.h"
#include "pipeline/analyzer.h"

namespace solieu::testing {

// Path of a file in the source tree ("corpus/samples/...").
std::string SourcePath(const std::string& rel);
// The seed articles in ../shared/seeds, or "" when that folder is absent.
std::string SeedsDir();
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

// A fresh temporary directory, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  const std::string& path() const { return dir_; }

 private:
  std::string dir_;
};

// Analyzes `text` as a document read from `source` (rules loaded once).
AnalyzedDocument AnalyzeText(const std::string& text, const std::string& source = "test.txt");

// Runs the solieu binary with `args` (a shell fragment); stdout in *out, stderr in *err.
int RunSolieu(const std::string& args, std::string* out, std::string* err = nullptr);

}  // namespace solieu::testing

#endif  // SOLIEU_TESTS_TEST_SUPPORT_H_
