// JsonScanner: a strict one-pass reader of JSON text for the fast paths of
// the line readers (corpus/jsonl_fields.h, the document lines of `solieu
// load`). It accepts only what the JSON grammar accepts; its callers give
// up on anything unexpected and leave the line to a full JSON parser, so a
// fast path never reads a line differently from it. Input must be valid
// UTF-8 (checked by the callers).
#ifndef SOLIEU_CORPUS_JSON_SCANNER_H_
#define SOLIEU_CORPUS_JSON_SCANNER_H_

#include <unicode/utf8.h>

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/byte_scan.h"

namespace solieu {

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view s) : s_(s) {}

  bool AtEnd() { SkipSpace(); return i_ == s_.size(); }
  bool Take(char c) {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == c) { ++i_; return true; }
    return false;
  }
  bool Peek(char c) { SkipSpace(); return i_ < s_.size() && s_[i_] == c; }

  // A string, decoded into *out (or only checked when out is null).
  bool String(std::string* out) {
    if (!Take('"')) return false;
    size_t run = i_;  // start of the bytes not yet copied
    while (i_ < s_.size()) {
      // A document's text is one string: eight bytes at a time to the next
      // quote, backslash or control character.
      while (i_ + 8 <= s_.size()) {
        const uint64_t stop = byte_scan::JsonSpecial(byte_scan::Load8(s_.data() + i_));
        if (stop != 0) {
          i_ += byte_scan::FirstFlaggedByte(stop);
          break;
        }
        i_ += 8;
      }
      if (i_ >= s_.size()) break;
      unsigned char c = s_[i_];
      if (c == '"') {
        if (out) out->append(s_.data() + run, i_ - run);
        ++i_;
        return true;
      }
      if (c < 0x20) return false;  // control characters must be escaped
      if (c != '\\') { ++i_; continue; }
      if (out) out->append(s_.data() + run, i_ - run);
      if (++i_ >= s_.size()) return false;
      char e = s_[i_++];
      char plain = 0;
      switch (e) {
        case '"': case '\\': case '/': plain = e; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate needs its low half
            uint32_t low;
            if (i_ + 1 >= s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
            i_ += 2;
            if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          if (out) {
            char utf8[U8_MAX_LENGTH];
            int32_t len = 0;
            U8_APPEND_UNSAFE(utf8, len, cp);
            out->append(utf8, len);
          }
          break;
        }
        default: return false;
      }
      if (plain && out) out->push_back(plain);
      run = i_;
    }
    return false;  // unterminated
  }

  // A number, read as a double (any JSON number) or as an integer in
  // [lo, hi] written without fraction or exponent; false for anything else.
  bool Double(double* v) {
    SkipSpace();
    size_t start = i_;
    if (!Number()) return false;
    auto r = std::from_chars(s_.data() + start, s_.data() + i_, *v);
    return r.ec == std::errc() && r.ptr == s_.data() + i_;
  }
  bool Integer(int64_t lo, int64_t hi, int64_t* v) {
    SkipSpace();
    size_t start = i_;
    if (!Number()) return false;
    auto r = std::from_chars(s_.data() + start, s_.data() + i_, *v);
    return r.ec == std::errc() && r.ptr == s_.data() + i_ && *v >= lo && *v <= hi;
  }
  // True when a number comes next.
  bool PeekNumber() {
    SkipSpace();
    return i_ < s_.size() && (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9'));
  }
  // An object, with `on_key(key)` reading each member's value; true when the
  // whole object was read and every call accepted.
  template <typename OnKey>
  bool Members(OnKey on_key) {
    if (!Take('{')) return false;
    if (Take('}')) return true;
    std::string key;
    do {
      key.clear();
      if (!String(&key) || !Take(':') || !on_key(key)) return false;
    } while (Take(','));
    return Take('}');
  }
  // An array, with `on_item()` reading each item.
  template <typename OnItem>
  bool Items(OnItem on_item) {
    if (!Take('[')) return false;
    if (Take(']')) return true;
    do {
      if (!on_item()) return false;
    } while (Take(','));
    return Take(']');
  }
  // Any value, checked and skipped.
  bool Value(int depth) {
    if (depth > 256) return false;
    SkipSpace();
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '"') return String(nullptr);
    if (c == '{') return Members([&](const std::string&) { return Value(depth + 1); });
    if (c == '[') return Items([&] { return Value(depth + 1); });
    for (std::string_view word : {"true", "false", "null"}) {
      if (s_.substr(i_, word.size()) == word) { i_ += word.size(); return true; }
    }
    // Read as a double, not only checked: the full parser refuses a line
    // whose number no double holds ("6e756"), so the fast path gives it up.
    double ignored;
    return Double(&ignored);
  }

 private:
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Digits() {
    size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }
  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  bool Number() {
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') ++i_;
    else if (!Digits()) return false;
    if (i_ < s_.size() && s_[i_] == '.') { ++i_; if (!Digits()) return false; }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!Digits()) return false;
    }
    return true;
  }
  bool Hex4(uint32_t* v) {
    if (i_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_++];
      int d = h >= '0' && h <= '9' ? h - '0' : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : -1;
      if (d < 0) return false;
      *v = *v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }
  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace solieu

#endif  // SOLIEU_CORPUS_JSON_SCANNER_H_
