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

/* The messages that name a kind of entity, each a whole sentence to
 * translate, so that a translator never sees an English word glued in. */
typedef struct
{
  const char *kind;       /* as the model names it */
  const char *no_id;      /* the object of one has no "id" */
  const char *dangling;   /* a reference to one, by an id (%s) not in the set */
} KindMessages;

static const KindMessages kind_messages[] = {
  { "set", N_("the set has no “id”"), NULL },
  { "member", N_("the member has no “id”"),
    /* Translators: %s is an id such as 0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12 */
    N_("refers to member %s, which is not in the set") },
  { "meeting", N_("the meeting has no “id”"),
    /* Translators: %s is an id such as 0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12 */
    N_("refers to meeting %s, which is not in the set") },
  { "round", N_("the round has no “id”"),
    /* Translators: %s is an id such as 0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12 */
    N_("refers to round %s, which is not in the set") },
  { "step", N_("the step has no “id”"),
    /* Translators: %s is an id such as 0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12 */
    N_("refers to step %s, which is not in the set") },
  { "timer_event", N_("the timer event has no “id”"), NULL },
  { "turn", N_("the speaking turn has no “id”"), NULL },
  { "question", N_("the question has no “id”"), NULL },
  { "reflection", N_("the reflection has no “id”"), NULL },
  { "action", N_("the action has no “id”"), NULL },
  { "status_change", N_("the status change has no “id”"), NULL },
};

static const KindMessages *
find_kind_messages (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_messages); i++)
    if (strcmp (kind_messages[i].kind, kind) == 0)
      return &kind_messages[i];
  return NULL;
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

/* Writes value, below 100, as two digits and returns the end. */
static inline char *
put_2 (char  *p,
       guint  value)
{
  static const char pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

  memcpy (p, pairs + 2 * value, 2);
  return p + 2;
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
   * as_parse_datetime (and ISO 8601) would not take back. GDateTime's years
   * are 1 to 9999. */
  g_date_time_get_ymd (dt, &year, &month, &day);
  p = put_2 (p, year / 100);
  p = put_2 (p, year % 100);
  *p++ = '-';
  p = put_2 (p, month);
  *p++ = '-';
  p = put_2 (p, day);
  *p++ = 'T';
  p = put_2 (p, g_date_time_get_hour (dt));
  *p++ = ':';
  p = put_2 (p, g_date_time_get_minute (dt));
  *p++ = ':';
  p = put_2 (p, g_date_time_get_second (dt));
  if (ms != 0)
    {
      *p++ = '.';
      *p++ = '0' + ms / 100;
      p = put_2 (p, ms % 100);
    }

  /* The offset as GDateTime's "%:z" writes it: hours and minutes, any
   * seconds of a historical offset dropped. Offsets are within a day. */
  if (offset == 0)
    *p++ = 'Z';
  else
    {
      *p++ = offset < 0 ? '-' : '+';
      offset = ABS (offset);
      p = put_2 (p, offset / 3600);
      *p++ = ':';
      p = put_2 (p, offset / 60 % 60);
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

/* A JSON value from the pull parser as the field checks see it: a scalar
 * with its value, or only the kind of a container. */
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

/* Writing
 *
 * The text of a file is written straight from the model into one buffer, in
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

/* A line break and the indentation of level after it, or the indentation
 * alone, in one piece when it can. */
static void
append_line_break (GString  *out,
                   guint     level,
                   gboolean  line_break)
{
  static const char spaces[] = "\n"
    "                                                                "
    "                                                                ";
  gsize n = level * 2;

  if (G_LIKELY (n < sizeof spaces - 1))
    {
      if (line_break)
        append_len (out, spaces, n + 1);
      else
        append_len (out, spaces + 1, n);
      return;
    }
  if (line_break)
    g_string_append_c (out, '\n');
  for (; n > 0; n--)
    g_string_append_c (out, ' ');
}

typedef struct
{
  GString    *out;
  /* Laid out as the file is, or all on one line (for the journal, and for
   * text that is only read again). */
  gboolean    pretty;
  /* The last enum looked up: the fields of one class use few enums, and
   * looking the class up for each value showed in profiles. */
  GType       enum_type;
  GEnumClass *enum_class;
} Writer;

/* Starts the member or element after *count others of an object or array
 * whose own line is at level - 1: a line break, after a comma unless it is
 * the first, then the indentation. */
static void
begin_item (Writer *w,
            guint   level,
            guint  *count)
{
  if ((*count)++ > 0)
    g_string_append_c (w->out, ',');
  if (w->pretty)
    append_line_break (w->out, level, TRUE);
}

static void
begin_member (Writer     *w,
              guint       level,
              guint      *count,
              const char *name)
{
  begin_item (w, level, count);
  append_string (w->out, name);
  if (w->pretty)
    append_literal (w->out, " : ");
  else
    g_string_append_c (w->out, ':');
}

/* As begin_member, for a name that needs no escape: the names of the
 * model's fields and lists, which are identifiers. Most of what the writer
 * writes starts so. */
static void
begin_plain_member (Writer     *w,
                    guint       level,
                    guint      *count,
                    const char *name)
{
  begin_item (w, level, count);
  g_string_append_c (w->out, '"');
  append_len (w->out, name, strlen (name));
  if (w->pretty)
    append_literal (w->out, "\" : ");
  else
    append_literal (w->out, "\":");
}

/* Ends an object or array opened on a line at level. */
static void
end_container (Writer *w,
               guint   level,
               guint   count,
               char    close)
{
  if (w->pretty)
    append_line_break (w->out, level, count > 0);
  g_string_append_c (w->out, close);
}

/* Any JSON value, for the members this version does not know. */
static void
append_node (Writer   *w,
             JsonNode *node,
             guint     level)
{
  GString *out = w->out;

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
            begin_item (w, level + 1, &count);
            append_node (w, json_array_get_element (array, i), level + 1);
          }
        end_container (w, level, count, ']');
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
            begin_member (w, level + 1, &count, name);
            append_node (w, member, level + 1);
          }
        end_container (w, level, count, '}');
      }
      break;

    default:
      break;
    }
}

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

/* One field's value. */
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
            begin_item (w, level + 1, &count);
            append_string (out, ids[i]);
          }
        end_container (w, level, count, ']');
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
      guint n_version = 0;

      begin_plain_member (w, level + 1, &count, "format");
      append_string (out, AS_FORMAT_ID);
      begin_plain_member (w, level + 1, &count, "format_version");
      g_string_append_c (out, '{');
      begin_plain_member (w, level + 2, &n_version, "major");
      append_int (out, AS_FORMAT_MAJOR);
      begin_plain_member (w, level + 2, &n_version, "minor");
      append_int (out, AS_FORMAT_MINOR);
      end_container (w, level + 1, n_version, '}');
    }

  begin_plain_member (w, level + 1, &count, "id");
  append_string (out, as_entity_get_id (entity));

  for (guint i = 0; i < n_fields; i++)
    if (!field_is_unset (entity, &fields[i]))
      {
        begin_plain_member (w, level + 1, &count, fields[i].json_name);
        append_field (w, entity, &fields[i], level + 1);
      }

  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));
      guint n = g_list_model_get_n_items (model);
      guint n_written = 0;

      begin_plain_member (w, level + 1, &count, lists[l].name);
      g_string_append_c (out, '[');
      if (n == 0)
        {
          g_string_append_c (out, ']');
          continue;
        }
      for (guint i = 0; i < n; i++)
        {
          AsEntity *child = g_list_model_get_item (model, i);

          begin_item (w, level + 2, &n_written);
          append_entity (w, child, level + 2, FALSE);
          g_object_unref (child);
        }
      end_container (w, level + 1, n_written, ']');
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
            begin_member (w, level + 1, &count, name);
            append_node (w, node, level + 1);
          }
    }

  end_container (w, level, count, '}');
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

  w.pretty = TRUE;
  length = (gsize) g_atomic_int_get (&last_size_written);
  w.out = g_string_sized_new (length + length / 8);
  append_entity (&w, AS_ENTITY (set), 0, TRUE);
  g_string_append_c (w.out, '\n');
  g_clear_pointer (&w.enum_class, g_type_class_unref);

  length = w.out->len;
  g_atomic_int_set (&last_size_written, (gint) MIN (length, (gsize) G_MAXINT / 2));
  return g_string_free_to_bytes (w.out);
}

/* Reading
 *
 * One reader builds the entities from JSON text: it drives the pull parser
 * of as-json-scan.c, which checks the text as it goes (one value, UTF-8,
 * depth, sizes, duplicate keys, 64-bit integers), and builds each entity
 * from the tokens as they come, without a tree of the whole file (which took
 * longer to build and to free than the entities themselves). Members this
 * version does not know are kept as json-glib nodes. A file of format 0,
 * migrated on a json-glib tree, and an entity given as a JsonNode are
 * written out as text and read the same way.
 *
 * The problems are reported in the order of the text: those of a member
 * where it is, those of a missing id or required field where the object
 * ends; at most MAX_PROBLEMS. A list with too many entries is reported
 * alone, without the problems of its entries; broken text is reported
 * alone. Duplicate ids are looked for once the entities are built, and
 * references only in a set without any other problem. */

typedef struct
{
  AsJsonPull    *pull;
  GPtrArray     *problems;       /* of AsProblem */
  guint          first_problem;  /* problems->len when the reading began */
  GString       *path;           /* of the entity or list being read */
  gboolean       failed;         /* the text is broken */

  /* The classes met so far, looked up once rather than per entity. */
  GType          types[16];
  AsEntityClass *classes[16];
  guint          n_types;
} Reader;

static const AsJsonLimits scan_limits = {
  AS_MAX_DEPTH, AS_MAX_STRING, AS_MAX_MEMBERS, AS_MAX_ARRAY,
};

static void
reader_init (Reader             *r,
             const char         *data,
             gsize               length,
             const AsJsonLimits *limits,
             const char         *path,
             GPtrArray          *problems)
{
  memset (r, 0, sizeof *r);
  r->pull = as_json_pull_new (data, length, limits);
  r->problems = problems;
  r->first_problem = problems->len;
  r->path = g_string_new (path);
}

static void
reader_clear (Reader *r)
{
  g_string_free (r->path, TRUE);
  as_json_pull_free (r->pull);
  for (guint i = 0; i < r->n_types; i++)
    g_type_class_unref (r->classes[i]);
}

static gboolean
reader_has_problems (Reader *r)
{
  return r->problems->len > r->first_problem;
}

/* Checks that the value read is the whole text. When it is not, or the
 * text broke before, the parser's error is the only problem. */
static gboolean
reader_finish_text (Reader   *r,
                    gboolean  read)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  AsJsonToken token;

  if (read && !r->failed && as_json_pull_next (r->pull) == AS_JSON_END)
    return TRUE;

  while ((token = as_json_pull_next (r->pull)) > AS_JSON_END)
    ;
  g_assert (token == AS_JSON_ERROR);
  as_json_pull_take_error (r->pull, &path, &error);
  g_ptr_array_set_size (r->problems, r->first_problem);
  add_problem (r->problems, error->code, path, "%s", error->message);
  return FALSE;
}

static AsEntityClass *
reader_class (Reader *r,
              GType   type)
{
  for (guint i = 0; i < r->n_types; i++)
    if (r->types[i] == type)
      return r->classes[i];
  if (r->n_types == G_N_ELEMENTS (r->types))
    return AS_ENTITY_CLASS (g_type_class_peek (type));
  r->types[r->n_types] = type;
  r->classes[r->n_types] = g_type_class_ref (type);
  return r->classes[r->n_types++];
}

/* Reads the value that token starts as the field checks see it; an object
 * or an array is read to its end. FALSE when the text is broken. */
static gboolean
read_value (Reader      *r,
            AsJsonToken  token,
            Value       *v)
{
  memset (v, 0, sizeof *v);
  switch (token)
    {
    case AS_JSON_STRING:
      v->kind = VALUE_STRING;
      v->string = as_json_pull_get_string (r->pull, &v->length);
      return TRUE;
    case AS_JSON_INT:
      v->kind = VALUE_INT;
      v->integer = as_json_pull_get_int (r->pull);
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
      return as_json_pull_skip (r->pull);
    case AS_JSON_ARRAY_BEGIN:
      v->kind = VALUE_ARRAY;
      return as_json_pull_skip (r->pull);
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

/* Reads the next value as the field's, into value (uninitialized; its
 * strings are those of the parser, valid until the next token). FALSE with
 * a message when the field does not take it, without one when the text is
 * broken (r->failed is then set). */
static gboolean
read_field_value (Reader         *r,
                  const AsField  *field,
                  GValue         *value,
                  char          **message)
{
  AsJsonToken token = as_json_pull_next (r->pull);
  Value v;

  if (field->type == AS_FIELD_REF_LIST && token == AS_JSON_ARRAY_BEGIN)
    {
      RefList list;

      ref_list_init (&list);
      while ((token = as_json_pull_next (r->pull)) != AS_JSON_ARRAY_END)
        {
          if (!read_value (r, token, &v))
            {
              g_ptr_array_unref (list.ids);
              r->failed = TRUE;
              return FALSE;
            }
          ref_list_add (&list, &v);
        }
      return ref_list_finish (&list, value, message);
    }

  if (!read_value (r, token, &v))
    {
      r->failed = TRUE;
      return FALSE;
    }
  return field_from_value (field, &v, value, message);
}

static void
read_field (Reader        *r,
            AsEntity      *entity,
            const AsField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;

  if (!read_field_value (r, field, &value, &message))
    {
      if (message != NULL)
        add_problem (r->problems, AS_FORMAT_ERROR_INVALID, member_path (r->path->str, field->json_name),
                     "%s", message);
      return;
    }
  /* A required reference, date or time must not be null. Required texts
   * may be empty: the app saves a set or member still unnamed, and must
   * read back whatever it saves. */
  if ((field->flags & AS_FIELD_REQUIRED) &&
      (((field->type == AS_FIELD_REF || field->type == AS_FIELD_DATE) &&
        g_value_get_string (&value) == NULL) ||
       (field->type == AS_FIELD_DATETIME && g_value_get_boxed (&value) == NULL)))
    {
      add_problem (r->problems, AS_FORMAT_ERROR_INVALID, member_path (r->path->str, field->json_name),
                   _("must not be empty"));
      return;
    }
  as_entity_load_field (entity, field, &value);
}

static AsEntity *read_entity (Reader   *r,
                              GType     type,
                              gboolean  is_root);

static void
read_list (Reader            *r,
           AsEntity          *entity,
           const AsChildList *list)
{
  g_autoptr(GPtrArray) children = NULL;
  AsJsonToken token = as_json_pull_next (r->pull);
  gsize path_length = r->path->len;
  gsize list_path_length;
  guint first_problem = r->problems->len;
  guint n = 0;
  Value v;

  g_string_append_c (r->path, '.');
  g_string_append (r->path, list->name);
  list_path_length = r->path->len;

  if (token != AS_JSON_ARRAY_BEGIN)
    {
      if (!read_value (r, token, &v))
        r->failed = TRUE;
      else
        add_problem (r->problems, AS_FORMAT_ERROR_INVALID, g_strdup (r->path->str),
                     _("expected an array, found %s"), value_kind_name (v.kind));
      g_string_truncate (r->path, path_length);
      return;
    }

  children = g_ptr_array_new_with_free_func (g_object_unref);
  while (!r->failed && (token = as_json_pull_next (r->pull)) != AS_JSON_ARRAY_END)
    {
      guint index = n++;

      /* Beyond the limit, the entries are only counted: the list is
       * refused as a whole, without what was found in its entries. */
      if (n > list->max_items)
        {
          if (n == list->max_items + 1)
            {
              g_ptr_array_set_size (children, 0);
              g_ptr_array_set_size (r->problems, first_problem);
            }
          if (token == AS_JSON_ERROR || !as_json_pull_skip (r->pull))
            r->failed = TRUE;
          continue;
        }

      set_item_path (r->path, list_path_length, index);
      if (token == AS_JSON_OBJECT_BEGIN)
        {
          AsEntity *child = read_entity (r, list->item_type (), FALSE);

          if (child != NULL)
            g_ptr_array_add (children, child);
        }
      else if (!read_value (r, token, &v))
        r->failed = TRUE;
      else
        add_problem (r->problems, AS_FORMAT_ERROR_INVALID, g_strdup (r->path->str),
                     _("expected an object, found %s"), value_kind_name (v.kind));
    }
  g_string_truncate (r->path, list_path_length);

  if (r->failed)
    ;
  else if (n > list->max_items)
    add_problem (r->problems, AS_FORMAT_ERROR_TOO_LARGE, g_strdup (r->path->str),
                 _("%u entries, more than the %u allowed"), n, list->max_items);
  else
    as_entity_load_children (entity, list, (AsEntity **) children->pdata, children->len);
  g_string_truncate (r->path, path_length);
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
find_member (AsJsonPull        *pull,
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

      if (as_json_pull_string_equal (pull, name))
        {
          *next = slot + 1;
          return slot;
        }
    }
  if (is_root && (as_json_pull_string_equal (pull, "format") ||
                  as_json_pull_string_equal (pull, "format_version")))
    return MEMBER_ROOT;
  return MEMBER_UNKNOWN;
}

/* Reads the members of an object whose "{" was just pulled into a new
 * entity; r->path is its path. Returns the entity even when it has
 * problems (so that its children are read and checked too), and NULL only
 * when the text is broken. */
static AsEntity *
read_entity (Reader   *r,
             GType     type,
             gboolean  is_root)
{
  g_autoptr(AsEntity) entity = NULL;
  g_autoptr(JsonObject) extra = NULL;
  AsEntityClass *klass = reader_class (r, type);
  guint n_fields, n_lists;
  const AsField *fields = as_entity_class_get_fields (klass, &n_fields);
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);
  guint8 *seen = g_newa (guint8, n_fields + 1);
  gboolean has_id = FALSE;
  guint next = 0;
  AsJsonToken token = AS_JSON_ERROR;

  memset (seen, 0, n_fields + 1);

  while (!r->failed && (token = as_json_pull_next (r->pull)) == AS_JSON_MEMBER)
    {
      gint slot = find_member (r->pull, fields, n_fields, lists, n_lists, is_root, &next);
      Value v;

      if (slot == 0)
        {
          token = as_json_pull_next (r->pull);
          has_id = TRUE;
          if (token == AS_JSON_STRING &&
              g_uuid_string_is_valid (as_json_pull_get_string (r->pull, NULL)))
            {
              const char *id = as_json_pull_get_string (r->pull, NULL);

              /* The id is given at construction when it comes first, as
               * it does in the files the app writes. */
              if (entity == NULL)
                entity = g_object_new (type, "id", id, NULL);
              else
                as_entity_set_id (entity, id);
            }
          else if (!read_value (r, token, &v))
            r->failed = TRUE;
          else
            add_problem (r->problems, AS_FORMAT_ERROR_INVALID, member_path (r->path->str, "id"),
                         _("expected an id (a UUID such as “%s”)"),
                         "0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12");
          continue;
        }

      /* Until the id is known, an id that no file can hold stands in, so
       * that no random one is made for nothing. */
      if (entity == NULL)
        entity = g_object_new (type, "id", "", NULL);

      if (slot > 0 && (guint) slot <= n_fields)
        {
          seen[slot - 1] = TRUE;
          read_field (r, entity, &fields[slot - 1]);
        }
      else if (slot > 0)
        read_list (r, entity, &lists[slot - 1 - n_fields]);
      else if (slot == MEMBER_ROOT)
        {
          /* The format and its version, checked before the set is read. */
          token = as_json_pull_next (r->pull);
          if (token == AS_JSON_ERROR || !as_json_pull_skip (r->pull))
            r->failed = TRUE;
        }
      else
        {
          /* What this version does not know is kept to be written back,
           * sealed as json-glib's parser makes it. */
          g_autofree char *name = as_json_pull_dup_string (r->pull, NULL);
          JsonNode *node = pull_node (r->pull, as_json_pull_next (r->pull));

          if (node == NULL)
            {
              r->failed = TRUE;
              break;
            }
          json_node_seal (node);
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, name, node);
        }
    }
  if (!r->failed && token != AS_JSON_OBJECT_END)
    r->failed = TRUE;
  if (r->failed)
    return NULL;

  if (entity == NULL)
    entity = g_object_new (type, "id", "", NULL);
  if (!has_id)
    {
      const KindMessages *messages = find_kind_messages (klass->json_kind);

      add_problem (r->problems, AS_FORMAT_ERROR_INVALID, g_strdup (r->path->str), "%s",
                   messages != NULL ? _(messages->no_id) : _("the object has no “id”"));
    }
  for (guint i = 0; i < n_fields; i++)
    if (!seen[i] && (fields[i].flags & AS_FIELD_REQUIRED))
      add_problem (r->problems, AS_FORMAT_ERROR_INVALID, g_strdup (r->path->str),
                   _("the required field “%s” is missing"), fields[i].json_name);
  if (extra != NULL)
    as_entity_set_extra (entity, extra);

  return g_steal_pointer (&entity);
}

/* Reports each entity that has the id of one before it, in the order of
 * the tree, where r->path is the path of entity. An entity without a valid
 * id (it has a problem of its own) is left out. */
static void
find_duplicate_ids (Reader     *r,
                    AsEntity   *entity,
                    GHashTable *ids)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  guint n_lists;
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);
  const char *id = as_entity_get_id (entity);
  gsize path_length = r->path->len;

  if (*id != '\0')
    {
      const char *first = g_hash_table_lookup (ids, id);

      if (first != NULL)
        add_problem (r->problems, AS_FORMAT_ERROR_DUPLICATE_ID, member_path (r->path->str, "id"),
                     _("the id %s is already used at %s"), id, first);
      else
        g_hash_table_insert (ids, (gpointer) id, g_strdup (r->path->str));
    }

  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));
      guint n = g_list_model_get_n_items (model);
      gsize list_path_length;

      g_string_append_c (r->path, '.');
      g_string_append (r->path, lists[l].name);
      list_path_length = r->path->len;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);

          set_item_path (r->path, list_path_length, i);
          find_duplicate_ids (r, child, ids);
        }
      g_string_truncate (r->path, path_length);
    }
}

static void
report_duplicate_ids (Reader   *r,
                      AsEntity *entity)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *path = g_strdup (r->path->str);

  find_duplicate_ids (r, entity, ids);
  g_string_assign (r->path, path);
}

/* The message for a reference of field to an id (its one %s) that names
 * no entity of the kind it refers to. */
static const char *
dangling_message (const AsField *field)
{
  const KindMessages *messages = find_kind_messages (field->ref_kind);

  if (messages != NULL && messages->dangling != NULL)
    return _(messages->dangling);
  /* Translators: %s is an id such as 0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12 */
  return _("refers to %s, which is not in the set or not of the right kind");
}

/* Checks that each reference names an entity of the right kind. With
 * duplicate not NULL, also sets it when an entity is not the one the
 * document's index finds by its id, which another entity with that id has
 * taken; every entity is then visited, past the problems kept. */
static void
check_references (GPtrArray  *problems,
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
            add_problem (problems, AS_FORMAT_ERROR_DANGLING,
                         member_path (path, field->json_name),
                         dangling_message (field), id);
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
                  add_problem (problems, AS_FORMAT_ERROR_DANGLING,
                               g_strdup_printf ("%s[%u]", base, k),
                               dangling_message (field), ids[k]);
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
      for (guint i = 0; i < n && (duplicate != NULL || problems->len < MAX_PROBLEMS); i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);

          set_item_path (item_path, list_path_len, i);
          check_references (problems, root, child, item_path->str, duplicate);
        }
    }
}

/* Reads a set from text of the current major version: NULL, and the
 * problems added, when it has any. */
static AsSet *
read_document (const char          *data,
               gsize                length,
               const AsJsonLimits  *limits,
               GPtrArray           *problems)
{
  Reader r;
  g_autoptr(AsEntity) set = NULL;

  reader_init (&r, data, length, limits, "$", problems);
  if (as_json_pull_next (r.pull) == AS_JSON_OBJECT_BEGIN)
    set = read_entity (&r, AS_TYPE_SET, TRUE);

  if (!reader_finish_text (&r, set != NULL))
    g_clear_object (&set);
  else if (reader_has_problems (&r))
    {
      report_duplicate_ids (&r, set);
      g_clear_object (&set);
    }
  else
    {
      g_autoptr(AsUndoStack) undo = as_undo_stack_new ();
      g_autoptr(GPtrArray) dangling = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
      gboolean duplicate = FALSE;

      /* The document's index finds an entity by its id; one that it does
       * not find has the id of another, and references are not looked at
       * in a set with duplicate ids. */
      as_entity_make_document (set, undo);
      check_references (dangling, set, set, "$", &duplicate);
      if (duplicate)
        {
          report_duplicate_ids (&r, set);
          g_clear_object (&set);
        }
      else if (dangling->len > 0)
        {
          g_ptr_array_extend_and_steal (problems, g_steal_pointer (&dangling));
          g_clear_object (&set);
        }
    }

  reader_clear (&r);
  return AS_SET (g_steal_pointer (&set));
}

/* Reads one entity of type, not in a document, from the text of its
 * object, whose path is given; NULL and the problems added when it has
 * any. References are not checked. */
static AsEntity *
read_lone_entity (GType       type,
                  const char *data,
                  gsize       length,
                  const char *path,
                  GPtrArray  *problems)
{
  Reader r;
  g_autoptr(AsEntity) entity = NULL;

  reader_init (&r, data, length, &scan_limits, path, problems);
  if (as_json_pull_next (r.pull) == AS_JSON_OBJECT_BEGIN)
    entity = read_entity (&r, type, g_type_is_a (type, AS_TYPE_SET));
  if (!reader_finish_text (&r, entity != NULL))
    g_clear_object (&entity);
  else
    {
      report_duplicate_ids (&r, entity);
      if (reader_has_problems (&r))
        g_clear_object (&entity);
    }
  reader_clear (&r);
  return g_steal_pointer (&entity);
}

/* The version */

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

/* Reads a set from text of format 0, which scan_root has checked whole:
 * json-glib parses it into a tree, which is migrated, written out as text
 * and read as a file of the current format. */
static AsSet *
read_migrated (const char *data,
               gsize       length,
               GPtrArray  *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Writer w = { NULL, };
  JsonNode *root;
  AsSet *set;

  if (!json_parser_load_from_data (parser, data, length, &error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem (problems, AS_FORMAT_ERROR_SYNTAX, g_strdup ("$"), "%s",
                   error != NULL ? error->message : _("the file is empty"));
      return NULL;
    }
  migrate_0_to_1 (json_node_get_object (root));

  /* The text written is checked again as a file's: a string that grew with
   * escapes beyond the limit would not be read back once saved. */
  w.out = g_string_sized_new (length + length / 8);
  append_node (&w, root, 0);
  g_clear_object (&parser);
  set = read_document (w.out->str, w.out->len, &scan_limits, problems);
  g_string_free (w.out, TRUE);
  return set;
}

/* Public API */

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
    set = read_document (data, length, &scan_limits, problems);
  else
    {
      /* Laid out in another way: the version is looked for in a first
       * pass. */
      g_autoptr(JsonNode) root = scan_root (data != NULL ? data : "", length, problems);
      gint64 major;

      if (root != NULL && check_root (root, problems, &major))
        {
          if (major == AS_FORMAT_MAJOR)
            set = read_document (data, length, &scan_limits, problems);
          else
            {
              set = read_migrated (data, length, problems);
              if (migrated != NULL)
                *migrated = TRUE;
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

/* Text that the writer wrote, as a JsonNode. Its limits are those of
 * what was read or set, not of a file. */
static JsonNode *
node_from_own_text (GString *text)
{
  static const AsJsonLimits own_limits = {
    4 * AS_MAX_DEPTH, G_MAXSIZE, G_MAXUINT, G_MAXUINT,
  };
  g_autoptr(AsJsonPull) pull = as_json_pull_new (text->str, text->len, &own_limits);
  JsonNode *node = pull_node (pull, as_json_pull_next (pull));

  g_assert (node != NULL && as_json_pull_next (pull) == AS_JSON_END);
  return node;
}

void
as_format_append_string (GString    *out,
                         const char *text)
{
  g_return_if_fail (out != NULL && text != NULL);

  append_string (out, text);
}

void
as_format_append_field (GString       *out,
                        AsEntity      *entity,
                        const AsField *field)
{
  Writer w = { out, };

  g_return_if_fail (out != NULL);
  g_return_if_fail (AS_IS_ENTITY (entity));

  if (field_is_unset (entity, field))
    g_string_append (out, "null");
  else
    append_field (&w, entity, field, 0);
  g_clear_pointer (&w.enum_class, g_type_class_unref);
}

void
as_format_append_entity (GString  *out,
                         AsEntity *entity)
{
  Writer w = { out, };

  g_return_if_fail (out != NULL);
  g_return_if_fail (AS_IS_ENTITY (entity));

  append_entity (&w, entity, 0, AS_IS_SET (entity));
  g_clear_pointer (&w.enum_class, g_type_class_unref);
}

JsonNode *
as_format_entity_to_json (AsEntity *entity)
{
  Writer w = { NULL, };
  JsonNode *node;

  g_return_val_if_fail (AS_IS_ENTITY (entity), NULL);

  w.out = g_string_new (NULL);
  append_entity (&w, entity, 0, FALSE);
  g_clear_pointer (&w.enum_class, g_type_class_unref);
  node = node_from_own_text (w.out);
  g_string_free (w.out, TRUE);
  return node;
}

JsonNode *
as_format_field_to_json (AsEntity      *entity,
                         const AsField *field)
{
  GString *text;
  JsonNode *node;

  g_return_val_if_fail (AS_IS_ENTITY (entity), NULL);

  text = g_string_new (NULL);
  as_format_append_field (text, entity, field);
  node = node_from_own_text (text);
  g_string_free (text, TRUE);
  return node;
}

AsEntity *
as_format_entity_from_json (GType       type,
                            JsonNode   *node,
                            const char *path,
                            GPtrArray  *problems)
{
  Writer w = { NULL, };
  AsEntity *entity;

  g_return_val_if_fail (g_type_is_a (type, AS_TYPE_ENTITY), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (problems, AS_FORMAT_ERROR_INVALID, g_strdup (path),
                   _("expected an object, found %s"), node ? node_type_name (node) : _("nothing"));
      return NULL;
    }

  w.out = g_string_new (NULL);
  append_node (&w, node, 0);
  entity = read_lone_entity (type, w.out->str, w.out->len, path, problems);
  g_string_free (w.out, TRUE);
  return entity;
}

gboolean
as_format_field_from_json (const AsField  *field,
                           JsonNode       *node,
                           GValue         *value,
                           char          **message)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  Writer w = { NULL, };
  Reader r;
  gboolean ok;

  w.out = g_string_new (NULL);
  append_node (&w, node, 0);
  reader_init (&r, w.out->str, w.out->len, &scan_limits, "$", problems);
  ok = read_field_value (&r, field, value, message);
  if (!ok && *message == NULL)
    {
      AsProblem *problem;

      reader_finish_text (&r, FALSE);
      problem = g_ptr_array_index (problems, 0);
      *message = g_strdup (problem->message);
    }
  /* The strings are the parser's. */
  else if (ok && G_VALUE_HOLDS_STRING (value))
    g_value_set_string (value, g_value_get_string (value));
  reader_clear (&r);
  g_string_free (w.out, TRUE);
  return ok;
}
