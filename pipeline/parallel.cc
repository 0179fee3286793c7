#include "pipeline/parallel.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

namespace solieu {
namespace {

// What travels from the reader to the writer, numbered in input order.
struct Item {
  uint64_t seq;
  std::variant<Document, Skip, AnalyzedDocument, std::monostate> payload;  // monostate: not wanted
  uint64_t bytes_read;
  uint64_t text_bytes = 0;  // the document's text, while it is in flight
};

// The caller's thread writes every document, in order, alone: once the
// analysis threads fill every core, it is what the run waits for. At the
// same priority they took turns with it, and with --jobs 2 on two cores it
// spent two fifths of a 200 MB ingest ready to run but waiting behind them
// (12.5-16.6 s; 10.1-13.0 s with the workers at nice +8). Lower, they still
// get every moment the writer leaves. Per thread on Linux (setpriority on a
// thread id); elsewhere, and where refused, nothing.
void LowerThisThreadsPriority(int niceness) {
#ifdef __linux__
  errno = 0;
  int now = getpriority(PRIO_PROCESS, 0);
  if (errno == 0) setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), std::min(now + niceness, 19));
#else
  (void)niceness;
#endif
}

}  // namespace

Status RunAnalysis(DocumentReader* reader, std::shared_ptr<const AnalyzerRules> rules, int jobs,
                   const AnalysisCallbacks& cb, uint64_t in_flight_text_bytes) {
  if (jobs < 1) jobs = 1;
  // Documents between the reader and the writer. Enough that the workers
  // keep going while the writer commits a batch or the reader meets a long
  // document (with 8 per worker the two cores stood idle a fifth to a
  // quarter of a 200 MB ingest, 64 cut that by a third); few enough that
  // memory stays some tens of MB at any corpus size.
  const uint64_t kInFlight = static_cast<uint64_t>(jobs) * 64 + 64;
  // A full window refills by this many at a time: the reader waits for that
  // much room, and the writer wakes it once, not once per document (each
  // wake-up passes on to a worker: three thread switches per document).
  const uint64_t kRefill = 16;
  std::mutex mu;
  std::condition_variable work_cv, done_cv, room_cv;
  std::deque<Item> work;                 // documents waiting for a worker
  std::map<uint64_t, Item> done;         // finished items waiting for their turn
  uint64_t next_to_emit = 0, read_count = 0;
  uint64_t text_in_flight = 0;  // bytes of document text read and not yet emitted
  // Room for the reader: the window has kRefill documents free, and less
  // text than the bound in it (or nothing at all, for one larger document).
  auto room = [&] {
    return read_count - next_to_emit + kRefill <= kInFlight &&
           (text_in_flight < in_flight_text_bytes || read_count == next_to_emit);
  };
  auto full = [&] {
    return read_count - next_to_emit >= kInFlight ||
           (text_in_flight >= in_flight_text_bytes && read_count > next_to_emit);
  };
  bool reading_done = false, stop = false, reader_waits = false;
  std::vector<Status> worker_errors(jobs);
  // Hands a finished item to the writer; `mu` held. The writer waits for
  // next_to_emit only: any other item cannot end its wait, so it is not
  // woken for one.
  auto finished = [&](Item&& item) {
    if (item.seq == next_to_emit) done_cv.notify_one();
    done.emplace(item.seq, std::move(item));
  };

  std::thread reader_thread([&] {
    Document doc;
    Skip skip;
    // Documents not wanted (already stored) need nothing of the writer but
    // a progress report: one item stands for a run of them, up to kUnwantedRun
    // or 1 MiB of input, instead of one each. Each item woke the writer, and
    // the switches took a quarter of a re-ingest's time.
    constexpr uint64_t kUnwantedRun = 256, kUnwantedBytes = uint64_t{1} << 20;
    uint64_t unwanted = 0, reported_bytes = 0;
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mu);
        if (full()) {
          reader_waits = true;
          room_cv.wait(lock, [&] { return stop || room(); });
          reader_waits = false;
        }
        if (stop) break;
      }
      DocumentReader::Item kind = reader->Next(&doc, &skip);
      if (kind == DocumentReader::Item::kEnd) break;
      Item item{0, std::monostate{}, reader->bytes_read()};
      bool needs_work = false;
      if (kind == DocumentReader::Item::kSkip) {
        item.payload = skip;
      } else if (kind == DocumentReader::Item::kDocument && (!cb.wanted || cb.wanted(doc))) {
        item.text_bytes = doc.text.size();
        item.payload = std::move(doc);
        needs_work = true;
      } else if (++unwanted < kUnwantedRun && item.bytes_read - reported_bytes < kUnwantedBytes) {
        continue;  // the next item reports its bytes
      }
      unwanted = 0;
      reported_bytes = item.bytes_read;
      std::lock_guard<std::mutex> lock(mu);
      item.seq = read_count++;
      text_in_flight += item.text_bytes;
      if (needs_work) {
        work.push_back(std::move(item));
        work_cv.notify_one();
      } else {
        finished(std::move(item));
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    reading_done = true;
    work_cv.notify_all();
    done_cv.notify_all();
  });

  // With fewer workers than cores a core is left for the writer, and the
  // analysis is what the run waits for: it keeps its priority.
  const bool workers_fill_the_cores = static_cast<unsigned>(jobs) >= std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      if (workers_fill_the_cores) LowerThisThreadsPriority(kAnalysisNiceness);
      auto analyzer = Analyzer::Create(rules);
      if (!analyzer.ok()) worker_errors[w] = analyzer.status();
      while (true) {
        Item item;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_cv.wait(lock, [&] { return stop || !work.empty() || reading_done; });
          if (stop || (work.empty() && reading_done)) return;
          item = std::move(work.front());
          work.pop_front();
        }
        if (analyzer.ok()) item.payload = (*analyzer)->Analyze(std::move(std::get<Document>(item.payload)));
        else item.payload = Skip{std::get<Document>(item.payload).source + ": not analyzed: " + worker_errors[w].message()};
        std::lock_guard<std::mutex> lock(mu);
        finished(std::move(item));
      }
    });
  }

  Status result;
  while (true) {
    Item item;
    {
      std::unique_lock<std::mutex> lock(mu);
      done_cv.wait(lock, [&] {
        return done.count(next_to_emit) || (reading_done && next_to_emit == read_count);
      });
      if (!done.count(next_to_emit)) break;
      auto it = done.find(next_to_emit);
      item = std::move(it->second);
      done.erase(it);
      ++next_to_emit;
      text_in_flight -= item.text_bytes;
      if (reader_waits && room()) room_cv.notify_one();
    }
    if (auto* a = std::get_if<AnalyzedDocument>(&item.payload)) {
      result = cb.on_document(std::move(*a));
    } else if (auto* s = std::get_if<Skip>(&item.payload)) {
      if (cb.on_skip) cb.on_skip(*s);
    }
    if (cb.on_progress) cb.on_progress(item.bytes_read);
    if (!result.ok()) break;
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
    work_cv.notify_all();
    room_cv.notify_all();
  }
  reader_thread.join();
  for (auto& t : workers) t.join();
  return result;
}

}  // namespace solieu
