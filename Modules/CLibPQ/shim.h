#ifndef CCHC_CLIBPQ_SHIM_H
#define CCHC_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
