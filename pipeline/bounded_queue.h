// BoundedQueue: first in, first out between one producer thread and one
// consumer thread, holding at most `capacity` items so that memory stays
// flat however long the input is.
#ifndef SOLIEU_PIPELINE_BOUNDED_QUEUE_H_
#define SOLIEU_PIPELINE_BOUNDED_QUEUE_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace solieu {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

  // Waits while the queue is full. False when the consumer has closed it:
  // the producer should stop.
  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    ready_.notify_one();
    return true;
  }

  // Waits while the queue is empty; nothing once the producer has finished
  // and every item is taken.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return finished_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }

  // The producer: nothing more will come.
  void Finish() {
    std::lock_guard<std::mutex> lock(mu_);
    finished_ = true;
    ready_.notify_all();
  }

  // The consumer: it takes nothing more, so a waiting producer stops.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    items_.clear();
    room_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<T> items_;
  bool finished_ = false, closed_ = false;
};

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_BOUNDED_QUEUE_H_
