#ifndef CCHC_CLIBPQ_SHIM_H
#define CCHC_CLIBPQ_SHIM_H
#include <libpq-fe.h>

/* The PG_DIAG_* field codes are character macros ('C', 'M', …) that Swift does not import;
   re-export the ones we read from error and notice results as typed constants. */
static const int CCHC_PG_DIAG_SEVERITY = PG_DIAG_SEVERITY_NONLOCALIZED;
static const int CCHC_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int CCHC_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int CCHC_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int CCHC_PG_DIAG_MESSAGE_HINT = PG_DIAG_MESSAGE_HINT;
static const int CCHC_PG_DIAG_STATEMENT_POSITION = PG_DIAG_STATEMENT_POSITION;
static const int CCHC_PG_DIAG_CONTEXT = PG_DIAG_CONTEXT;
static const int CCHC_PG_DIAG_SCHEMA_NAME = PG_DIAG_SCHEMA_NAME;
static const int CCHC_PG_DIAG_TABLE_NAME = PG_DIAG_TABLE_NAME;
static const int CCHC_PG_DIAG_COLUMN_NAME = PG_DIAG_COLUMN_NAME;
static const int CCHC_PG_DIAG_DATATYPE_NAME = PG_DIAG_DATATYPE_NAME;
static const int CCHC_PG_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME;
#endif
