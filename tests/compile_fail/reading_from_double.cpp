// a rating never reads a double: figures are exact decimals
// expect: conversion from [^ ]*double[^ ]* to non-scalar type|no viable conversion
#include <bmm/rag.hpp>
void rule() {
    const bmm::reading exact = bmm::decimal::parse("56.74");  // the legal twin
    (void)exact;
#ifdef BMM_COMPILE_FAIL
    const bmm::reading inexact = 56.74;  // the forbidden line
    (void)inexact;
#endif
}
