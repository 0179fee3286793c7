#include "extractors/sentence_spans.h"

#include <charconv>
#include <cstdint>
#include <limits>

namespace solieu {

std::string SentenceSpansJson(const std::vector<SentenceRecord>& sentences) {
  // Written in place: a document has hundreds of offsets, and appending
  // them one piece at a time cost more than the numbers themselves.
  std::string out(2 + sentences.size() * (4 * 10 + 6), '\0');  // four 32-bit numbers, "[,,,]," each
  char* p = out.data();
  char* const end = p + out.size();
  *p++ = '[';
  for (const SentenceRecord& r : sentences) {
    if (p[-1] == ']') *p++ = ',';
    *p++ = '[';
    p = std::to_chars(p, end, r.norm_begin).ptr;
    *p++ = ',';
    p = std::to_chars(p, end, r.norm_end).ptr;
    *p++ = ',';
    p = std::to_chars(p, end, r.begin).ptr;
    *p++ = ',';
    p = std::to_chars(p, end, r.end).ptr;
    *p++ = ']';
  }
  *p++ = ']';
  out.resize(p - out.data());
  return out;
}

bool ScanSentenceSpans(JsonScanner& scan, std::vector<SentenceRecord>* out) {
  out->clear();
  return scan.Items([&] {
    SentenceRecord r{};
    uint32_t* fields[] = {&r.norm_begin, &r.norm_end, &r.begin, &r.end};
    int n = 0;
    bool four = scan.Items([&] {
      int64_t v;
      if (n >= 4 || !scan.Integer(0, std::numeric_limits<uint32_t>::max(), &v)) return false;
      *fields[n++] = static_cast<uint32_t>(v);
      return true;
    });
    if (!four || n != 4) return false;
    out->push_back(r);
    return true;
  });
}

bool ParseSentenceSpans(std::string_view json, std::vector<SentenceRecord>* out) {
  JsonScanner scan(json);
  return ScanSentenceSpans(scan, out) && scan.AtEnd();
}

}  // namespace solieu
