// jemalloc's settings (see solieu_allocator in CMakeLists.txt), read once
// when it starts: it looks for this symbol, and MALLOC_CONF in the
// environment still overrides it. Pages freed go back to the system after a
// quarter of a second instead of jemalloc's ten: kept longer, they made
// ingest's peak memory grow with the length of the run (100 MB of input:
// 45 MB, 1 GB: 53 MB; with 250 ms, 35 and 38 MB). Returned at once (0 ms),
// they cost all the speed jemalloc brings.
extern "C" {
const char* malloc_conf = "dirty_decay_ms:250,muzzy_decay_ms:0";
}
