// bmm — config: the library's few macros (every one prefixed BMM_).
//
//   BMM_DELETED("reason")   `= delete("reason")` where the compiler supports it, else `= delete`
//   BMM_EXPECTS(cond)       a precondition on the caller (a programmer error, not bad data)
//   BMM_LIKELY(x), BMM_UNLIKELY(x), BMM_NOINLINE   branch and inlining hints for hot paths
//
// bmm's own preconditions do not use BMM_EXPECTS: each one whose breach would be undefined
// behaviour (a place count beyond 18, a month range that ends before it starts, a zero
// denominator) is checked in every build mode, NDEBUG or not, and throws a typed error
// (bmm::invalid_argument, bmm::undefined_error), as the specs show in each configuration.
// BMM_EXPECTS is for code built on bmm that wants the same switch.
// Contracts: by default BMM_EXPECTS uses assert() (so it is checked unless NDEBUG is defined).
// Define BMM_CONTRACTS to one of these before including any bmm header to choose otherwise:
//   BMM_CONTRACTS_ASSERT      assert()                                (the default)
//   BMM_CONTRACTS_TERMINATE   std::terminate() on a broken precondition, even under NDEBUG
//   BMM_CONTRACTS_OFF         not checked
// Data errors (bad text, overflow, division by zero) are never contracts: they always throw a
// type derived from bmm::error (see bmm/error.hpp).
#pragma once

#include <cassert>
#include <exception>

#if defined(__cpp_deleted_function) && __cpp_deleted_function >= 202403L
#define BMM_DELETED(reason) = delete (reason)
#else
#define BMM_DELETED(reason) = delete
#endif

#define BMM_CONTRACTS_ASSERT 1
#define BMM_CONTRACTS_TERMINATE 2
#define BMM_CONTRACTS_OFF 3

#ifndef BMM_CONTRACTS
#define BMM_CONTRACTS BMM_CONTRACTS_ASSERT
#endif

#if BMM_CONTRACTS == BMM_CONTRACTS_ASSERT
#define BMM_EXPECTS(cond) assert(cond)
#elif BMM_CONTRACTS == BMM_CONTRACTS_TERMINATE
#define BMM_EXPECTS(cond) ((cond) ? static_cast<void>(0) : std::terminate())
#elif BMM_CONTRACTS == BMM_CONTRACTS_OFF
#define BMM_EXPECTS(cond) static_cast<void>(0)
#else
#error "BMM_CONTRACTS must be BMM_CONTRACTS_ASSERT, BMM_CONTRACTS_TERMINATE or BMM_CONTRACTS_OFF"
#endif

#if defined(__GNUC__) || defined(__clang__)
#define BMM_LIKELY(x) __builtin_expect(!!(x), 1)
#define BMM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define BMM_NOINLINE __attribute__((noinline))
#else
#define BMM_NOINLINE
#define BMM_LIKELY(x) (x)
#define BMM_UNLIKELY(x) (x)
#endif
