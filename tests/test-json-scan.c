/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "as-format.h"
#include "as-json-scan.h"
#include "as-test-util.h"

static const AsJsonLimits default_limits = {
  AS_MAX_DEPTH, AS_MAX_STRING, AS_MAX_MEMBERS, AS_MAX_ARRAY,
};

/* Scans length bytes copied into a buffer of exactly that size, so that a
 * read past the end is caught by the sanitizers. */
static gboolean
scan_len (const char          *json,
          gsize                length,
          const AsJsonLimits  *limits,
          char               **path,
          GError             **error)
{
  g_autofree char *copy = g_memdup2 (json, length);

  return as_json_scan (copy, length, limits ? limits : &default_limits, path, error);
}

static void
assert_valid_len (const char *json,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!scan_len (json, length, NULL, &path, &error))
    g_error ("“%.*s” refused: %s: %s", (int) MIN (length, 80), json, path, error->message);
  g_assert_null (path);
}

static void
assert_valid (const char *json)
{
  assert_valid_len (json, strlen (json));
}

/* Asserts that the scan fails with code, path and, when message is not NULL,
 * exactly that message. */
static void
assert_fails_full (const char         *json,
                   gsize               length,
                   const AsJsonLimits *limits,
                   AsFormatError       code,
                   const char         *expected_path,
                   const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  ok = scan_len (json, length, limits, &path, &error);
  if (ok)
    g_error ("“%.*s” accepted", (int) MIN (length, 80), json);
  g_assert_error (error, AS_FORMAT_ERROR, (gint) code);
  g_assert_cmpstr (path, ==, expected_path);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
assert_fails (const char    *json,
              AsFormatError  code,
              const char    *expected_path,
              const char    *message)
{
  assert_fails_full (json, strlen (json), NULL, code, expected_path, message);
}

static void
assert_valid_limits (const char         *json,
                     const AsJsonLimits *limits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!scan_len (json, strlen (json), limits, &path, &error))
    g_error ("“%s” refused: %s: %s", json, path, error->message);
  g_assert_null (path);
}

static void
assert_fails_limits (const char         *json,
                     const AsJsonLimits *limits,
                     AsFormatError       code,
                     const char         *expected_path,
                     const char         *message)
{
  assert_fails_full (json, strlen (json), limits, code, expected_path, message);
}

static char *
repeat (const char *piece,
        guint       n)
{
  GString *s = g_string_sized_new (strlen (piece) * n);

  for (guint i = 0; i < n; i++)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

/* Valid documents */

static void
test_valid_values (void)
{
  assert_valid ("{}");
  assert_valid ("[]");
  assert_valid ("0");
  assert_valid ("\"text\"");
  assert_valid ("true");
  assert_valid ("false");
  assert_valid ("null");
  assert_valid (" \t\r\n{ \"a\" : [ 1 , 2.5 , -3e2 , true , false , null , { } , [ ] ] } \n");
  assert_valid ("{\"members\":[{\"id\":\"m1\",\"name\":\"Ana\"},{\"id\":\"m2\",\"name\":\"Ben\"}]}");
  /* The same name in sibling objects, or at another depth, is no duplicate. */
  assert_valid ("[{\"a\":1},{\"a\":2}]");
  assert_valid ("{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1,\"b\":2},{\"b\":1,\"a\":2}]}");
  /* Only the given length counts: the rest of the buffer is not read. */
  assert_valid_len ("[1][2]", 3);
}

static void
test_valid_escapes (void)
{
  assert_valid ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"");
  assert_valid ("\"\\u0041 \\u00e9 \\u00E9 \\u20ac \\uffff \\u0001\"");
  assert_valid ("\"\\ud83d\\ude00\"");
  assert_valid ("\"\\uD83D\\uDE00 and \\udbff\\udfff\"");
  assert_valid ("{\"\\u0061\\n\":\"\\ud83d\\ude00\"}");
}

static void
test_valid_numbers (void)
{
  assert_valid ("[0, -0, 1, -1, 10, 1234567890]");
  assert_valid ("-9223372036854775808");
  assert_valid ("9223372036854775807");
  assert_valid ("[0.5, -0.5, 1e5, 1E5, 1e+5, 1e-5, 2.5E-3, 0e0, -0.0]");
  assert_valid ("1.7976931348623157e308");
  assert_valid ("-1.7976931348623157e308");
  /* Tiny values become zero or subnormal: finite, so accepted. */
  assert_valid ("1e-400");
  assert_valid ("1e-99999999999999999999");
  /* Near the top of the range, and written in odd ways. */
  assert_valid ("0.00001e310");
  assert_valid ("123456789012345678901234567890.5");
  assert_valid ("0e999999");
}

static void
test_valid_utf8 (void)
{
  /* Two, three and four byte sequences, the largest code point, U+FFFF and
   * DEL, in a value and in a name. */
  assert_valid ("\"é € 😀 \xf4\x8f\xbf\xbf \xef\xbf\xbf \x7f\"");
  assert_valid ("{\"café\":\"naïve\",\"日本\":1}");
}

static void
test_valid_deep (void)
{
  g_autofree char *open_arrays = repeat ("[", AS_MAX_DEPTH);
  g_autofree char *close_arrays = repeat ("]", AS_MAX_DEPTH);
  g_autofree char *open_objects = repeat ("{\"a\":", AS_MAX_DEPTH);
  g_autofree char *close_objects = repeat ("}", AS_MAX_DEPTH);
  g_autofree char *arrays = g_strconcat (open_arrays, close_arrays, NULL);
  g_autofree char *objects = g_strconcat (open_objects, "1", close_objects, NULL);

  assert_valid (arrays);
  assert_valid (objects);
}

static void
test_valid_large_object (void)
{
  GString *json = g_string_new ("{");
  g_autofree char *text = NULL;

  /* Exactly the member limit, which goes through the hash table. */
  for (guint i = 0; i < AS_MAX_MEMBERS; i++)
    g_string_append_printf (json, "%s\"k%u\":%u", i > 0 ? "," : "", i, i);
  g_string_append (json, "}");
  text = g_string_free (json, FALSE);
  assert_valid (text);
}

/* Empty input and several values */

static void
test_empty (void)
{
  assert_fails ("", AS_FORMAT_ERROR_EMPTY, "$", NULL);
  assert_fails (" \n\t\r\n ", AS_FORMAT_ERROR_EMPTY, "$", NULL);
  assert_fails_full (NULL, 0, NULL, AS_FORMAT_ERROR_EMPTY, "$", NULL);
}

static void
test_trailing_data (void)
{
  assert_fails ("{\"a\":1}{\"b\":2}", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 8: unexpected data after the end of the document");
  assert_fails ("1 2", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 3: unexpected data after the end of the document");
  assert_fails ("[]\n\n  x", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 3, column 3: unexpected data after the end of the document");
  /* A NUL after the document is data too. */
  assert_fails_full ("{}\0", 3, NULL, AS_FORMAT_ERROR_SYNTAX, "$", NULL);
}

/* Syntax */

static void
test_syntax_position (void)
{
  assert_fails ("{\n  \"a\": 1,\n  \"b\": [1, 2] \"c\": 3\n}", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 3, column 15: expected “,” or “}”, found “\"”");
  assert_fails ("{\"a\": [1, 2 3]}", AS_FORMAT_ERROR_SYNTAX, "$.a",
                "line 1, column 13: expected “,” or “]”, found “3”");
  /* Columns count characters, not bytes. */
  assert_fails ("{\"é\": 1 x}", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 9: expected “,” or “}”, found “x”");
  assert_fails ("{\"a\": }", AS_FORMAT_ERROR_SYNTAX, "$.a",
                "line 1, column 7: expected a value, found “}”");
  assert_fails ("{\"a\": [1,", AS_FORMAT_ERROR_SYNTAX, "$.a[1]",
                "line 1, column 10: expected a value, found the end of the document");
}

static void
test_syntax_comments (void)
{
  assert_fails ("// note\n{}", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 1: comments are not allowed in JSON");
  assert_fails ("{\"a\": 1 /* note */}", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 9: comments are not allowed in JSON");
  assert_fails ("[1, /* note */ 2]", AS_FORMAT_ERROR_SYNTAX, "$[1]", NULL);
}

static void
test_syntax_trailing_comma (void)
{
  assert_fails ("[1, 2,]", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 7: a comma cannot come before “]”");
  assert_fails ("{\"a\": {\"b\": 1,\n}}", AS_FORMAT_ERROR_SYNTAX, "$.a",
                "line 2, column 1: a comma cannot come before “}”");
  assert_fails ("[,1]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("{,}", AS_FORMAT_ERROR_SYNTAX, "$", NULL);
}

static void
test_syntax_nan (void)
{
  assert_fails ("[NaN]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 2: NaN and Infinity are not allowed in JSON");
  assert_fails ("{\"x\": Infinity}", AS_FORMAT_ERROR_SYNTAX, "$.x", NULL);
  assert_fails ("{\"x\": -Infinity}", AS_FORMAT_ERROR_SYNTAX, "$.x", NULL);
}

static void
test_syntax_numbers (void)
{
  assert_fails ("[01]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 2: a number cannot start with a zero");
  assert_fails ("-01", AS_FORMAT_ERROR_SYNTAX, "$", NULL);
  assert_fails ("[00.5]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[1.]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 4: expected a digit after “.”");
  assert_fails ("[.5]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[1e]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 4: expected a digit in the exponent");
  assert_fails ("[1e+]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[-]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[+1]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[0x10]", AS_FORMAT_ERROR_SYNTAX, "$", NULL);
  assert_fails ("-", AS_FORMAT_ERROR_SYNTAX, "$", NULL);
}

static void
test_syntax_tokens (void)
{
  assert_fails ("{'a': 1}", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 2: strings and member names need double quotes");
  assert_fails ("{a: 1}", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 2: expected a member name in double quotes, found “a”");
  assert_fails ("{\"a\" 1}", AS_FORMAT_ERROR_SYNTAX, "$.a",
                "line 1, column 6: expected “:” after the member name, found “1”");
  assert_fails ("[tru]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[nul", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[True]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[1", AS_FORMAT_ERROR_SYNTAX, "$",
                "line 1, column 3: expected “,” or “]”, found the end of the document");
  assert_fails ("{\"a\":\"b", AS_FORMAT_ERROR_SYNTAX, "$.a",
                "line 1, column 6: a string is not closed");
  assert_fails ("\"abc\\", AS_FORMAT_ERROR_SYNTAX, "$", NULL);
  assert_fails ("]", AS_FORMAT_ERROR_SYNTAX, "$", NULL);
  assert_fails ("[\x01]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 2: expected a value, found the byte 0x01");
  assert_fails ("[é]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 2: expected a value, found “é”");
}

static void
test_control_characters (void)
{
  assert_fails ("{\"a\": \"x\ty\"}", AS_FORMAT_ERROR_SYNTAX, "$.a",
                "line 1, column 9: control character in a string "
                "(write it as an escape such as “\\n”)");
  assert_fails ("[\"two\nlines\"]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[\"\x1f\"]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails_full ("[\"a\0b\"]", 7, NULL, AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  /* In a name, the path is the object's: the name is not known. */
  assert_fails ("{\"x\": {\"a\tb\": 1}}", AS_FORMAT_ERROR_SYNTAX, "$.x", NULL);
}

static void
test_escapes_invalid (void)
{
  assert_fails ("[\"\\x41\"]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 3: invalid escape “\\x” in a string");
  assert_fails ("[\"\\\xc3\xa9\"]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 3: invalid escape in a string");
  assert_fails ("[\"\\u12\"]", AS_FORMAT_ERROR_SYNTAX, "$[0]",
                "line 1, column 3: “\\u” must be followed by four hexadecimal digits");
  assert_fails ("[\"\\u12G4\"]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[\"\\u", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
  assert_fails ("[\"\\U0041\"]", AS_FORMAT_ERROR_SYNTAX, "$[0]", NULL);
}

static void
test_escapes_surrogates (void)
{
  assert_fails ("{\"s\": \"\\ud83d\"}", AS_FORMAT_ERROR_ENCODING, "$.s",
                "line 1, column 8: “\\ud83d” is half of a surrogate pair without its other half");
  assert_fails ("{\"s\": \"\\ud83dx\"}", AS_FORMAT_ERROR_ENCODING, "$.s", NULL);
  assert_fails ("{\"s\": \"\\ud83d\\u0041\"}", AS_FORMAT_ERROR_ENCODING, "$.s", NULL);
  assert_fails ("{\"s\": \"\\ud83d\\ud83d\"}", AS_FORMAT_ERROR_ENCODING, "$.s", NULL);
  assert_fails ("{\"s\": \"\\ude00\"}", AS_FORMAT_ERROR_ENCODING, "$.s",
                "line 1, column 8: “\\ude00” is half of a surrogate pair without its other half");
  assert_fails ("{\"s\": \"\\ude00\\ud83d\"}", AS_FORMAT_ERROR_ENCODING, "$.s", NULL);
  assert_fails ("[\"\\ud83d", AS_FORMAT_ERROR_ENCODING, "$[0]", NULL);
}

static void
test_escapes_nul (void)
{
  /* Valid JSON, but a C string would end there: json-glib would see "a" for
   * "a\u0000b", so two names that differ here would become one. */
  assert_fails ("{\"s\": \"a\\u0000b\"}", AS_FORMAT_ERROR_ENCODING, "$.s",
                "line 1, column 9: “\\u0000” (a null character) is not allowed in a string");
  assert_fails ("{\"a\\u0000\": 1}", AS_FORMAT_ERROR_ENCODING, "$", NULL);
}

static void
test_utf8_invalid (void)
{
  static const struct {
    const char *bytes;
    const char *what;
  } cases[] = {
    { "\xc0\x80", "overlong NUL" },
    { "\xc1\xbf", "overlong two bytes" },
    { "\xe0\x80\x80", "overlong three bytes" },
    { "\xe0\x9f\xbf", "overlong three bytes, top" },
    { "\xf0\x80\x80\x80", "overlong four bytes" },
    { "\xf0\x8f\xbf\xbf", "overlong four bytes, top" },
    { "\xed\xa0\x80", "high surrogate in UTF-8" },
    { "\xed\xbf\xbf", "low surrogate in UTF-8" },
    { "\xf4\x90\x80\x80", "past U+10FFFF" },
    { "\xf5\x80\x80\x80", "lead byte F5" },
    { "\xff", "byte FF" },
    { "\x80", "stray continuation byte" },
    { "\xc3", "truncated two bytes" },
    { "\xe2\x82", "truncated three bytes" },
    { "\xf0\x9f\x98", "truncated four bytes" },
    { "\xc3\x28", "bad continuation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = g_strdup_printf ("{\"x\": [\"ab%scd\"]}", cases[i].bytes);
      g_autofree char *name = g_strdup_printf ("{\"x\": {\"ab%scd\": 1}}", cases[i].bytes);

      g_test_message ("%s", cases[i].what);
      assert_fails (value, AS_FORMAT_ERROR_ENCODING, "$.x[0]",
                    "line 1, column 11: invalid UTF-8 in a string");
      assert_fails (name, AS_FORMAT_ERROR_ENCODING, "$.x", NULL);
    }

  /* A string that ends in the middle of a sequence, at the end of the text. */
  assert_fails ("\"\xe2\x82", AS_FORMAT_ERROR_ENCODING, "$", NULL);
  /* Outside strings, an invalid byte is an encoding error too. */
  assert_fails ("[1, \xff]", AS_FORMAT_ERROR_ENCODING, "$[1]",
                "line 1, column 5: invalid UTF-8");
}

static void
test_utf8_bom (void)
{
  assert_fails ("\xef\xbb\xbf{}", AS_FORMAT_ERROR_ENCODING, "$",
                "the file starts with a byte order mark (BOM), which JSON does not allow");
  /* UTF-16 is not UTF-8. */
  assert_fails_full ("\xff\xfe{\0}\0", 6, NULL, AS_FORMAT_ERROR_ENCODING, "$", NULL);
}

/* Limits */

static void
test_depth_limit (void)
{
  g_autofree char *ok_open = repeat ("[", AS_MAX_DEPTH);
  g_autofree char *too_deep = repeat ("[", AS_MAX_DEPTH + 1);
  g_autofree char *expected = NULL;
  g_autofree char *zeros = repeat ("[0]", AS_MAX_DEPTH);

  /* The 65th level fails, at the path of the value that opens it. */
  expected = g_strconcat ("$", zeros, NULL);
  assert_fails (too_deep, AS_FORMAT_ERROR_TOO_DEEP, expected, "nested deeper than 64 levels");
  /* 64 levels that are not closed fail for that, not for depth. */
  assert_fails (ok_open, AS_FORMAT_ERROR_SYNTAX, expected,
                "line 1, column 65: expected a value, found the end of the document");
}

static void
test_depth_limit_custom (void)
{
  AsJsonLimits limits = default_limits;

  limits.max_depth = 2;
  assert_valid_limits ("{\"a\":[1]}", &limits);
  assert_valid ("{\"a\":[1]}");
  assert_fails_limits ("{\"a\":[{}]}", &limits, AS_FORMAT_ERROR_TOO_DEEP, "$.a[0]",
                     "nested deeper than 2 levels");
  limits.max_depth = 0;
  assert_fails_limits ("[]", &limits, AS_FORMAT_ERROR_TOO_DEEP, "$", NULL);
  assert_valid_limits ("1", &limits);
}

static void
check_very_deep (const char *piece,
                 const char *path_piece)
{
  g_autofree char *json = repeat (piece, 100000);
  g_autofree char *pieces = repeat (path_piece, AS_MAX_DEPTH);
  g_autofree char *expected = g_strconcat ("$", pieces, NULL);
  double elapsed;

  g_test_timer_start ();
  assert_fails (json, AS_FORMAT_ERROR_TOO_DEEP, expected, NULL);
  elapsed = g_test_timer_elapsed ();
  /* It stops at the 65th level: microseconds, not a walk of the text. A
   * generous bound, so that a loaded machine does not fail it. */
  g_assert_cmpfloat (elapsed, <, 0.5);
}

static void
test_depth_100000_arrays (void)
{
  check_very_deep ("[", "[0]");
}

static void
test_depth_100000_objects (void)
{
  check_very_deep ("{\"a\":", ".a");
}

static void
test_string_limit (void)
{
  AsJsonLimits limits = default_limits;

  limits.max_string = 8;
  assert_valid_limits ("{\"s\":\"12345678\"}", &limits);
  assert_fails_limits ("{\"s\":\"123456789\"}", &limits, AS_FORMAT_ERROR_TOO_LARGE, "$.s",
                     "string longer than 8 bytes");
  /* The limit is on the raw bytes: five escapes are ten bytes. */
  assert_fails_limits ("[\"\\n\\n\\n\\n\\n\"]", &limits, AS_FORMAT_ERROR_TOO_LARGE, "$[0]", NULL);
  /* A name over the limit: the path is the object's. */
  assert_fails_limits ("{\"o\":{\"123456789\":1}}", &limits, AS_FORMAT_ERROR_TOO_LARGE, "$.o", NULL);
  /* A long string that is not closed is too long before it is unclosed. */
  assert_fails_limits ("[\"1234567890", &limits, AS_FORMAT_ERROR_TOO_LARGE, "$[0]", NULL);
}

static void
test_string_limit_accepts_up_to (void)
{
  AsJsonLimits limits = default_limits;

  limits.max_string = 8;
  assert_valid_limits ("[\"12345678\", \"\\n\\n\\n\\n\", \"éééé\"]", &limits);
}

static void
test_string_limit_stops_early (void)
{
  AsJsonLimits limits = default_limits;
  gsize length = 16 * 1024 * 1024;
  g_autofree char *json = g_malloc (length);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* A 16 MB string, refused after the first kilobyte. */
  memset (json, 'x', length);
  json[0] = '[';
  json[1] = '"';
  limits.max_string = 1024;
  g_test_timer_start ();
  g_assert_false (as_json_scan (json, length, &limits, &path, &error));
  g_assert_cmpfloat (g_test_timer_elapsed (), <, 0.05);
  g_assert_error (error, AS_FORMAT_ERROR, AS_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (path, ==, "$[0]");
}

static void
test_members_limit (void)
{
  AsJsonLimits limits = default_limits;

  limits.max_members = 3;
  assert_valid_limits ("{\"o\":{\"a\":1,\"b\":2,\"c\":3}}", &limits);
  assert_valid ("{\"o\":{\"a\":1,\"b\":2,\"c\":3}}");
  assert_fails_limits ("{\"o\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}", &limits,
                       AS_FORMAT_ERROR_TOO_LARGE, "$.o", "more than 3 members in an object");
}

static void
test_members_limit_default (void)
{
  GString *json = g_string_new ("{\"o\":{");
  g_autofree char *text = NULL;

  for (guint i = 0; i <= AS_MAX_MEMBERS; i++)
    g_string_append_printf (json, "%s\"k%u\":%u", i > 0 ? "," : "", i, i);
  g_string_append (json, "}}");
  text = g_string_free (json, FALSE);
  assert_fails (text, AS_FORMAT_ERROR_TOO_LARGE, "$.o", "more than 4096 members in an object");
}

static void
test_elements_limit (void)
{
  AsJsonLimits limits = default_limits;

  limits.max_elements = 3;
  assert_valid_limits ("{\"a\":[1,2,3]}", &limits);
  assert_fails_limits ("{\"a\":[1,2,3,4]}", &limits, AS_FORMAT_ERROR_TOO_LARGE, "$.a",
                     "more than 3 elements in an array");
  /* Empty arrays are fine at any limit. */
  limits.max_elements = 0;
  assert_fails_limits ("[[]]", &limits, AS_FORMAT_ERROR_TOO_LARGE, "$", NULL);
  assert_valid_limits ("[]", &limits);
}

/* Duplicate names */

static void
test_duplicate_keys (void)
{
  assert_fails ("{\"a\":1,\"a\":2}", AS_FORMAT_ERROR_DUPLICATE_KEY, "$.a", "duplicate member name");
  assert_fails ("{\"m\":[{\"id\":1},{\"x\":{\"b\":1,\"c\":2,\"b\":3}}]}",
                AS_FORMAT_ERROR_DUPLICATE_KEY, "$.m[1].x.b", NULL);
  assert_fails ("{\"\":1,\"\":2}", AS_FORMAT_ERROR_DUPLICATE_KEY, "$[\"\"]", NULL);
  /* The second one's value is not read: the name is enough. */
  assert_fails ("{\"a\":1,\"a\":", AS_FORMAT_ERROR_DUPLICATE_KEY, "$.a", NULL);
}

static void
test_duplicate_keys_escaped (void)
{
  assert_fails ("{\"a\":1,\"\\u0061\":2}", AS_FORMAT_ERROR_DUPLICATE_KEY, "$.a", NULL);
  assert_fails ("{\"\\u0061\":1,\"a\":2}", AS_FORMAT_ERROR_DUPLICATE_KEY, "$.a", NULL);
  assert_fails ("{\"é\":1,\"\\u00e9\":2}", AS_FORMAT_ERROR_DUPLICATE_KEY, "$[\"é\"]", NULL);
  assert_fails ("{\"😀\":1,\"\\ud83d\\ude00\":2}", AS_FORMAT_ERROR_DUPLICATE_KEY, "$[\"😀\"]", NULL);
  assert_fails ("{\"a/b\":1,\"a\\/b\":2}", AS_FORMAT_ERROR_DUPLICATE_KEY, "$[\"a/b\"]", NULL);
  /* Different after unescaping: not duplicates. */
  assert_valid ("{\"a\\n\":1,\"a\\\\n\":2,\"an\":3}");
}

static void
test_duplicate_keys_large_object (void)
{
  GString *json = g_string_new ("{\"o\":{");
  g_autofree char *plain = NULL;
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "\"k%u\":%u,", i, i);
  g_string_append (json, "\"last\":0");
  escaped = g_strconcat (json->str, ",\"\\u006b500\":1}}", NULL);
  g_string_append (json, ",\"k500\":1}}");
  plain = g_string_free (json, FALSE);

  assert_fails (plain, AS_FORMAT_ERROR_DUPLICATE_KEY, "$.o.k500", NULL);
  assert_fails (escaped, AS_FORMAT_ERROR_DUPLICATE_KEY, "$.o.k500", NULL);
}

static void
test_duplicate_keys_reused_frames (void)
{
  /* Sibling objects at one depth share buffers: the names of one must not
   * leak into the next, small or large. */
  GString *json = g_string_new ("[");
  g_autofree char *text = NULL;

  for (guint n = 0; n < 3; n++)
    {
      g_string_append (json, n > 0 ? ",{" : "{");
      for (guint i = 0; i < 100; i++)
        g_string_append_printf (json, "%s\"\\u006b%u\":%u", i > 0 ? "," : "", i, i);
      g_string_append (json, "},{\"k1\":1}");
    }
  g_string_append (json, "]");
  text = g_string_free (json, FALSE);
  assert_valid (text);
}

/* Numbers */

static void
test_integer_range (void)
{
  assert_fails ("{\"n\":9223372036854775808}", AS_FORMAT_ERROR_TOO_LARGE, "$.n", "number out of range");
  assert_fails ("{\"n\":-9223372036854775809}", AS_FORMAT_ERROR_TOO_LARGE, "$.n", NULL);
  assert_fails ("[18446744073709551615]", AS_FORMAT_ERROR_TOO_LARGE, "$[0]", NULL);
  assert_fails ("[18446744073709551616]", AS_FORMAT_ERROR_TOO_LARGE, "$[0]", NULL);
  assert_fails ("[123456789012345678901234567890]", AS_FORMAT_ERROR_TOO_LARGE, "$[0]", NULL);
}

static void
test_float_range (void)
{
  assert_fails ("{\"x\":1e309}", AS_FORMAT_ERROR_TOO_LARGE, "$.x", "number out of range");
  assert_fails ("{\"x\":-1e309}", AS_FORMAT_ERROR_TOO_LARGE, "$.x", NULL);
  assert_fails ("{\"x\":1.8e308}", AS_FORMAT_ERROR_TOO_LARGE, "$.x", NULL);
  assert_fails ("{\"x\":1e99999999999999999999}", AS_FORMAT_ERROR_TOO_LARGE, "$.x", NULL);
  assert_fails ("{\"x\":0.001e312}", AS_FORMAT_ERROR_TOO_LARGE, "$.x", NULL);
}

/* Paths */

static void
test_path_names (void)
{
  assert_fails ("{\"first name\": {\"x\": tru}}", AS_FORMAT_ERROR_SYNTAX, "$[\"first name\"].x", NULL);
  assert_fails ("{\"a\\\"b\": tru}", AS_FORMAT_ERROR_SYNTAX, "$[\"a\\\"b\"]", NULL);
  assert_fails ("{\"a\\\\b\": tru}", AS_FORMAT_ERROR_SYNTAX, "$[\"a\\\\b\"]", NULL);
  assert_fails ("{\"a\\nb\": tru}", AS_FORMAT_ERROR_SYNTAX, "$[\"a\\nb\"]", NULL);
  assert_fails ("{\"\\u0001\": tru}", AS_FORMAT_ERROR_SYNTAX, "$[\"\\u0001\"]", NULL);
  assert_fails ("{\"1a\": tru}", AS_FORMAT_ERROR_SYNTAX, "$[\"1a\"]", NULL);
  assert_fails ("{\"_a1\": tru}", AS_FORMAT_ERROR_SYNTAX, "$._a1", NULL);
  assert_fails ("{\"a-b\": [0, {\"c\": [tru]}]}", AS_FORMAT_ERROR_SYNTAX, "$[\"a-b\"][1].c[0]", NULL);
  assert_fails ("{\"日本\": tru}", AS_FORMAT_ERROR_SYNTAX, "$[\"日本\"]", NULL);
}

static void
test_path_long_names (void)
{
  g_autofree char *name = repeat ("é", 300);
  g_autofree char *json = g_strdup_printf ("{\"%s\": tru}", name);
  g_autofree char *short_name = repeat ("é", 50);
  g_autofree char *expected = g_strdup_printf ("$[\"%s…\"]", short_name);
  g_autofree char *id = repeat ("x", 300);
  g_autofree char *json2 = g_strdup_printf ("{\"%s\": tru}", id);
  g_autofree char *short_id = repeat ("x", 100);
  g_autofree char *expected2 = g_strdup_printf ("$[\"%s…\"]", short_id);

  /* Long names are cut at a character boundary in paths. */
  assert_fails (json, AS_FORMAT_ERROR_SYNTAX, expected, NULL);
  assert_fails (json2, AS_FORMAT_ERROR_SYNTAX, expected2, NULL);
}

static void
test_path_success_untouched (void)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  g_assert_true (as_json_scan ("[1]", 3, NULL, &path, &error));
  g_assert_null (path);
  g_assert_no_error (error);
  /* No path or error wanted: still a plain answer. */
  g_assert_false (as_json_scan ("[1", 2, NULL, NULL, NULL));
  g_assert_true (as_json_scan ("[1]", 3, NULL, NULL, NULL));
}

/* The pull parser */

/* The tokens of a document as text, one letter or value per token:
 * { } [ ] for containers, name: for a member, "text" for a string, numbers
 * as json-glib reads them, t f n for literals, $ at the end, ! on an error. */
static char *
pull_tokens (const char *json)
{
  g_autoptr(AsJsonPull) pull = as_json_pull_new (json, strlen (json), NULL);
  GString *out = g_string_new (NULL);

  for (;;)
    {
      AsJsonToken token = as_json_pull_next (pull);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      switch (token)
        {
        case AS_JSON_ERROR: g_string_append_c (out, '!'); return g_string_free (out, FALSE);
        case AS_JSON_END: g_string_append_c (out, '$'); return g_string_free (out, FALSE);
        case AS_JSON_OBJECT_BEGIN: g_string_append_c (out, '{'); break;
        case AS_JSON_OBJECT_END: g_string_append_c (out, '}'); break;
        case AS_JSON_ARRAY_BEGIN: g_string_append_c (out, '['); break;
        case AS_JSON_ARRAY_END: g_string_append_c (out, ']'); break;
        case AS_JSON_MEMBER:
          g_string_append_printf (out, "%s:", as_json_pull_get_string (pull, NULL));
          break;
        case AS_JSON_STRING:
          {
            gsize length;
            const char *s = as_json_pull_get_string (pull, &length);
            g_autofree char *copy = as_json_pull_dup_string (pull, NULL);

            g_assert_cmpuint (length, ==, strlen (s));
            g_assert_cmpstr (copy, ==, s);
            g_assert_true (as_json_pull_string_equal (pull, s));
            g_string_append_printf (out, "\"%s\"", s);
          }
          break;
        case AS_JSON_INT:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, as_json_pull_get_int (pull));
          break;
        case AS_JSON_DOUBLE:
          g_string_append_printf (out, "%.17g", as_json_pull_get_double (pull));
          break;
        case AS_JSON_TRUE: g_string_append_c (out, 't'); break;
        case AS_JSON_FALSE: g_string_append_c (out, 'f'); break;
        case AS_JSON_NULL: g_string_append_c (out, 'n'); break;
        default: g_assert_not_reached ();
        }
    }
}

static void
test_pull_tokens (void)
{
  static const struct {
    const char *json;
    const char *tokens;
  } cases[] = {
    { "{}", "{ } $" },
    { " [ ] ", "[ ] $" },
    { "{\"a\": [1, -0, 2.5, 1e2, true, false, null, \"x\"], \"b\": {\"c\": {}}}",
      "{ a: [ 1 0 2.5 100 t f n \"x\" ] b: { c: { } } } $" },
    { "[-9223372036854775808, 9223372036854775807, -0.0, 1E-2]",
      "[ -9223372036854775808 9223372036854775807 -0 0.01 ] $" },
    { "[\"a\\u0062\\n\\\"\\\\\\/\\ud83d\\ude00\", \"\"]", "[ \"ab\n\"\\/😀\" \"\" ] $" },
    { "{\"n\\u0061me\": 1}", "{ name: 1 } $" },
    { "\"top\"", "\"top\" $" },
    { "[1, 2", "[ 1 2 !" },
    { "[1,]", "[ 1 !" },
    { "{\"a\": 1, \"a\": 2}", "{ a: 1 !" },
    { "[1] [2]", "[ 1 ] !" },
    { "", "!" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tokens = pull_tokens (cases[i].json);
      g_autofree char *shown = g_strescape (cases[i].json, NULL);

      /* Escaped: the test log must not carry the documents' raw bytes. */
      g_test_message ("%s", shown);
      g_assert_cmpstr (tokens, ==, cases[i].tokens);
    }
}

/* Pulling fails where scanning fails, with the same error and path. */
static void
test_pull_errors_as_scan (void)
{
  static const char * const documents[] = {
    "", "  ", "\xef\xbb\xbf{}", "{\"a\": [1, 2,]}", "{\"a\": {\"b\": [1, {\"c\": x}]}}",
    "{\"a\": 1, \"b\": 2, \"a\": 3}", "[\"\\ud800\"]", "[\"a\xff\"]", "[1e400]",
    "[18446744073709551616]", "{\"a\": 1} x", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]",
    "{\"k\" 1}", "{'a': 1}", "[NaN]", "[01]", "[\"\\u0000\"]", "{\"a\": \"\x01\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      const char *json = documents[i];
      g_autoptr(AsJsonPull) pull = as_json_pull_new (json, strlen (json), NULL);
      g_autoptr(GError) scan_error = NULL;
      g_autoptr(GError) pull_error = NULL;
      g_autofree char *scan_path = NULL;
      g_autofree char *pull_path = NULL;
      AsJsonToken token;
      g_autofree char *shown = g_strescape (json, NULL);

      g_test_message ("%s", shown);
      g_assert_false (as_json_scan (json, strlen (json), NULL, &scan_path, &scan_error));
      while ((token = as_json_pull_next (pull)) > AS_JSON_END)
        ;
      g_assert_cmpint (token, ==, AS_JSON_ERROR);
      /* And again, once it has failed. */
      g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_ERROR);
      as_json_pull_take_error (pull, &pull_path, &pull_error);
      g_assert_error (pull_error, AS_FORMAT_ERROR, scan_error->code);
      g_assert_cmpstr (pull_error->message, ==, scan_error->message);
      g_assert_cmpstr (pull_path, ==, scan_path);
    }
}

static void
test_pull_skip (void)
{
  static const char json[] = "{\"skip\": {\"a\": [1, {\"b\": []}], \"c\": \"d\"}, \"keep\": [true], \"s\": 1}";
  g_autoptr(AsJsonPull) pull = as_json_pull_new (json, strlen (json), NULL);
  static const char broken[] = "{\"skip\": {\"a\": [1, {\"b\": ]}]}}";
  g_autoptr(AsJsonPull) pull2 = as_json_pull_new (broken, strlen (broken), NULL);

  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_OBJECT_BEGIN);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_MEMBER);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_OBJECT_BEGIN);
  g_assert_cmpuint (as_json_pull_get_depth (pull), ==, 2);
  g_assert_true (as_json_pull_skip (pull));
  g_assert_cmpuint (as_json_pull_get_depth (pull), ==, 1);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_MEMBER);
  g_assert_true (as_json_pull_string_equal (pull, "keep"));
  g_assert_false (as_json_pull_string_equal (pull, "kee"));
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_ARRAY_BEGIN);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_TRUE);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_ARRAY_END);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_MEMBER);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_INT);
  /* Skipping a number skips nothing. */
  g_assert_true (as_json_pull_skip (pull));
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_OBJECT_END);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_END);
  g_assert_cmpint (as_json_pull_next (pull), ==, AS_JSON_END);

  /* What is skipped is checked all the same. */
  g_assert_cmpint (as_json_pull_next (pull2), ==, AS_JSON_OBJECT_BEGIN);
  g_assert_cmpint (as_json_pull_next (pull2), ==, AS_JSON_MEMBER);
  g_assert_cmpint (as_json_pull_next (pull2), ==, AS_JSON_OBJECT_BEGIN);
  g_assert_false (as_json_pull_skip (pull2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/valid/values", test_valid_values);
  g_test_add_func ("/json-scan/valid/escapes", test_valid_escapes);
  g_test_add_func ("/json-scan/valid/numbers", test_valid_numbers);
  g_test_add_func ("/json-scan/valid/utf8", test_valid_utf8);
  g_test_add_func ("/json-scan/valid/deep", test_valid_deep);
  g_test_add_func ("/json-scan/valid/large-object", test_valid_large_object);
  g_test_add_func ("/json-scan/empty", test_empty);
  g_test_add_func ("/json-scan/trailing-data", test_trailing_data);
  g_test_add_func ("/json-scan/syntax/position", test_syntax_position);
  g_test_add_func ("/json-scan/syntax/comments", test_syntax_comments);
  g_test_add_func ("/json-scan/syntax/trailing-comma", test_syntax_trailing_comma);
  g_test_add_func ("/json-scan/syntax/nan", test_syntax_nan);
  g_test_add_func ("/json-scan/syntax/numbers", test_syntax_numbers);
  g_test_add_func ("/json-scan/syntax/tokens", test_syntax_tokens);
  g_test_add_func ("/json-scan/strings/control-characters", test_control_characters);
  g_test_add_func ("/json-scan/strings/escapes-invalid", test_escapes_invalid);
  g_test_add_func ("/json-scan/strings/lone-surrogates", test_escapes_surrogates);
  g_test_add_func ("/json-scan/strings/nul-escape", test_escapes_nul);
  g_test_add_func ("/json-scan/utf8/invalid", test_utf8_invalid);
  g_test_add_func ("/json-scan/utf8/bom", test_utf8_bom);
  g_test_add_func ("/json-scan/limits/depth", test_depth_limit);
  g_test_add_func ("/json-scan/limits/depth-custom", test_depth_limit_custom);
  g_test_add_func ("/json-scan/limits/depth-100000-arrays", test_depth_100000_arrays);
  g_test_add_func ("/json-scan/limits/depth-100000-objects", test_depth_100000_objects);
  g_test_add_func ("/json-scan/limits/string", test_string_limit);
  g_test_add_func ("/json-scan/limits/string-up-to", test_string_limit_accepts_up_to);
  g_test_add_func ("/json-scan/limits/string-stops-early", test_string_limit_stops_early);
  g_test_add_func ("/json-scan/limits/members", test_members_limit);
  g_test_add_func ("/json-scan/limits/members-default", test_members_limit_default);
  g_test_add_func ("/json-scan/limits/elements", test_elements_limit);
  g_test_add_func ("/json-scan/duplicates/plain", test_duplicate_keys);
  g_test_add_func ("/json-scan/duplicates/escaped", test_duplicate_keys_escaped);
  g_test_add_func ("/json-scan/duplicates/large-object", test_duplicate_keys_large_object);
  g_test_add_func ("/json-scan/duplicates/reused-buffers", test_duplicate_keys_reused_frames);
  g_test_add_func ("/json-scan/numbers/integer-range", test_integer_range);
  g_test_add_func ("/json-scan/numbers/float-range", test_float_range);
  g_test_add_func ("/json-scan/paths/names", test_path_names);
  g_test_add_func ("/json-scan/paths/long-names", test_path_long_names);
  g_test_add_func ("/json-scan/paths/success", test_path_success_untouched);

  g_test_add_func ("/json-scan/pull/tokens", test_pull_tokens);
  g_test_add_func ("/json-scan/pull/errors-as-scan", test_pull_errors_as_scan);
  g_test_add_func ("/json-scan/pull/skip", test_pull_skip);

  return g_test_run ();
}
