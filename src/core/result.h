// Result<T, E>: an expected outcome (a value) or a business error (a value, never an exception).
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace kvitka {

template <class E>
struct Failure {
  E error;
};

template <class E>
Failure<E> Fail(E error) {
  return Failure<E>{std::move(error)};
}

template <class T, class E>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  template <class F>
  Result(Failure<F> failure)
      : data_(std::in_place_index<1>, E(std::move(failure.error))) {}  // NOLINT

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const {
    assert(!ok());
    return std::get<1>(data_);
  }

 private:
  std::variant<T, E> data_;
};

// Result of an operation that has no value on success.
struct Done {};

}  // namespace kvitka
