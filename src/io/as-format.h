/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "as-set.h"

G_BEGIN_DECLS

/* The identifier and version written at the root of every set file. A reader
 * refuses a newer major version, migrates an older one in memory, and keeps
 * the members of a newer minor version that it does not know. */
#define AS_FORMAT_ID    "org.example.ActionSet"
#define AS_FORMAT_MAJOR 1
#define AS_FORMAT_MINOR 0

/* Limits on what a file may hold, so that a hostile file costs bounded time
 * and memory. They are documented in docs/file-format.md; those on what a
 * field holds (AS_MAX_STRING for any string, AS_MAX_LINE, AS_MAX_REFS) are
 * the model's, in as-entity.h. */
#define AS_MAX_FILE_SIZE   (128 * 1024 * 1024)
#define AS_MAX_DEPTH       64
#define AS_MAX_MEMBERS     4096            /* members in one object */
#define AS_MAX_ARRAY       200000          /* elements in one array */

#define AS_FORMAT_ERROR (as_format_error_quark ())

typedef enum {
  AS_FORMAT_ERROR_EMPTY,          /* no JSON value at all */
  AS_FORMAT_ERROR_SYNTAX,         /* not JSON, or several top-level values */
  AS_FORMAT_ERROR_ENCODING,       /* not valid UTF-8 */
  AS_FORMAT_ERROR_TOO_LARGE,      /* a size, length or count limit */
  AS_FORMAT_ERROR_TOO_DEEP,       /* nesting beyond AS_MAX_DEPTH */
  AS_FORMAT_ERROR_DUPLICATE_KEY,  /* a member twice in one object */
  AS_FORMAT_ERROR_NOT_A_SET,      /* valid JSON, but not a set file */
  AS_FORMAT_ERROR_NEWER_VERSION,  /* a major version this one cannot read */
  AS_FORMAT_ERROR_INVALID,        /* wrong type, missing field, out of range */
  AS_FORMAT_ERROR_DANGLING,       /* a reference to an id that is not there */
  AS_FORMAT_ERROR_DUPLICATE_ID,   /* two entities with one id */
} AsFormatError;

GQuark        as_format_error_quark   (void);

/* One problem found in a file: a JSON path such as "$.members[2].name" and a
 * translated message. */
typedef struct {
  char          *path;
  char          *message;
  AsFormatError  code;
} AsProblem;

void          as_problem_free         (AsProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AsProblem, as_problem_free)

/* Reads a set from the bytes of a file. On failure returns NULL, sets error
 * to the first problem as "$.path: message", and, when problems is not NULL,
 * adds every problem found to it (a GPtrArray of AsProblem, free func set).
 * The set returned is a document (undo stack, index) and is not modified. */
AsSet        *as_format_read          (GBytes      *bytes,
                                       GPtrArray   *problems,
                                       GError     **error);

/* As as_format_read, and sets *migrated (when not NULL) to whether the file
 * was in an older format and migrated in memory. */
AsSet        *as_format_read_full     (GBytes      *bytes,
                                       GPtrArray   *problems,
                                       gboolean    *migrated,
                                       GError     **error);

/* The version found in the bytes of a set file, when it has one. */
gboolean      as_format_peek_version  (GBytes      *bytes,
                                       guint       *major,
                                       guint       *minor);

/* Writes a set as pretty-printed JSON (two-space indent, a final newline),
 * fields in a fixed order and the unknown members of each object after them:
 * the same set always gives the same bytes. */
GBytes       *as_format_write         (AsSet       *set);

/* A string, one field's value, or one entity and its children (a set with
 * the format and its version first, as a file starts) appended to out as
 * JSON on one line, as the file writes them: the journal records each edit
 * as one line. */
void          as_format_append_string    (GString       *out,
                                          const char    *text);
void          as_format_append_field     (GString       *out,
                                          AsEntity      *entity,
                                          const AsField *field);
void          as_format_append_entity    (GString       *out,
                                          AsEntity      *entity);

/* One entity (and its children) as a JSON object, and back; the journal
 * reads the entities of its lines so. entity_from_json adds problems like
 * read. */
JsonNode     *as_format_entity_to_json   (AsEntity    *entity);
AsEntity     *as_format_entity_from_json (GType        type,
                                          JsonNode    *node,
                                          const char  *path,
                                          GPtrArray   *problems);
/* One field's value as JSON, and back (with range and shape checks). */
JsonNode     *as_format_field_to_json    (AsEntity      *entity,
                                          const AsField *field);
gboolean      as_format_field_from_json  (const AsField *field,
                                          JsonNode      *node,
                                          GValue        *value,
                                          char         **message);

/* ISO 8601 with milliseconds and offset, "2026-11-21T14:05:00.250+01:00". */
char         *as_format_datetime      (GDateTime   *dt);
GDateTime    *as_parse_datetime       (const char  *text);

G_END_DECLS
