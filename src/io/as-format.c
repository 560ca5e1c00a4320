/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-format"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "as-format.h"
#include "as-json-scan.h"
#include "as-undo-stack.h"

/* A file with more problems than this reports the first ones only. */
#define MAX_PROBLEMS 100

/* The highest older major version that can be migrated. */
#define OLDEST_MAJOR 0

typedef struct
{
  GPtrArray  *problems;    /* of AsProblem */
  GHashTable *ids;         /* id (borrowed from the entity) → path (owned) */
} Reader;

G_DEFINE_QUARK (as-format-error-quark, as_format_error)

void
as_problem_free (AsProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/* Helpers */

static void
add_problem (GPtrArray     *problems,
             AsFormatError  code,
             char          *path,     /* taken */
             const char    *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (GPtrArray     *problems,
             AsFormatError  code,
             char          *path,
             const char    *format,
             ...)
{
  AsProblem *problem;
  va_list args;

  if (problems->len >= MAX_PROBLEMS)
    {
      g_free (path);
      return;
    }

  problem = g_new0 (AsProblem, 1);
  problem->code = code;
  problem->path = path;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static char *
member_path (const char *parent,
             const char *name)
{
  if (is_identifier (name))
    return g_strconcat (parent, ".", name, NULL);
  else
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), name);
      g_autofree char *quoted = json_to_string (node, FALSE);

      return g_strdup_printf ("%s[%s]", parent, quoted);
    }
}

/* Sets buffer, which holds the path of a list followed by anything, to the
 * path of the list's element at index: "$.meetings[3]". Reading a large file
 * visits hundreds of thousands of elements, and formatting a new string for
 * each was a large part of the time it took. */
static void
set_item_path (GString *buffer,
               gsize    list_path_len,
               guint    index)
{
  char digits[12];
  int n = 0;

  g_string_truncate (buffer, list_path_len);
  g_string_append_c (buffer, '[');
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  while (n > 0)
    g_string_append_c (buffer, digits[--n]);
  g_string_append_c (buffer, ']');
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("a boolean");
        default: return _("a number");
        }
    default:
      return "?";
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A value from the file, fit to quote in a message: at most 40 characters,
 * with control characters escaped, so that a hostile file cannot flood or
 * drive the terminal or the window that shows the message. */
static char *
excerpt (const char *s)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Dates and times */

/* Writes a number of at least width digits, zero-padded, as "%0*u" would,
 * and returns the end. */
static char *
put_padded (char  *p,
            guint  value,
            guint  width)
{
  char digits[12];
  guint n = 0;

  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) > 0);
  while (n < width)
    digits[n++] = '0';
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

/* Appends the time as as_format_datetime gives it. A large file holds a
 * hundred thousand times, and g_date_time_format, which interprets its
 * format and allocates for each, was a good part of writing one. */
static void
append_datetime (GString   *out,
                 GDateTime *dt)
{
  gint year, month, day;
  gint64 offset = g_date_time_get_utc_offset (dt) / G_USEC_PER_SEC;
  guint ms = g_date_time_get_microsecond (dt) / 1000;
  char buffer[64];
  char *p = buffer;

  /* The year always in four digits: %Y writes 999 for the year 999, which
   * as_parse_datetime (and ISO 8601) would not take back. */
  g_date_time_get_ymd (dt, &year, &month, &day);
  p = put_padded (p, year, 4);
  *p++ = '-';
  p = put_padded (p, month, 2);
  *p++ = '-';
  p = put_padded (p, day, 2);
  *p++ = 'T';
  p = put_padded (p, g_date_time_get_hour (dt), 2);
  *p++ = ':';
  p = put_padded (p, g_date_time_get_minute (dt), 2);
  *p++ = ':';
  p = put_padded (p, g_date_time_get_second (dt), 2);
  if (ms != 0)
    {
      *p++ = '.';
      p = put_padded (p, ms, 3);
    }

  /* The offset as GDateTime's "%:z" writes it: hours and minutes, any
   * seconds of a historical offset dropped. */
  if (offset == 0)
    *p++ = 'Z';
  else
    {
      *p++ = offset < 0 ? '-' : '+';
      offset = ABS (offset);
      p = put_padded (p, offset / 3600, 2);
      *p++ = ':';
      p = put_padded (p, offset / 60 % 60, 2);
    }
  g_string_append_len (out, buffer, p - buffer);
}

char *
as_format_datetime (GDateTime *dt)
{
  GString *out;

  g_return_val_if_fail (dt != NULL, NULL);

  out = g_string_sized_new (32);
  append_datetime (out, dt);
  return g_string_free (out, FALSE);
}

GDateTime *
as_parse_datetime (const char *text)
{
  GDateTime *dt;

  /* Only the extended calendar form with a time and an explicit offset:
   * "2026-11-21T14:05:00+01:00", optionally with a fraction of a second. */
  if (text == NULL || strlen (text) < 20 || strlen (text) > 40 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return NULL;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    return NULL;

  /* Keep milliseconds, the precision of the file. Most times have no finer
   * fraction, and a large file holds a hundred thousand of them: only make
   * a new one when there is something to round off. */
  if (g_date_time_get_microsecond (dt) % 1000 != 0)
    {
      GDateTime *rounded = g_date_time_add (dt, -(g_date_time_get_microsecond (dt) % 1000));
      g_date_time_unref (dt);
      return rounded;
    }
  return dt;
}

/* Fields */

/* A JSON value as the field checks see it, from a JsonNode or from the
 * pull parser: a scalar with its value, or only the kind of a container. */
typedef enum {
  VALUE_NULL,
  VALUE_STRING,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_BOOLEAN,
  VALUE_OBJECT,
  VALUE_ARRAY,
} ValueKind;

typedef struct
{
  ValueKind   kind;
  const char *string;   /* VALUE_STRING */
  gsize       length;
  gint64      integer;  /* VALUE_INT */
  gboolean    boolean;  /* VALUE_BOOLEAN */
} Value;

static const char *
value_kind_name (ValueKind kind)
{
  switch (kind)
    {
    case VALUE_OBJECT: return _("an object");
    case VALUE_ARRAY: return _("an array");
    case VALUE_NULL: return _("null");
    case VALUE_STRING: return _("a string");
    case VALUE_BOOLEAN: return _("a boolean");
    case VALUE_INT:
    case VALUE_DOUBLE: return _("a number");
    default: return "?";
    }
}

static void
value_from_node (JsonNode *node,
                 Value    *v)
{
  memset (v, 0, sizeof *v);
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      v->kind = VALUE_OBJECT;
      break;
    case JSON_NODE_ARRAY:
      v->kind = VALUE_ARRAY;
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          v->kind = VALUE_STRING;
          v->string = json_node_get_string (node);
          v->length = strlen (v->string);
          break;
        case G_TYPE_BOOLEAN:
          v->kind = VALUE_BOOLEAN;
          v->boolean = json_node_get_boolean (node);
          break;
        case G_TYPE_INT64:
          v->kind = VALUE_INT;
          v->integer = json_node_get_int (node);
          break;
        default:
          v->kind = VALUE_DOUBLE;
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      v->kind = VALUE_NULL;
      break;
    }
}

/* The entries of a list of references, checked one by one as they come. */
typedef struct
{
  GPtrArray *ids;
  guint      n;
  gint       first_bad;  /* the first entry that is not an id, or -1 */
} RefList;

static void
ref_list_init (RefList *list)
{
  list->ids = g_ptr_array_new_with_free_func (g_free);
  list->n = 0;
  list->first_bad = -1;
}

static void
ref_list_add (RefList     *list,
              const Value *element)
{
  guint index = list->n++;

  /* Past the limit, only the count matters. */
  if (list->n > AS_MAX_REFS || list->first_bad >= 0)
    return;
  if (element->kind != VALUE_STRING || !g_uuid_string_is_valid (element->string))
    list->first_bad = index;
  else
    g_ptr_array_add (list->ids, g_strndup (element->string, element->length));
}

/* Ends the list: its ids into value, or FALSE and a message. Too many
 * entries is told before a wrong one, as the whole array is looked at
 * first. */
static gboolean
ref_list_finish (RefList  *list,
                 GValue   *value,
                 char    **message)
{
  gboolean ok = FALSE;

  if (list->n > AS_MAX_REFS)
    *message = g_strdup_printf (_("more than %d entries"), AS_MAX_REFS);
  else if (list->first_bad >= 0)
    *message = g_strdup_printf (_("entry %u is not an id"), (guint) list->first_bad);
  else
    {
      g_ptr_array_add (list->ids, NULL);
      g_value_init (value, G_TYPE_STRV);
      g_value_take_boxed (value, g_ptr_array_steal (list->ids, NULL));
      ok = TRUE;
    }
  g_ptr_array_unref (list->ids);
  list->ids = NULL;
  return ok;
}

/* Checks a value for a field of any type but a list of references, and
 * sets value (uninitialized) to what the field is to hold. Strings are not
 * copied: value holds them as static strings, valid as long as v is. */
static gboolean
field_from_value (const AsField  *field,
                  const Value    *v,
                  GValue         *value,
                  char          **message)
{
  switch (field->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      {
        g_autofree char *shown = NULL;

        /* A date or a reference may be null: unset. */
        if (v->kind == VALUE_NULL && (field->type == AS_FIELD_DATE || field->type == AS_FIELD_REF))
          {
            g_value_init (value, G_TYPE_STRING);
            return TRUE;
          }
        if (v->kind != VALUE_STRING)
          {
            *message = g_strdup_printf (_("expected a string, found %s"), value_kind_name (v->kind));
            return FALSE;
          }
        switch (as_field_check_text (field, v->string, v->length))
          {
          case AS_FIELD_VALUE_VALID:
            g_value_init (value, G_TYPE_STRING);
            g_value_set_static_string (value, v->string);
            return TRUE;
          case AS_FIELD_VALUE_TOO_LONG:
            *message = g_strdup_printf (_("text longer than %d bytes"), AS_MAX_LINE);
            return FALSE;
          case AS_FIELD_VALUE_NOT_ONE_LINE:
            *message = g_strdup (_("a one-line text contains a line break or control character"));
            return FALSE;
          case AS_FIELD_VALUE_NOT_A_COLOUR:
            shown = excerpt (v->string);
            *message = g_strdup_printf (_("“%s” is not a colour like “#3584e4”"), shown);
            return FALSE;
          case AS_FIELD_VALUE_NOT_A_DATE:
            shown = excerpt (v->string);
            *message = g_strdup_printf (_("“%s” is not a date like “2026-11-21”"), shown);
            return FALSE;
          case AS_FIELD_VALUE_NOT_AN_ID:
          default:
            shown = excerpt (v->string);
            *message = g_strdup_printf (_("“%s” is not an id"), shown);
            return FALSE;
          }
      }

    case AS_FIELD_INT:
      if (v->kind != VALUE_INT)
        {
          if (v->kind == VALUE_DOUBLE)
            *message = g_strdup (_("expected a whole number"));
          else
            *message = g_strdup_printf (_("expected a number, found %s"), value_kind_name (v->kind));
          return FALSE;
        }
      if (v->integer < field->min || v->integer > field->max)
        {
          /* %lld, not G_GINT64_FORMAT: xgettext cuts a message at a macro. */
          *message = g_strdup_printf (_("%lld is out of range (%d to %d)"),
                                      (long long) v->integer, field->min, field->max);
          return FALSE;
        }
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (gint) v->integer);
      return TRUE;

    case AS_FIELD_BOOLEAN:
      if (v->kind != VALUE_BOOLEAN)
        {
          *message = g_strdup_printf (_("expected true or false, found %s"), value_kind_name (v->kind));
          return FALSE;
        }
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, v->boolean);
      return TRUE;

    case AS_FIELD_ENUM:
      {
        gint e;

        if (v->kind != VALUE_STRING)
          {
            *message = g_strdup_printf (_("expected a string, found %s"), value_kind_name (v->kind));
            return FALSE;
          }
        if (!as_enum_from_nick (field->enum_type (), v->string, &e))
          {
            g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
            g_autoptr(GString) allowed = g_string_new (NULL);

            for (guint i = 0; i < klass->n_values; i++)
              g_string_append_printf (allowed, "%s“%s”", i ? ", " : "", klass->values[i].value_nick);
            g_autofree char *shown = excerpt (v->string);

            *message = g_strdup_printf (_("“%s” is not one of %s"), shown, allowed->str);
            return FALSE;
          }
        g_value_init (value, field->enum_type ());
        g_value_set_enum (value, e);
        return TRUE;
      }

    case AS_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) dt = NULL;

        if (v->kind == VALUE_NULL)
          {
            g_value_init (value, G_TYPE_DATE_TIME);
            return TRUE;
          }
        if (v->kind != VALUE_STRING)
          {
            *message = g_strdup_printf (_("expected a string, found %s"), value_kind_name (v->kind));
            return FALSE;
          }
        dt = as_parse_datetime (v->string);
        if (dt == NULL)
          {
            g_autofree char *shown = excerpt (v->string);

            *message = g_strdup_printf (_("“%s” is not a date and time like “2026-11-21T14:00:00+01:00”"),
                                        shown);
            return FALSE;
          }
        g_value_init (value, G_TYPE_DATE_TIME);
        g_value_take_boxed (value, g_steal_pointer (&dt));
        return TRUE;
      }

    case AS_FIELD_REF_LIST:
      *message = g_strdup_printf (_("expected an array, found %s"), value_kind_name (v->kind));
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
as_format_field_from_json (const AsField  *field,
                           JsonNode       *node,
                           GValue         *value,
                           char          **message)
{
  Value v;

  if (field->type == AS_FIELD_REF_LIST && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      RefList list;

      ref_list_init (&list);
      for (guint i = 0; i < n && list.n <= AS_MAX_REFS; i++)
        {
          value_from_node (json_array_get_element (array, i), &v);
          ref_list_add (&list, &v);
        }
      list.n = MAX (list.n, n);
      return ref_list_finish (&list, value, message);
    }

  value_from_node (node, &v);
  if (!field_from_value (field, &v, value, message))
    return FALSE;
  /* The strings of the node may go before the value does. */
  if (G_VALUE_HOLDS_STRING (value))
    g_value_set_string (value, g_value_get_string (value));
  return TRUE;
}

JsonNode *
as_format_field_to_json (AsEntity      *entity,
                         const AsField *field)
{
  gpointer p = as_entity_field_storage (entity, field);

  switch (field->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      {
        const char *s = *(char **) p;
        return s ? json_node_init_string (json_node_alloc (), s) : json_node_init_null (json_node_alloc ());
      }
    case AS_FIELD_INT:
      return json_node_init_int (json_node_alloc (), *(gint *) p);
    case AS_FIELD_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), *(gboolean *) p);
    case AS_FIELD_ENUM:
      return json_node_init_string (json_node_alloc (),
                                    as_enum_to_nick (field->enum_type (), *(gint *) p));
    case AS_FIELD_DATETIME:
      {
        GDateTime *dt = *(GDateTime **) p;
        g_autofree char *s = NULL;

        if (dt == NULL)
          return json_node_init_null (json_node_alloc ());
        s = as_format_datetime (dt);
        return json_node_init_string (json_node_alloc (), s);
      }
    case AS_FIELD_REF_LIST:
      {
        char **ids = *(char ***) p;
        JsonArray *array = json_array_new ();

        JsonNode *node = json_node_alloc ();

        for (guint i = 0; ids && ids[i]; i++)
          json_array_add_string_element (array, ids[i]);
        json_node_init_array (node, array);
        json_array_unref (array);
        return node;
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
field_is_unset (AsEntity      *entity,
                const AsField *field)
{
  gpointer p = as_entity_field_storage (entity, field);

  switch (field->type)
    {
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      return *(char **) p == NULL;
    case AS_FIELD_DATETIME:
      return *(GDateTime **) p == NULL;
    default:
      return FALSE;
    }
}

/* Writing */

static JsonObject *
entity_to_object (AsEntity *entity)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  JsonObject *object = json_object_new ();
  JsonObject *extra;
  guint n_fields, n_lists;
  const AsField *fields = as_entity_class_get_fields (klass, &n_fields);
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);

  json_object_set_string_member (object, "id", as_entity_get_id (entity));

  for (guint i = 0; i < n_fields; i++)
    if (!field_is_unset (entity, &fields[i]))
      json_object_set_member (object, fields[i].json_name,
                              as_format_field_to_json (entity, &fields[i]));

  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));
      guint n = g_list_model_get_n_items (model);
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);
          json_array_add_object_element (array, entity_to_object (child));
        }
      json_object_set_array_member (object, lists[l].name, array);
    }

  if ((extra = as_entity_get_extra (entity)) != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (extra);

      for (GList *l = names; l; l = l->next)
        if (!json_object_has_member (object, l->data))
          json_object_set_member (object, l->data,
                                  json_node_copy (json_object_get_member (extra, l->data)));
    }

  return object;
}

JsonNode *
as_format_entity_to_json (AsEntity *entity)
{
  JsonNode *node;
  JsonObject *object;

  g_return_val_if_fail (AS_IS_ENTITY (entity), NULL);

  node = json_node_alloc ();
  object = entity_to_object (entity);
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

/* The text of a file is written straight from the model into one buffer, in
 * the very layout of json-glib 1.6's JsonGenerator (pretty, indent 2), so
 * that files written before read and write back byte for byte: a member is
 * "name" : value, each member or element on a line of its own, an empty
 * array is [], and an empty object is { } with as many spaces inside as
 * its closing brace would be indented. Two faults of that generator, which
 * made it write what is not JSON, are not repeated: U+001F is escaped like
 * the other control characters, and a double in exponent form gets no
 * ".0" ("1e+20", not "1e+20.0"). Building a JsonNode tree of the whole set
 * first, as the writer once did, took twice as long as writing the text. */

/* g_string_append_len, without a call while the buffer has room: the
 * writer appends millions of short pieces. */
static inline void
append_len (GString    *out,
            const char *s,
            gsize       n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

#define append_literal(out, text) append_len ((out), "" text, sizeof (text) - 1)

static void
append_escaped (GString    *out,
                const char *s)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) s;
  const guchar *run = p;

  for (;; p++)
    {
      /* Bytes that a string cannot hold as they are: control characters
       * (0 ends the string), the quote, the backslash, and DEL, which
       * json-glib escapes. */
      if (G_LIKELY (as_json_escape_extra[*p] == 0))
        continue;
      append_len (out, (const char *) run, p - run);
      switch (*p)
        {
        case '\0':
          return;
        case '"': append_literal (out, "\\\""); break;
        case '\\': append_literal (out, "\\\\"); break;
        case '\b': append_literal (out, "\\b"); break;
        case '\f': append_literal (out, "\\f"); break;
        case '\n': append_literal (out, "\\n"); break;
        case '\r': append_literal (out, "\\r"); break;
        case '\t': append_literal (out, "\\t"); break;
        default:
          append_literal (out, "\\u00");
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xf]);
          break;
        }
      run = p + 1;
    }
}

static void
append_string (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  append_escaped (out, s);
  g_string_append_c (out, '"');
}

static void
append_int (GString *out,
            gint64   value)
{
  char digits[24];
  guint64 magnitude;
  guint n = 0;

  if (value < 0)
    {
      g_string_append_c (out, '-');
      magnitude = -(guint64) value;
    }
  else
    magnitude = value;
  do
    digits[n++] = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (out, buffer);
  /* A double stays a double when read back. */
  if (strchr (buffer, '.') == NULL && strchr (buffer, 'e') == NULL)
    g_string_append (out, ".0");
}

static void
append_indent (GString *out,
               guint    level)
{
  static const char spaces[] = "                                                                ";
  gsize n = level * 2;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      append_len (out, spaces, chunk);
      n -= chunk;
    }
}

/* Starts the member or element after *count others of an object or array
 * whose own line is at level - 1: a line break, after a comma unless it is
 * the first, then the indentation. */
static void
begin_item (GString *out,
            guint    level,
            guint   *count)
{
  if ((*count)++ > 0)
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
  append_indent (out, level);
}

static void
begin_member (GString    *out,
              guint       level,
              guint      *count,
              const char *name)
{
  begin_item (out, level, count);
  append_string (out, name);
  append_literal (out, " : ");
}

/* Ends an object or array opened on a line at level. */
static void
end_container (GString *out,
               guint    level,
               guint    count,
               char     close)
{
  if (count > 0)
    g_string_append_c (out, '\n');
  append_indent (out, level);
  g_string_append_c (out, close);
}

/* Any JSON value, for the members this version does not know. */
static void
append_node (GString  *out,
             JsonNode *node,
             guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          append_int (out, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        default:
          break;
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        guint count = 0;

        g_string_append_c (out, '[');
        if (n == 0)
          {
            g_string_append_c (out, ']');
            break;
          }
        for (guint i = 0; i < n; i++)
          {
            begin_item (out, level + 1, &count);
            append_node (out, json_array_get_element (array, i), level + 1);
          }
        end_container (out, level, count, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        guint count = 0;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            begin_member (out, level + 1, &count, name);
            append_node (out, member, level + 1);
          }
        end_container (out, level, count, '}');
      }
      break;

    default:
      break;
    }
}

typedef struct
{
  GString    *out;
  /* The last enum looked up: the fields of one class use few enums, and
   * looking the class up for each value showed in profiles. */
  GType       enum_type;
  GEnumClass *enum_class;
} Writer;

static const char *
writer_enum_nick (Writer        *w,
                  const AsField *field,
                  gint           value)
{
  GType type = field->enum_type ();
  GEnumValue *v;

  if (type != w->enum_type)
    {
      g_clear_pointer (&w->enum_class, g_type_class_unref);
      w->enum_class = g_type_class_ref (type);
      w->enum_type = type;
    }
  v = g_enum_get_value (w->enum_class, value);
  return v ? v->value_nick : NULL;
}

/* One field's value, as as_format_field_to_json gives it. */
static void
append_field (Writer        *w,
              AsEntity      *entity,
              const AsField *field,
              guint          level)
{
  GString *out = w->out;
  gpointer p = as_entity_field_storage (entity, field);

  switch (field->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      {
        const char *s = *(char **) p;

        if (s != NULL)
          append_string (out, s);
        else
          g_string_append (out, "null");
      }
      break;
    case AS_FIELD_INT:
      append_int (out, *(gint *) p);
      break;
    case AS_FIELD_BOOLEAN:
      if (*(gboolean *) p)
        append_literal (out, "true");
      else
        append_literal (out, "false");
      break;
    case AS_FIELD_ENUM:
      append_string (out, writer_enum_nick (w, field, *(gint *) p));
      break;
    case AS_FIELD_DATETIME:
      {
        GDateTime *dt = *(GDateTime **) p;

        if (dt == NULL)
          {
            g_string_append (out, "null");
            break;
          }
        g_string_append_c (out, '"');
        append_datetime (out, dt);
        g_string_append_c (out, '"');
      }
      break;
    case AS_FIELD_REF_LIST:
      {
        char **ids = *(char ***) p;
        guint count = 0;

        g_string_append_c (out, '[');
        if (ids == NULL || ids[0] == NULL)
          {
            g_string_append_c (out, ']');
            break;
          }
        for (guint i = 0; ids[i] != NULL; i++)
          {
            begin_item (out, level + 1, &count);
            append_string (out, ids[i]);
          }
        end_container (out, level, count, ']');
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Whether an unknown member would take the place of one written already,
 * as setting it on the object built of the known ones would have. */
static gboolean
extra_is_hidden (AsEntity   *entity,
                 const char *name,
                 gboolean    is_root)
{
  const AsField *field;

  if (strcmp (name, "id") == 0 || as_entity_find_list (entity, name) != NULL)
    return TRUE;
  if ((field = as_entity_find_field (entity, name)) != NULL && !field_is_unset (entity, field))
    return TRUE;
  return is_root && (strcmp (name, "format") == 0 || strcmp (name, "format_version") == 0);
}

/* An entity as the object of the file: the id, the fields that are set in
 * the order of the class's table, every child list (also when empty), then
 * the members this version does not know, in the order they were read. */
static void
append_entity (Writer   *w,
               AsEntity *entity,
               guint     level,
               gboolean  is_root)
{
  GString *out = w->out;
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  guint n_fields, n_lists;
  const AsField *fields = as_entity_class_get_fields (klass, &n_fields);
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);
  JsonObject *extra;
  guint count = 0;

  g_string_append_c (out, '{');

  /* The format identifier and version come first, so that a person or a
   * program peeking at the file sees what it is. */
  if (is_root)
    {
      begin_member (out, level + 1, &count, "format");
      append_string (out, AS_FORMAT_ID);
      begin_member (out, level + 1, &count, "format_version");
      g_string_append (out, "{\n");
      append_indent (out, level + 2);
      g_string_append (out, "\"major\" : ");
      append_int (out, AS_FORMAT_MAJOR);
      g_string_append (out, ",\n");
      append_indent (out, level + 2);
      g_string_append (out, "\"minor\" : ");
      append_int (out, AS_FORMAT_MINOR);
      g_string_append_c (out, '\n');
      append_indent (out, level + 1);
      g_string_append_c (out, '}');
    }

  begin_member (out, level + 1, &count, "id");
  append_string (out, as_entity_get_id (entity));

  for (guint i = 0; i < n_fields; i++)
    if (!field_is_unset (entity, &fields[i]))
      {
        begin_member (out, level + 1, &count, fields[i].json_name);
        append_field (w, entity, &fields[i], level + 1);
      }

  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));
      guint n = g_list_model_get_n_items (model);
      guint n_written = 0;

      begin_member (out, level + 1, &count, lists[l].name);
      g_string_append_c (out, '[');
      if (n == 0)
        {
          g_string_append_c (out, ']');
          continue;
        }
      for (guint i = 0; i < n; i++)
        {
          AsEntity *child = g_list_model_get_item (model, i);

          begin_item (out, level + 2, &n_written);
          append_entity (w, child, level + 2, FALSE);
          g_object_unref (child);
        }
      end_container (out, level + 1, n_written, ']');
    }

  if ((extra = as_entity_get_extra (entity)) != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (!extra_is_hidden (entity, name, is_root))
          {
            begin_member (out, level + 1, &count, name);
            append_node (out, node, level + 1);
          }
    }

  end_container (out, level, count, '}');
}

/* The size of the last file written, to size the buffer of the next: a set
 * saved again is about as large as it was. */
static gint last_size_written = 4096;

GBytes *
as_format_write (AsSet *set)
{
  Writer w = { NULL, };
  gsize length;

  g_return_val_if_fail (AS_IS_SET (set), NULL);

  length = (gsize) g_atomic_int_get (&last_size_written);
  w.out = g_string_sized_new (length + length / 8);
  append_entity (&w, AS_ENTITY (set), 0, TRUE);
  g_string_append_c (w.out, '\n');
  g_clear_pointer (&w.enum_class, g_type_class_unref);

  length = w.out->len;
  g_atomic_int_set (&last_size_written, (gint) MIN (length, (gsize) G_MAXINT / 2));
  return g_string_free_to_bytes (w.out);
}

/* Reading */

static AsEntity *read_entity (Reader     *reader,
                              GType       type,
                              JsonObject *object,
                              const char *path);

static void
read_list (Reader            *reader,
           AsEntity          *entity,
           const AsChildList *list,
           JsonNode          *node,
           const char        *path)
{
  JsonArray *array;
  guint n;
  g_autoptr(GPtrArray) children = NULL;
  g_autofree char *list_path = member_path (path, list->name);
  g_autoptr(GString) item_path = NULL;
  gsize list_path_len;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (reader->problems, AS_FORMAT_ERROR_INVALID, g_steal_pointer (&list_path),
                   _("expected an array, found %s"), node_type_name (node));
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > list->max_items)
    {
      add_problem (reader->problems, AS_FORMAT_ERROR_TOO_LARGE, g_steal_pointer (&list_path),
                   _("%u entries, more than the %u allowed"), n, list->max_items);
      return;
    }

  children = g_ptr_array_new_full (n, g_object_unref);
  item_path = g_string_new (list_path);
  list_path_len = item_path->len;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      AsEntity *child;

      set_item_path (item_path, list_path_len, i);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          add_problem (reader->problems, AS_FORMAT_ERROR_INVALID, g_strdup (item_path->str),
                       _("expected an object, found %s"), node_type_name (element));
          continue;
        }
      child = read_entity (reader, list->item_type (), json_node_get_object (element),
                           item_path->str);
      if (child != NULL)
        g_ptr_array_add (children, child);
    }

  as_entity_load_children (entity, list, (AsEntity **) children->pdata, children->len);
}

static gboolean
is_root_member (const char *name)
{
  return strcmp (name, "format") == 0 || strcmp (name, "format_version") == 0;
}

static AsEntity *
read_entity (Reader     *reader,
             GType       type,
             JsonObject *object,
             const char *path)
{
  g_autoptr(AsEntity) entity = NULL;
  AsEntityClass *klass;
  const AsField *fields;
  const AsChildList *lists;
  guint n_fields, n_lists, n_known = 0;
  JsonNode *id_node;
  const char *id = NULL;
  gboolean is_root = g_type_is_a (type, AS_TYPE_SET);

  id_node = json_object_get_member (object, "id");
  if (id_node != NULL && is_string (id_node) && g_uuid_string_is_valid (json_node_get_string (id_node)))
    id = json_node_get_string (id_node);

  /* The id is given at construction, so that the entity does not make a
   * random one only to have it replaced. */
  entity = id ? g_object_new (type, "id", id, NULL) : g_object_new (type, NULL);
  klass = AS_ENTITY_GET_CLASS (entity);
  fields = as_entity_class_get_fields (klass, &n_fields);
  lists = as_entity_class_get_lists (klass, &n_lists);

  /* The id */
  if (id_node == NULL)
    add_problem (reader->problems, AS_FORMAT_ERROR_INVALID, g_strdup (path),
                 _("the %s has no “id”"), klass->json_kind);
  else if (id == NULL)
    add_problem (reader->problems, AS_FORMAT_ERROR_INVALID, member_path (path, "id"),
                 _("expected an id (a UUID such as “%s”)"), "0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12");
  else
    {
      const char *first = g_hash_table_lookup (reader->ids, id);

      if (first != NULL)
        add_problem (reader->problems, AS_FORMAT_ERROR_DUPLICATE_ID, member_path (path, "id"),
                     _("the id %s is already used at %s"), id, first);
      else
        g_hash_table_insert (reader->ids, (gpointer) as_entity_get_id (entity), g_strdup (path));
    }
  if (id_node != NULL)
    n_known++;

  /* The fields */
  for (guint i = 0; i < n_fields; i++)
    {
      const AsField *field = &fields[i];
      JsonNode *node = json_object_get_member (object, field->json_name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *message = NULL;

      if (node == NULL)
        {
          if (field->flags & AS_FIELD_REQUIRED)
            add_problem (reader->problems, AS_FORMAT_ERROR_INVALID, g_strdup (path),
                         _("the required field “%s” is missing"), field->json_name);
          continue;
        }
      n_known++;

      if (!as_format_field_from_json (field, node, &value, &message))
        {
          add_problem (reader->problems, AS_FORMAT_ERROR_INVALID,
                       member_path (path, field->json_name), "%s", message);
          continue;
        }
      /* A required reference, date or time must not be null. Required
       * texts may be empty: the app saves a set or member still unnamed,
       * and must read back whatever it saves. */
      if ((field->flags & AS_FIELD_REQUIRED) &&
          (((field->type == AS_FIELD_REF || field->type == AS_FIELD_DATE) &&
            g_value_get_string (&value) == NULL) ||
           (field->type == AS_FIELD_DATETIME && g_value_get_boxed (&value) == NULL)))
        {
          add_problem (reader->problems, AS_FORMAT_ERROR_INVALID,
                       member_path (path, field->json_name), _("must not be empty"));
          continue;
        }
      as_entity_load_field (entity, field, &value);
    }

  /* The child lists */
  for (guint l = 0; l < n_lists; l++)
    {
      JsonNode *node = json_object_get_member (object, lists[l].name);

      if (node == NULL)
        continue;
      n_known++;
      read_list (reader, entity, &lists[l], node, path);
    }

  /* What this version does not know is kept to be written back. */
  if (is_root)
    {
      if (json_object_has_member (object, "format"))
        n_known++;
      if (json_object_has_member (object, "format_version"))
        n_known++;
    }
  if (json_object_get_size (object) > n_known)
    {
      g_autoptr(GList) names = json_object_get_members (object);
      JsonObject *extra = json_object_new ();

      for (GList *l = names; l; l = l->next)
        {
          const char *name = l->data;

          if (strcmp (name, "id") == 0 ||
              as_entity_find_field (entity, name) != NULL ||
              as_entity_find_list (entity, name) != NULL ||
              (is_root && is_root_member (name)))
            continue;
          json_object_set_member (extra, name, json_node_copy (json_object_get_member (object, name)));
        }
      as_entity_set_extra (entity, extra);
      json_object_unref (extra);
    }

  return g_steal_pointer (&entity);
}

/* Checks that each reference names an entity of the right kind. With
 * duplicate not NULL, also sets it when an entity is not the one the
 * document's index finds by its id, which another entity with that id has
 * taken; every entity is then visited, past the problems kept. */
static void
check_references (Reader     *reader,
                  AsEntity   *root,
                  AsEntity   *entity,
                  const char *path,
                  gboolean   *duplicate)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  guint n_fields, n_lists;
  const AsField *fields = as_entity_class_get_fields (klass, &n_fields);
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);

  if (duplicate != NULL && as_entity_lookup (root, as_entity_get_id (entity)) != entity)
    *duplicate = TRUE;

  for (guint i = 0; i < n_fields; i++)
    {
      const AsField *field = &fields[i];
      gpointer p = as_entity_field_storage (entity, field);

      if (field->type == AS_FIELD_REF && *(char **) p != NULL)
        {
          const char *id = *(char **) p;
          AsEntity *target = as_entity_lookup (root, id);

          if (target == NULL || g_strcmp0 (as_entity_get_kind (target), field->ref_kind) != 0)
            add_problem (reader->problems, AS_FORMAT_ERROR_DANGLING,
                         member_path (path, field->json_name),
                         _("refers to %s %s, which is not in the set"), field->ref_kind, id);
        }
      else if (field->type == AS_FIELD_REF_LIST)
        {
          char **ids = *(char ***) p;

          for (guint k = 0; ids && ids[k]; k++)
            {
              AsEntity *target = as_entity_lookup (root, ids[k]);

              if (target == NULL || g_strcmp0 (as_entity_get_kind (target), field->ref_kind) != 0)
                {
                  g_autofree char *base = member_path (path, field->json_name);
                  add_problem (reader->problems, AS_FORMAT_ERROR_DANGLING,
                               g_strdup_printf ("%s[%u]", base, k),
                               _("refers to %s %s, which is not in the set"),
                               field->ref_kind, ids[k]);
                }
            }
        }
    }

  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));
      guint n = g_list_model_get_n_items (model);
      g_autofree char *list_path = NULL;
      g_autoptr(GString) item_path = NULL;
      gsize list_path_len;

      if (n == 0)
        continue;
      list_path = member_path (path, lists[l].name);
      item_path = g_string_new (list_path);
      list_path_len = item_path->len;
      for (guint i = 0; i < n && (duplicate != NULL || reader->problems->len < MAX_PROBLEMS); i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);

          set_item_path (item_path, list_path_len, i);
          check_references (reader, root, child, item_path->str, duplicate);
        }
    }
}

static gboolean
read_version (JsonObject *root,
              gint64     *major,
              gint64     *minor,
              GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (root, "format_version");
  JsonObject *version;
  JsonNode *m, *n;

  if (node == NULL)
    {
      add_problem (problems, AS_FORMAT_ERROR_NOT_A_SET, g_strdup ("$"),
                   _("the file has no “format_version”"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (problems, AS_FORMAT_ERROR_INVALID, g_strdup ("$.format_version"),
                   _("expected an object such as {\"major\": 1, \"minor\": 0}"));
      return FALSE;
    }
  version = json_node_get_object (node);
  m = json_object_get_member (version, "major");
  n = json_object_get_member (version, "minor");
  if (m == NULL || !JSON_NODE_HOLDS_VALUE (m) || json_node_get_value_type (m) != G_TYPE_INT64 ||
      json_node_get_int (m) < 0 || json_node_get_int (m) > G_MAXINT)
    {
      add_problem (problems, AS_FORMAT_ERROR_INVALID, g_strdup ("$.format_version.major"),
                   _("expected a whole number"));
      return FALSE;
    }
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64 ||
      json_node_get_int (n) < 0 || json_node_get_int (n) > G_MAXINT)
    {
      add_problem (problems, AS_FORMAT_ERROR_INVALID, g_strdup ("$.format_version.minor"),
                   _("expected a whole number"));
      return FALSE;
    }
  *major = json_node_get_int (m);
  *minor = json_node_get_int (n);
  return TRUE;
}

/* Migration from format 0 (the draft format of the preview releases) to 1:
 * members had "color" and a single "sponsor"; meetings had a local "date"
 * and "time" instead of "start"; actions had a "done" flag instead of a
 * status. Only the tree in memory changes; the file stays as it was. */
static void
rename_member (JsonObject *object,
               const char *from,
               const char *to)
{
  JsonNode *node = json_object_dup_member (object, from);

  if (node == NULL)
    return;
  json_object_remove_member (object, from);
  if (!json_object_has_member (object, to))
    json_object_set_member (object, to, node);
  else
    json_node_unref (node);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
object_element (JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The value of a string member, or NULL when it is missing or not a string
 * (json_object_get_string_member_with_default warns when it is an object or
 * an array, which a hostile file can make it). */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && is_string (node) ? json_node_get_string (node) : NULL;
}

static void
migrate_0_to_1 (JsonObject *root)
{
  JsonArray *array;

  if ((array = array_member (root, "members")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *member = object_element (array, i);

        if (member == NULL)
          continue;
        rename_member (member, "color", "colour");
        rename_member (member, "sponsor", "sponsor_name");
      }

  if ((array = array_member (root, "meetings")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *meeting = object_element (array, i);
        const char *date, *time;

        if (meeting == NULL || json_object_has_member (meeting, "start"))
          continue;
        date = string_member (meeting, "date");
        time = json_object_has_member (meeting, "time") ? string_member (meeting, "time") : "09:00";
        if (date != NULL && time != NULL)
          {
            /* Format 0 kept local times without an offset: they are read in
             * the time zone of this computer. */
            g_autofree char *text = g_strdup_printf ("%sT%s:00", date, time);
            g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
            g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, tz);

            if (dt != NULL)
              {
                g_autofree char *start = as_format_datetime (dt);

                json_object_set_string_member (meeting, "start", start);
                json_object_remove_member (meeting, "date");
                json_object_remove_member (meeting, "time");
              }
          }
      }

  if ((array = array_member (root, "actions")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *action = object_element (array, i);
        JsonNode *done;

        if (action == NULL || json_object_has_member (action, "status"))
          continue;
        done = json_object_get_member (action, "done");
        if (done != NULL && JSON_NODE_HOLDS_VALUE (done) &&
            json_node_get_value_type (done) == G_TYPE_BOOLEAN)
          {
            json_object_set_string_member (action, "status",
                                           json_node_get_boolean (done) ? "done" : "todo");
            json_object_remove_member (action, "done");
          }
      }
}

static const AsJsonLimits scan_limits = {
  AS_MAX_DEPTH, AS_MAX_STRING, AS_MAX_MEMBERS, AS_MAX_ARRAY,
};

static JsonNode *
parse_checked (GBytes     *bytes,
               GPtrArray  *problems)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length > AS_MAX_FILE_SIZE)
    {
      add_problem (problems, AS_FORMAT_ERROR_TOO_LARGE, g_strdup ("$"),
                   _("the file is larger than %d MB"), AS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!as_json_scan (data ? data : "", length, &scan_limits, &path, &error))
    {
      add_problem (problems, error->code, g_steal_pointer (&path), "%s", error->message);
      return NULL;
    }

  /* The scan has made sure that json-glib gets exactly one sane value. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      add_problem (problems, AS_FORMAT_ERROR_SYNTAX, g_strdup ("$"), "%s", error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      add_problem (problems, AS_FORMAT_ERROR_EMPTY, g_strdup ("$"), _("the file is empty"));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

/* Checks that the root is the object of a set file, in a format this
 * version reads, whose major version goes to *major_out. */
static gboolean
check_root (JsonNode  *root_node,
            GPtrArray *problems,
            gint64    *major_out)
{
  JsonObject *root;
  JsonNode *format;
  gint64 major = 0, minor = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      add_problem (problems, AS_FORMAT_ERROR_NOT_A_SET, g_strdup ("$"),
                   _("not an Action Set file: expected an object, found %s"),
                   node_type_name (root_node));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  format = json_object_get_member (root, "format");
  if (format == NULL || !is_string (format) ||
      strcmp (json_node_get_string (format), AS_FORMAT_ID) != 0)
    {
      add_problem (problems, AS_FORMAT_ERROR_NOT_A_SET, g_strdup ("$.format"),
                   _("not an Action Set file: “format” must be “%s”"), AS_FORMAT_ID);
      return FALSE;
    }

  if (!read_version (root, &major, &minor, problems))
    return FALSE;

  if (major > AS_FORMAT_MAJOR)
    {
      add_problem (problems, AS_FORMAT_ERROR_NEWER_VERSION, g_strdup ("$.format_version"),
                   _("the file is in format %lld.%lld, newer than format %d.%d that this "
                     "version of Action Set reads; open it with a newer version"),
                   (long long) major, (long long) minor, AS_FORMAT_MAJOR, AS_FORMAT_MINOR);
      return FALSE;
    }
  if (major < OLDEST_MAJOR)
    {
      add_problem (problems, AS_FORMAT_ERROR_NOT_A_SET, g_strdup ("$.format_version"),
                   _("format %lld is not known"), (long long) major);
      return FALSE;
    }
  *major_out = major;
  return TRUE;
}

static AsSet *
read_root (JsonNode  *root_node,
           GPtrArray *problems,
           gboolean  *migrated)
{
  JsonObject *root;
  gint64 major = 0;
  Reader reader = { problems, NULL };
  g_autoptr(AsEntity) set = NULL;
  g_autoptr(AsUndoStack) undo = NULL;

  if (!check_root (root_node, problems, &major))
    return NULL;
  root = json_node_get_object (root_node);
  if (major == 0)
    migrate_0_to_1 (root);
  if (migrated != NULL)
    *migrated = major < AS_FORMAT_MAJOR;

  reader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  set = read_entity (&reader, AS_TYPE_SET, root, "$");
  if (problems->len == 0)
    {
      undo = as_undo_stack_new ();
      as_entity_make_document (set, undo);
      check_references (&reader, set, set, "$", NULL);
    }
  g_hash_table_unref (reader.ids);

  if (problems->len > 0)
    return NULL;
  return AS_SET (g_steal_pointer (&set));
}

/* A cursor over JSON text that the scanner has already checked. */
typedef struct
{
  const char *p;
  const char *end;
} Cursor;

static gboolean
take (Cursor     *c,
      const char *token)
{
  gsize length = strlen (token);

  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
  if ((gsize) (c->end - c->p) < length || memcmp (c->p, token, length) != 0)
    return FALSE;
  c->p += length;
  return TRUE;
}

/* A whole number of up to nine digits (so within a guint and G_MAXINT);
 * anything else, a fraction or an exponent, is left to the full parse. */
static gboolean
take_small_uint (Cursor *c,
                 guint  *value)
{
  guint v = 0;
  int n = 0;

  take (c, "");
  while (c->p < c->end && g_ascii_isdigit (*c->p) && n < 10)
    {
      v = v * 10 + (*c->p - '0');
      c->p++;
      n++;
    }
  if (n == 0 || n > 9 || (c->p < c->end && strchr (".eE", *c->p) != NULL))
    return FALSE;
  *value = v;
  return TRUE;
}

/* A string without escapes: anything fancier is left to the full parse. */
static gboolean
take_plain_string (Cursor *c)
{
  if (!take (c, "\""))
    return FALSE;
  while (c->p < c->end && *c->p != '"' && *c->p != '\\')
    c->p++;
  return take (c, "\"");
}

/* Reads the version where as_format_write puts it, at the start of the
 * root object: {"format": "…", "format_version": {"major": M, "minor": N}.
 * Text that the scanner passed has one value and no member twice, so what is
 * found there is what a full parse would find. FALSE when the file is laid
 * out in any other way. */
static gboolean
peek_written_version (const char *data,
                      gsize       length,
                      guint      *major,
                      guint      *minor)
{
  Cursor c = { data, data + length };
  Cursor after_brace;
  guint ma, mi;

  if (!take (&c, "{"))
    return FALSE;
  after_brace = c;
  if (!(take (&c, "\"format\"") && take (&c, ":") && take_plain_string (&c) && take (&c, ",")))
    c = after_brace;
  if (take (&c, "\"format_version\"") && take (&c, ":") && take (&c, "{") &&
      take (&c, "\"major\"") && take (&c, ":") && take_small_uint (&c, &ma) && take (&c, ",") &&
      take (&c, "\"minor\"") && take (&c, ":") && take_small_uint (&c, &mi) && take (&c, "}"))
    {
      *major = ma;
      *minor = mi;
      return TRUE;
    }
  return FALSE;
}

/* Reading while parsing
 *
 * A file of the current major version is read in one pass: the pull
 * parser checks the text as the scan does, and the entities are built from
 * its tokens as they come, without a JsonNode tree of the whole file (which
 * took longer to build and to free than the entities themselves). The
 * version is read from the start of the file when it is laid out as
 * as_format_write lays it out, and found by a first pass otherwise. Only a
 * file of format 0, which is migrated on a tree, is read through the tree.
 *
 * The problems are the same, in the same order, as the tree reader finds
 * them: that reader walks each entity's id, then its fields in the order of
 * the class's table, then its lists in order, whatever the order of the
 * members in the file. Each problem found here is given its place in that
 * walk (a key: the slot of the id, field or list at each level and the
 * index in each list), the problems are kept sorted by it, and only the
 * first MAX_PROBLEMS are kept. The problems inside a list wait in a buffer
 * of their own until the list ends, since a list with too many entries is
 * reported alone. Duplicate ids are found once the set is built, in the
 * walk order, and references last, as the tree reader does. */

typedef struct
{
  guint32   *key;
  guint      key_length;
  AsProblem *problem;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_free (found->key);
  as_problem_free (found->problem);
  g_free (found);
}

static int
compare_keys (const guint32 *a,
              guint          na,
              const guint32 *b,
              guint          nb)
{
  for (guint i = 0; i < na && i < nb; i++)
    if (a[i] != b[i])
      return a[i] < b[i] ? -1 : 1;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/* Where a problem with this key goes in a sorted buffer, or -1 when the
 * buffer is full of problems that come before it. */
static gint
found_position (GPtrArray     *buffer,
                const guint32 *key,
                guint          key_length)
{
  guint lo = 0, hi = buffer->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Found *other = g_ptr_array_index (buffer, mid);

      if (compare_keys (other->key, other->key_length, key, key_length) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < MAX_PROBLEMS ? (gint) lo : -1;
}

static void
found_insert (GPtrArray *buffer,
              Found     *found)
{
  gint position = found_position (buffer, found->key, found->key_length);

  if (position < 0)
    {
      found_free (found);
      return;
    }
  g_ptr_array_insert (buffer, position, found);
  if (buffer->len > MAX_PROBLEMS)
    g_ptr_array_remove_index (buffer, buffer->len - 1);
}

typedef struct
{
  AsJsonPull  *pull;
  GString     *path;     /* of the entity or list being read */
  GArray      *key;      /* of guint32: its place in the tree reader's walk */
  GPtrArray   *buffers;  /* of GPtrArray of Found: the root's, then one per list open */
  gboolean     failed;   /* the text is broken: the pull parser's error is all there is */

  /* The classes met so far, looked up once rather than per entity. */
  GType          types[16];
  AsEntityClass *classes[16];
  guint          n_types;
} Stream;

static void
key_push (Stream  *s,
          guint32  component)
{
  g_array_append_val (s->key, component);
}

static void
key_set_last (Stream  *s,
              guint32  component)
{
  g_array_index (s->key, guint32, s->key->len - 1) = component;
}

static void
key_pop (Stream *s)
{
  g_array_set_size (s->key, s->key->len - 1);
}

static void
stream_problem (Stream        *s,
                AsFormatError  code,
                char          *path,     /* taken */
                const char    *format,
                ...) G_GNUC_PRINTF (4, 5);

static void
stream_problem (Stream        *s,
                AsFormatError  code,
                char          *path,
                const char    *format,
                ...)
{
  GPtrArray *buffer = g_ptr_array_index (s->buffers, s->buffers->len - 1);
  const guint32 *key = (const guint32 *) s->key->data;
  Found *found;
  va_list args;

  if (found_position (buffer, key, s->key->len) < 0)
    {
      g_free (path);
      return;
    }

  found = g_new0 (Found, 1);
  found->key = g_memdup2 (key, s->key->len * sizeof (guint32));
  found->key_length = s->key->len;
  found->problem = g_new0 (AsProblem, 1);
  found->problem->code = code;
  found->problem->path = path;
  va_start (args, format);
  found->problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  found_insert (buffer, found);
}

static void
stream_push_buffer (Stream *s)
{
  g_ptr_array_add (s->buffers, g_ptr_array_new_with_free_func (found_free));
}

/* Ends the innermost buffer, keeping its problems or dropping them. */
static void
stream_pop_buffer (Stream   *s,
                   gboolean  keep)
{
  GPtrArray *buffer = g_ptr_array_steal_index (s->buffers, s->buffers->len - 1);
  GPtrArray *parent = g_ptr_array_index (s->buffers, s->buffers->len - 1);

  if (keep)
    {
      for (guint i = 0; i < buffer->len; i++)
        found_insert (parent, g_ptr_array_index (buffer, i));
      g_ptr_array_set_free_func (buffer, NULL);
    }
  g_ptr_array_unref (buffer);
}

static AsEntityClass *
stream_class (Stream *s,
              GType   type)
{
  for (guint i = 0; i < s->n_types; i++)
    if (s->types[i] == type)
      return s->classes[i];
  if (s->n_types == G_N_ELEMENTS (s->types))
    return AS_ENTITY_CLASS (g_type_class_peek (type));
  s->types[s->n_types] = type;
  s->classes[s->n_types] = g_type_class_ref (type);
  return s->classes[s->n_types++];
}

/* Reads the value that token starts as the field checks see it; an object
 * or an array is read to its end. FALSE when the text is broken. */
static gboolean
stream_value (Stream      *s,
              AsJsonToken  token,
              Value       *v)
{
  memset (v, 0, sizeof *v);
  switch (token)
    {
    case AS_JSON_STRING:
      v->kind = VALUE_STRING;
      v->string = as_json_pull_get_string (s->pull, &v->length);
      return TRUE;
    case AS_JSON_INT:
      v->kind = VALUE_INT;
      v->integer = as_json_pull_get_int (s->pull);
      return TRUE;
    case AS_JSON_DOUBLE:
      v->kind = VALUE_DOUBLE;
      return TRUE;
    case AS_JSON_TRUE:
    case AS_JSON_FALSE:
      v->kind = VALUE_BOOLEAN;
      v->boolean = token == AS_JSON_TRUE;
      return TRUE;
    case AS_JSON_NULL:
      v->kind = VALUE_NULL;
      return TRUE;
    case AS_JSON_OBJECT_BEGIN:
      v->kind = VALUE_OBJECT;
      return as_json_pull_skip (s->pull);
    case AS_JSON_ARRAY_BEGIN:
      v->kind = VALUE_ARRAY;
      return as_json_pull_skip (s->pull);
    default:
      return FALSE;
    }
}

/* Builds the value that token starts as json-glib's parser would, for a
 * member this version does not know. NULL when the text is broken. The
 * depth is bounded by the parser's limit. */
static JsonNode *
pull_node (AsJsonPull  *pull,
           AsJsonToken  token)
{
  switch (token)
    {
    case AS_JSON_STRING:
      return json_node_init_string (json_node_alloc (), as_json_pull_get_string (pull, NULL));
    case AS_JSON_INT:
      return json_node_init_int (json_node_alloc (), as_json_pull_get_int (pull));
    case AS_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), as_json_pull_get_double (pull));
    case AS_JSON_TRUE:
    case AS_JSON_FALSE:
      return json_node_init_boolean (json_node_alloc (), token == AS_JSON_TRUE);
    case AS_JSON_NULL:
      return json_node_init_null (json_node_alloc ());

    case AS_JSON_ARRAY_BEGIN:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        while ((token = as_json_pull_next (pull)) != AS_JSON_ARRAY_END)
          {
            JsonNode *element = pull_node (pull, token);

            if (element == NULL)
              return NULL;
            json_array_add_element (array, element);
          }
        return json_node_init_array (json_node_alloc (), array);
      }

    case AS_JSON_OBJECT_BEGIN:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        while ((token = as_json_pull_next (pull)) == AS_JSON_MEMBER)
          {
            g_autofree char *name = as_json_pull_dup_string (pull, NULL);
            JsonNode *member = pull_node (pull, as_json_pull_next (pull));

            if (member == NULL)
              return NULL;
            json_object_set_member (object, name, member);
          }
        if (token != AS_JSON_OBJECT_END)
          return NULL;
        return json_node_init_object (json_node_alloc (), object);
      }

    default:
      return NULL;
    }
}

static void
stream_field (Stream        *s,
              AsEntity      *entity,
              const AsField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;
  AsJsonToken token = as_json_pull_next (s->pull);
  gboolean ok;
  Value v;

  if (field->type == AS_FIELD_REF_LIST && token == AS_JSON_ARRAY_BEGIN)
    {
      RefList list;

      ref_list_init (&list);
      while ((token = as_json_pull_next (s->pull)) != AS_JSON_ARRAY_END)
        {
          if (!stream_value (s, token, &v))
            {
              g_ptr_array_unref (list.ids);
              s->failed = TRUE;
              return;
            }
          ref_list_add (&list, &v);
        }
      ok = ref_list_finish (&list, &value, &message);
    }
  else
    {
      if (!stream_value (s, token, &v))
        {
          s->failed = TRUE;
          return;
        }
      ok = field_from_value (field, &v, &value, &message);
    }

  if (!ok)
    {
      stream_problem (s, AS_FORMAT_ERROR_INVALID, member_path (s->path->str, field->json_name),
                      "%s", message);
      return;
    }
  /* As in read_entity: a required reference, date or time is not null. */
  if ((field->flags & AS_FIELD_REQUIRED) &&
      (((field->type == AS_FIELD_REF || field->type == AS_FIELD_DATE) &&
        g_value_get_string (&value) == NULL) ||
       (field->type == AS_FIELD_DATETIME && g_value_get_boxed (&value) == NULL)))
    {
      stream_problem (s, AS_FORMAT_ERROR_INVALID, member_path (s->path->str, field->json_name),
                      _("must not be empty"));
      return;
    }
  as_entity_load_field (entity, field, &value);
}

static AsEntity *stream_entity (Stream   *s,
                                GType     type,
                                gboolean  is_root);

static void
stream_list (Stream            *s,
             AsEntity          *entity,
             const AsChildList *list)
{
  g_autoptr(GPtrArray) children = NULL;
  AsJsonToken token = as_json_pull_next (s->pull);
  gsize path_length = s->path->len;
  gsize list_path_length;
  guint n = 0;
  Value v;

  g_string_append_c (s->path, '.');
  g_string_append (s->path, list->name);
  list_path_length = s->path->len;

  if (token != AS_JSON_ARRAY_BEGIN)
    {
      if (!stream_value (s, token, &v))
        s->failed = TRUE;
      else
        stream_problem (s, AS_FORMAT_ERROR_INVALID, g_strdup (s->path->str),
                        _("expected an array, found %s"), value_kind_name (v.kind));
      g_string_truncate (s->path, path_length);
      return;
    }

  children = g_ptr_array_new_with_free_func (g_object_unref);
  stream_push_buffer (s);
  key_push (s, 0);
  while (!s->failed && (token = as_json_pull_next (s->pull)) != AS_JSON_ARRAY_END)
    {
      guint index = n++;

      /* Beyond the limit, the entries are only counted: the list is
       * refused as a whole. */
      if (n > list->max_items)
        {
          g_ptr_array_set_size (children, 0);
          if (token == AS_JSON_ERROR || !as_json_pull_skip (s->pull))
            s->failed = TRUE;
          continue;
        }

      key_set_last (s, index);
      set_item_path (s->path, list_path_length, index);
      if (token == AS_JSON_OBJECT_BEGIN)
        {
          AsEntity *child = stream_entity (s, list->item_type (), FALSE);

          if (child != NULL)
            g_ptr_array_add (children, child);
        }
      else if (!stream_value (s, token, &v))
        s->failed = TRUE;
      else
        stream_problem (s, AS_FORMAT_ERROR_INVALID, g_strdup (s->path->str),
                        _("expected an object, found %s"), value_kind_name (v.kind));
    }
  key_pop (s);
  g_string_truncate (s->path, list_path_length);

  stream_pop_buffer (s, !s->failed && n <= list->max_items);
  if (s->failed)
    ;
  else if (n > list->max_items)
    stream_problem (s, AS_FORMAT_ERROR_TOO_LARGE, g_strdup (s->path->str),
                    _("%u entries, more than the %u allowed"), n, list->max_items);
  else
    as_entity_load_children (entity, list, (AsEntity **) children->pdata, children->len);
  g_string_truncate (s->path, path_length);
}

enum {
  MEMBER_UNKNOWN = -1,
  MEMBER_ROOT = -2,    /* "format" or "format_version" at the root */
};

/* The slot of the member just pulled: 0 for the id, 1 + i for field i,
 * 1 + n_fields + l for list l. Members come in the order of the table in
 * files that as_format_write wrote, so the search starts after the slot of
 * the member before. */
static gint
find_member (Stream            *s,
             const AsField     *fields,
             guint              n_fields,
             const AsChildList *lists,
             guint              n_lists,
             gboolean           is_root,
             guint             *next)
{
  guint n_slots = 1 + n_fields + n_lists;

  for (guint j = 0; j < n_slots; j++)
    {
      guint slot = (*next + j) % n_slots;
      const char *name = slot == 0 ? "id"
                       : slot <= n_fields ? fields[slot - 1].json_name
                       : lists[slot - 1 - n_fields].name;

      if (as_json_pull_string_equal (s->pull, name))
        {
          *next = slot + 1;
          return slot;
        }
    }
  if (is_root && (as_json_pull_string_equal (s->pull, "format") ||
                  as_json_pull_string_equal (s->pull, "format_version")))
    return MEMBER_ROOT;
  return MEMBER_UNKNOWN;
}

/* Reads the members of an object whose "{" was just pulled into a new
 * entity, as read_entity does from a JsonObject; s->path is its path.
 * Returns the entity even when it has problems (the tree reader builds it
 * too), and NULL only when the text is broken. */
static AsEntity *
stream_entity (Stream   *s,
               GType     type,
               gboolean  is_root)
{
  g_autoptr(AsEntity) entity = NULL;
  g_autoptr(JsonObject) extra = NULL;
  AsEntityClass *klass = stream_class (s, type);
  guint n_fields, n_lists;
  const AsField *fields = as_entity_class_get_fields (klass, &n_fields);
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);
  guint8 *seen = g_newa (guint8, n_fields + 1);
  enum { ID_MISSING, ID_INVALID, ID_VALID } id_state = ID_MISSING;
  guint next = 0;
  AsJsonToken token = AS_JSON_ERROR;

  memset (seen, 0, n_fields + 1);
  key_push (s, 0);

  while (!s->failed && (token = as_json_pull_next (s->pull)) == AS_JSON_MEMBER)
    {
      gint slot = find_member (s, fields, n_fields, lists, n_lists, is_root, &next);
      Value v;

      if (slot == 0)
        {
          token = as_json_pull_next (s->pull);
          key_set_last (s, 0);
          if (token == AS_JSON_STRING &&
              g_uuid_string_is_valid (as_json_pull_get_string (s->pull, NULL)))
            {
              const char *id = as_json_pull_get_string (s->pull, NULL);

              id_state = ID_VALID;
              /* The id is given at construction when it comes first, as
               * it does in the files the app writes. */
              if (entity == NULL)
                entity = g_object_new (type, "id", id, NULL);
              else
                as_entity_set_id (entity, id);
            }
          else if (!stream_value (s, token, &v))
            s->failed = TRUE;
          else
            {
              id_state = ID_INVALID;
              stream_problem (s, AS_FORMAT_ERROR_INVALID, member_path (s->path->str, "id"),
                              _("expected an id (a UUID such as “%s”)"),
                              "0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12");
            }
          continue;
        }

      /* Until the id is known, an id that no file can hold stands in, so
       * that no random one is made for nothing. */
      if (entity == NULL)
        entity = g_object_new (type, "id", "", NULL);

      if (slot > 0 && (guint) slot <= n_fields)
        {
          seen[slot - 1] = TRUE;
          key_set_last (s, slot);
          stream_field (s, entity, &fields[slot - 1]);
        }
      else if (slot > 0)
        {
          key_set_last (s, slot);
          stream_list (s, entity, &lists[slot - 1 - n_fields]);
        }
      else if (slot == MEMBER_ROOT)
        {
          /* The format and its version, as the quick look at the start of
           * the file found them. */
          token = as_json_pull_next (s->pull);
          if (token == AS_JSON_ERROR || !as_json_pull_skip (s->pull))
            s->failed = TRUE;
        }
      else
        {
          /* What this version does not know is kept to be written back,
           * sealed as the parser of the tree reader made it. */
          g_autofree char *name = as_json_pull_dup_string (s->pull, NULL);
          JsonNode *node = pull_node (s->pull, as_json_pull_next (s->pull));

          if (node == NULL)
            {
              s->failed = TRUE;
              break;
            }
          json_node_seal (node);
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, name, node);
        }
    }
  if (!s->failed && token != AS_JSON_OBJECT_END)
    s->failed = TRUE;
  if (s->failed)
    {
      key_pop (s);
      return NULL;
    }

  if (entity == NULL)
    entity = g_object_new (type, "id", "", NULL);
  if (id_state == ID_MISSING)
    {
      key_set_last (s, 0);
      stream_problem (s, AS_FORMAT_ERROR_INVALID, g_strdup (s->path->str),
                      _("the %s has no “id”"), klass->json_kind);
    }
  for (guint i = 0; i < n_fields; i++)
    if (!seen[i] && (fields[i].flags & AS_FIELD_REQUIRED))
      {
        key_set_last (s, 1 + i);
        stream_problem (s, AS_FORMAT_ERROR_INVALID, g_strdup (s->path->str),
                        _("the required field “%s” is missing"), fields[i].json_name);
      }
  if (extra != NULL)
    as_entity_set_extra (entity, extra);

  key_pop (s);
  return g_steal_pointer (&entity);
}

/* Reports the entities that have the id of one before them in the tree
 * reader's walk, as that reader does, for a set built with problems. An
 * entity without a valid id (it has a problem of its own) is left out. */
static void
stream_find_duplicate_ids (Stream     *s,
                           AsEntity   *entity,
                           GHashTable *ids)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  guint n_fields, n_lists;
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);
  const char *id = as_entity_get_id (entity);
  gsize path_length = s->path->len;

  as_entity_class_get_fields (klass, &n_fields);
  key_push (s, 0);
  if (*id != '\0')
    {
      const char *first = g_hash_table_lookup (ids, id);

      if (first != NULL)
        stream_problem (s, AS_FORMAT_ERROR_DUPLICATE_ID, member_path (s->path->str, "id"),
                        _("the id %s is already used at %s"), id, first);
      else
        g_hash_table_insert (ids, (gpointer) id, g_strdup (s->path->str));
    }

  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));
      guint n = g_list_model_get_n_items (model);
      gsize list_path_length;

      key_set_last (s, 1 + n_fields + l);
      g_string_append_c (s->path, '.');
      g_string_append (s->path, lists[l].name);
      list_path_length = s->path->len;
      key_push (s, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);

          key_set_last (s, i);
          set_item_path (s->path, list_path_length, i);
          stream_find_duplicate_ids (s, child, ids);
        }
      key_pop (s);
      g_string_truncate (s->path, path_length);
    }
  key_pop (s);
}

/* Reads through the whole text as the checking scan does, keeping only what
 * check_root looks at: the root's "format" and "format_version" members in
 * an object, or the root itself when it is not an object. NULL, and the
 * problem added, when the text is broken. This finds the version of a file
 * laid out by hand, wherever its root has it, without building a tree. */
static JsonNode *
scan_root (const char *data,
           gsize       length,
           GPtrArray  *problems)
{
  g_autoptr(AsJsonPull) pull = as_json_pull_new (data, length, &scan_limits);
  g_autoptr(JsonNode) root = NULL;
  AsJsonToken token = as_json_pull_next (pull);

  if (token == AS_JSON_OBJECT_BEGIN)
    {
      g_autoptr(JsonObject) members = json_object_new ();

      while ((token = as_json_pull_next (pull)) == AS_JSON_MEMBER)
        {
          if (as_json_pull_string_equal (pull, "format") ||
              as_json_pull_string_equal (pull, "format_version"))
            {
              g_autofree char *name = as_json_pull_dup_string (pull, NULL);
              JsonNode *node = pull_node (pull, as_json_pull_next (pull));

              if (node == NULL)
                break;
              json_object_set_member (members, name, node);
            }
          else if ((token = as_json_pull_next (pull)) == AS_JSON_ERROR || !as_json_pull_skip (pull))
            break;
        }
      if (token == AS_JSON_OBJECT_END)
        root = json_node_init_object (json_node_alloc (), members);
    }
  else if (token == AS_JSON_ARRAY_BEGIN)
    {
      g_autoptr(JsonArray) empty = json_array_new ();

      if (as_json_pull_skip (pull))
        root = json_node_init_array (json_node_alloc (), empty);
    }
  else if (token > AS_JSON_END)
    root = pull_node (pull, token);

  if (root == NULL || as_json_pull_next (pull) != AS_JSON_END)
    {
      g_autoptr(GError) error = NULL;
      char *path = NULL;

      while ((token = as_json_pull_next (pull)) > AS_JSON_END)
        ;
      g_assert (token == AS_JSON_ERROR);
      as_json_pull_take_error (pull, &path, &error);
      add_problem (problems, error->code, path, "%s", error->message);
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* Whether the text starts as as_format_write starts a file of the current
 * major version: {"format": "org.example.ActionSet", "format_version":
 * {"major": 1, "minor": N}, in any spacing. The pull parser checks these
 * bytes again as it reads them. */
static gboolean
starts_as_written (const char *data,
                   gsize       length)
{
  Cursor c = { data, data + length };
  guint major, minor;

  return take (&c, "{") &&
         take (&c, "\"format\"") && take (&c, ":") && take (&c, "\"" AS_FORMAT_ID "\"") &&
         take (&c, ",") &&
         take (&c, "\"format_version\"") && take (&c, ":") && take (&c, "{") &&
         take (&c, "\"major\"") && take (&c, ":") && take_small_uint (&c, &major) && take (&c, ",") &&
         take (&c, "\"minor\"") && take (&c, ":") && take_small_uint (&c, &minor) && take (&c, "}") &&
         major == AS_FORMAT_MAJOR;
}

static AsSet *
read_streaming (const char *data,
                gsize       length,
                GPtrArray  *problems)
{
  Stream s = { NULL, };
  g_autoptr(AsEntity) set = NULL;
  GPtrArray *found;

  s.pull = as_json_pull_new (data, length, &scan_limits);
  s.path = g_string_new ("$");
  s.key = g_array_new (FALSE, FALSE, sizeof (guint32));
  s.buffers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  stream_push_buffer (&s);
  found = g_ptr_array_index (s.buffers, 0);

  if (as_json_pull_next (s.pull) == AS_JSON_OBJECT_BEGIN)
    set = stream_entity (&s, AS_TYPE_SET, TRUE);
  if (set == NULL || as_json_pull_next (s.pull) != AS_JSON_END)
    {
      g_autoptr(GError) error = NULL;
      char *path = NULL;
      AsJsonToken token;

      /* Broken text is reported alone, as the scan before the tree reader
       * reports it. */
      while ((token = as_json_pull_next (s.pull)) > AS_JSON_END)
        ;
      g_assert (token == AS_JSON_ERROR);
      as_json_pull_take_error (s.pull, &path, &error);
      g_ptr_array_set_size (found, 0);
      add_problem (problems, error->code, path, "%s", error->message);
      g_clear_object (&set);
    }
  else if (found->len > 0)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      stream_find_duplicate_ids (&s, set, ids);
      g_clear_object (&set);
    }
  else
    {
      g_autoptr(AsUndoStack) undo = as_undo_stack_new ();
      g_autoptr(GPtrArray) dangling = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
      Reader reader = { dangling, NULL };
      gboolean duplicate = FALSE;

      as_entity_make_document (set, undo);
      check_references (&reader, set, set, "$", &duplicate);
      if (duplicate)
        {
          g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

          /* Entities with one id, and no other problem: the tree reader
           * reports them and does not look at references. */
          stream_find_duplicate_ids (&s, set, ids);
          g_clear_object (&set);
        }
      else if (dangling->len > 0)
        {
          g_ptr_array_extend_and_steal (problems, g_steal_pointer (&dangling));
          g_clear_object (&set);
        }
    }

  for (guint i = 0; i < found->len; i++)
    {
      Found *f = g_ptr_array_index (found, i);

      g_ptr_array_add (problems, g_steal_pointer (&f->problem));
    }

  g_ptr_array_unref (s.buffers);
  g_array_unref (s.key);
  g_string_free (s.path, TRUE);
  as_json_pull_free (s.pull);
  for (guint i = 0; i < s.n_types; i++)
    g_type_class_unref (s.classes[i]);
  return AS_SET (g_steal_pointer (&set));
}

AsSet *
as_format_read_full (GBytes     *bytes,
                     GPtrArray  *problems,
                     gboolean   *migrated,
                     GError    **error)
{
  g_autoptr(GPtrArray) own = NULL;
  AsSet *set = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (problems == NULL)
    problems = own = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  else
    g_return_val_if_fail (problems->len == 0, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (migrated != NULL)
    *migrated = FALSE;

  if (length > AS_MAX_FILE_SIZE)
    add_problem (problems, AS_FORMAT_ERROR_TOO_LARGE, g_strdup ("$"),
                 _("the file is larger than %d MB"), AS_MAX_FILE_SIZE / (1024 * 1024));
  else if (data != NULL && starts_as_written (data, length))
    set = read_streaming (data, length, problems);
  else
    {
      /* Laid out in another way: the version is looked for in a first
       * pass. Only a file of an older format, migrated on a tree, is read
       * through json-glib's tree. */
      g_autoptr(JsonNode) root = scan_root (data != NULL ? data : "", length, problems);
      gint64 major;

      if (root != NULL && check_root (root, problems, &major))
        {
          if (major == AS_FORMAT_MAJOR)
            set = read_streaming (data, length, problems);
          else
            {
              g_clear_pointer (&root, json_node_unref);
              root = parse_checked (bytes, problems);
              if (root != NULL)
                set = read_root (root, problems, migrated);
            }
        }
    }

  if (set == NULL)
    {
      AsProblem *first;

      g_assert (problems->len > 0);
      first = g_ptr_array_index (problems, 0);
      if (problems->len > 1)
        g_set_error (error, AS_FORMAT_ERROR, first->code,
                     /* Translators: a JSON path, a problem, then how many more there are */
                     g_dngettext (GETTEXT_PACKAGE, "%s: %s (and %u more problem)",
                                  "%s: %s (and %u more problems)", problems->len - 1),
                     first->path, first->message, problems->len - 1);
      else
        g_set_error (error, AS_FORMAT_ERROR, first->code, "%s: %s", first->path, first->message);
    }
  return set;
}

AsSet *
as_format_read (GBytes     *bytes,
                GPtrArray  *problems,
                GError    **error)
{
  return as_format_read_full (bytes, problems, NULL, error);
}

gboolean
as_format_peek_version (GBytes *bytes,
                        guint  *major,
                        guint  *minor)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 ma, mi;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* A full parse of a large file takes long: when the version is where the
   * writer puts it, the checking scan, twenty times faster than a parse, is
   * enough to know that the file is JSON that holds it once. */
  if (data != NULL && length <= AS_MAX_FILE_SIZE &&
      as_json_scan (data, length, &scan_limits, NULL, NULL) &&
      peek_written_version (data, length, major, minor))
    return TRUE;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  if (data == NULL || length > AS_MAX_FILE_SIZE)
    return FALSE;
  root = scan_root (data, length, problems);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !read_version (json_node_get_object (root), &ma, &mi, problems))
    return FALSE;
  *major = ma;
  *minor = mi;
  return TRUE;
}

AsEntity *
as_format_entity_from_json (GType       type,
                            JsonNode   *node,
                            const char *path,
                            GPtrArray  *problems)
{
  Reader reader = { problems, NULL };
  AsEntity *entity;

  g_return_val_if_fail (g_type_is_a (type, AS_TYPE_ENTITY), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (problems, AS_FORMAT_ERROR_INVALID, g_strdup (path),
                   _("expected an object, found %s"), node ? node_type_name (node) : _("nothing"));
      return NULL;
    }

  reader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  entity = read_entity (&reader, type, json_node_get_object (node), path);
  g_hash_table_unref (reader.ids);

  if (problems->len > 0)
    g_clear_object (&entity);
  return entity;
}
