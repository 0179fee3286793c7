// UTF-8 checks for input as read.
#ifndef SOLIEU_CORPUS_UTF8_H_
#define SOLIEU_CORPUS_UTF8_H_

#include <cstddef>
#include <string_view>

namespace solieu {

// Byte offset of the first invalid UTF-8 sequence in `s`, or npos when the
// whole of `s` is valid (overlongs, surrogates and > U+10FFFF are invalid).
size_t FindInvalidUtf8(std::string_view s);

// True when `s` looks like a binary file rather than text: a NUL byte in it.
// Offset of that byte in *at.
bool LooksBinary(std::string_view s, size_t* at);

}  // namespace solieu

#endif  // SOLIEU_CORPUS_UTF8_H_
