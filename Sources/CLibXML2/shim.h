// libxml2's HTML parser (Debian libxml2-dev), for HTML → plain text.
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes the system ICU headers, whose
// `UErrorCode` clashes with Foundation's bundled ICU in any module importing both. libxml2's
// public structs only need these two names from ICU, so declare them and skip the ICU header.
#define UCNV_H 1
#include <stdint.h>
typedef struct UConverter UConverter;
typedef uint16_t UChar;

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

// `xmlFree` is a global function-pointer variable, which Swift 6 will not touch directly.
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }
#endif
