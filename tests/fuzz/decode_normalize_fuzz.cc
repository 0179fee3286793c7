// libFuzzer target: bytes as they arrive → encoding detection → normalization
// → sentence splitting. Checks that offsets always map inside the input, and
// that the splitter finds what ICU finds over the whole text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "corpus/encoding.h"
#include "corpus/html_reader.h"
#include "corpus/reader.h"
#include "normalizers/sentence_splitter.h"
#include "normalizers/text_normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto detector = *solieu::EncodingDetector::Create();
  static auto normalizer = std::move(*solieu::TextNormalizer::Create());
  static auto splitter = std::move(*solieu::SentenceSplitter::Create());
  static auto html = *solieu::HtmlReader::Create();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // The reader's own path: HTML through HtmlReader, other bytes through
  // detection, then AcceptText's checks (the normalizer's precondition).
  solieu::Document doc;
  if (size > 0 && data[0] == '<') {
    auto article = html->Read(bytes, "fuzz.html");
    if (!article.ok() || !solieu::AcceptText("fuzz.html", article->text, &doc).ok()) return 0;
  } else if (!solieu::AcceptText("fuzz", bytes, &doc, detector.get()).ok()) {
    return 0;
  }
  const std::string& text = doc.text;
  auto n = normalizer->Normalize(text);
  if (n.map.orig_size() != text.size() || n.map.norm_size() != n.text.size()) std::abort();
  auto spans = splitter->Split(n.text);
  for (const auto& s : spans) {
    uint32_t b = n.map.ToOriginalStart(s.begin), e = n.map.ToOriginalEnd(s.end);
    if (s.end > n.text.size() || b > e || e > text.size()) std::abort();
  }
  auto whole = splitter->SplitWithWholeText(n.text);
  if (whole.size() != spans.size()) std::abort();
  for (size_t i = 0; i < spans.size(); ++i) {
    if (whole[i].begin != spans[i].begin || whole[i].end != spans[i].end) std::abort();
  }
  return 0;
}
