// SyncCountingVfs: SQLite's default VFS with every xSync counted, for the
// database file and its WAL apart, to see when a Store makes its writes
// durable. Registered as the default VFS while it lives, so a Store opened
// meanwhile goes through it; one at a time.
#ifndef SOLIEU_TESTS_SCHEMA_SYNC_COUNTING_VFS_H_
#define SOLIEU_TESTS_SCHEMA_SYNC_COUNTING_VFS_H_

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace solieu::testing {

class SyncCountingVfs {
 public:
  SyncCountingVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.zName = "solieu-sync-counting";
    vfs_.pNext = nullptr;
    vfs_.xOpen = &Open;
    vfs_.xDelete = [](sqlite3_vfs*, const char* p, int d) { return real_->xDelete(real_, p, d); };
    vfs_.xAccess = [](sqlite3_vfs*, const char* p, int f, int* o) { return real_->xAccess(real_, p, f, o); };
    vfs_.xFullPathname = [](sqlite3_vfs*, const char* p, int n, char* o) { return real_->xFullPathname(real_, p, n, o); };
    vfs_.xDlOpen = [](sqlite3_vfs*, const char* p) { return real_->xDlOpen(real_, p); };
    vfs_.xDlError = [](sqlite3_vfs*, int n, char* o) { real_->xDlError(real_, n, o); };
    vfs_.xDlSym = [](sqlite3_vfs*, void* h, const char* s) { return real_->xDlSym(real_, h, s); };
    vfs_.xDlClose = [](sqlite3_vfs*, void* h) { real_->xDlClose(real_, h); };
    vfs_.xRandomness = [](sqlite3_vfs*, int n, char* o) { return real_->xRandomness(real_, n, o); };
    vfs_.xSleep = [](sqlite3_vfs*, int us) { return real_->xSleep(real_, us); };
    vfs_.xCurrentTime = [](sqlite3_vfs*, double* t) { return real_->xCurrentTime(real_, t); };
    vfs_.xGetLastError = [](sqlite3_vfs*, int n, char* o) { return real_->xGetLastError(real_, n, o); };
    vfs_.xCurrentTimeInt64 = [](sqlite3_vfs*, sqlite3_int64* t) { return real_->xCurrentTimeInt64(real_, t); };
    vfs_.xSetSystemCall = nullptr;  // version 2 of the VFS: no system-call overrides
    vfs_.xGetSystemCall = nullptr;
    vfs_.xNextSystemCall = nullptr;
    vfs_.iVersion = 2;
    Reset();
    sqlite3_vfs_register(&vfs_, /*makeDflt=*/1);
  }
  ~SyncCountingVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
  }
  SyncCountingVfs(const SyncCountingVfs&) = delete;
  SyncCountingVfs& operator=(const SyncCountingVfs&) = delete;

  int database_syncs() const { return syncs_[kDatabase]; }
  int wal_syncs() const { return syncs_[kWal]; }
  void Reset() {
    for (auto& n : syncs_) n = 0;
  }

 private:
  enum Kind { kOther, kDatabase, kWal };
  static inline sqlite3_vfs* real_ = nullptr;
  static inline std::atomic<int> syncs_[3];
  struct File {
    sqlite3_file base;
    Kind kind;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
  };
  static sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real(); }

  static int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
    File* file = reinterpret_cast<File*>(f);
    std::memset(file, 0, sizeof(File));
    file->kind = (flags & SQLITE_OPEN_MAIN_DB) ? kDatabase : (flags & SQLITE_OPEN_WAL) ? kWal : kOther;
    int rc = real_->xOpen(real_, name, file->real(), flags, out_flags);
    file->base.pMethods = file->real()->pMethods ? &kMethods : nullptr;
    return rc;
  }

  static constexpr sqlite3_io_methods kMethods = {
      3,
      [](sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); },
      [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return Real(f)->pMethods->xRead(Real(f), b, n, o); },
      [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
        return Real(f)->pMethods->xWrite(Real(f), b, n, o);
      },
      [](sqlite3_file* f, sqlite3_int64 n) { return Real(f)->pMethods->xTruncate(Real(f), n); },
      [](sqlite3_file* f, int flags) {
        ++syncs_[reinterpret_cast<File*>(f)->kind];
        return Real(f)->pMethods->xSync(Real(f), flags);
      },
      [](sqlite3_file* f, sqlite3_int64* n) { return Real(f)->pMethods->xFileSize(Real(f), n); },
      [](sqlite3_file* f, int l) { return Real(f)->pMethods->xLock(Real(f), l); },
      [](sqlite3_file* f, int l) { return Real(f)->pMethods->xUnlock(Real(f), l); },
      [](sqlite3_file* f, int* o) { return Real(f)->pMethods->xCheckReservedLock(Real(f), o); },
      [](sqlite3_file* f, int op, void* a) { return Real(f)->pMethods->xFileControl(Real(f), op, a); },
      [](sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); },
      [](sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); },
      [](sqlite3_file* f, int p, int n, int e, void volatile** o) {
        return Real(f)->pMethods->xShmMap(Real(f), p, n, e, o);
      },
      [](sqlite3_file* f, int o, int n, int fl) { return Real(f)->pMethods->xShmLock(Real(f), o, n, fl); },
      [](sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); },
      [](sqlite3_file* f, int d) { return Real(f)->pMethods->xShmUnmap(Real(f), d); },
      [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) { return Real(f)->pMethods->xFetch(Real(f), o, n, p); },
      [](sqlite3_file* f, sqlite3_int64 o, void* p) { return Real(f)->pMethods->xUnfetch(Real(f), o, p); },
  };

  sqlite3_vfs vfs_;
};

}  // namespace solieu::testing

#endif  // SOLIEU_TESTS_SCHEMA_SYNC_COUNTING_VFS_H_
