// bmm — version: the single source of the library's version number.
//
// CMake parses BMM_VERSION_MAJOR/MINOR/PATCH from this file; nothing else states the version.
//
//   #if BMM_VERSION >= BMM_VERSION_NUMBER(0, 1, 0)
//   ...
//   #endif
#pragma once

#define BMM_VERSION_MAJOR 0
#define BMM_VERSION_MINOR 1
#define BMM_VERSION_PATCH 0

/// Packs a version into one comparable integer: BMM_VERSION_NUMBER(0, 1, 0) == 100.
#define BMM_VERSION_NUMBER(major, minor, patch) ((major)*10000 + (minor)*100 + (patch))

#define BMM_VERSION BMM_VERSION_NUMBER(BMM_VERSION_MAJOR, BMM_VERSION_MINOR, BMM_VERSION_PATCH)
