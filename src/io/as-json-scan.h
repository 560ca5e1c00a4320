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

G_END_DECLS
