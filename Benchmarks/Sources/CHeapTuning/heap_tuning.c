// The module's functions are inline in include/heap_tuning.h; SwiftPM wants a source file.
#include "heap_tuning.h"
