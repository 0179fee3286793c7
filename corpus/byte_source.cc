#include "corpus/byte_source.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace solieu {
namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

class FileSource : public ByteSource {
 public:
  FileSource(FILE* f, std::string name, bool owned) : f_(f), name_(std::move(name)), owned_(owned) {}
  ~FileSource() override { if (owned_) std::fclose(f_); }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) return Status::IoError(name_ + ": read error: " + std::strerror(errno));
    return got;
  }

 private:
  FILE* f_;
  std::string name_;
  bool owned_;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(gzFile f, std::string name) : f_(f), name_(std::move(name)) {}
  ~GzipSource() override { gzclose(f_); }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    int got = gzread(f_, buf, static_cast<unsigned>(std::min<size_t>(n, 1 << 30)));
    int err = Z_OK;
    const char* msg = got <= 0 ? gzerror(f_, &err) : nullptr;
    if (got < 0) {
      return Status::InvalidInput(name_ + ": gzip error at compressed offset " +
                                  std::to_string(gzoffset(f_)) + ": " + msg);
    }
    // At the end of the file zlib answers with what it has, and says
    // Z_BUF_ERROR if that end fell inside a stream: a cut archive, which
    // would otherwise pass for a whole one when cut between two lines.
    if (got == 0 && err == Z_BUF_ERROR) {
      return Status::InvalidInput(name_ + ": truncated gzip stream at compressed offset " + std::to_string(gzoffset(f_)));
    }
    return static_cast<size_t>(got);
  }

 private:
  gzFile f_;
  std::string name_;
};

class ZstdSource : public ByteSource {
 public:
  ZstdSource(FILE* f, std::string name) : f_(f), name_(std::move(name)), in_buf_(ZSTD_DStreamInSize()) {
    ds_ = ZSTD_createDStream();
    ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); std::fclose(f_); }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        size_t got = std::fread(in_buf_.data(), 1, in_buf_.size(), f_);
        if (got == 0) {
          if (last_ret_ != 0) return Status::InvalidInput(name_ + ": truncated zstd stream at offset " + std::to_string(consumed_));
          return size_t{0};
        }
        in_ = {in_buf_.data(), got, 0};
      }
      size_t before = in_.pos;
      last_ret_ = ZSTD_decompressStream(ds_, &out, &in_);
      consumed_ += in_.pos - before;
      if (ZSTD_isError(last_ret_)) {
        return Status::InvalidInput(name_ + ": zstd error at compressed offset " + std::to_string(consumed_) +
                                    ": " + ZSTD_getErrorName(last_ret_));
      }
    }
    return out.pos;
  }

 private:
  FILE* f_;
  std::string name_;
  std::vector<char> in_buf_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  ZSTD_DStream* ds_;
  size_t last_ret_ = 0;
  size_t consumed_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(new FileSource(stdin, "<stdin>", false));
  if (EndsWith(path, ".gz")) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    gzbuffer(f, 1 << 17);
    return std::unique_ptr<ByteSource>(new GzipSource(f, path));
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  if (EndsWith(path, ".zst")) return std::unique_ptr<ByteSource>(new ZstdSource(f, path));
  return std::unique_ptr<ByteSource>(new FileSource(f, path, true));
}

bool IsCompressedPath(const std::string& path) { return EndsWith(path, ".gz") || EndsWith(path, ".zst"); }

StatusOr<std::string> ReadAll(ByteSource* src, const std::string& name, size_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  while (true) {
    auto got = src->Read(buf, sizeof buf);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    if (out.size() + *got > max_bytes) {
      return Status::InvalidInput(name + ": larger than " + std::to_string(max_bytes >> 20) + " MiB, skipped");
    }
    out.append(buf, *got);
  }
  return out;
}

LineReader::LineReader(std::unique_ptr<ByteSource> src, size_t max_line)
    : src_(std::move(src)), max_line_(max_line) {}

bool LineReader::Fill(Status* status) {
  if (eof_) return false;
  if (pos_ > 0) { buf_.erase(0, pos_); pos_ = 0; }
  size_t old = buf_.size();
  buf_.resize(old + (1 << 16));
  auto got = src_->Read(buf_.data() + old, 1 << 16);
  if (!got.ok()) { *status = got.status(); buf_.resize(old); eof_ = true; return false; }
  buf_.resize(old + *got);
  if (*got == 0) eof_ = true;
  return *got > 0;
}

bool LineReader::Next(std::string* line, size_t* lineno, bool* too_long, Status* status) {
  *too_long = false;
  size_t scanned = pos_;
  while (true) {
    size_t nl = buf_.find('\n', scanned);
    if (nl != std::string::npos) {
      *lineno = ++lineno_;
      if (*too_long) { line->clear(); } else {
        size_t end = nl;
        if (end > pos_ && buf_[end - 1] == '\r') --end;
        line->assign(buf_, pos_, end - pos_);
      }
      pos_ = nl + 1;
      return true;
    }
    if (buf_.size() - pos_ > max_line_) {
      // Too long: drop what we have and keep scanning for the newline.
      *too_long = true;
      buf_.clear();
      pos_ = 0;
    }
    scanned = buf_.size();
    size_t before = pos_;
    if (!Fill(status)) {
      if (!status->ok()) {
        *lineno = lineno_ + 1;  // the line that could not be read whole
        return true;
      }
      if (buf_.size() > pos_ || *too_long) {  // last line without a newline
        *lineno = ++lineno_;
        if (*too_long) line->clear(); else line->assign(buf_, pos_, std::string::npos);
        pos_ = buf_.size();
        return true;
      }
      return false;
    }
    scanned -= before - pos_;  // Fill moved the buffer start to 0
  }
}

}  // namespace solieu
