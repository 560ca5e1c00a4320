/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "as-format.h"
#include "as-test-util.h"

/*
 * Hostile and broken files through as_format_read: each must be refused
 * with the right error code and the JSON path of the problem, without a
 * crash, a warning or a leak. The documents are built here from one valid
 * set, changed a little for each case, rather than kept as many files.
 */

#define ID_SET      "00000000-0000-4000-8000-000000000000"
#define ID_ANA      "00000000-0000-4000-8000-000000000001"
#define ID_BEN      "00000000-0000-4000-8000-000000000002"
#define ID_MEETING  "00000000-0000-4000-8000-000000000010"
#define ID_ROUND    "00000000-0000-4000-8000-000000000011"
#define ID_STEP     "00000000-0000-4000-8000-000000000012"
#define ID_ACTION   "00000000-0000-4000-8000-000000000020"
#define ID_NOBODY   "00000000-0000-4000-8000-0000000000ff"

static const char base_set[] =
  "{\n"
  "  \"format\": \"org.example.ActionSet\",\n"
  "  \"format_version\": {\"major\": 1, \"minor\": 0},\n"
  "  \"id\": \"" ID_SET "\",\n"
  "  \"name\": \"North set\",\n"
  "  \"warning_seconds\": 120,\n"
  "  \"members\": [\n"
  "    {\"id\": \"" ID_ANA "\", \"name\": \"Ana\", \"colour\": \"#3584e4\"},\n"
  "    {\"id\": \"" ID_BEN "\", \"name\": \"Ben\"}\n"
  "  ],\n"
  "  \"meetings\": [\n"
  "    {\"id\": \"" ID_MEETING "\", \"start\": \"2026-11-21T14:00:00+01:00\",\n"
  "     \"attendees\": [\"" ID_ANA "\", \"" ID_BEN "\"],\n"
  "     \"rounds\": [\n"
  "       {\"id\": \"" ID_ROUND "\", \"presenter\": \"" ID_ANA "\", \"planned_minutes\": 45,\n"
  "        \"steps\": [{\"id\": \"" ID_STEP "\", \"kind\": \"present\", \"budget_minutes\": 10}]}\n"
  "     ]}\n"
  "  ],\n"
  "  \"actions\": [\n"
  "    {\"id\": \"" ID_ACTION "\", \"owner\": \"" ID_BEN "\", \"text\": \"Call the sponsor\",\n"
  "     \"meeting\": \"" ID_MEETING "\", \"due\": \"2026-12-19\", \"status\": \"todo\"}\n"
  "  ]\n"
  "}\n";

/* Fixture builders */

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

/* The object at a path of member names and indexes separated by dots,
 * "meetings.0.rounds.0"; "" is the root. */
static JsonObject *
object_at (JsonNode   *root,
           const char *where)
{
  g_auto(GStrv) parts = g_strsplit (where, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && *parts[i] != '\0'; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }
  return json_node_get_object (node);
}

/* The base set with one member of one object set to a value given as JSON
 * text (or removed when json is NULL), serialized again. */
static char *
base_with (const char *where,
           const char *name,
           const char *json)
{
  g_autoptr(JsonNode) root = parse (base_set);
  JsonObject *object = object_at (root, where);

  if (json == NULL)
    json_object_remove_member (object, name);
  else
    json_object_set_member (object, name, parse (json));
  return json_to_string (root, TRUE);
}

/* The text with the one occurrence of from replaced by to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* Assertions */

static void
assert_bytes_refused (GBytes        *bytes,
                      AsFormatError  code,
                      const char    *path,
                      const char    *in_message)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(AsSet) set = NULL;
  g_autoptr(AsSet) set2 = NULL;
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  AsProblem *first;

  set = as_format_read (bytes, problems, &error);
  g_assert_null (set);
  g_assert_error (error, AS_FORMAT_ERROR, (gint) code);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected the path %s in “%s”", path, error->message);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("expected “%s” in “%s”", in_message, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  g_assert_cmpuint (problems->len, >=, 1);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpint (first->code, ==, code);
  g_assert_cmpstr (first->path, ==, path);
  for (guint i = 0; i < problems->len; i++)
    {
      AsProblem *problem = g_ptr_array_index (problems, i);

      g_assert_nonnull (problem->path);
      g_assert_true (g_str_has_prefix (problem->path, "$"));
      g_assert_nonnull (problem->message);
    }

  /* Without a problem list, the same first error. */
  set2 = as_format_read (bytes, NULL, &error2);
  g_assert_null (set2);
  g_assert_error (error2, AS_FORMAT_ERROR, (gint) code);
  g_assert_true (g_str_has_prefix (error2->message, prefix));
}

static void
assert_len_refused (const char    *text,
                    gsize          length,
                    AsFormatError  code,
                    const char    *path,
                    const char    *in_message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  assert_bytes_refused (bytes, code, path, in_message);
}

static void
assert_refused (const char    *text,
                AsFormatError  code,
                const char    *path,
                const char    *in_message)
{
  assert_len_refused (text, strlen (text), code, path, in_message);
}

/* Tests */

static void
test_hostile_value_in_message (void)
{
  g_autoptr(GString) value = g_string_new ("\"\\u001b[2J");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSet) set = NULL;

  /* A colour of 100,000 characters starting with a terminal escape: the
   * message quotes a short, escaped excerpt of it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (value, 'x');
  g_string_append_c (value, '"');
  text = base_with ("members.0", "colour", value->str);
  bytes = g_bytes_new (text, strlen (text));
  set = as_format_read (bytes, NULL, &error);
  g_assert_null (set);
  g_assert_error (error, AS_FORMAT_ERROR, AS_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "$.members[0].colour: "));
  g_assert_null (strchr (error->message, '\x1b'));
  g_assert_nonnull (strstr (error->message, "\\u001b[2J"));
  g_assert_nonnull (strstr (error->message, "…"));
  g_assert_cmpuint (strlen (error->message), <, 200);
}

static void
test_base_is_valid (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (base_set, strlen (base_set));
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  g_autoptr(GError) error = NULL;
  AsSet *set;

  /* Every refusal below is of a change to this valid set. */
  set = as_format_read (bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (as_set_get_members (set))), ==, 2);
  g_assert_finalize_object (set);
}

static void
test_empty_file (void)
{
  assert_refused ("", AS_FORMAT_ERROR_EMPTY, "$", NULL);
}

static void
test_whitespace_only (void)
{
  assert_refused ("  \n\t\r\n  \n", AS_FORMAT_ERROR_EMPTY, "$", NULL);
}

static void
test_several_values (void)
{
  assert_refused ("{\"a\":1}{\"b\":2}", AS_FORMAT_ERROR_SYNTAX, "$",
                  "line 1, column 8: unexpected data after the end of the document");

  {
    g_autofree char *two = g_strconcat (base_set, base_set, NULL);

    assert_refused (two, AS_FORMAT_ERROR_SYNTAX, "$", "unexpected data after the end");
  }
}

static void
test_syntax_error (void)
{
  g_autofree char *text = replace_once (base_set, "\"Ben\"}", "\"Ben\",}");

  assert_refused (text, AS_FORMAT_ERROR_SYNTAX, "$.members[1]", "line 9, column 66");
}

static void
test_duplicate_keys (void)
{
  g_autofree char *text = replace_once (base_set, "\"name\": \"Ben\"", "\"name\": \"Ben\", \"name\": \"Eve\"");
  g_autofree char *escaped = replace_once (base_set, "\"name\": \"Ben\"", "\"name\": \"Ben\", \"n\\u0061me\": \"Eve\"");

  assert_refused (text, AS_FORMAT_ERROR_DUPLICATE_KEY, "$.members[1].name", "duplicate member name");
  assert_refused (escaped, AS_FORMAT_ERROR_DUPLICATE_KEY, "$.members[1].name", NULL);
}

static void
test_name_is_a_number (void)
{
  g_autofree char *text = base_with ("members.0", "name", "42");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.members[0].name", "expected a string, found a number");
}

static void
test_members_is_an_object (void)
{
  g_autofree char *text = base_with ("", "members", "{\"id\": \"" ID_ANA "\", \"name\": \"Ana\"}");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.members", "expected an array, found an object");
}

static void
test_member_is_not_an_object (void)
{
  g_autofree char *text = base_with ("", "members", "[\"Ana\"]");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.members[0]", "expected an object, found a string");
}

static void
test_start_is_not_a_date (void)
{
  g_autofree char *text = base_with ("meetings.0", "start", "\"next Tuesday\"");
  g_autofree char *no_offset = base_with ("meetings.0", "start", "\"2026-11-21T14:00:00\"");
  g_autofree char *number = base_with ("meetings.0", "start", "20261121");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.meetings[0].start", "not a date and time");
  assert_refused (no_offset, AS_FORMAT_ERROR_INVALID, "$.meetings[0].start", NULL);
  assert_refused (number, AS_FORMAT_ERROR_INVALID, "$.meetings[0].start", "expected a string");
}

static void
test_due_is_not_a_date (void)
{
  g_autofree char *text = base_with ("actions.0", "due", "\"2026-02-30\"");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.actions[0].due", "not a date");
}

static void
test_member_without_name (void)
{
  g_autofree char *text = base_with ("members.1", "name", NULL);
  g_autofree char *no_owner = base_with ("actions.0", "owner", "null");
  g_autofree char *empty = base_with ("members.1", "name", "\"\"");
  g_autoptr(GBytes) empty_bytes = NULL;
  g_autoptr(AsSet) set = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.members[1]", "“name” is missing");
  /* A required reference may not be null; a required text may be empty,
   * as a member not named yet is saved and must read back. */
  assert_refused (no_owner, AS_FORMAT_ERROR_INVALID, "$.actions[0].owner", "must not be empty");
  empty_bytes = g_bytes_new (empty, strlen (empty));
  set = as_format_read (empty_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
}

static void
test_member_without_id (void)
{
  g_autofree char *text = base_with ("members.1", "id", NULL);
  g_autofree char *not_uuid = base_with ("members.1", "id", "\"ben\"");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.members[1]", "“id”");
  assert_refused (not_uuid, AS_FORMAT_ERROR_INVALID, "$.members[1].id", NULL);
}

static void
test_set_without_format (void)
{
  g_autofree char *text = base_with ("", "format", NULL);
  g_autofree char *no_version = base_with ("", "format_version", NULL);

  assert_refused (text, AS_FORMAT_ERROR_NOT_A_SET, "$.format", "not an Action Set file");
  assert_refused (no_version, AS_FORMAT_ERROR_NOT_A_SET, "$", "format_version");
}

static void
test_dangling_action_owner (void)
{
  g_autofree char *text = base_with ("actions.0", "owner", "\"" ID_NOBODY "\"");

  assert_refused (text, AS_FORMAT_ERROR_DANGLING, "$.actions[0].owner", ID_NOBODY);
}

static void
test_dangling_presenter (void)
{
  g_autofree char *text = base_with ("meetings.0.rounds.0", "presenter", "\"" ID_NOBODY "\"");
  /* An id that exists, but of a meeting, not a member. */
  g_autofree char *wrong_kind = base_with ("meetings.0.rounds.0", "presenter", "\"" ID_MEETING "\"");

  assert_refused (text, AS_FORMAT_ERROR_DANGLING, "$.meetings[0].rounds[0].presenter", NULL);
  assert_refused (wrong_kind, AS_FORMAT_ERROR_DANGLING, "$.meetings[0].rounds[0].presenter", NULL);
}

static void
test_dangling_attendee (void)
{
  g_autofree char *text = base_with ("meetings.0", "attendees", "[\"" ID_ANA "\", \"" ID_NOBODY "\"]");

  assert_refused (text, AS_FORMAT_ERROR_DANGLING, "$.meetings[0].attendees[1]", NULL);
}

static void
test_negative_minutes (void)
{
  g_autofree char *text = base_with ("meetings.0.rounds.0", "planned_minutes", "-5");
  g_autofree char *step = base_with ("meetings.0.rounds.0.steps.0", "budget_minutes", "-1");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.meetings[0].rounds[0].planned_minutes", "out of range");
  assert_refused (step, AS_FORMAT_ERROR_INVALID, "$.meetings[0].rounds[0].steps[0].budget_minutes", NULL);
}

static void
test_warning_seconds_too_large (void)
{
  g_autofree char *text = base_with ("", "warning_seconds", "1000000000");
  g_autofree char *fraction = base_with ("", "warning_seconds", "12.5");
  g_autofree char *string = base_with ("", "warning_seconds", "\"120\"");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.warning_seconds", "out of range");
  assert_refused (fraction, AS_FORMAT_ERROR_INVALID, "$.warning_seconds", "whole number");
  assert_refused (string, AS_FORMAT_ERROR_INVALID, "$.warning_seconds", NULL);
}

static void
test_integer_past_64_bits (void)
{
  g_autofree char *text = replace_once (base_set, "\"warning_seconds\": 120",
                                        "\"warning_seconds\": 18446744073709551617");
  g_autofree char *in_range = replace_once (base_set, "\"warning_seconds\": 120",
                                            "\"warning_seconds\": -9223372036854775808");
  g_autofree char *huge_float = replace_once (base_set, "\"warning_seconds\": 120",
                                              "\"warning_seconds\": 1e400");

  assert_refused (text, AS_FORMAT_ERROR_TOO_LARGE, "$.warning_seconds", "number out of range");
  /* In 64 bits, but not in the field's range. */
  assert_refused (in_range, AS_FORMAT_ERROR_INVALID, "$.warning_seconds", "out of range");
  assert_refused (huge_float, AS_FORMAT_ERROR_TOO_LARGE, "$.warning_seconds", NULL);
}

static void
test_invalid_utf8_in_string (void)
{
  g_autofree char *text = replace_once (base_set, "\"Ben\"", "\"B\xe9n\"");
  g_autofree char *overlong = replace_once (base_set, "\"Ben\"", "\"B\xc0\xafn\"");

  assert_refused (text, AS_FORMAT_ERROR_ENCODING, "$.members[1].name", "invalid UTF-8");
  assert_refused (overlong, AS_FORMAT_ERROR_ENCODING, "$.members[1].name", NULL);
}

static void
test_invalid_utf8_in_key (void)
{
  g_autofree char *text = replace_once (base_set, "\"name\": \"Ben\"", "\"n\xff\": \"Ben\"");

  assert_refused (text, AS_FORMAT_ERROR_ENCODING, "$.members[1]", "invalid UTF-8");
}

static void
test_lone_surrogate (void)
{
  g_autofree char *text = replace_once (base_set, "\"Ben\"", "\"B\\ud800n\"");
  g_autofree char *nul = replace_once (base_set, "\"Ben\"", "\"B\\u0000n\"");

  assert_refused (text, AS_FORMAT_ERROR_ENCODING, "$.members[1].name", NULL);
  assert_refused (nul, AS_FORMAT_ERROR_ENCODING, "$.members[1].name", NULL);
}

static void
test_bom (void)
{
  g_autofree char *text = g_strconcat ("\xef\xbb\xbf", base_set, NULL);

  assert_refused (text, AS_FORMAT_ERROR_ENCODING, "$", "byte order mark");
}

static void
test_nesting_100000_deep (void)
{
  GString *text = g_string_new ("{\"format\": \"org.example.ActionSet\", \"x\": ");
  g_autofree char *json = NULL;
  GString *path = g_string_new ("$.x");
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}");
  json = g_string_free (text, FALSE);

  /* The root is the first level, "x" the second, then 62 more arrays. */
  for (guint i = 0; i < AS_MAX_DEPTH - 1; i++)
    g_string_append (path, "[0]");
  expected = g_string_free (path, FALSE);

  assert_refused (json, AS_FORMAT_ERROR_TOO_DEEP, expected, "nested deeper than 64 levels");
}

static void
unmap (gpointer data)
{
  munmap (data, AS_MAX_FILE_SIZE + 1);
}

static void
test_too_large (void)
{
  g_autoptr(GBytes) bytes = NULL;
  void *data;

  /* Anonymous pages that are never touched cost no memory: the size is
   * checked before a byte is read. */
  data = mmap (NULL, AS_MAX_FILE_SIZE + 1, PROT_READ,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  g_assert_true (data != MAP_FAILED);
  bytes = g_bytes_new_with_free_func (data, AS_MAX_FILE_SIZE + 1, unmap, data);

  assert_bytes_refused (bytes, AS_FORMAT_ERROR_TOO_LARGE, "$", "128 MB");
}

static void
test_newer_major_version (void)
{
  g_autofree char *text = base_with ("", "format_version", "{\"major\": 2, \"minor\": 3}");
  g_autofree char *newer_minor = base_with ("", "format_version", "{\"major\": 1, \"minor\": 7}");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSet) set = NULL;

  assert_refused (text, AS_FORMAT_ERROR_NEWER_VERSION, "$.format_version", "2.3");
  assert_refused (text, AS_FORMAT_ERROR_NEWER_VERSION, "$.format_version", "1.0");

  /* A newer minor version is read. */
  bytes = g_bytes_new (newer_minor, strlen (newer_minor));
  set = as_format_read (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
}

static void
test_bad_version (void)
{
  g_autofree char *string = base_with ("", "format_version", "\"1.0\"");
  g_autofree char *negative = base_with ("", "format_version", "{\"major\": -1, \"minor\": 0}");
  g_autofree char *huge = base_with ("", "format_version", "{\"major\": 9223372036854775807, \"minor\": 0}");
  g_autofree char *fraction = base_with ("", "format_version", "{\"major\": 1.5, \"minor\": 0}");

  assert_refused (string, AS_FORMAT_ERROR_INVALID, "$.format_version", NULL);
  assert_refused (negative, AS_FORMAT_ERROR_INVALID, "$.format_version.major", NULL);
  assert_refused (huge, AS_FORMAT_ERROR_INVALID, "$.format_version.major", NULL);
  assert_refused (fraction, AS_FORMAT_ERROR_INVALID, "$.format_version.major", NULL);
}

static void
test_array_root (void)
{
  assert_refused ("[1, 2, 3]", AS_FORMAT_ERROR_NOT_A_SET, "$", "found an array");
  assert_refused ("\"org.example.ActionSet\"", AS_FORMAT_ERROR_NOT_A_SET, "$", NULL);
  assert_refused ("null", AS_FORMAT_ERROR_NOT_A_SET, "$", NULL);
}

static void
test_wrong_format_id (void)
{
  g_autofree char *text = base_with ("", "format", "\"org.example.OtherApp\"");
  g_autofree char *number = base_with ("", "format", "1");

  assert_refused (text, AS_FORMAT_ERROR_NOT_A_SET, "$.format", "org.example.ActionSet");
  assert_refused (number, AS_FORMAT_ERROR_NOT_A_SET, "$.format", NULL);
}

static void
test_duplicate_ids (void)
{
  g_autofree char *text = replace_once (base_set, "\"id\": \"" ID_BEN "\"", "\"id\": \"" ID_ANA "\"");
  /* Across kinds: an action with the id of a meeting. */
  g_autofree char *across = replace_once (base_set, "\"id\": \"" ID_ACTION "\"", "\"id\": \"" ID_MEETING "\"");

  assert_refused (text, AS_FORMAT_ERROR_DUPLICATE_ID, "$.members[1].id", "$.members[0]");
  assert_refused (across, AS_FORMAT_ERROR_DUPLICATE_ID, "$.actions[0].id", "$.meetings[0]");
}

static void
test_string_over_limit (void)
{
  g_autofree char *long_text = g_strnfill (AS_MAX_STRING + 1, 'x');
  g_autofree char *challenge = g_strdup_printf ("\"%s\"", long_text);
  g_autofree char *text = base_with ("members.0", "challenge", challenge);
  g_autofree char *long_line = g_strnfill (AS_MAX_LINE + 1, 'x');
  g_autofree char *name = g_strdup_printf ("\"%s\"", long_line);
  g_autofree char *line = base_with ("members.0", "name", name);

  assert_refused (text, AS_FORMAT_ERROR_TOO_LARGE, "$.members[0].challenge", "string longer than");
  /* One-line fields have a shorter limit of their own. */
  assert_refused (line, AS_FORMAT_ERROR_INVALID, "$.members[0].name", "longer than 4096 bytes");
}

static void
test_line_break_in_name (void)
{
  g_autofree char *text = base_with ("members.0", "name", "\"Ana\\nBen\"");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.members[0].name", NULL);
}

static void
test_too_many_members (void)
{
  GString *members = g_string_new ("[");
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  /* More than a set's 64 members, each valid. */
  for (guint i = 0; i < 65; i++)
    g_string_append_printf (members, "%s{\"id\": \"00000000-0000-4000-8000-1000000000%02x\", \"name\": \"M%u\"}",
                            i > 0 ? "," : "", i, i);
  g_string_append (members, "]");
  json = g_string_free (members, FALSE);
  text = base_with ("", "members", json);

  assert_refused (text, AS_FORMAT_ERROR_TOO_LARGE, "$.members", "more than the 64 allowed");
}

static void
test_bad_enum (void)
{
  g_autofree char *text = base_with ("actions.0", "status", "\"finished\"");

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.actions[0].status", "“todo”");
}

static void
test_several_problems (void)
{
  g_autoptr(JsonNode) root = parse (base_set);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSet) set = NULL;

  json_object_set_int_member (object_at (root, "members.0"), "name", 1);
  json_object_set_int_member (object_at (root, "members.1"), "name", 2);
  json_object_set_int_member (object_at (root, ""), "warning_seconds", -1);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new (text, strlen (text));

  set = as_format_read (bytes, problems, &error);
  g_assert_null (set);
  g_assert_error (error, AS_FORMAT_ERROR, AS_FORMAT_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (strstr (error->message, "(and 2 more problems)"));
}

static void
test_old_format_with_wrong_types (void)
{
  /* Format 0 is migrated in memory before it is read: hostile values in the
   * members that migration looks at must not trip it up. */
  g_autoptr(JsonNode) root = parse (base_set);
  JsonObject *meeting = object_at (root, "meetings.0");
  g_autofree char *text = NULL;

  json_object_set_object_member (object_at (root, ""), "format_version", json_object_new ());
  json_object_set_int_member (object_at (root, "format_version"), "major", 0);
  json_object_set_int_member (object_at (root, "format_version"), "minor", 0);
  json_object_remove_member (meeting, "start");
  json_object_set_array_member (meeting, "date", json_array_new ());
  json_object_set_object_member (meeting, "time", json_object_new ());
  json_object_set_int_member (object_at (root, "actions.0"), "done", 1);
  json_object_remove_member (object_at (root, "actions.0"), "status");
  text = json_to_string (root, FALSE);

  assert_refused (text, AS_FORMAT_ERROR_INVALID, "$.meetings[0]", "“start” is missing");
}

static void
test_fixture_files (void)
{
  static const struct {
    const char    *name;
    AsFormatError  code;
    const char    *path;
  } cases[] = {
    { "comments.json", AS_FORMAT_ERROR_SYNTAX, "$.members" },
    { "utf16.json", AS_FORMAT_ERROR_ENCODING, "$" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", cases[i].name, NULL);
      g_autoptr(GBytes) bytes = as_test_read_bytes (path);

      g_test_message ("%s", cases[i].name);
      assert_bytes_refused (bytes, cases[i].code, cases[i].path, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-hostile/base-is-valid", test_base_is_valid);
  g_test_add_func ("/format-hostile/hostile-value-in-message", test_hostile_value_in_message);
  g_test_add_func ("/format-hostile/empty-file", test_empty_file);
  g_test_add_func ("/format-hostile/whitespace-only", test_whitespace_only);
  g_test_add_func ("/format-hostile/several-values", test_several_values);
  g_test_add_func ("/format-hostile/syntax-error", test_syntax_error);
  g_test_add_func ("/format-hostile/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/format-hostile/wrong-type/name-is-a-number", test_name_is_a_number);
  g_test_add_func ("/format-hostile/wrong-type/members-is-an-object", test_members_is_an_object);
  g_test_add_func ("/format-hostile/wrong-type/member-is-not-an-object", test_member_is_not_an_object);
  g_test_add_func ("/format-hostile/wrong-type/start-is-not-a-date", test_start_is_not_a_date);
  g_test_add_func ("/format-hostile/wrong-type/due-is-not-a-date", test_due_is_not_a_date);
  g_test_add_func ("/format-hostile/wrong-type/bad-enum", test_bad_enum);
  g_test_add_func ("/format-hostile/wrong-type/line-break-in-name", test_line_break_in_name);
  g_test_add_func ("/format-hostile/missing/member-name", test_member_without_name);
  g_test_add_func ("/format-hostile/missing/member-id", test_member_without_id);
  g_test_add_func ("/format-hostile/missing/set-format", test_set_without_format);
  g_test_add_func ("/format-hostile/dangling/action-owner", test_dangling_action_owner);
  g_test_add_func ("/format-hostile/dangling/round-presenter", test_dangling_presenter);
  g_test_add_func ("/format-hostile/dangling/attendee", test_dangling_attendee);
  g_test_add_func ("/format-hostile/range/negative-minutes", test_negative_minutes);
  g_test_add_func ("/format-hostile/range/warning-seconds", test_warning_seconds_too_large);
  g_test_add_func ("/format-hostile/range/integer-past-64-bits", test_integer_past_64_bits);
  g_test_add_func ("/format-hostile/encoding/invalid-utf8-in-string", test_invalid_utf8_in_string);
  g_test_add_func ("/format-hostile/encoding/invalid-utf8-in-key", test_invalid_utf8_in_key);
  g_test_add_func ("/format-hostile/encoding/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/format-hostile/encoding/bom", test_bom);
  g_test_add_func ("/format-hostile/limits/nesting-100000-deep", test_nesting_100000_deep);
  g_test_add_func ("/format-hostile/limits/too-large", test_too_large);
  g_test_add_func ("/format-hostile/limits/string-over-limit", test_string_over_limit);
  g_test_add_func ("/format-hostile/limits/too-many-members", test_too_many_members);
  g_test_add_func ("/format-hostile/version/newer-major", test_newer_major_version);
  g_test_add_func ("/format-hostile/version/malformed", test_bad_version);
  g_test_add_func ("/format-hostile/version/old-format-wrong-types", test_old_format_with_wrong_types);
  g_test_add_func ("/format-hostile/not-a-set/array-root", test_array_root);
  g_test_add_func ("/format-hostile/not-a-set/wrong-format-id", test_wrong_format_id);
  g_test_add_func ("/format-hostile/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/format-hostile/several-problems", test_several_problems);
  g_test_add_func ("/format-hostile/fixture-files", test_fixture_files);

  return g_test_run ();
}
