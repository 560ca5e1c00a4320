/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-json-scan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "as-format.h"
#include "as-json-scan.h"

/* An object with up to this many members is checked for a duplicate name by
 * comparing with each earlier name; a larger one gets a hash table, so that
 * an object of thousands of members costs linear time, not quadratic. */
#define LINEAR_KEYS 8

/* Member names longer than this are shortened in paths, so that a hostile
 * file of long names nested deep cannot make a message of many megabytes. */
#define MAX_PATH_NAME 100

/* Bytes that end the fast loop over a string: the quote, the backslash,
 * control characters (not allowed raw) and the bytes of multi-byte UTF-8
 * sequences (validated one sequence at a time). */
static const guint8 string_special[256] = {
  [0x00 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
  [0x80 ... 0xff] = 1,
};

typedef struct
{
  const guint8 *raw;     /* the name in the input, when it has no escapes */
  gsize         offset;  /* else where its unescaped bytes are in Frame.names */
  gsize         length;
  guint32       hash;
} Key;

typedef struct
{
  gboolean  is_object;
  guint     count;        /* members or elements begun so far */

  /* Objects: the names seen so far, for the duplicate check and the path.
   * These buffers are reused by every object opened at this depth, so a
   * document of a million small objects allocates them once. */
  Key      *keys;
  guint     keys_alloc;
  GString  *names;
  guint32  *slots;        /* index + 1 into keys; 0 is an empty slot */
  guint     n_slots;      /* a power of two; 0 while the object is small */
  guint     slots_alloc;
} Frame;

typedef enum {
  AT_CONTAINER,  /* the path of the innermost open object or array */
  AT_VALUE,      /* the path of its current member or element */
} Where;

/* Where the pull parser is between two tokens. */
typedef enum {
  STATE_START,         /* before the document */
  STATE_VALUE,         /* a value comes next */
  STATE_OBJECT_FIRST,  /* just after "{" */
  STATE_ARRAY_FIRST,   /* just after "[" */
  STATE_AFTER_VALUE,   /* after a value: a separator, a closing bracket or the end */
  STATE_DONE,          /* the end or an error was returned */
} State;

struct _AsJsonPull
{
  const guint8  *data;
  const guint8  *end;
  const guint8  *p;
  AsJsonLimits   limits;
  Frame         *frames;   /* the open objects and arrays, outermost first */
  guint          depth;
  guint          n_frames;

  State          state;
  AsJsonToken    last;

  /* The last string or member name (raw, between its quotes), number or
   * literal. */
  const guint8  *token;
  gsize          token_length;
  gboolean       token_escaped;
  gint64         token_int;
  GString       *scratch;  /* a string unescaped, a number to convert */

  gboolean       want_path;
  char          *error_path;
  GError        *error;
};

/* The scan and the pull parser are one: as_json_scan pulls every token. */
typedef struct _AsJsonPull Scanner;

/* Helpers */

static inline gboolean
is_digit (guint8 c)
{
  return c >= '0' && c <= '9';
}

static inline const guint8 *
skip_space (const guint8 *p,
            const guint8 *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* The length of the valid UTF-8 sequence at p (RFC 3629: no overlong forms,
 * no surrogates, nothing past U+10FFFF), or 0 when it is not valid. */
static inline guint
utf8_sequence (const guint8 *p,
               const guint8 *end)
{
  gsize avail = end - p;
  guint8 c = p[0];
  guint8 lo = 0x80;
  guint8 hi = 0xbf;

  if (c < 0x80)
    return 1;
  if (c < 0xc2)
    return 0;
  if (c < 0xe0)
    return (avail >= 2 && (p[1] & 0xc0) == 0x80) ? 2 : 0;
  if (c < 0xf0)
    {
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
      return (avail >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80) ? 3 : 0;
    }
  if (c < 0xf5)
    {
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
      return (avail >= 4 && p[1] >= lo && p[1] <= hi &&
              (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80) ? 4 : 0;
    }
  return 0;
}

/* Reads four hexadecimal digits at p; FALSE when they are not there. */
static inline gboolean
read_hex4 (const guint8 *p,
           const guint8 *end,
           guint        *value)
{
  guint v = 0;

  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint) d;
    }
  *value = v;
  return TRUE;
}

/* Appends the unescaped bytes of a string that scan_string has already
 * validated, so no check is repeated here. */
static void
append_unescaped (GString      *out,
                  const guint8 *p,
                  const guint8 *end)
{
  while (p < end)
    {
      const guint8 *run = p;
      guint cp = 0;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (out, (const char *) run, p - run);
      if (p >= end)
        break;

      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          read_hex4 (p + 2, end, &cp);
          p += 6;
          if (cp >= 0xd800 && cp <= 0xdbff)
            {
              guint low = 0;

              read_hex4 (p + 2, end, &low);
              cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
              p += 6;
            }
          g_string_append_unichar (out, cp);
          break;
        default:
          /* '"', '\\' and '/' stand for themselves. */
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        }
    }
}

static guint32
hash_bytes (const guint8 *p,
            gsize         length)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < length; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static inline const guint8 *
key_bytes (const Frame *f,
           const Key   *key)
{
  return key->raw != NULL ? key->raw : (const guint8 *) f->names->str + key->offset;
}

static inline gboolean
key_equal (const Frame *f,
           const Key   *a,
           const Key   *b)
{
  return a->length == b->length &&
         memcmp (key_bytes (f, a), key_bytes (f, b), a->length) == 0;
}

static void
frame_index_key (Frame *f,
                 guint  index)
{
  guint mask = f->n_slots - 1;
  guint i = f->keys[index].hash & mask;

  while (f->slots[i] != 0)
    i = (i + 1) & mask;
  f->slots[i] = index + 1;
}

/* Builds (or grows) the hash table of the names before the last one. */
static void
frame_rebuild_slots (Frame *f,
                     guint  n_slots)
{
  if (n_slots > f->slots_alloc)
    {
      g_free (f->slots);
      f->slots = g_new (guint32, n_slots);
      f->slots_alloc = n_slots;
    }
  f->n_slots = n_slots;
  memset (f->slots, 0, n_slots * sizeof (guint32));
  for (guint i = 0; i + 1 < f->count; i++)
    frame_index_key (f, i);
}

/* Records the name of a new member; FALSE when the object already has a
 * member of that name. Names are compared after unescaping, so "a" and
 * "\u0061" are the same name, as they are to any JSON reader. */
static gboolean
frame_add_key (Frame        *f,
               const guint8 *raw,
               gsize         raw_length,
               gboolean      escaped)
{
  Key *key;
  guint index;

  if (f->count == f->keys_alloc)
    {
      f->keys_alloc = MAX (16, f->keys_alloc * 2);
      f->keys = g_renew (Key, f->keys, f->keys_alloc);
    }
  index = f->count++;
  key = &f->keys[index];
  if (escaped)
    {
      if (f->names == NULL)
        f->names = g_string_new (NULL);
      key->raw = NULL;
      key->offset = f->names->len;
      append_unescaped (f->names, raw, raw + raw_length);
      key->length = f->names->len - key->offset;
    }
  else
    {
      key->raw = raw;
      key->offset = 0;
      key->length = raw_length;
    }

  if (f->count <= LINEAR_KEYS)
    {
      for (guint i = 0; i < index; i++)
        if (key_equal (f, &f->keys[i], key))
          return FALSE;
      return TRUE;
    }

  key->hash = hash_bytes (key_bytes (f, key), key->length);
  if (f->n_slots == 0)
    {
      for (guint i = 0; i < index; i++)
        f->keys[i].hash = hash_bytes (key_bytes (f, &f->keys[i]), f->keys[i].length);
      frame_rebuild_slots (f, 4 * LINEAR_KEYS);
    }
  else if (f->count * 2 > f->n_slots)
    {
      frame_rebuild_slots (f, f->n_slots * 2);
    }

  {
    guint mask = f->n_slots - 1;
    guint i = key->hash & mask;

    while (f->slots[i] != 0)
      {
        const Key *other = &f->keys[f->slots[i] - 1];

        if (other->hash == key->hash && key_equal (f, other, key))
          return FALSE;
        i = (i + 1) & mask;
      }
    f->slots[i] = index + 1;
  }
  return TRUE;
}

static void
frame_clear (Frame *f)
{
  g_free (f->keys);
  g_free (f->slots);
  if (f->names != NULL)
    g_string_free (f->names, TRUE);
}

static gboolean
is_identifier (const guint8 *p,
               gsize         length)
{
  if (length == 0 || !(g_ascii_isalpha (p[0]) || p[0] == '_'))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!(g_ascii_isalnum (p[i]) || p[i] == '_'))
      return FALSE;
  return TRUE;
}

/* Appends a member name to a path: ".name" when it is a plain identifier,
 * else ["name"] with JSON escapes. */
static void
append_path_name (GString      *path,
                  const guint8 *p,
                  gsize         length)
{
  gboolean shortened = FALSE;

  if (length <= MAX_PATH_NAME && is_identifier (p, length))
    {
      g_string_append_c (path, '.');
      g_string_append_len (path, (const char *) p, length);
      return;
    }

  if (length > MAX_PATH_NAME)
    {
      /* Cut at a character boundary; names here are valid UTF-8. */
      length = MAX_PATH_NAME;
      while (length > 0 && (p[length] & 0xc0) == 0x80)
        length--;
      shortened = TRUE;
    }

  g_string_append (path, "[\"");
  for (gsize i = 0; i < length; i++)
    {
      guint8 c = p[i];

      switch (c)
        {
        case '"': g_string_append (path, "\\\""); break;
        case '\\': g_string_append (path, "\\\\"); break;
        case '\b': g_string_append (path, "\\b"); break;
        case '\f': g_string_append (path, "\\f"); break;
        case '\n': g_string_append (path, "\\n"); break;
        case '\r': g_string_append (path, "\\r"); break;
        case '\t': g_string_append (path, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (path, "\\u%04x", c);
          else
            g_string_append_c (path, (char) c);
          break;
        }
    }
  if (shortened)
    g_string_append (path, "…");
  g_string_append (path, "\"]");
}

static char *
build_path (Scanner *s,
            Where    where)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < s->depth; i++)
    {
      const Frame *f = &s->frames[i];

      if ((i + 1 == s->depth && where == AT_CONTAINER) || f->count == 0)
        break;
      if (f->is_object)
        {
          const Key *key = &f->keys[f->count - 1];

          append_path_name (path, key_bytes (f, key), key->length);
        }
      else
        {
          g_string_append_printf (path, "[%u]", f->count - 1);
        }
    }
  return g_string_free (path, FALSE);
}

/* The line and column (in characters, from 1) of a position, computed only
 * when there is an error to report. */
static void
locate (const guint8 *data,
        const guint8 *at,
        guint        *line,
        guint        *column)
{
  const guint8 *line_start = data;
  guint n_lines = 1;
  guint n_chars = 1;

  for (const guint8 *q = data; q < at; q++)
    if (*q == '\n')
      {
        n_lines++;
        line_start = q + 1;
      }
  for (const guint8 *q = line_start; q < at; q++)
    if ((*q & 0xc0) != 0x80)
      n_chars++;
  *line = n_lines;
  *column = n_chars;
}

/* Sets the error and the path. When at is not NULL the message starts with
 * the line and column of that position. Always returns FALSE. */
G_GNUC_PRINTF (5, 6)
static gboolean
fail (Scanner       *s,
      Where          where,
      const guint8  *at,
      AsFormatError  code,
      const char    *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_error (&s->error);
  g_clear_pointer (&s->error_path, g_free);
  if (at != NULL)
    {
      guint line, column;

      locate (s->data, at, &line, &column);
      g_set_error (&s->error, AS_FORMAT_ERROR, code,
                   _("line %u, column %u: %s"), line, column, detail);
    }
  else
    {
      g_set_error_literal (&s->error, AS_FORMAT_ERROR, code, detail);
    }
  if (s->want_path)
    s->error_path = build_path (s, where);
  return FALSE;
}

/* Reports what was found at s->p where something else was expected. */
static gboolean
unexpected (Scanner    *s,
            Where       where,
            const char *expected)
{
  const guint8 *p = s->p;
  guint n;

  if (p >= s->end)
    return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                 _("%s, found the end of the document"), expected);
  if (*p == '/')
    return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                 _("comments are not allowed in JSON"));
  if (*p == '\'')
    return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                 _("strings and member names need double quotes"));
  if ((s->end - p >= 3 && memcmp (p, "NaN", 3) == 0) ||
      (s->end - p >= 8 && memcmp (p, "Infinity", 8) == 0))
    return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                 _("NaN and Infinity are not allowed in JSON"));
  if (*p > 0x20 && *p < 0x7f)
    return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                 _("%s, found “%c”"), expected, *p);
  if (*p < 0x80)
    return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                 _("%s, found the byte 0x%02x"), expected, *p);
  n = utf8_sequence (p, s->end);
  if (n == 0)
    return fail (s, where, p, AS_FORMAT_ERROR_ENCODING, _("invalid UTF-8"));
  return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
               _("%s, found “%.*s”"), expected, (int) n, (const char *) p);
}

static gboolean
push (Scanner  *s,
      gboolean  is_object)
{
  Frame *f;

  if (s->depth >= s->limits.max_depth)
    return fail (s, AT_VALUE, NULL, AS_FORMAT_ERROR_TOO_DEEP,
                 _("nested deeper than %u levels"), s->limits.max_depth);
  if (s->depth == s->n_frames)
    {
      guint n = MIN (MAX (8, s->n_frames * 2), s->limits.max_depth);

      s->frames = g_renew (Frame, s->frames, n);
      memset (s->frames + s->n_frames, 0, (n - s->n_frames) * sizeof (Frame));
      s->n_frames = n;
    }
  f = &s->frames[s->depth++];
  f->is_object = is_object;
  f->count = 0;
  f->n_slots = 0;
  if (f->names != NULL)
    g_string_truncate (f->names, 0);
  s->p++;
  return TRUE;
}

/* Scans the string whose opening quote is at s->p and leaves s->p after its
 * closing quote. The length limit is on the raw bytes between the quotes,
 * and is checked as the string is read, so that a string of hundreds of
 * megabytes fails after max_string bytes. */
static gboolean
scan_string (Scanner  *s,
             Where     where,
             gboolean *has_escapes)
{
  const guint8 *open = s->p;
  const guint8 *start = open + 1;
  const guint8 *end = s->end;
  const guint8 *p = start;
  const guint8 *stop;
  gboolean escapes = FALSE;

  if ((gsize) (end - start) > s->limits.max_string)
    stop = start + s->limits.max_string + 1;
  else
    stop = end;

  for (;;)
    {
      guint8 c;

      while (p < stop && !string_special[*p])
        p++;

      if (p >= stop)
        {
          g_autofree char *limit = NULL;

          if (stop == end)
            return fail (s, where, open, AS_FORMAT_ERROR_SYNTAX,
                         _("a string is not closed"));
          limit = g_strdup_printf ("%" G_GSIZE_FORMAT, s->limits.max_string);
          return fail (s, where, NULL, AS_FORMAT_ERROR_TOO_LARGE,
                       _("string longer than %s bytes"), limit);
        }

      c = *p;
      if (c == '"')
        break;

      if (c == '\\')
        {
          guint cp;

          escapes = TRUE;
          if (end - p < 2)
            return fail (s, where, open, AS_FORMAT_ERROR_SYNTAX,
                         _("a string is not closed"));
          switch (p[1])
            {
            case '"': case '\\': case '/':
            case 'b': case 'f': case 'n': case 'r': case 't':
              p += 2;
              break;

            case 'u':
              if (!read_hex4 (p + 2, end, &cp))
                return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                             _("“\\u” must be followed by four hexadecimal digits"));
              if (cp == 0)
                return fail (s, where, p, AS_FORMAT_ERROR_ENCODING,
                             _("“\\u0000” (a null character) is not allowed in a string"));
              if (cp >= 0xd800 && cp <= 0xdbff)
                {
                  guint low;

                  if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
                      !read_hex4 (p + 8, end, &low) || low < 0xdc00 || low > 0xdfff)
                    return fail (s, where, p, AS_FORMAT_ERROR_ENCODING,
                                 _("“\\u%04x” is half of a surrogate pair without its other half"), cp);
                  p += 12;
                }
              else if (cp >= 0xdc00 && cp <= 0xdfff)
                {
                  return fail (s, where, p, AS_FORMAT_ERROR_ENCODING,
                               _("“\\u%04x” is half of a surrogate pair without its other half"), cp);
                }
              else
                {
                  p += 6;
                }
              break;

            default:
              if (p[1] > 0x20 && p[1] < 0x7f)
                return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                             _("invalid escape “\\%c” in a string"), p[1]);
              return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                           _("invalid escape in a string"));
            }
          continue;
        }

      if (c < 0x20)
        return fail (s, where, p, AS_FORMAT_ERROR_SYNTAX,
                     _("control character in a string (write it as an escape such as “\\n”)"));

      {
        guint n = utf8_sequence (p, end);

        if (n == 0)
          return fail (s, where, p, AS_FORMAT_ERROR_ENCODING,
                       _("invalid UTF-8 in a string"));
        p += n;
      }
    }

  if (has_escapes != NULL)
    *has_escapes = escapes;
  s->token = start;
  s->token_length = p - start;
  s->token_escaped = escapes;
  s->p = p + 1;
  return TRUE;
}

/* Tells whether a number with a fraction or an exponent is finite as a
 * double. Only called for the rare numbers that might not be. */
static gboolean
number_is_finite (const guint8 *start,
                  const guint8 *end)
{
  g_autofree char *text = g_strndup ((const char *) start, end - start);

  return isfinite (g_ascii_strtod (text, NULL));
}

/* Scans a number; sets *is_float, and s->token_int for an integer. The
 * text of a fraction stays in s->token for as_json_pull_get_double. */
static gboolean
scan_number (Scanner  *s,
             gboolean *is_float_out)
{
  const guint8 *start = s->p;
  const guint8 *end = s->end;
  const guint8 *p = start;
  gboolean negative = FALSE;
  gboolean is_float = FALSE;
  gboolean overflow = FALSE;
  guint64 magnitude = 0;
  gint64 int_digits = 0;
  gint64 exponent = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p >= end || !is_digit (*p))
    {
      if (p < end && *p == 'I')
        {
          s->p = p;
          return unexpected (s, AT_VALUE, _("expected a number"));
        }
      return fail (s, AT_VALUE, start, AS_FORMAT_ERROR_SYNTAX,
                   _("“-” must be followed by a digit"));
    }

  if (*p == '0')
    {
      p++;
      if (p < end && is_digit (*p))
        return fail (s, AT_VALUE, start, AS_FORMAT_ERROR_SYNTAX,
                     _("a number cannot start with a zero"));
    }
  else
    {
      for (; p < end && is_digit (*p); p++)
        {
          guint d = *p - '0';

          if (magnitude > (G_MAXUINT64 - d) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + d;
          int_digits++;
        }
    }

  if (p < end && *p == '.')
    {
      p++;
      is_float = TRUE;
      if (p >= end || !is_digit (*p))
        return fail (s, AT_VALUE, p, AS_FORMAT_ERROR_SYNTAX,
                     _("expected a digit after “.”"));
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean negative_exponent = FALSE;

      p++;
      is_float = TRUE;
      if (p < end && (*p == '+' || *p == '-'))
        {
          negative_exponent = *p == '-';
          p++;
        }
      if (p >= end || !is_digit (*p))
        return fail (s, AT_VALUE, p, AS_FORMAT_ERROR_SYNTAX,
                     _("expected a digit in the exponent"));
      for (; p < end && is_digit (*p); p++)
        {
          /* Saturate: an exponent this large is out of range anyway, and
           * strtod below has the last word. */
          if (exponent < 1000000000)
            exponent = exponent * 10 + (*p - '0');
        }
      if (negative_exponent)
        exponent = -exponent;
    }

  s->p = p;
  s->token = start;
  s->token_length = p - start;
  *is_float_out = is_float;

  if (!is_float)
    {
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

      if (overflow || magnitude > limit)
        return fail (s, AT_VALUE, NULL, AS_FORMAT_ERROR_TOO_LARGE,
                     _("number out of range"));
      /* Negated as unsigned, so that -2^63 does not overflow. */
      s->token_int = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
      return TRUE;
    }

  /* The value is below 10^(int_digits + exponent), and 10^308 is below the
   * largest double, so most numbers need no conversion to be known finite. */
  if (int_digits + exponent <= 308 || number_is_finite (start, p))
    return TRUE;
  return fail (s, AT_VALUE, NULL, AS_FORMAT_ERROR_TOO_LARGE,
               _("number out of range"));
}

static gboolean
scan_literal (Scanner    *s,
              const char *word,
              gsize       length)
{
  if ((gsize) (s->end - s->p) >= length && memcmp (s->p, word, length) == 0)
    {
      s->p += length;
      return TRUE;
    }
  return unexpected (s, AT_VALUE, _("expected a value"));
}

/* Scans a member name, the colon after it and the space after that. */
static gboolean
scan_member_name (Scanner *s)
{
  Frame *f = &s->frames[s->depth - 1];
  const guint8 *start;
  gboolean escaped = FALSE;

  if (s->p >= s->end || *s->p != '"')
    return unexpected (s, AT_CONTAINER, _("expected a member name in double quotes"));
  if (f->count >= s->limits.max_members)
    return fail (s, AT_CONTAINER, NULL, AS_FORMAT_ERROR_TOO_LARGE,
                 _("more than %u members in an object"), s->limits.max_members);

  start = s->p + 1;
  if (!scan_string (s, AT_CONTAINER, &escaped))
    return FALSE;
  if (!frame_add_key (f, start, s->token_length, escaped))
    return fail (s, AT_VALUE, NULL, AS_FORMAT_ERROR_DUPLICATE_KEY,
                 _("duplicate member name"));

  s->p = skip_space (s->p, s->end);
  if (s->p >= s->end || *s->p != ':')
    return unexpected (s, AT_VALUE, _("expected “:” after the member name"));
  s->p = skip_space (s->p + 1, s->end);
  return TRUE;
}

static gboolean
begin_element (Scanner *s)
{
  Frame *f = &s->frames[s->depth - 1];

  if (f->count >= s->limits.max_elements)
    return fail (s, AT_CONTAINER, NULL, AS_FORMAT_ERROR_TOO_LARGE,
                 _("more than %u elements in an array"), s->limits.max_elements);
  f->count++;
  return TRUE;
}

/* The whole grammar as a state machine over an explicit stack, one token
 * per call: no recursion, so a document nested a hundred thousand deep
 * fails at max_depth without using the C stack. */
static AsJsonToken
next_token (Scanner *s)
{
  Frame *f;
  gboolean is_float = FALSE;

  switch (s->state)
    {
    case STATE_START:
      if (s->end - s->p >= 3 && memcmp (s->p, "\xef\xbb\xbf", 3) == 0)
        {
          fail (s, AT_CONTAINER, NULL, AS_FORMAT_ERROR_ENCODING,
                _("the file starts with a byte order mark (BOM), which JSON does not allow"));
          return AS_JSON_ERROR;
        }
      s->p = skip_space (s->p, s->end);
      if (s->p >= s->end)
        {
          fail (s, AT_CONTAINER, NULL, AS_FORMAT_ERROR_EMPTY, _("the document is empty"));
          return AS_JSON_ERROR;
        }
      goto value;

    case STATE_VALUE:
      goto value;

    case STATE_OBJECT_FIRST:
      s->p = skip_space (s->p, s->end);
      if (s->p < s->end && *s->p == '}')
        {
          s->p++;
          s->depth--;
          s->state = STATE_AFTER_VALUE;
          return AS_JSON_OBJECT_END;
        }
      if (!scan_member_name (s))
        return AS_JSON_ERROR;
      s->state = STATE_VALUE;
      return AS_JSON_MEMBER;

    case STATE_ARRAY_FIRST:
      s->p = skip_space (s->p, s->end);
      if (s->p < s->end && *s->p == ']')
        {
          s->p++;
          s->depth--;
          s->state = STATE_AFTER_VALUE;
          return AS_JSON_ARRAY_END;
        }
      if (!begin_element (s))
        return AS_JSON_ERROR;
      goto value;

    case STATE_AFTER_VALUE:
      goto after_value;

    case STATE_DONE:
    default:
      return s->last;
    }

value:
  if (s->p >= s->end)
    {
      unexpected (s, AT_VALUE, _("expected a value"));
      return AS_JSON_ERROR;
    }
  switch (*s->p)
    {
    case '{':
      if (!push (s, TRUE))
        return AS_JSON_ERROR;
      s->state = STATE_OBJECT_FIRST;
      return AS_JSON_OBJECT_BEGIN;

    case '[':
      if (!push (s, FALSE))
        return AS_JSON_ERROR;
      s->state = STATE_ARRAY_FIRST;
      return AS_JSON_ARRAY_BEGIN;

    case '"':
      if (!scan_string (s, AT_VALUE, NULL))
        return AS_JSON_ERROR;
      s->state = STATE_AFTER_VALUE;
      return AS_JSON_STRING;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!scan_number (s, &is_float))
        return AS_JSON_ERROR;
      s->state = STATE_AFTER_VALUE;
      return is_float ? AS_JSON_DOUBLE : AS_JSON_INT;

    case 't':
      if (!scan_literal (s, "true", 4))
        return AS_JSON_ERROR;
      s->state = STATE_AFTER_VALUE;
      return AS_JSON_TRUE;

    case 'f':
      if (!scan_literal (s, "false", 5))
        return AS_JSON_ERROR;
      s->state = STATE_AFTER_VALUE;
      return AS_JSON_FALSE;

    case 'n':
      if (!scan_literal (s, "null", 4))
        return AS_JSON_ERROR;
      s->state = STATE_AFTER_VALUE;
      return AS_JSON_NULL;

    default:
      unexpected (s, AT_VALUE, _("expected a value"));
      return AS_JSON_ERROR;
    }

after_value:
  s->p = skip_space (s->p, s->end);
  if (s->depth == 0)
    {
      if (s->p < s->end)
        {
          fail (s, AT_CONTAINER, s->p, AS_FORMAT_ERROR_SYNTAX,
                _("unexpected data after the end of the document"));
          return AS_JSON_ERROR;
        }
      return AS_JSON_END;
    }

  f = &s->frames[s->depth - 1];
  if (f->is_object)
    {
      if (s->p < s->end && *s->p == ',')
        {
          s->p = skip_space (s->p + 1, s->end);
          if (s->p < s->end && *s->p == '}')
            {
              fail (s, AT_CONTAINER, s->p, AS_FORMAT_ERROR_SYNTAX,
                    _("a comma cannot come before “}”"));
              return AS_JSON_ERROR;
            }
          if (!scan_member_name (s))
            return AS_JSON_ERROR;
          s->state = STATE_VALUE;
          return AS_JSON_MEMBER;
        }
      if (s->p < s->end && *s->p == '}')
        {
          s->p++;
          s->depth--;
          return AS_JSON_OBJECT_END;
        }
      unexpected (s, AT_CONTAINER, _("expected “,” or “}”"));
      return AS_JSON_ERROR;
    }
  else
    {
      if (s->p < s->end && *s->p == ',')
        {
          s->p = skip_space (s->p + 1, s->end);
          if (s->p < s->end && *s->p == ']')
            {
              fail (s, AT_CONTAINER, s->p, AS_FORMAT_ERROR_SYNTAX,
                    _("a comma cannot come before “]”"));
              return AS_JSON_ERROR;
            }
          if (!begin_element (s))
            return AS_JSON_ERROR;
          goto value;
        }
      if (s->p < s->end && *s->p == ']')
        {
          s->p++;
          s->depth--;
          return AS_JSON_ARRAY_END;
        }
      unexpected (s, AT_CONTAINER, _("expected “,” or “]”"));
      return AS_JSON_ERROR;
    }
}

static void
pull_init (Scanner            *s,
           const char         *data,
           gsize               length,
           const AsJsonLimits *limits,
           gboolean            want_path)
{
  static const AsJsonLimits defaults = {
    .max_depth = AS_MAX_DEPTH,
    .max_string = AS_MAX_STRING,
    .max_members = AS_MAX_MEMBERS,
    .max_elements = AS_MAX_ARRAY,
  };

  memset (s, 0, sizeof *s);
  s->data = (const guint8 *) (data != NULL ? data : "");
  s->end = s->data + length;
  s->p = s->data;
  s->limits = limits != NULL ? *limits : defaults;
  s->state = STATE_START;
  s->want_path = want_path;
}

static void
pull_clear (Scanner *s)
{
  for (guint i = 0; i < s->n_frames; i++)
    frame_clear (&s->frames[i]);
  g_free (s->frames);
  if (s->scratch != NULL)
    g_string_free (s->scratch, TRUE);
  g_clear_error (&s->error);
  g_free (s->error_path);
}

/* Public API */

gboolean
as_json_scan (const char          *data,
              gsize                length,
              const AsJsonLimits  *limits,
              char               **path,
              GError             **error)
{
  Scanner s;
  AsJsonToken token;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (path == NULL || *path == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pull_init (&s, data, length, limits, path != NULL);
  while ((token = next_token (&s)) > AS_JSON_END)
    ;
  if (token == AS_JSON_ERROR)
    {
      if (path != NULL)
        *path = g_steal_pointer (&s.error_path);
      g_propagate_error (error, g_steal_pointer (&s.error));
    }
  pull_clear (&s);
  return token == AS_JSON_END;
}

AsJsonPull *
as_json_pull_new (const char         *data,
                  gsize               length,
                  const AsJsonLimits *limits)
{
  AsJsonPull *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_new (AsJsonPull, 1);
  pull_init (self, data, length, limits, TRUE);
  return self;
}

void
as_json_pull_free (AsJsonPull *self)
{
  if (self == NULL)
    return;
  pull_clear (self);
  g_free (self);
}

AsJsonToken
as_json_pull_next (AsJsonPull *self)
{
  AsJsonToken token;

  g_return_val_if_fail (self != NULL, AS_JSON_ERROR);

  token = next_token (self);
  if (token <= AS_JSON_END)
    self->state = STATE_DONE;
  self->last = token;
  return token;
}

gboolean
as_json_pull_skip (AsJsonPull *self)
{
  guint depth;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->last == AS_JSON_ERROR)
    return FALSE;
  if (self->last != AS_JSON_OBJECT_BEGIN && self->last != AS_JSON_ARRAY_BEGIN)
    return TRUE;

  /* The container just opened is the innermost one: read to its end. */
  depth = self->depth;
  while (self->depth >= depth)
    if (as_json_pull_next (self) == AS_JSON_ERROR)
      return FALSE;
  return TRUE;
}

guint
as_json_pull_get_depth (AsJsonPull *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->depth;
}

const char *
as_json_pull_get_string (AsJsonPull *self,
                         gsize      *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->last == AS_JSON_STRING || self->last == AS_JSON_MEMBER, NULL);

  if (self->scratch == NULL)
    self->scratch = g_string_sized_new (256);
  g_string_truncate (self->scratch, 0);
  if (self->token_escaped)
    append_unescaped (self->scratch, self->token, self->token + self->token_length);
  else
    g_string_append_len (self->scratch, (const char *) self->token, self->token_length);
  if (length != NULL)
    *length = self->scratch->len;
  return self->scratch->str;
}

gboolean
as_json_pull_string_equal (AsJsonPull *self,
                           const char *text)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->last == AS_JSON_STRING || self->last == AS_JSON_MEMBER, FALSE);

  if (self->token_escaped)
    return strcmp (as_json_pull_get_string (self, NULL), text) == 0;
  return strlen (text) == self->token_length &&
         memcmp (self->token, text, self->token_length) == 0;
}

char *
as_json_pull_dup_string (AsJsonPull *self,
                         gsize      *length)
{
  char *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->last == AS_JSON_STRING || self->last == AS_JSON_MEMBER, NULL);

  if (self->token_escaped)
    {
      /* Unescaping only shortens: the raw length is enough room. */
      GString *out = g_string_sized_new (self->token_length);

      append_unescaped (out, self->token, self->token + self->token_length);
      if (length != NULL)
        *length = out->len;
      return g_string_free (out, FALSE);
    }
  copy = g_malloc (self->token_length + 1);
  memcpy (copy, self->token, self->token_length);
  copy[self->token_length] = '\0';
  if (length != NULL)
    *length = self->token_length;
  return copy;
}

gint64
as_json_pull_get_int (AsJsonPull *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->last == AS_JSON_INT, 0);

  return self->token_int;
}

double
as_json_pull_get_double (AsJsonPull *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->last == AS_JSON_DOUBLE || self->last == AS_JSON_INT, 0);

  if (self->scratch == NULL)
    self->scratch = g_string_sized_new (256);
  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, (const char *) self->token, self->token_length);
  return g_ascii_strtod (self->scratch->str, NULL);
}

void
as_json_pull_take_error (AsJsonPull  *self,
                         char       **path,
                         GError     **error)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->last == AS_JSON_ERROR);

  if (path != NULL)
    *path = g_steal_pointer (&self->error_path);
  g_propagate_error (error, g_steal_pointer (&self->error));
}
