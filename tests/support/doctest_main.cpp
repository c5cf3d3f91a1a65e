// The one doctest main shared by every spec executable (compiled once per build tree).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
