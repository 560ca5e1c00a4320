/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A single linear pass over JSON text that checks what json-glib 1.6 does
 * not: that there is exactly one value, that the text is valid UTF-8 JSON,
 * that nesting, string lengths, object and array sizes are within limits,
 * that no object has a member twice and that integers fit in 64 bits. It
 * runs before json-glib parses, so that the parser never sees hostile text.
 * On failure it sets error (domain AS_FORMAT_ERROR, see as-format.h) to a
 * message without a path, and *path to the JSON path where the problem is,
 * such as "$.meetings[3].questions[10].text" ("$" for the root).
 *
 * limits may be NULL for the AS_MAX_* limits of as-format.h; path and error
 * may be NULL. A syntax or encoding message starts with the line and column
 * ("line 3, column 12: expected “,” or “}”"). The scan allocates nothing
 * per value: memory is bounded by the depth and the members per object.
 * Besides the limits, it refuses what json-glib would misread: "\u0000"
 * in a string (a C string would end there), lone surrogates, a BOM.
 */
typedef struct {
  guint max_depth;
  gsize max_string;    /* bytes, after unescaping is not needed: raw length */
  guint max_members;   /* per object */
  guint max_elements;  /* per array */
} AsJsonLimits;

gboolean as_json_scan (const char          *data,
                       gsize                length,
                       const AsJsonLimits  *limits,
                       char               **path,
                       GError             **error);

/*
 * The same pass as a pull parser, for a reader that builds what it reads
 * while the text is checked, without a tree in between. Each call to
 * as_json_pull_next returns the next token; the checks, errors and paths
 * are exactly those of as_json_scan (which pulls every token), and a
 * document that as_json_scan refuses gives AS_JSON_ERROR at the same
 * place, though only once the tokens before it have been returned.
 *
 * An object gives OBJECT_BEGIN, then for each member MEMBER (its name)
 * followed by the tokens of its value, then OBJECT_END; an array gives
 * ARRAY_BEGIN, the tokens of its elements and ARRAY_END. After the one
 * value comes AS_JSON_END. After END or ERROR, every call returns it again.
 */
typedef enum {
  AS_JSON_ERROR,         /* see as_json_pull_take_error */
  AS_JSON_END,           /* the end of the document */
  AS_JSON_OBJECT_BEGIN,
  AS_JSON_OBJECT_END,
  AS_JSON_ARRAY_BEGIN,
  AS_JSON_ARRAY_END,
  AS_JSON_MEMBER,        /* a member name: as_json_pull_get_string */
  AS_JSON_STRING,        /* as_json_pull_get_string, as_json_pull_dup_string */
  AS_JSON_INT,           /* within 64 bits: as_json_pull_get_int */
  AS_JSON_DOUBLE,        /* with a fraction or an exponent: as_json_pull_get_double */
  AS_JSON_TRUE,
  AS_JSON_FALSE,
  AS_JSON_NULL,
} AsJsonToken;

typedef struct _AsJsonPull AsJsonPull;

/* data must outlive the parser; limits may be NULL as for as_json_scan. */
AsJsonPull  *as_json_pull_new          (const char          *data,
                                        gsize                length,
                                        const AsJsonLimits  *limits);
void         as_json_pull_free         (AsJsonPull          *self);
AsJsonToken  as_json_pull_next         (AsJsonPull          *self);
/* After OBJECT_BEGIN or ARRAY_BEGIN, reads (and checks) the rest of that
 * value; after any other token, does nothing. FALSE on an error. */
gboolean     as_json_pull_skip         (AsJsonPull          *self);
/* How many objects and arrays are open. */
guint        as_json_pull_get_depth    (AsJsonPull          *self);
/* The last STRING or MEMBER, unescaped and nul-terminated (valid UTF-8
 * without a nul inside), valid until the next call. */
const char  *as_json_pull_get_string   (AsJsonPull          *self,
                                        gsize               *length);
char        *as_json_pull_dup_string   (AsJsonPull          *self,
                                        gsize               *length);
/* Whether the last STRING or MEMBER is text, without copying it. */
gboolean     as_json_pull_string_equal (AsJsonPull          *self,
                                        const char          *text);
gint64       as_json_pull_get_int      (AsJsonPull          *self);
/* The last DOUBLE (or INT) as the nearest double, as json-glib reads it. */
double       as_json_pull_get_double   (AsJsonPull          *self);
/* After AS_JSON_ERROR: the error and its path, as as_json_scan gives them. */
void         as_json_pull_take_error   (AsJsonPull          *self,
                                        char               **path,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AsJsonPull, as_json_pull_free)

G_END_DECLS
