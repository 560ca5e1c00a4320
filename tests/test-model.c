/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "as-model.h"
#include "as-test-util.h"

#define A_UUID "6f1c2d9e-3b4a-4c5d-8e7f-0a1b2c3d4e5f"
#define B_UUID "0b0c7f5e-8a39-4d0c-9b5e-3f0a3f9e2d11"
#define DEFAULT_COLOR "#3584e4"

static GType (*const entity_types[]) (void) = {
  as_set_get_type,
  as_member_get_type,
  as_meeting_get_type,
  as_round_get_type,
  as_step_get_type,
  as_timer_event_get_type,
  as_turn_get_type,
  as_question_get_type,
  as_reflection_get_type,
  as_action_get_type,
  as_status_change_get_type,
};

/* Notifications received by one object, by property name. */
typedef struct
{
  GHashTable *counts;  /* name → count */
  guint       total;
} Notifies;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  Notifies *n = data;
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_replace (n->counts, (gpointer) name,
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n->counts, name)) + 1));
  n->total++;
}

static void
notifies_watch (Notifies *n,
                gpointer  object)
{
  n->counts = g_hash_table_new (g_str_hash, g_str_equal);
  n->total = 0;
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), n);
}

static void
notifies_clear (Notifies *n)
{
  g_clear_pointer (&n->counts, g_hash_table_unref);
}

static guint
notifies_of (Notifies   *n,
             const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (n->counts, name));
}

/* Runs a setter and checks that it notified `expected` times, all of them
 * for the property `prop`. */
#define ASSERT_NOTIFIES(n, prop, expected, setter)                     \
  G_STMT_START {                                                       \
    guint total_before = (n)->total;                                   \
    guint prop_before = notifies_of ((n), (prop));                     \
    setter;                                                            \
    g_assert_cmpuint (notifies_of ((n), (prop)) - prop_before, ==, (expected)); \
    g_assert_cmpuint ((n)->total - total_before, ==, (expected));      \
  } G_STMT_END

static GDateTime *
make_time (int hour,
           int offset_seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset_seconds);

  return g_date_time_new (tz, 2026, 3, 4, hour, 15, 30.25);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (g_date_time_equal (a, b));
  g_assert_cmpint (g_date_time_get_utc_offset (a), ==, g_date_time_get_utc_offset (b));
}

/* Generic checks, driven by the field tables */

static const char *
type_test_name (GType type)
{
  /* "AsTimerEvent" → "timer_event", the kind. */
  g_autoptr(AsEntity) entity = g_object_new (type, NULL);

  return as_entity_get_kind (entity);
}

/* A value of the field's property type that is not its default. */
static void
make_other_value (const AsField *f,
                  GValue        *value)
{
  switch (f->type)
    {
    case AS_FIELD_STRING:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, "R&D <b>team</b>");
      break;
    case AS_FIELD_TEXT:
      g_value_set_string (g_value_init (value, G_TYPE_STRING), "Line <i>one</i> & \"two\"\nLine two");
      break;
    case AS_FIELD_COLOR:
      g_value_set_string (g_value_init (value, G_TYPE_STRING), "#a1b2c3");
      break;
    case AS_FIELD_DATE:
      g_value_set_string (g_value_init (value, G_TYPE_STRING), "2026-03-04");
      break;
    case AS_FIELD_REF:
      g_value_set_string (g_value_init (value, G_TYPE_STRING), A_UUID);
      break;
    case AS_FIELD_INT:
      g_value_set_int (g_value_init (value, G_TYPE_INT),
                       f->default_int != f->max ? f->max : f->min);
      break;
    case AS_FIELD_BOOLEAN:
      g_value_set_boolean (g_value_init (value, G_TYPE_BOOLEAN), !f->default_int);
      break;
    case AS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
        gint last = klass->values[klass->n_values - 1].value;

        g_value_init (value, f->enum_type ());
        g_value_set_enum (value, last != f->default_int ? last : klass->values[0].value);
      }
      break;
    case AS_FIELD_DATETIME:
      g_value_init (value, G_TYPE_DATE_TIME);
      g_value_take_boxed (value, make_time (14, 3600));
      break;
    case AS_FIELD_REF_LIST:
      {
        const char *ids[] = { A_UUID, B_UUID, NULL };

        g_value_init (value, G_TYPE_STRV);
        g_value_set_boxed (value, ids);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
assert_values_equal (const AsField *f,
                     const GValue  *a,
                     const GValue  *b)
{
  g_assert_true (G_VALUE_TYPE (a) == G_VALUE_TYPE (b));
  switch (f->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      g_assert_cmpstr (g_value_get_string (a), ==, g_value_get_string (b));
      break;
    case AS_FIELD_INT:
      g_assert_cmpint (g_value_get_int (a), ==, g_value_get_int (b));
      break;
    case AS_FIELD_BOOLEAN:
      g_assert_cmpint (g_value_get_boolean (a), ==, g_value_get_boolean (b));
      break;
    case AS_FIELD_ENUM:
      g_assert_cmpint (g_value_get_enum (a), ==, g_value_get_enum (b));
      break;
    case AS_FIELD_DATETIME:
      if (g_value_get_boxed (a) == NULL || g_value_get_boxed (b) == NULL)
        g_assert_true (g_value_get_boxed (a) == g_value_get_boxed (b));
      else
        assert_same_time (g_value_get_boxed (a), g_value_get_boxed (b));
      break;
    case AS_FIELD_REF_LIST:
      g_assert_cmpstrv (g_value_get_boxed (a), g_value_get_boxed (b));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_field_table (gconstpointer data)
{
  GType (*get_type) (void) = data;
  g_autoptr(AsEntity) entity = g_object_new (get_type (), NULL);
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  const AsField *fields;
  const AsChildList *lists;
  guint n_fields;
  guint n_lists;

  fields = as_entity_class_get_fields (klass, &n_fields);
  lists = as_entity_class_get_lists (klass, &n_lists);
  g_assert_cmpuint (n_fields, >, 0);

  for (guint i = 0; i < n_fields; i++)
    {
      const AsField *f = &fields[i];
      g_autofree char *json = g_strdelimit (g_strdup (f->name), "-", '_');
      GParamSpec *pspec = as_entity_field_pspec (entity, f);

      /* The JSON name is the property name with underscores. */
      g_assert_cmpstr (f->json_name, ==, json);
      g_assert_true (as_entity_find_field (entity, f->json_name) == f);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (fields[j].name, !=, f->name);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->owner_type == get_type ());
      g_assert_true ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      if (f->type == AS_FIELD_REF || f->type == AS_FIELD_REF_LIST)
        g_assert_nonnull (f->ref_kind);
      if (f->type == AS_FIELD_ENUM)
        g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == f->enum_type ());
    }

  for (guint i = 0; i < n_lists; i++)
    {
      g_assert_true (as_entity_find_list (entity, lists[i].name) == &lists[i]);
      g_assert_cmpuint (lists[i].max_items, >, 0);
      g_assert_true (g_type_is_a (lists[i].item_type (), AS_TYPE_ENTITY));
      g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (as_entity_get_list (entity, &lists[i]))) ==
                     lists[i].item_type ());
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (as_entity_get_list (entity, &lists[i]))), ==, 0);
    }
}

static void
test_defaults (gconstpointer data)
{
  GType (*get_type) (void) = data;
  g_autoptr(AsEntity) entity = g_object_new (get_type (), NULL);
  const AsField *fields;
  guint n_fields;

  fields = as_entity_class_get_fields (AS_ENTITY_GET_CLASS (entity), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const AsField *f = &fields[i];
      GParamSpec *pspec = as_entity_field_pspec (entity, f);
      const GValue *def = g_param_spec_get_default_value (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (entity), f->name, &value);

      switch (f->type)
        {
        case AS_FIELD_STRING:
        case AS_FIELD_TEXT:
          g_assert_cmpstr (g_value_get_string (&value), ==, "");
          g_assert_cmpstr (g_value_get_string (def), ==, "");
          break;
        case AS_FIELD_COLOR:
          g_assert_cmpstr (g_value_get_string (&value), ==, DEFAULT_COLOR);
          g_assert_cmpstr (g_value_get_string (def), ==, DEFAULT_COLOR);
          break;
        case AS_FIELD_DATE:
        case AS_FIELD_REF:
          g_assert_null (g_value_get_string (&value));
          g_assert_null (g_value_get_string (def));
          break;
        case AS_FIELD_INT:
          g_assert_cmpint (g_value_get_int (&value), ==, f->default_int);
          g_assert_cmpint (g_value_get_int (def), ==, f->default_int);
          break;
        case AS_FIELD_BOOLEAN:
          g_assert_cmpint (g_value_get_boolean (&value), ==, f->default_int != 0);
          g_assert_cmpint (g_value_get_boolean (def), ==, f->default_int != 0);
          break;
        case AS_FIELD_ENUM:
          g_assert_cmpint (g_value_get_enum (&value), ==, f->default_int);
          g_assert_cmpint (g_value_get_enum (def), ==, f->default_int);
          break;
        case AS_FIELD_DATETIME:
          g_assert_null (g_value_get_boxed (&value));
          break;
        case AS_FIELD_REF_LIST:
          /* Never NULL: an empty list. */
          g_assert_nonnull (g_value_get_boxed (&value));
          g_assert_cmpuint (g_strv_length (g_value_get_boxed (&value)), ==, 0);
          break;
        default:
          g_assert_not_reached ();
        }

      /* Reading the field directly agrees with the property. */
      {
        g_auto(GValue) direct = G_VALUE_INIT;

        as_entity_get_field_value (entity, f, &direct);
        assert_values_equal (f, &value, &direct);
      }
    }
}

static void
test_ranges (gconstpointer data)
{
  GType (*get_type) (void) = data;
  g_autoptr(AsEntity) entity = g_object_new (get_type (), NULL);
  const AsField *fields;
  guint n_fields;

  fields = as_entity_class_get_fields (AS_ENTITY_GET_CLASS (entity), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const AsField *f = &fields[i];
      GParamSpec *pspec = as_entity_field_pspec (entity, f);
      int value = -1;

      if (f->type != AS_FIELD_INT)
        continue;

      /* The property refuses what the table refuses: GParamSpecInt carries
       * the same limits. */
      g_assert_true (G_IS_PARAM_SPEC_INT (pspec));
      g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->minimum, ==, f->min);
      g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->maximum, ==, f->max);
      g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->default_value, ==, f->default_int);
      g_assert_cmpint (f->min, <=, f->default_int);
      g_assert_cmpint (f->default_int, <=, f->max);
      g_assert_cmpint (f->min, >=, 0);

      /* Both limits are accepted as they are. */
      g_object_set (entity, f->name, f->max, NULL);
      g_object_get (entity, f->name, &value, NULL);
      g_assert_cmpint (value, ==, f->max);
      g_object_set (entity, f->name, f->min, NULL);
      g_object_get (entity, f->name, &value, NULL);
      g_assert_cmpint (value, ==, f->min);

      /* And values beyond them are invalid for the property. */
      {
        g_auto(GValue) v = G_VALUE_INIT;

        g_value_init (&v, G_TYPE_INT);
        g_value_set_int (&v, f->max);
        g_assert_false (g_param_value_validate (pspec, &v));
        if (f->max < G_MAXINT)
          {
            g_value_set_int (&v, f->max + 1);
            g_assert_true (g_param_value_validate (pspec, &v));
          }
        g_value_set_int (&v, f->min - 1);
        g_assert_true (g_param_value_validate (pspec, &v));
      }
    }
}

static void
test_notify (gconstpointer data)
{
  GType (*get_type) (void) = data;
  g_autoptr(AsEntity) entity = g_object_new (get_type (), NULL);
  const AsField *fields;
  guint n_fields;
  Notifies n;

  notifies_watch (&n, entity);
  fields = as_entity_class_get_fields (AS_ENTITY_GET_CLASS (entity), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const AsField *f = &fields[i];
      GParamSpec *pspec = as_entity_field_pspec (entity, f);
      g_auto(GValue) other = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      g_auto(GValue) def = G_VALUE_INIT;

      make_other_value (f, &other);

      ASSERT_NOTIFIES (&n, f->name, 1, g_object_set_property (G_OBJECT (entity), f->name, &other));
      g_value_init (&read, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (entity), f->name, &read);
      assert_values_equal (f, &other, &read);

      /* The same value again, and an equal copy of it: no change. */
      ASSERT_NOTIFIES (&n, f->name, 0, g_object_set_property (G_OBJECT (entity), f->name, &other));
      ASSERT_NOTIFIES (&n, f->name, 0, g_object_set_property (G_OBJECT (entity), f->name, &read));
      ASSERT_NOTIFIES (&n, f->name, 0, as_entity_set_field_value (entity, f, &read));

      /* Back to the default: one more. */
      if (f->type == AS_FIELD_REF_LIST)
        {
          g_value_init (&def, G_TYPE_STRV);
          g_value_take_boxed (&def, g_new0 (char *, 1));
        }
      else
        {
          g_value_init (&def, G_PARAM_SPEC_VALUE_TYPE (pspec));
          g_param_value_set_default (pspec, &def);
        }
      ASSERT_NOTIFIES (&n, f->name, 1, as_entity_set_field_value (entity, f, &def));
      ASSERT_NOTIFIES (&n, f->name, 0, as_entity_set_field_value (entity, f, &def));
    }
  notifies_clear (&n);
}

static void
test_null_values (void)
{
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(AsAction) action = as_action_new ();
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  const char *ids[] = { A_UUID, NULL };
  Notifies n;

  notifies_watch (&n, member);
  /* Strings are never NULL: NULL means empty, or the default colour. */
  ASSERT_NOTIFIES (&n, "name", 0, as_member_set_name (member, NULL));
  g_assert_cmpstr (as_member_get_name (member), ==, "");
  as_member_set_name (member, "Ada");
  ASSERT_NOTIFIES (&n, "name", 1, as_member_set_name (member, NULL));
  g_assert_cmpstr (as_member_get_name (member), ==, "");
  as_member_set_colour (member, "#000000");
  ASSERT_NOTIFIES (&n, "colour", 1, as_member_set_colour (member, NULL));
  g_assert_cmpstr (as_member_get_colour (member), ==, DEFAULT_COLOR);
  notifies_clear (&n);

  /* References and dates are NULL when unset; an empty string unsets. */
  notifies_watch (&n, action);
  as_action_set_owner (action, A_UUID);
  ASSERT_NOTIFIES (&n, "owner", 1, as_action_set_owner (action, ""));
  g_assert_null (as_action_get_owner (action));
  ASSERT_NOTIFIES (&n, "owner", 0, as_action_set_owner (action, NULL));
  as_action_set_due (action, "2026-04-01");
  ASSERT_NOTIFIES (&n, "due", 1, as_action_set_due (action, NULL));
  g_assert_null (as_action_get_due (action));
  notifies_clear (&n);

  /* A NULL list of ids is an empty one. */
  notifies_watch (&n, meeting);
  ASSERT_NOTIFIES (&n, "attendees", 0, as_meeting_set_attendees (meeting, NULL));
  as_meeting_set_attendees (meeting, ids);
  ASSERT_NOTIFIES (&n, "attendees", 1, as_meeting_set_attendees (meeting, NULL));
  g_assert_nonnull (as_meeting_get_attendees (meeting));
  g_assert_cmpuint (g_strv_length ((char **) as_meeting_get_attendees (meeting)), ==, 0);
  notifies_clear (&n);
}

static void
test_datetime_offset_is_a_change (void)
{
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autoptr(GDateTime) local = make_time (14, 3600);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);
  g_autoptr(GDateTime) local_again = make_time (14, 3600);
  Notifies n;

  g_assert_true (g_date_time_equal (local, utc));
  notifies_watch (&n, meeting);
  ASSERT_NOTIFIES (&n, "start", 1, as_meeting_set_start (meeting, local));
  /* The same instant written with another offset is other text in the file. */
  ASSERT_NOTIFIES (&n, "start", 1, as_meeting_set_start (meeting, utc));
  assert_same_time (as_meeting_get_start (meeting), utc);
  ASSERT_NOTIFIES (&n, "start", 1, as_meeting_set_start (meeting, local));
  /* An equal time in another object is no change. */
  ASSERT_NOTIFIES (&n, "start", 0, as_meeting_set_start (meeting, local_again));
  ASSERT_NOTIFIES (&n, "start", 1, as_meeting_set_start (meeting, NULL));
  g_assert_null (as_meeting_get_start (meeting));
  notifies_clear (&n);
}

/* Typed accessors, class by class */

static void
test_set_accessors (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  Notifies n;

  notifies_watch (&n, set);
  g_assert_cmpstr (as_set_get_name (set), ==, "");
  ASSERT_NOTIFIES (&n, "name", 1, as_set_set_name (set, "R&D <b>set</b>"));
  g_assert_cmpstr (as_set_get_name (set), ==, "R&D <b>set</b>");
  ASSERT_NOTIFIES (&n, "name", 0, as_set_set_name (set, "R&D <b>set</b>"));
  ASSERT_NOTIFIES (&n, "purpose", 1, as_set_set_purpose (set, "Learn\nby doing"));
  g_assert_cmpstr (as_set_get_purpose (set), ==, "Learn\nby doing");
  ASSERT_NOTIFIES (&n, "ground-rules", 1, as_set_set_ground_rules (set, "Listen"));
  g_assert_cmpstr (as_set_get_ground_rules (set), ==, "Listen");
  ASSERT_NOTIFIES (&n, "facilitator", 1, as_set_set_facilitator (set, "Kim"));
  g_assert_cmpstr (as_set_get_facilitator (set), ==, "Kim");

  g_assert_cmpint (as_set_get_warning_seconds (set), ==, 120);
  ASSERT_NOTIFIES (&n, "warning-seconds", 1, as_set_set_warning_seconds (set, 90));
  g_assert_cmpint (as_set_get_warning_seconds (set), ==, 90);
  ASSERT_NOTIFIES (&n, "warning-seconds", 0, as_set_set_warning_seconds (set, 90));
  g_assert_cmpint (as_set_get_monologue_seconds (set), ==, 120);
  ASSERT_NOTIFIES (&n, "monologue-seconds", 1, as_set_set_monologue_seconds (set, 10));
  g_assert_cmpint (as_set_get_monologue_seconds (set), ==, 10);
  g_assert_cmpint (as_set_get_report_back_minutes (set), ==, 5);
  ASSERT_NOTIFIES (&n, "report-back-minutes", 1, as_set_set_report_back_minutes (set, 3));
  g_assert_cmpint (as_set_get_report_back_minutes (set), ==, 3);
  g_assert_cmpint (as_set_get_present_minutes (set), ==, 10);
  ASSERT_NOTIFIES (&n, "present-minutes", 1, as_set_set_present_minutes (set, 7));
  g_assert_cmpint (as_set_get_present_minutes (set), ==, 7);
  g_assert_cmpint (as_set_get_questions_minutes (set), ==, 20);
  ASSERT_NOTIFIES (&n, "questions-minutes", 1, as_set_set_questions_minutes (set, 240));
  g_assert_cmpint (as_set_get_questions_minutes (set), ==, 240);
  g_assert_cmpint (as_set_get_reflect_minutes (set), ==, 5);
  ASSERT_NOTIFIES (&n, "reflect-minutes", 1, as_set_set_reflect_minutes (set, 0));
  g_assert_cmpint (as_set_get_reflect_minutes (set), ==, 0);
  g_assert_cmpint (as_set_get_commit_minutes (set), ==, 5);
  ASSERT_NOTIFIES (&n, "commit-minutes", 1, as_set_set_commit_minutes (set, 6));
  g_assert_cmpint (as_set_get_commit_minutes (set), ==, 6);

  g_assert_cmpint (as_set_get_step_default (set, AS_STEP_REPORT_BACK), ==, 3);
  g_assert_cmpint (as_set_get_step_default (set, AS_STEP_PRESENT), ==, 7);
  g_assert_cmpint (as_set_get_step_default (set, AS_STEP_QUESTIONS), ==, 240);
  g_assert_cmpint (as_set_get_step_default (set, AS_STEP_REFLECT), ==, 0);
  g_assert_cmpint (as_set_get_step_default (set, AS_STEP_COMMIT), ==, 6);

  g_assert_true (as_set_get_members (set) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (set), as_set_list_members ())));
  g_assert_true (as_set_get_meetings (set) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (set), as_set_list_meetings ())));
  g_assert_true (as_set_get_actions (set) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (set), as_set_list_actions ())));
  g_assert_true (g_list_model_get_item_type (as_set_get_members (set)) == AS_TYPE_MEMBER);
  g_assert_true (g_list_model_get_item_type (as_set_get_meetings (set)) == AS_TYPE_MEETING);
  g_assert_true (g_list_model_get_item_type (as_set_get_actions (set)) == AS_TYPE_ACTION);

  /* Not a document: no stack. */
  g_assert_null (as_set_get_undo_stack (set));
  notifies_clear (&n);
}

static void
test_member_accessors (void)
{
  g_autoptr(AsMember) member = as_member_new ();
  Notifies n;

  notifies_watch (&n, member);
  ASSERT_NOTIFIES (&n, "name", 1, as_member_set_name (member, "Ada <Lovelace>"));
  g_assert_cmpstr (as_member_get_name (member), ==, "Ada <Lovelace>");
  ASSERT_NOTIFIES (&n, "name", 0, as_member_set_name (member, "Ada <Lovelace>"));
  ASSERT_NOTIFIES (&n, "role", 1, as_member_set_role (member, "Head of R&D"));
  g_assert_cmpstr (as_member_get_role (member), ==, "Head of R&D");
  ASSERT_NOTIFIES (&n, "organisation", 1, as_member_set_organisation (member, "NHS"));
  g_assert_cmpstr (as_member_get_organisation (member), ==, "NHS");
  ASSERT_NOTIFIES (&n, "sponsor-name", 1, as_member_set_sponsor_name (member, "Dr Okafor"));
  g_assert_cmpstr (as_member_get_sponsor_name (member), ==, "Dr Okafor");
  ASSERT_NOTIFIES (&n, "sponsor-contact", 1,
                   as_member_set_sponsor_contact (member, "okafor@example.org"));
  g_assert_cmpstr (as_member_get_sponsor_contact (member), ==, "okafor@example.org");
  ASSERT_NOTIFIES (&n, "challenge", 1, as_member_set_challenge (member, "Waiting lists\ngrow"));
  g_assert_cmpstr (as_member_get_challenge (member), ==, "Waiting lists\ngrow");
  g_assert_cmpstr (as_member_get_colour (member), ==, DEFAULT_COLOR);
  ASSERT_NOTIFIES (&n, "colour", 1, as_member_set_colour (member, "#e01b24"));
  g_assert_cmpstr (as_member_get_colour (member), ==, "#e01b24");
  g_assert_true (as_member_get_active (member));
  ASSERT_NOTIFIES (&n, "active", 1, as_member_set_active (member, FALSE));
  g_assert_false (as_member_get_active (member));
  ASSERT_NOTIFIES (&n, "active", 0, as_member_set_active (member, FALSE));
  notifies_clear (&n);
}

static void
test_meeting_accessors (void)
{
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autoptr(GDateTime) start = make_time (9, 3600);
  g_autoptr(GDateTime) end = make_time (12, 3600);
  const char *attendees[] = { A_UUID, B_UUID, NULL };
  const char *reversed[] = { B_UUID, A_UUID, NULL };
  Notifies n;

  notifies_watch (&n, meeting);
  g_assert_null (as_meeting_get_start (meeting));
  ASSERT_NOTIFIES (&n, "start", 1, as_meeting_set_start (meeting, start));
  assert_same_time (as_meeting_get_start (meeting), start);
  ASSERT_NOTIFIES (&n, "start", 0, as_meeting_set_start (meeting, start));
  g_assert_null (as_meeting_get_end (meeting));
  ASSERT_NOTIFIES (&n, "end", 1, as_meeting_set_end (meeting, end));
  assert_same_time (as_meeting_get_end (meeting), end);
  ASSERT_NOTIFIES (&n, "place", 1, as_meeting_set_place (meeting, "Room 3 & 4"));
  g_assert_cmpstr (as_meeting_get_place (meeting), ==, "Room 3 & 4");
  ASSERT_NOTIFIES (&n, "attendees", 1, as_meeting_set_attendees (meeting, attendees));
  g_assert_cmpstrv (as_meeting_get_attendees (meeting), attendees);
  /* The stored list is a copy. */
  g_assert_true (as_meeting_get_attendees (meeting) != attendees);
  ASSERT_NOTIFIES (&n, "attendees", 0, as_meeting_set_attendees (meeting, attendees));
  /* Order matters. A copy taken before outlives the change, which frees
   * the meeting's own list. */
  {
    g_auto(GStrv) before = as_meeting_dup_attendees (meeting);

    g_assert_true ((const char * const *) before != as_meeting_get_attendees (meeting));
    ASSERT_NOTIFIES (&n, "attendees", 1, as_meeting_set_attendees (meeting, reversed));
    g_assert_cmpstrv (before, attendees);
  }
  g_assert_cmpstrv (as_meeting_get_attendees (meeting), reversed);
  g_assert_cmpint (as_meeting_get_state (meeting), ==, AS_MEETING_PLANNED);
  ASSERT_NOTIFIES (&n, "state", 1, as_meeting_set_state (meeting, AS_MEETING_RUNNING));
  g_assert_cmpint (as_meeting_get_state (meeting), ==, AS_MEETING_RUNNING);
  ASSERT_NOTIFIES (&n, "state", 0, as_meeting_set_state (meeting, AS_MEETING_RUNNING));
  g_assert_null (as_meeting_get_current_step (meeting));
  ASSERT_NOTIFIES (&n, "current-step", 1, as_meeting_set_current_step (meeting, A_UUID));
  g_assert_cmpstr (as_meeting_get_current_step (meeting), ==, A_UUID);
  g_assert_null (as_meeting_get_speaker (meeting));
  ASSERT_NOTIFIES (&n, "speaker", 1, as_meeting_set_speaker (meeting, B_UUID));
  g_assert_cmpstr (as_meeting_get_speaker (meeting), ==, B_UUID);
  g_assert_false (as_meeting_get_paused (meeting));
  ASSERT_NOTIFIES (&n, "paused", 1, as_meeting_set_paused (meeting, TRUE));
  g_assert_true (as_meeting_get_paused (meeting));

  g_assert_true (g_list_model_get_item_type (as_meeting_get_rounds (meeting)) == AS_TYPE_ROUND);
  g_assert_true (g_list_model_get_item_type (as_meeting_get_timer_events (meeting)) ==
                 AS_TYPE_TIMER_EVENT);
  g_assert_true (g_list_model_get_item_type (as_meeting_get_turns (meeting)) == AS_TYPE_TURN);
  g_assert_true (g_list_model_get_item_type (as_meeting_get_questions (meeting)) ==
                 AS_TYPE_QUESTION);
  g_assert_true (g_list_model_get_item_type (as_meeting_get_reflections (meeting)) ==
                 AS_TYPE_REFLECTION);
  g_assert_true (as_meeting_get_rounds (meeting) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (meeting), as_meeting_list_rounds ())));
  g_assert_true (as_meeting_get_timer_events (meeting) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (meeting),
                                                   as_meeting_list_timer_events ())));
  g_assert_true (as_meeting_get_turns (meeting) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (meeting), as_meeting_list_turns ())));
  g_assert_true (as_meeting_get_questions (meeting) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (meeting),
                                                   as_meeting_list_questions ())));
  g_assert_true (as_meeting_get_reflections (meeting) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (meeting),
                                                   as_meeting_list_reflections ())));
  notifies_clear (&n);
}

static void
test_round_accessors (void)
{
  g_autoptr(AsRound) round = as_round_new ();
  Notifies n;

  notifies_watch (&n, round);
  g_assert_null (as_round_get_presenter (round));
  ASSERT_NOTIFIES (&n, "presenter", 1, as_round_set_presenter (round, A_UUID));
  g_assert_cmpstr (as_round_get_presenter (round), ==, A_UUID);
  ASSERT_NOTIFIES (&n, "presenter", 0, as_round_set_presenter (round, A_UUID));
  g_assert_cmpint (as_round_get_planned_minutes (round), ==, 45);
  ASSERT_NOTIFIES (&n, "planned-minutes", 1, as_round_set_planned_minutes (round, 1440));
  g_assert_cmpint (as_round_get_planned_minutes (round), ==, 1440);
  g_assert_true (as_round_get_steps (round) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (round), as_round_list_steps ())));
  g_assert_true (g_list_model_get_item_type (as_round_get_steps (round)) == AS_TYPE_STEP);
  notifies_clear (&n);
}

static void
test_step_accessors (void)
{
  g_autoptr(AsStep) step = as_step_new ();
  g_autoptr(GDateTime) since = make_time (10, -5 * 3600);
  Notifies n;

  notifies_watch (&n, step);
  g_assert_cmpint (as_step_get_kind (step), ==, AS_STEP_REPORT_BACK);
  ASSERT_NOTIFIES (&n, "kind", 1, as_step_set_kind (step, AS_STEP_COMMIT));
  g_assert_cmpint (as_step_get_kind (step), ==, AS_STEP_COMMIT);
  ASSERT_NOTIFIES (&n, "kind", 0, as_step_set_kind (step, AS_STEP_COMMIT));
  g_assert_cmpint (as_step_get_budget_minutes (step), ==, 5);
  ASSERT_NOTIFIES (&n, "budget-minutes", 1, as_step_set_budget_minutes (step, 0));
  g_assert_cmpint (as_step_get_budget_minutes (step), ==, 0);
  g_assert_cmpint (as_step_get_elapsed_ms (step), ==, 0);
  ASSERT_NOTIFIES (&n, "elapsed-ms", 1, as_step_set_elapsed_ms (step, 90500));
  g_assert_cmpint (as_step_get_elapsed_ms (step), ==, 90500);
  g_assert_null (as_step_get_running_since (step));
  ASSERT_NOTIFIES (&n, "running-since", 1, as_step_set_running_since (step, since));
  assert_same_time (as_step_get_running_since (step), since);
  ASSERT_NOTIFIES (&n, "running-since", 1, as_step_set_running_since (step, NULL));
  g_assert_null (as_step_get_running_since (step));
  notifies_clear (&n);
}

static void
test_timer_event_accessors (void)
{
  g_autoptr(AsTimerEvent) event = as_timer_event_new ();
  g_autoptr(GDateTime) at = make_time (10, 0);
  Notifies n;

  notifies_watch (&n, event);
  g_assert_cmpint (as_timer_event_get_kind (event), ==, AS_TIMER_START);
  ASSERT_NOTIFIES (&n, "kind", 1, as_timer_event_set_kind (event, AS_TIMER_PAUSE));
  g_assert_cmpint (as_timer_event_get_kind (event), ==, AS_TIMER_PAUSE);
  ASSERT_NOTIFIES (&n, "kind", 0, as_timer_event_set_kind (event, AS_TIMER_PAUSE));
  ASSERT_NOTIFIES (&n, "at", 1, as_timer_event_set_at (event, at));
  assert_same_time (as_timer_event_get_at (event), at);
  ASSERT_NOTIFIES (&n, "round", 1, as_timer_event_set_round (event, A_UUID));
  g_assert_cmpstr (as_timer_event_get_round (event), ==, A_UUID);
  ASSERT_NOTIFIES (&n, "step", 1, as_timer_event_set_step (event, B_UUID));
  g_assert_cmpstr (as_timer_event_get_step (event), ==, B_UUID);
  notifies_clear (&n);
}

static void
test_turn_accessors (void)
{
  g_autoptr(AsTurn) turn = as_turn_new ();
  g_autoptr(GDateTime) start = make_time (10, 3600);
  Notifies n;

  notifies_watch (&n, turn);
  ASSERT_NOTIFIES (&n, "member", 1, as_turn_set_member (turn, A_UUID));
  g_assert_cmpstr (as_turn_get_member (turn), ==, A_UUID);
  ASSERT_NOTIFIES (&n, "member", 0, as_turn_set_member (turn, A_UUID));
  ASSERT_NOTIFIES (&n, "start", 1, as_turn_set_start (turn, start));
  assert_same_time (as_turn_get_start (turn), start);
  g_assert_cmpint (as_turn_get_duration_ms (turn), ==, 0);
  ASSERT_NOTIFIES (&n, "duration-ms", 1, as_turn_set_duration_ms (turn, 86400000));
  g_assert_cmpint (as_turn_get_duration_ms (turn), ==, 86400000);
  ASSERT_NOTIFIES (&n, "round", 1, as_turn_set_round (turn, B_UUID));
  g_assert_cmpstr (as_turn_get_round (turn), ==, B_UUID);
  ASSERT_NOTIFIES (&n, "step", 1, as_turn_set_step (turn, A_UUID));
  g_assert_cmpstr (as_turn_get_step (turn), ==, A_UUID);
  notifies_clear (&n);
}

static void
test_question_accessors (void)
{
  g_autoptr(AsQuestion) question = as_question_new ();
  g_autoptr(GDateTime) at = make_time (11, 3600);
  Notifies n;

  notifies_watch (&n, question);
  ASSERT_NOTIFIES (&n, "text", 1, as_question_set_text (question, "What if <b>not</b>?"));
  g_assert_cmpstr (as_question_get_text (question), ==, "What if <b>not</b>?");
  ASSERT_NOTIFIES (&n, "text", 0, as_question_set_text (question, "What if <b>not</b>?"));
  ASSERT_NOTIFIES (&n, "asker", 1, as_question_set_asker (question, A_UUID));
  g_assert_cmpstr (as_question_get_asker (question), ==, A_UUID);
  ASSERT_NOTIFIES (&n, "addressee", 1, as_question_set_addressee (question, B_UUID));
  g_assert_cmpstr (as_question_get_addressee (question), ==, B_UUID);
  ASSERT_NOTIFIES (&n, "at", 1, as_question_set_at (question, at));
  assert_same_time (as_question_get_at (question), at);
  ASSERT_NOTIFIES (&n, "round", 1, as_question_set_round (question, A_UUID));
  g_assert_cmpstr (as_question_get_round (question), ==, A_UUID);
  g_assert_cmpint (as_question_get_tag (question), ==, AS_QUESTION_UNTAGGED);
  ASSERT_NOTIFIES (&n, "tag", 1, as_question_set_tag (question, AS_QUESTION_ADVICE));
  g_assert_cmpint (as_question_get_tag (question), ==, AS_QUESTION_ADVICE);
  g_assert_false (as_question_get_starred (question));
  ASSERT_NOTIFIES (&n, "starred", 1, as_question_set_starred (question, TRUE));
  g_assert_true (as_question_get_starred (question));
  ASSERT_NOTIFIES (&n, "starred", 0, as_question_set_starred (question, TRUE));
  notifies_clear (&n);
}

static void
test_reflection_accessors (void)
{
  g_autoptr(AsReflection) reflection = as_reflection_new ();
  Notifies n;

  notifies_watch (&n, reflection);
  ASSERT_NOTIFIES (&n, "member", 1, as_reflection_set_member (reflection, A_UUID));
  g_assert_cmpstr (as_reflection_get_member (reflection), ==, A_UUID);
  ASSERT_NOTIFIES (&n, "text", 1, as_reflection_set_text (reflection, "I talked & talked"));
  g_assert_cmpstr (as_reflection_get_text (reflection), ==, "I talked & talked");
  g_assert_false (as_reflection_get_shareable (reflection));
  ASSERT_NOTIFIES (&n, "shareable", 1, as_reflection_set_shareable (reflection, TRUE));
  g_assert_true (as_reflection_get_shareable (reflection));
  ASSERT_NOTIFIES (&n, "shareable", 0, as_reflection_set_shareable (reflection, TRUE));
  notifies_clear (&n);
}

static void
test_action_accessors (void)
{
  g_autoptr(AsAction) action = as_action_new ();
  Notifies n;

  notifies_watch (&n, action);
  ASSERT_NOTIFIES (&n, "owner", 1, as_action_set_owner (action, A_UUID));
  g_assert_cmpstr (as_action_get_owner (action), ==, A_UUID);
  ASSERT_NOTIFIES (&n, "owner", 0, as_action_set_owner (action, A_UUID));
  ASSERT_NOTIFIES (&n, "text", 1, as_action_set_text (action, "Call <sponsor> & ask"));
  g_assert_cmpstr (as_action_get_text (action), ==, "Call <sponsor> & ask");
  ASSERT_NOTIFIES (&n, "meeting", 1, as_action_set_meeting (action, B_UUID));
  g_assert_cmpstr (as_action_get_meeting (action), ==, B_UUID);
  ASSERT_NOTIFIES (&n, "round", 1, as_action_set_round (action, A_UUID));
  g_assert_cmpstr (as_action_get_round (action), ==, A_UUID);
  ASSERT_NOTIFIES (&n, "due", 1, as_action_set_due (action, "2026-04-01"));
  g_assert_cmpstr (as_action_get_due (action), ==, "2026-04-01");
  g_assert_cmpint (as_action_get_status (action), ==, AS_ACTION_TODO);
  ASSERT_NOTIFIES (&n, "status", 1, as_action_set_status (action, AS_ACTION_DROPPED));
  g_assert_cmpint (as_action_get_status (action), ==, AS_ACTION_DROPPED);
  ASSERT_NOTIFIES (&n, "status", 0, as_action_set_status (action, AS_ACTION_DROPPED));
  g_assert_true (as_action_get_history (action) ==
                 G_LIST_MODEL (as_entity_get_list (AS_ENTITY (action), as_action_list_history ())));
  g_assert_true (g_list_model_get_item_type (as_action_get_history (action)) ==
                 AS_TYPE_STATUS_CHANGE);
  notifies_clear (&n);
}

static void
test_status_change_accessors (void)
{
  g_autoptr(AsStatusChange) change = as_status_change_new ();
  g_autoptr(GDateTime) at = make_time (16, 3600);
  Notifies n;

  notifies_watch (&n, change);
  ASSERT_NOTIFIES (&n, "at", 1, as_status_change_set_at (change, at));
  assert_same_time (as_status_change_get_at (change), at);
  ASSERT_NOTIFIES (&n, "at", 0, as_status_change_set_at (change, at));
  g_assert_cmpint (as_status_change_get_status (change), ==, AS_ACTION_TODO);
  ASSERT_NOTIFIES (&n, "status", 1, as_status_change_set_status (change, AS_ACTION_DONE));
  g_assert_cmpint (as_status_change_get_status (change), ==, AS_ACTION_DONE);
  ASSERT_NOTIFIES (&n, "note", 1, as_status_change_set_note (change, "Done <early>"));
  g_assert_cmpstr (as_status_change_get_note (change), ==, "Done <early>");
  notifies_clear (&n);
}

/* Set operations */

static AsMember *
add_member (AsSet      *set,
            const char *name,
            gboolean    active)
{
  g_autoptr(AsMember) member = as_member_new ();

  as_member_set_name (member, name);
  as_member_set_active (member, active);
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  return member;
}

static void
assert_planned_meeting (AsSet     *set,
                        AsMeeting *meeting,
                        GDateTime *start,
                        AsMember **attendees,
                        guint      n_attendees)
{
  const int budgets[] = {
    as_set_get_report_back_minutes (set),
    as_set_get_present_minutes (set),
    as_set_get_questions_minutes (set),
    as_set_get_reflect_minutes (set),
    as_set_get_commit_minutes (set),
  };
  int per_round = 0;
  const char * const *ids = as_meeting_get_attendees (meeting);
  g_autoptr(GDateTime) end = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (budgets); k++)
    per_round += budgets[k];

  g_assert_cmpint (as_meeting_get_state (meeting), ==, AS_MEETING_PLANNED);
  assert_same_time (as_meeting_get_start (meeting), start);
  /* Planned to end when the rounds are done. */
  end = g_date_time_add_minutes (start, per_round * (int) n_attendees);
  assert_same_time (as_meeting_get_end (meeting), end);

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, n_attendees);
  g_assert_cmpuint (g_list_model_get_n_items (as_meeting_get_rounds (meeting)), ==, n_attendees);
  for (guint i = 0; i < n_attendees; i++)
    {
      g_autoptr(AsRound) round = g_list_model_get_item (as_meeting_get_rounds (meeting), i);
      const char *member_id = as_entity_get_id (AS_ENTITY (attendees[i]));
      int sum = 0;

      g_assert_cmpstr (ids[i], ==, member_id);
      g_assert_cmpstr (as_round_get_presenter (round), ==, member_id);
      g_assert_true (as_entity_get_parent (AS_ENTITY (round)) == AS_ENTITY (meeting));
      g_assert_cmpuint (g_list_model_get_n_items (as_round_get_steps (round)), ==, AS_N_STEP_KINDS);
      for (guint k = 0; k < AS_N_STEP_KINDS; k++)
        {
          g_autoptr(AsStep) step = g_list_model_get_item (as_round_get_steps (round), k);

          g_assert_cmpint (as_step_get_kind (step), ==, (AsStepKind) k);
          g_assert_cmpint (as_step_get_budget_minutes (step), ==, budgets[k]);
          g_assert_cmpint (as_step_get_elapsed_ms (step), ==, 0);
          sum += as_step_get_budget_minutes (step);
          if (as_entity_is_document (AS_ENTITY (set)))
            g_assert_true (as_entity_lookup (AS_ENTITY (set), as_entity_get_id (AS_ENTITY (step))) ==
                           AS_ENTITY (step));
        }
      g_assert_cmpint (as_round_get_planned_minutes (round), ==, sum);
      g_assert_cmpint (sum, ==, per_round);
    }
}

static void
test_add_meeting (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  g_autoptr(GDateTime) start = make_time (9, 3600);
  AsMember *ada;
  AsMember *brook;
  AsMember *cy;
  AsMember *attendees[2];
  AsMeeting *meeting;
  g_autofree char *meeting_id = NULL;
  g_autofree char *first_step_id = NULL;

  ada = add_member (set, "Ada", TRUE);
  brook = add_member (set, "Brook", FALSE);
  cy = add_member (set, "Cy", TRUE);
  as_set_set_report_back_minutes (set, 3);
  as_set_set_present_minutes (set, 7);
  as_set_set_questions_minutes (set, 15);
  as_set_set_reflect_minutes (set, 4);
  as_set_set_commit_minutes (set, 6);
  as_undo_stack_clear (undo);

  meeting = as_set_add_meeting (set, start);
  g_assert_nonnull (meeting);
  meeting_id = g_strdup (as_entity_get_id (AS_ENTITY (meeting)));
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_meetings (set)), ==, 1);
  {
    g_autoptr(AsMeeting) listed = g_list_model_get_item (as_set_get_meetings (set), 0);
    g_assert_true (listed == meeting);
  }
  g_assert_true (as_set_lookup_meeting (set, meeting_id) == meeting);

  /* The active members attend, in the order of the set; Brook is away. */
  attendees[0] = ada;
  attendees[1] = cy;
  assert_planned_meeting (set, meeting, start, attendees, 2);
  g_assert_false (g_strv_contains (as_meeting_get_attendees (meeting),
                                   as_entity_get_id (AS_ENTITY (brook))));
  {
    g_autoptr(AsRound) round = g_list_model_get_item (as_meeting_get_rounds (meeting), 0);
    g_autoptr(AsStep) step = g_list_model_get_item (as_round_get_steps (round), 0);

    g_assert_cmpint (as_round_get_planned_minutes (round), ==, 35);
    first_step_id = g_strdup (as_entity_get_id (AS_ENTITY (step)));
  }

  /* One undo step removes all of it. */
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "New meeting");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_false (as_undo_stack_get_can_undo (undo));
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_meetings (set)), ==, 0);
  g_assert_null (as_entity_lookup (AS_ENTITY (set), meeting_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), first_step_id));

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_true (as_set_lookup_meeting (set, meeting_id) == meeting);
  g_assert_nonnull (as_entity_lookup (AS_ENTITY (set), first_step_id));
  assert_planned_meeting (set, meeting, start, attendees, 2);
}

static void
on_edited_append (AsEntity *root,
                  AsEdit   *edit,
                  gpointer  data)
{
  g_array_append_val ((GArray *) data, *edit);
}

static void
test_add_meeting_announced (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(GDateTime) start = make_time (9, 3600);
  g_autoptr(GArray) edits = g_array_new (FALSE, TRUE, sizeof (AsEdit));
  AsMeeting *meeting;
  AsEdit *e;

  add_member (set, "Ada", TRUE);
  g_signal_connect (set, "edited", G_CALLBACK (on_edited_append), edits);
  meeting = as_set_add_meeting (set, start);

  /* The meeting is built before it enters the document: one insertion. */
  g_assert_cmpuint (edits->len, ==, 1);
  e = &g_array_index (edits, AsEdit, 0);
  g_assert_cmpint (e->kind, ==, AS_EDIT_INSERT);
  g_assert_true (e->target == AS_ENTITY (set));
  g_assert_true (e->list == as_set_list_meetings ());
  g_assert_true (e->child == AS_ENTITY (meeting));
}

static void
test_add_meeting_no_members (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  g_autoptr(GDateTime) start = make_time (9, 0);
  AsMeeting *meeting;

  /* Not a document: no undo, the same meeting. */
  meeting = as_set_add_meeting (set, start);
  assert_planned_meeting (set, meeting, start, NULL, 0);
  g_assert_true (as_entity_get_parent (AS_ENTITY (meeting)) == AS_ENTITY (set));
}

static void
test_member_name (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsMember *ada = add_member (set, "Ada", TRUE);
  const char *id = as_entity_get_id (AS_ENTITY (ada));

  g_assert_cmpstr (as_set_member_name (set, id), ==, "Ada");
  g_assert_cmpstr (as_set_member_name (set, A_UUID), ==, "Unknown member");
  g_assert_cmpstr (as_set_member_name (set, NULL), ==, "Unknown member");
  /* An id of another kind is no member. */
  g_assert_cmpstr (as_set_member_name (set, as_entity_get_id (AS_ENTITY (set))), ==,
                   "Unknown member");
  g_assert_null (as_set_lookup_member (set, as_entity_get_id (AS_ENTITY (set))));
}

static void
test_change_status (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  g_autoptr(AsAction) action = as_action_new ();
  g_autoptr(GDateTime) at = make_time (15, 3600);
  g_autoptr(AsStatusChange) change = NULL;
  Notifies n;

  as_action_set_text (action, "Call the sponsor");
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  as_undo_stack_clear (undo);
  notifies_watch (&n, action);

  ASSERT_NOTIFIES (&n, "status", 1, as_action_change_status (action, AS_ACTION_DOING, at, "Started"));
  g_assert_cmpint (as_action_get_status (action), ==, AS_ACTION_DOING);
  g_assert_cmpuint (g_list_model_get_n_items (as_action_get_history (action)), ==, 1);
  change = g_list_model_get_item (as_action_get_history (action), 0);
  g_assert_cmpint (as_status_change_get_status (change), ==, AS_ACTION_DOING);
  g_assert_cmpstr (as_status_change_get_note (change), ==, "Started");
  assert_same_time (as_status_change_get_at (change), at);
  g_assert_true (as_entity_get_parent (AS_ENTITY (change)) == AS_ENTITY (action));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), as_entity_get_id (AS_ENTITY (change))) ==
                 AS_ENTITY (change));

  /* One step, which undoes both. */
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "Change status");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpint (as_action_get_status (action), ==, AS_ACTION_TODO);
  g_assert_cmpuint (g_list_model_get_n_items (as_action_get_history (action)), ==, 0);
  g_assert_null (as_entity_lookup (AS_ENTITY (set), as_entity_get_id (AS_ENTITY (change))));

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpint (as_action_get_status (action), ==, AS_ACTION_DOING);
  g_assert_cmpuint (g_list_model_get_n_items (as_action_get_history (action)), ==, 1);
  {
    g_autoptr(AsStatusChange) again = g_list_model_get_item (as_action_get_history (action), 0);
    g_assert_true (again == change);
  }

  /* The same status without a note is no change; with a note it is one. */
  as_action_change_status (action, AS_ACTION_DOING, at, NULL);
  as_action_change_status (action, AS_ACTION_DOING, at, "");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (as_action_get_history (action)), ==, 1);
  ASSERT_NOTIFIES (&n, "status", 0, as_action_change_status (action, AS_ACTION_DOING, at, "Halfway"));
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (as_action_get_history (action)), ==, 2);

  /* Without a note the entry's note is empty. */
  as_action_change_status (action, AS_ACTION_DONE, at, NULL);
  {
    g_autoptr(AsStatusChange) last = g_list_model_get_item (as_action_get_history (action), 2);

    g_assert_cmpint (as_status_change_get_status (last), ==, AS_ACTION_DONE);
    g_assert_cmpstr (as_status_change_get_note (last), ==, "");
  }
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpint (as_action_get_status (action), ==, AS_ACTION_DOING);
  g_assert_cmpuint (g_list_model_get_n_items (as_action_get_history (action)), ==, 1);
  notifies_clear (&n);
}

static void
test_change_status_outside_document (void)
{
  g_autoptr(AsAction) action = as_action_new ();
  g_autoptr(GDateTime) at = make_time (15, 0);

  as_action_change_status (action, AS_ACTION_DONE, at, NULL);
  g_assert_cmpint (as_action_get_status (action), ==, AS_ACTION_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (as_action_get_history (action)), ==, 1);
}

/* Enums */

/* The label for people of a value, for the enums that have one. */
static const char *
label_of (GType type,
          int   value)
{
  if (type == AS_TYPE_MEETING_STATE)
    return as_meeting_state_to_label (value);
  if (type == AS_TYPE_STEP_KIND)
    return as_step_kind_to_label (value);
  if (type == AS_TYPE_QUESTION_TAG)
    return as_question_tag_to_label (value);
  if (type == AS_TYPE_ACTION_STATUS)
    return as_action_status_to_label (value);
  return NULL;
}

static void
test_enums (void)
{
  const struct
  {
    GType       type;
    gboolean    has_label;
    const char *nicks[6];
  } enums[] = {
    { AS_TYPE_MEETING_STATE, TRUE, { "planned", "running", "finished", NULL } },
    { AS_TYPE_STEP_KIND, TRUE, { "report_back", "present", "questions", "reflect", "commit", NULL } },
    { AS_TYPE_TIMER_EVENT_KIND, FALSE, { "start", "pause", "resume", "stop", NULL } },
    { AS_TYPE_QUESTION_TAG, TRUE, { "untagged", "open", "closed", "advice", NULL } },
    { AS_TYPE_ACTION_STATUS, TRUE, { "todo", "doing", "done", "dropped", NULL } },
  };

  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[e].type);
      gint value = -1;

      g_assert_cmpuint (klass->n_values, ==, g_strv_length ((char **) enums[e].nicks));
      for (guint i = 0; enums[e].nicks[i] != NULL; i++)
        {
          /* The nicks are the file format: values in order from 0. */
          g_assert_cmpstr (as_enum_to_nick (enums[e].type, i), ==, enums[e].nicks[i]);
          g_assert_true (as_enum_from_nick (enums[e].type, enums[e].nicks[i], &value));
          g_assert_cmpint (value, ==, i);
          if (enums[e].has_label)
            {
              const char *label = label_of (enums[e].type, i);

              g_assert_nonnull (label);
              g_assert_cmpstr (label, !=, "");
            }
        }
      value = -1;
      g_assert_false (as_enum_from_nick (enums[e].type, "nonsense", &value));
      g_assert_cmpint (value, ==, -1);
      g_assert_null (as_enum_to_nick (enums[e].type, 99));
    }
  g_assert_cmpuint (AS_N_STEP_KINDS, ==, 5);
  g_assert_cmpstr (as_step_kind_to_label (AS_STEP_COMMIT), ==, "Commit to action");
  g_assert_cmpstr (as_action_status_to_label (AS_ACTION_TODO), ==, "To do");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entity_types); i++)
    {
      const char *kind = type_test_name (entity_types[i] ());
      g_autofree char *table = g_strdup_printf ("/model/%s/field-table", kind);
      g_autofree char *defaults = g_strdup_printf ("/model/%s/defaults", kind);
      g_autofree char *ranges = g_strdup_printf ("/model/%s/ranges", kind);
      g_autofree char *notify = g_strdup_printf ("/model/%s/notify", kind);

      g_test_add_data_func (table, entity_types[i], test_field_table);
      g_test_add_data_func (defaults, entity_types[i], test_defaults);
      g_test_add_data_func (ranges, entity_types[i], test_ranges);
      g_test_add_data_func (notify, entity_types[i], test_notify);
    }
  g_test_add_func ("/model/null-values", test_null_values);
  g_test_add_func ("/model/datetime-offset", test_datetime_offset_is_a_change);

  g_test_add_func ("/model/set/accessors", test_set_accessors);
  g_test_add_func ("/model/member/accessors", test_member_accessors);
  g_test_add_func ("/model/meeting/accessors", test_meeting_accessors);
  g_test_add_func ("/model/round/accessors", test_round_accessors);
  g_test_add_func ("/model/step/accessors", test_step_accessors);
  g_test_add_func ("/model/timer_event/accessors", test_timer_event_accessors);
  g_test_add_func ("/model/turn/accessors", test_turn_accessors);
  g_test_add_func ("/model/question/accessors", test_question_accessors);
  g_test_add_func ("/model/reflection/accessors", test_reflection_accessors);
  g_test_add_func ("/model/action/accessors", test_action_accessors);
  g_test_add_func ("/model/status_change/accessors", test_status_change_accessors);

  g_test_add_func ("/model/set/add-meeting", test_add_meeting);
  g_test_add_func ("/model/set/add-meeting-announced", test_add_meeting_announced);
  g_test_add_func ("/model/set/add-meeting-no-members", test_add_meeting_no_members);
  g_test_add_func ("/model/set/member-name", test_member_name);
  g_test_add_func ("/model/action/change-status", test_change_status);
  g_test_add_func ("/model/action/change-status-outside-document",
                   test_change_status_outside_document);
  g_test_add_func ("/model/enums", test_enums);

  return g_test_run ();
}
