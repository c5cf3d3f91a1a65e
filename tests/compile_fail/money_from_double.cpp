// money from double must not compile: not implicitly, and not at all
// expect: conversion from [^ ]*double[^ ]* to non-scalar type|no viable conversion from [^ ]*double[^ ]*
#include <bmm/money.hpp>
void rule() {
    bmm::gbp legal = bmm::gbp::parse("1.50");  // the legal twin: this must compile
    (void)legal;
#ifdef BMM_COMPILE_FAIL
    bmm::gbp x = 1.5;  // the forbidden line
    (void)x;
#endif
}
