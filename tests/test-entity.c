/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "as-model.h"
#include "as-test-util.h"

#define ID_X "00000000-0000-4000-8000-0000000000a1"
#define ID_Y "00000000-0000-4000-8000-0000000000a2"

/* Every concrete entity class, with the kind it writes in files. */
static const struct
{
  const char *kind;
  GType     (*get_type) (void);
} entity_classes[] = {
  { "set", as_set_get_type },
  { "member", as_member_get_type },
  { "meeting", as_meeting_get_type },
  { "round", as_round_get_type },
  { "step", as_step_get_type },
  { "timer_event", as_timer_event_get_type },
  { "turn", as_turn_get_type },
  { "question", as_question_get_type },
  { "reflection", as_reflection_get_type },
  { "action", as_action_get_type },
  { "status_change", as_status_change_get_type },
};

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    data)
{
  Change change = { position, removed, added };

  g_array_append_val ((GArray *) data, change);
}

static GArray *
watch_list (GListModel *model)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  return changes;
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
on_edited (AsEntity *root,
           AsEdit   *edit,
           gpointer  data)
{
  g_array_append_val ((GArray *) data, *edit);
}

static GArray *
watch_edits (AsEntity *root)
{
  GArray *edits = g_array_new (FALSE, TRUE, sizeof (AsEdit));

  g_signal_connect (root, "edited", G_CALLBACK (on_edited), edits);
  return edits;
}

static AsMember *
new_member (const char *name)
{
  AsMember *member = as_member_new ();

  as_member_set_name (member, name);
  return member;
}

static const char *
member_name_at (AsSet *set,
                guint  position)
{
  g_autoptr(AsMember) member = g_list_model_get_item (as_set_get_members (set), position);

  g_assert_nonnull (member);
  return as_member_get_name (member);
}

static void
test_kinds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_classes); i++)
    {
      g_autoptr(AsEntity) entity = g_object_new (entity_classes[i].get_type (), NULL);

      g_assert_true (AS_IS_ENTITY (entity));
      g_assert_cmpstr (as_entity_get_kind (entity), ==, entity_classes[i].kind);
      g_assert_null (as_entity_get_parent (entity));
      g_assert_true (as_entity_get_root (entity) == entity);
      g_assert_false (as_entity_is_document (entity));
      g_assert_null (as_entity_get_undo_stack (entity));
      g_assert_null (as_entity_get_extra (entity));
    }
}

static void
test_ids (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint round = 0; round < 50; round++)
    for (guint i = 0; i < G_N_ELEMENTS (entity_classes); i++)
      {
        g_autoptr(AsEntity) entity = g_object_new (entity_classes[i].get_type (), NULL);
        const char *id = as_entity_get_id (entity);
        g_autofree char *prop = NULL;

        g_assert_nonnull (id);
        g_assert_true (g_uuid_string_is_valid (id));
        /* Version 4, random. */
        g_assert_cmpint (id[14], ==, '4');
        g_assert_false (g_hash_table_contains (seen, id));
        g_hash_table_add (seen, g_strdup (id));

        g_object_get (entity, "id", &prop, NULL);
        g_assert_cmpstr (prop, ==, id);
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50 * G_N_ELEMENTS (entity_classes));

  {
    g_autofree char *a = as_new_id ();
    g_autofree char *b = as_new_id ();

    g_assert_true (g_uuid_string_is_valid (a));
    g_assert_cmpstr (a, !=, b);
  }
}

static void
test_id_given (void)
{
  const char *fixed = "0b0c7f5e-8a39-4d0c-9b5e-3f0a3f9e2d11";
  g_autoptr(AsMember) member = g_object_new (AS_TYPE_MEMBER, "id", fixed, NULL);
  g_autoptr(AsMember) other = as_member_new ();

  g_assert_cmpstr (as_entity_get_id (AS_ENTITY (member)), ==, fixed);

  /* A loader gives an entity not yet in a document the id from the file. */
  as_entity_set_id (AS_ENTITY (other), fixed);
  g_assert_cmpstr (as_entity_get_id (AS_ENTITY (other)), ==, fixed);
}

static void
test_reflection (void)
{
  g_autoptr(AsRound) round = as_round_new ();
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (round);
  const AsField *fields;
  const AsChildList *lists;
  const AsField *field;
  guint n_fields = 0;
  guint n_lists = 0;
  GParamSpec *pspec;

  fields = as_entity_class_get_fields (klass, &n_fields);
  g_assert_cmpuint (n_fields, >=, 2);
  lists = as_entity_class_get_lists (klass, &n_lists);
  g_assert_cmpuint (n_lists, ==, 1);
  g_assert_true (&lists[0] == as_round_list_steps ());
  g_assert_cmpstr (lists[0].name, ==, "steps");
  g_assert_true (lists[0].item_type () == AS_TYPE_STEP);

  field = as_entity_find_field (AS_ENTITY (round), "planned_minutes");
  g_assert_nonnull (field);
  g_assert_true (field >= fields && field < fields + n_fields);
  g_assert_cmpstr (field->name, ==, "planned-minutes");
  g_assert_cmpint (field->type, ==, AS_FIELD_INT);
  /* Fields are found by their JSON name only. */
  g_assert_null (as_entity_find_field (AS_ENTITY (round), "planned-minutes"));
  g_assert_null (as_entity_find_field (AS_ENTITY (round), "nonsense"));

  pspec = as_entity_field_pspec (AS_ENTITY (round), field);
  g_assert_nonnull (pspec);
  g_assert_cmpstr (g_param_spec_get_name (pspec), ==, "planned-minutes");
  g_assert_true (G_IS_PARAM_SPEC_INT (pspec));

  g_assert_true (as_entity_find_list (AS_ENTITY (round), "steps") == as_round_list_steps ());
  g_assert_null (as_entity_find_list (AS_ENTITY (round), "rounds"));
  g_assert_true (as_entity_get_list (AS_ENTITY (round), as_round_list_steps ()) ==
                 G_LIST_STORE (as_round_get_steps (round)));

  /* Classes without lists report none. */
  {
    g_autoptr(AsMember) member = as_member_new ();

    as_entity_class_get_lists (AS_ENTITY_GET_CLASS (member), &n_lists);
    g_assert_cmpuint (n_lists, ==, 0);
  }
}

static void
test_field_value (void)
{
  g_autoptr(AsMember) member = as_member_new ();
  const AsField *field = as_entity_find_field (AS_ENTITY (member), "sponsor_name");
  g_auto(GValue) in = G_VALUE_INIT;
  g_auto(GValue) out = G_VALUE_INIT;
  gpointer storage;

  g_assert_nonnull (field);
  g_value_init (&in, G_TYPE_STRING);
  g_value_set_string (&in, "Dr Okafor");
  as_entity_set_field_value (AS_ENTITY (member), field, &in);
  g_assert_cmpstr (as_member_get_sponsor_name (member), ==, "Dr Okafor");

  as_entity_get_field_value (AS_ENTITY (member), field, &out);
  g_assert_true (G_VALUE_HOLDS_STRING (&out));
  g_assert_cmpstr (g_value_get_string (&out), ==, "Dr Okafor");

  storage = as_entity_field_storage (AS_ENTITY (member), field);
  g_assert_cmpstr (*(char **) storage, ==, "Dr Okafor");
}

static void
test_markup_stored_as_typed (void)
{
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(AsQuestion) question = as_question_new ();
  const char *name = "R&D <b>";
  const char *text = "What would <i>you</i> do & why?\nSecond line &amp; more";

  as_member_set_name (member, name);
  g_assert_cmpstr (as_member_get_name (member), ==, name);
  as_question_set_text (question, text);
  g_assert_cmpstr (as_question_get_text (question), ==, text);
}

static void
test_extra (void)
{
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_string_member (extra, "future_field", "kept");
  as_entity_set_extra (AS_ENTITY (member), extra);
  g_assert_true (as_entity_get_extra (AS_ENTITY (member)) == extra);
  /* The entity holds its own reference. */
  g_clear_pointer (&extra, json_object_unref);
  g_assert_cmpstr (json_object_get_string_member (as_entity_get_extra (AS_ENTITY (member)),
                                                  "future_field"), ==, "kept");
  as_entity_set_extra (AS_ENTITY (member), NULL);
  g_assert_null (as_entity_get_extra (AS_ENTITY (member)));
}

static void
test_insert (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  GListModel *members = as_set_get_members (set);
  g_autoptr(GArray) changes = watch_list (members);
  g_autoptr(AsMember) ada = new_member ("Ada");
  g_autoptr(AsMember) brook = new_member ("Brook");
  g_autoptr(AsMember) cy = new_member ("Cy");
  g_autoptr(AsMember) dee = new_member ("Dee");

  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (cy));
  assert_change (changes, 0, 0, 0, 1);
  as_entity_insert_child (AS_ENTITY (set), as_set_list_members (), 0, AS_ENTITY (ada));
  assert_change (changes, 1, 0, 0, 1);
  as_entity_insert_child (AS_ENTITY (set), as_set_list_members (), 1, AS_ENTITY (brook));
  assert_change (changes, 2, 1, 0, 1);
  /* A position past the end appends. */
  as_entity_insert_child (AS_ENTITY (set), as_set_list_members (), 42, AS_ENTITY (dee));
  assert_change (changes, 3, 3, 0, 1);
  g_assert_cmpuint (changes->len, ==, 4);

  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 4);
  g_assert_cmpstr (member_name_at (set, 0), ==, "Ada");
  g_assert_cmpstr (member_name_at (set, 1), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Cy");
  g_assert_cmpstr (member_name_at (set, 3), ==, "Dee");
  g_assert_true (g_list_model_get_item_type (members) == AS_TYPE_MEMBER);

  g_assert_true (as_entity_get_parent (AS_ENTITY (ada)) == AS_ENTITY (set));
  g_assert_true (as_entity_get_root (AS_ENTITY (dee)) == AS_ENTITY (set));
}

static void
test_insert_grandchildren (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autoptr(AsRound) round = as_round_new ();
  g_autoptr(AsStep) step = as_step_new ();

  as_entity_append_child (AS_ENTITY (round), as_round_list_steps (), AS_ENTITY (step));
  as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_rounds (), AS_ENTITY (round));
  g_assert_true (as_entity_get_root (AS_ENTITY (step)) == AS_ENTITY (meeting));
  as_entity_append_child (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));

  g_assert_true (as_entity_get_parent (AS_ENTITY (step)) == AS_ENTITY (round));
  g_assert_true (as_entity_get_parent (AS_ENTITY (round)) == AS_ENTITY (meeting));
  g_assert_true (as_entity_get_parent (AS_ENTITY (meeting)) == AS_ENTITY (set));
  g_assert_true (as_entity_get_root (AS_ENTITY (step)) == AS_ENTITY (set));
}

static void
test_remove (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  GListModel *members = as_set_get_members (set);
  g_autoptr(GArray) changes = NULL;
  g_autoptr(AsMember) ada = new_member ("Ada");
  g_autoptr(AsMember) brook = new_member ("Brook");
  g_autoptr(AsMember) cy = new_member ("Cy");
  g_autoptr(AsMember) stranger = new_member ("Stranger");

  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (ada));
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (brook));
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (cy));
  changes = watch_list (members);

  as_entity_remove_child (AS_ENTITY (set), as_set_list_members (), 1);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 1, 0);
  g_assert_null (as_entity_get_parent (AS_ENTITY (brook)));
  g_assert_true (as_entity_get_root (AS_ENTITY (brook)) == AS_ENTITY (brook));
  g_assert_cmpstr (member_name_at (set, 1), ==, "Cy");

  g_assert_true (as_entity_remove_child_item (AS_ENTITY (set), as_set_list_members (),
                                              AS_ENTITY (cy)));
  assert_change (changes, 1, 1, 1, 0);
  g_assert_null (as_entity_get_parent (AS_ENTITY (cy)));

  /* Not in the list: nothing happens. */
  g_assert_false (as_entity_remove_child_item (AS_ENTITY (set), as_set_list_members (),
                                               AS_ENTITY (stranger)));
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);

  /* A removed child can be inserted again, elsewhere. */
  as_entity_insert_child (AS_ENTITY (set), as_set_list_members (), 0, AS_ENTITY (cy));
  g_assert_true (as_entity_get_parent (AS_ENTITY (cy)) == AS_ENTITY (set));
  g_assert_cmpstr (member_name_at (set, 0), ==, "Cy");
}

typedef struct
{
  AsEntity *child;
  guint     calls;
} ParentCheck;

static void
check_parent_cleared (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    data)
{
  ParentCheck *check = data;

  check->calls++;
  g_assert_null (as_entity_get_parent (check->child));
}

static void
test_remove_parent_cleared_first (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  g_autoptr(AsMember) ada = new_member ("Ada");
  ParentCheck check = { AS_ENTITY (ada), 0 };

  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (ada));
  g_signal_connect (as_set_get_members (set), "items-changed",
                    G_CALLBACK (check_parent_cleared), &check);
  /* Whoever hears the list change finds the child already out of the tree. */
  as_entity_remove_child (AS_ENTITY (set), as_set_list_members (), 0);
  g_assert_cmpuint (check.calls, ==, 1);
}

static void
test_move (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  GListModel *members = as_set_get_members (set);
  g_autoptr(GArray) changes = NULL;
  const char *names[] = { "Ada", "Brook", "Cy", "Dee" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AsMember) member = new_member (names[i]);
      as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
    }
  changes = watch_list (members);

  /* Forward: Ada to the third place. One change covers the moved range, so
   * that a selection can follow the item. */
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 0, 2);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 3, 3);
  g_assert_cmpstr (member_name_at (set, 0), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 1), ==, "Cy");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Ada");
  g_assert_cmpstr (member_name_at (set, 3), ==, "Dee");

  /* Backward: Dee to the second place. */
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 3, 1);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 1, 3, 3);
  g_assert_cmpstr (member_name_at (set, 0), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 1), ==, "Dee");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Cy");
  g_assert_cmpstr (member_name_at (set, 3), ==, "Ada");

  /* Past the end: to the last place. */
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 0, 100);
  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 2, 0, 4, 4);
  g_assert_cmpstr (member_name_at (set, 3), ==, "Brook");

  /* To where it is: nothing. */
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 2, 2);
  g_assert_cmpuint (changes->len, ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);
      g_assert_true (as_entity_get_parent (AS_ENTITY (member)) == AS_ENTITY (set));
    }
}

static void
test_insert_refused (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  g_autoptr(AsSet) other = as_set_new ();
  g_autoptr(AsMember) document = new_member ("Root");
  g_autoptr(AsRound) round = as_round_new ();
  g_autoptr(AsMember) member = new_member ("Ada");

  /* The wrong item type. */
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*g_type_is_a*");
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (round));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 0);
  g_assert_null (as_entity_get_parent (AS_ENTITY (round)));

  /* A child that already has a parent. */
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*parent == NULL*");
  as_entity_append_child (AS_ENTITY (other), as_set_list_members (), AS_ENTITY (member));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (other)), ==, 0);
  g_assert_true (as_entity_get_parent (AS_ENTITY (member)) == AS_ENTITY (set));

  /* A document root. */
  as_entity_make_document (AS_ENTITY (document), NULL);
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*doc == NULL*");
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (document));
  g_test_assert_expected_messages ();

  /* A list of another class: a round list on a set. */
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*has_list*");
  as_entity_append_child (AS_ENTITY (set), as_meeting_list_rounds (), AS_ENTITY (round));
  g_test_assert_expected_messages ();
  g_assert_null (as_entity_get_parent (AS_ENTITY (round)));

  /* A position out of range. */
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*position < *");
  as_entity_remove_child (AS_ENTITY (set), as_set_list_members (), 5);
  g_test_assert_expected_messages ();
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*from < n*");
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 5, 0);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 1);
}

static void
test_document_index (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(AsMember) ada = new_member ("Ada");
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autoptr(AsRound) round = as_round_new ();
  g_autoptr(AsStep) step = as_step_new ();
  g_autoptr(AsQuestion) question = as_question_new ();
  g_autoptr(AsMember) loose = new_member ("Loose");
  const char *set_id = as_entity_get_id (AS_ENTITY (set));
  g_autofree char *meeting_id = g_strdup (as_entity_get_id (AS_ENTITY (meeting)));
  g_autofree char *round_id = g_strdup (as_entity_get_id (AS_ENTITY (round)));
  g_autofree char *step_id = g_strdup (as_entity_get_id (AS_ENTITY (step)));
  g_autofree char *question_id = g_strdup (as_entity_get_id (AS_ENTITY (question)));
  const char *ada_id = as_entity_get_id (AS_ENTITY (ada));

  g_assert_true (as_entity_is_document (AS_ENTITY (set)));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), set_id) == AS_ENTITY (set));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), ada_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), NULL));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), "not-an-id"));

  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (ada));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), ada_id) == AS_ENTITY (ada));
  g_assert_true (as_set_lookup_member (set, ada_id) == ada);
  g_assert_null (as_set_lookup_meeting (set, ada_id));

  /* A subtree built outside the document is indexed whole on insertion. */
  as_entity_append_child (AS_ENTITY (round), as_round_list_steps (), AS_ENTITY (step));
  as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_rounds (), AS_ENTITY (round));
  as_entity_append_child (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), meeting_id) == AS_ENTITY (meeting));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), round_id) == AS_ENTITY (round));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), step_id) == AS_ENTITY (step));
  g_assert_true (as_set_lookup_meeting (set, meeting_id) == meeting);
  /* Any entity of the document finds the others. */
  g_assert_true (as_entity_lookup (AS_ENTITY (step), ada_id) == AS_ENTITY (ada));
  g_assert_true (as_entity_get_undo_stack (AS_ENTITY (step)) == as_set_get_undo_stack (set));

  /* A child added to an entity already in the document. */
  as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_questions (), AS_ENTITY (question));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), question_id) == AS_ENTITY (question));

  /* An entity outside any document finds nothing, not even itself. */
  g_assert_null (as_entity_lookup (AS_ENTITY (loose), as_entity_get_id (AS_ENTITY (loose))));

  /* Removing forgets the whole subtree. */
  as_entity_remove_child_item (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), meeting_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), round_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), step_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), question_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (step), step_id));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), ada_id) == AS_ENTITY (ada));

  /* A move keeps the index as it was. */
  {
    g_autoptr(AsMember) brook = new_member ("Brook");
    as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (brook));
    as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 1, 0);
    g_assert_true (as_entity_lookup (AS_ENTITY (set), ada_id) == AS_ENTITY (ada));
    g_assert_true (as_entity_lookup (AS_ENTITY (set), as_entity_get_id (AS_ENTITY (brook))) ==
                   AS_ENTITY (brook));
  }

  as_entity_remove_child_item (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (ada));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), ada_id));
  g_assert_null (as_set_lookup_member (set, ada_id));
}

static void
test_make_document_indexes_tree (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  g_autoptr(AsAction) action = as_action_new ();
  g_autoptr(AsStatusChange) change = as_status_change_new ();
  g_autoptr(AsUndoStack) undo = as_undo_stack_new ();

  as_entity_append_child (AS_ENTITY (action), as_action_list_history (), AS_ENTITY (change));
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  as_entity_make_document (AS_ENTITY (set), undo);

  g_assert_true (as_entity_is_document (AS_ENTITY (set)));
  g_assert_true (as_entity_get_undo_stack (AS_ENTITY (change)) == undo);
  g_assert_true (as_entity_lookup (AS_ENTITY (set), as_entity_get_id (AS_ENTITY (change))) ==
                 AS_ENTITY (change));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), as_entity_get_id (AS_ENTITY (action))) ==
                 AS_ENTITY (action));

  /* A document without an undo stack still indexes and announces. */
  {
    g_autoptr(AsSet) bare = as_set_new ();
    g_autoptr(GArray) edits = watch_edits (AS_ENTITY (bare));

    as_entity_make_document (AS_ENTITY (bare), NULL);
    g_assert_true (as_entity_is_document (AS_ENTITY (bare)));
    g_assert_null (as_set_get_undo_stack (bare));
    as_set_set_name (bare, "No history");
    g_assert_cmpuint (edits->len, ==, 1);
  }
}

static void
test_edited (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(GArray) edits = watch_edits (AS_ENTITY (set));
  g_autoptr(AsMember) ada = new_member ("Ada");
  g_autoptr(AsMember) brook = new_member ("Brook");
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autoptr(AsRound) round = as_round_new ();
  AsEdit *e;

  as_set_set_name (set, "Tuesday");
  g_assert_cmpuint (edits->len, ==, 1);
  e = &g_array_index (edits, AsEdit, 0);
  g_assert_cmpint (e->kind, ==, AS_EDIT_SET);
  g_assert_true (e->target == AS_ENTITY (set));
  g_assert_true (e->field == as_entity_find_field (AS_ENTITY (set), "name"));
  g_assert_null (e->list);
  g_assert_null (e->child);

  /* The same value again is no edit. */
  as_set_set_name (set, "Tuesday");
  g_assert_cmpuint (edits->len, ==, 1);

  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (ada));
  as_entity_insert_child (AS_ENTITY (set), as_set_list_members (), 0, AS_ENTITY (brook));
  g_assert_cmpuint (edits->len, ==, 3);
  e = &g_array_index (edits, AsEdit, 1);
  g_assert_cmpint (e->kind, ==, AS_EDIT_INSERT);
  g_assert_true (e->target == AS_ENTITY (set));
  g_assert_true (e->list == as_set_list_members ());
  g_assert_cmpuint (e->position, ==, 0);
  g_assert_true (e->child == AS_ENTITY (ada));
  e = &g_array_index (edits, AsEdit, 2);
  g_assert_cmpint (e->kind, ==, AS_EDIT_INSERT);
  g_assert_cmpuint (e->position, ==, 0);
  g_assert_true (e->child == AS_ENTITY (brook));

  /* An edit of a child is announced on the root, with the child as target. */
  as_member_set_role (ada, "Nurse");
  g_assert_cmpuint (edits->len, ==, 4);
  e = &g_array_index (edits, AsEdit, 3);
  g_assert_cmpint (e->kind, ==, AS_EDIT_SET);
  g_assert_true (e->target == AS_ENTITY (ada));
  g_assert_cmpstr (e->field->json_name, ==, "role");

  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 0, 1);
  g_assert_cmpuint (edits->len, ==, 5);
  e = &g_array_index (edits, AsEdit, 4);
  g_assert_cmpint (e->kind, ==, AS_EDIT_MOVE);
  g_assert_true (e->target == AS_ENTITY (set));
  g_assert_true (e->list == as_set_list_members ());
  g_assert_cmpuint (e->position, ==, 0);
  g_assert_cmpuint (e->position2, ==, 1);
  g_assert_true (e->child == AS_ENTITY (brook));

  as_entity_remove_child (AS_ENTITY (set), as_set_list_members (), 0);
  g_assert_cmpuint (edits->len, ==, 6);
  e = &g_array_index (edits, AsEdit, 5);
  g_assert_cmpint (e->kind, ==, AS_EDIT_REMOVE);
  g_assert_true (e->target == AS_ENTITY (set));
  g_assert_cmpuint (e->position, ==, 0);
  g_assert_true (e->child == AS_ENTITY (ada));

  /* Edits of entities outside the document are not announced. */
  as_member_set_role (ada, "Doctor");
  as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_rounds (), AS_ENTITY (round));
  as_round_set_planned_minutes (round, 30);
  g_assert_cmpuint (edits->len, ==, 6);

  /* A grandchild's edit names the grandchild and the list's owner. */
  as_entity_append_child (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));
  as_round_set_planned_minutes (round, 40);
  {
    g_autoptr(AsStep) step = as_step_new ();

    as_entity_append_child (AS_ENTITY (round), as_round_list_steps (), AS_ENTITY (step));
  }
  g_assert_cmpuint (edits->len, ==, 9);
  e = &g_array_index (edits, AsEdit, 7);
  g_assert_cmpint (e->kind, ==, AS_EDIT_SET);
  g_assert_true (e->target == AS_ENTITY (round));
  g_assert_cmpstr (e->field->name, ==, "planned-minutes");
  e = &g_array_index (edits, AsEdit, 8);
  g_assert_cmpint (e->kind, ==, AS_EDIT_INSERT);
  g_assert_true (e->target == AS_ENTITY (round));
  g_assert_true (e->list == as_round_list_steps ());
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_load_field (void)
{
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(GArray) edits = watch_edits (AS_ENTITY (set));
  const AsField *field = as_entity_find_field (AS_ENTITY (member), "name");
  g_auto(GValue) value = G_VALUE_INIT;
  guint notifies = 0;

  g_signal_connect (member, "notify", G_CALLBACK (count_notify), &notifies);
  g_value_init (&value, G_TYPE_STRING);

  /* A loader stores values silently. */
  g_value_set_string (&value, "Loaded <name>");
  as_entity_load_field (AS_ENTITY (member), field, &value);
  g_assert_cmpuint (notifies, ==, 0);
  g_assert_cmpstr (as_member_get_name (member), ==, "Loaded <name>");

  /* Not inside a document, where every change must be recorded. */
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  g_assert_cmpuint (edits->len, ==, 1);
  g_value_set_string (&value, "Sneaked in");
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*find_document*");
  as_entity_load_field (AS_ENTITY (member), field, &value);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (as_member_get_name (member), ==, "Loaded <name>");
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpuint (notifies, ==, 0);
  g_signal_handlers_disconnect_by_data (member, &notifies);
}

static void
test_load_children (void)
{
  g_autoptr(AsRound) round = as_round_new ();
  g_autoptr(AsStep) a = as_step_new ();
  g_autoptr(AsStep) b = as_step_new ();
  g_autoptr(AsStep) c = as_step_new ();
  g_autoptr(AsMember) wrong = as_member_new ();
  AsEntity *children[] = { AS_ENTITY (a), AS_ENTITY (b) };
  AsEntity *mixed[] = { AS_ENTITY (c), AS_ENTITY (wrong) };
  GListModel *steps = as_round_get_steps (round);

  as_entity_load_children (AS_ENTITY (round), as_round_list_steps (), children, 2);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 2);
  g_assert_true (as_entity_get_parent (AS_ENTITY (a)) == AS_ENTITY (round));
  g_assert_true (as_entity_get_parent (AS_ENTITY (b)) == AS_ENTITY (round));
  {
    g_autoptr(AsStep) second = g_list_model_get_item (steps, 1);
    g_assert_true (second == b);
  }

  /* A batch with one wrong child is refused whole: no child is half in. */
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*g_type_is_a*");
  as_entity_load_children (AS_ENTITY (round), as_round_list_steps (), mixed, 2);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 2);
  g_assert_null (as_entity_get_parent (AS_ENTITY (c)));
  g_assert_null (as_entity_get_parent (AS_ENTITY (wrong)));

  /* Children that have a parent already. */
  g_test_expect_message ("as-entity", G_LOG_LEVEL_CRITICAL, "*parent == NULL*");
  as_entity_load_children (AS_ENTITY (round), as_round_list_steps (), children, 2);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 2);
}

/* Sets a property to a value that no file could hold: refused with a
 * warning, the value kept, nothing notified or announced. */
static void
assert_refused (AsEntity   *entity,
                const char *property,
                ...)
{
  g_auto(GValue) before = G_VALUE_INIT;
  g_auto(GValue) after = G_VALUE_INIT;
  g_autoptr(GArray) edits = watch_edits (as_entity_get_root (entity));
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);
  guint notified = 0;
  gulong handler;
  va_list args;

  g_value_init (&before, pspec->value_type);
  g_value_init (&after, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), property, &before);
  handler = g_signal_connect (entity, "notify", G_CALLBACK (count_notify), &notified);

  g_test_expect_message ("as-entity", G_LOG_LEVEL_WARNING, "*refused*");
  va_start (args, property);
  g_object_set_valist (G_OBJECT (entity), property, args);
  va_end (args);
  g_test_assert_expected_messages ();

  g_signal_handler_disconnect (entity, handler);
  g_object_get_property (G_OBJECT (entity), property, &after);
  if (G_VALUE_HOLDS (&before, G_TYPE_STRV))
    g_assert_true (g_strv_equal (g_value_get_boxed (&before), g_value_get_boxed (&after)));
  else
    g_assert_cmpint (g_param_values_cmp (pspec, &before, &after), ==, 0);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpuint (edits->len, ==, 0);
  g_signal_handlers_disconnect_by_data (as_entity_get_root (entity), edits);
}

static void
test_setters_refuse (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(AsAction) action = as_action_new ();
  AsMeeting *meeting;
  g_autofree char *long_line = g_strnfill (AS_MAX_LINE + 1, 'x');
  g_autofree char *line = g_strnfill (AS_MAX_LINE, 'x');
  g_autofree char *long_text = g_strnfill (AS_MAX_STRING + 1, 'x');
  g_autofree char *quotes = g_strnfill (AS_MAX_STRING / 2 + 1, '"');
  g_autofree char *text = g_strnfill (AS_MAX_STRING, 'x');
  const char *not_ids[] = { "00000000-0000-4000-8000-000000000001", "ana", NULL };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 4, 9, 30, 0);

  as_set_set_name (set, "North");
  as_member_set_name (member, "Ana");
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  meeting = as_set_add_meeting (set, start);

  /* Texts: over the limits as a file writes them, not UTF-8, not one line. */
  assert_refused (AS_ENTITY (set), "name", long_line, NULL);
  assert_refused (AS_ENTITY (set), "name", "North\nSouth", NULL);
  assert_refused (AS_ENTITY (member), "name", "Ana\tB", NULL);
  assert_refused (AS_ENTITY (member), "name", "B\xe9n", NULL);
  assert_refused (AS_ENTITY (set), "purpose", long_text, NULL);
  /* Each quote is written as two bytes. */
  assert_refused (AS_ENTITY (set), "purpose", quotes, NULL);
  assert_refused (AS_ENTITY (member), "challenge", "\xff", NULL);

  /* A colour, a date, references. */
  assert_refused (AS_ENTITY (member), "colour", "blue", NULL);
  assert_refused (AS_ENTITY (member), "colour", "#12345g", NULL);
  assert_refused (AS_ENTITY (action), "due", "2026-02-30", NULL);
  assert_refused (AS_ENTITY (action), "owner", "ana", NULL);
  assert_refused (AS_ENTITY (meeting), "attendees", not_ids, NULL);
  for (guint i = 0; i <= AS_MAX_REFS; i++)
    g_ptr_array_add (many, g_strdup_printf ("00000000-0000-4000-8000-%012x", i));
  g_ptr_array_add (many, NULL);
  assert_refused (AS_ENTITY (meeting), "attendees", many->pdata, NULL);

  /* Numbers out of range, which GObject refuses itself. */
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
  as_set_set_warning_seconds (set, 3601);
  g_test_assert_expected_messages ();
  g_assert_cmpint (as_set_get_warning_seconds (set), ==, 120);

  /* At the limits, taken. */
  as_set_set_name (set, line);
  g_assert_cmpstr (as_set_get_name (set), ==, line);
  as_set_set_purpose (set, text);
  g_assert_cmpstr (as_set_get_purpose (set), ==, text);
  as_member_set_colour (member, "#A1b2C3");
  as_action_set_due (action, "2028-02-29");
  as_action_set_due (action, "");
  g_assert_null (as_action_get_due (action));
  as_set_set_facilitator (set, NULL);
  g_assert_cmpstr (as_set_get_facilitator (set), ==, "");
  as_member_set_challenge (member, "Line one\nline two\t\x01");
}

static void
test_fit_text (void)
{
  g_autoptr(AsSet) set = as_set_new ();
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(GString) long_name = g_string_new ("x");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *fitted = NULL;

  /* A one-line text: control characters become spaces, invalid UTF-8 is
   * replaced, and the end beyond the limit is cut at a character. */
  fitted = as_entity_fit_text (AS_ENTITY (set), "name", "North\tset\r\n2026");
  g_assert_cmpstr (fitted, ==, "North set  2026");
  g_clear_pointer (&fitted, g_free);
  fitted = as_entity_fit_text (AS_ENTITY (member), "name", "B\xe9n");
  g_assert_true (g_utf8_validate (fitted, -1, NULL));
  g_assert_true (g_str_has_prefix (fitted, "B"));
  g_clear_pointer (&fitted, g_free);
  while (long_name->len <= AS_MAX_LINE)
    g_string_append (long_name, "é");
  fitted = as_entity_fit_text (AS_ENTITY (member), "sponsor-name", long_name->str);
  g_assert_cmpuint (strlen (fitted), ==, AS_MAX_LINE - 1);
  g_assert_true (g_str_has_prefix (long_name->str, fitted));
  g_clear_pointer (&fitted, g_free);

  /* A text keeps its lines, and is cut where it stops fitting as written:
   * a line break takes two bytes. */
  for (guint i = 0; i < AS_MAX_STRING / 2 + 1; i++)
    g_string_append_c (long_text, '\n');
  fitted = as_entity_fit_text (AS_ENTITY (set), "purpose", long_text->str);
  g_assert_cmpuint (strlen (fitted), ==, AS_MAX_STRING / 2);
  g_clear_pointer (&fitted, g_free);
  fitted = as_entity_fit_text (AS_ENTITY (set), "purpose", "a\tb\nc");
  g_assert_cmpstr (fitted, ==, "a\tb\nc");
  g_clear_pointer (&fitted, g_free);

  /* What fits is taken by the setter. */
  fitted = as_entity_fit_text (AS_ENTITY (member), "name", "\001Ana\037");
  as_member_set_name (member, fitted);
  g_assert_cmpstr (as_member_get_name (member), ==, " Ana ");
}

static void
test_finalize_each_class (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = g_date_time_new (tz, 2026, 3, 4, 9, 30, 0);

  for (guint i = 0; i < G_N_ELEMENTS (entity_classes); i++)
    {
      AsEntity *entity = g_object_new (entity_classes[i].get_type (), NULL);
      guint n_fields = 0;
      const AsField *fields = as_entity_class_get_fields (AS_ENTITY_GET_CLASS (entity), &n_fields);
      g_autoptr(JsonObject) extra = json_object_new ();

      /* Fill every field that owns memory. */
      for (guint f = 0; f < n_fields; f++)
        {
          const char *strv[] = { ID_X, ID_Y, NULL };

          switch (fields[f].type)
            {
            case AS_FIELD_STRING:
            case AS_FIELD_TEXT:
              g_object_set (entity, fields[f].name, "value", NULL);
              break;
            case AS_FIELD_REF:
              g_object_set (entity, fields[f].name, ID_X, NULL);
              break;
            case AS_FIELD_DATE:
              g_object_set (entity, fields[f].name, "2026-03-04", NULL);
              break;
            case AS_FIELD_COLOR:
              g_object_set (entity, fields[f].name, "#abcdef", NULL);
              break;
            case AS_FIELD_DATETIME:
              g_object_set (entity, fields[f].name, at, NULL);
              break;
            case AS_FIELD_REF_LIST:
              g_object_set (entity, fields[f].name, strv, NULL);
              break;
            case AS_FIELD_INT:
            case AS_FIELD_BOOLEAN:
            case AS_FIELD_ENUM:
            default:
              break;
            }
        }
      as_entity_set_extra (entity, extra);
      g_assert_finalize_object (entity);
    }
}

/* Every entity of a document tree, to check that all of them go. */
typedef struct
{
  gpointer slots[64];
  guint    n;
} Tracker;

static gpointer
track (Tracker  *tracker,
       gpointer  object)
{
  g_assert_cmpuint (tracker->n, <, G_N_ELEMENTS (tracker->slots));
  tracker->slots[tracker->n] = object;
  g_object_add_weak_pointer (object, &tracker->slots[tracker->n]);
  tracker->n++;
  return object;
}

static void
append_new (Tracker           *tracker,
            AsEntity          *parent,
            const AsChildList *list,
            AsEntity          *child)
{
  track (tracker, child);
  as_entity_append_child (parent, list, child);
  g_object_unref (child);
}

static void
test_finalize_document_tree (void)
{
  Tracker tracker = { { NULL }, 0 };
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 4, 9, 30, 0);
  AsSet *set = track (&tracker, as_set_new_document ());
  AsUndoStack *undo = as_set_get_undo_stack (set);
  AsMember *ada = as_member_new ();
  AsMember *brook = as_member_new ();
  AsMeeting *meeting;
  AsAction *action = as_action_new ();

  track (&tracker, undo);
  as_set_set_name (set, "Tuesday");
  as_member_set_name (ada, "Ada");
  as_member_set_name (brook, "Brook");
  append_new (&tracker, AS_ENTITY (set), as_set_list_members (), AS_ENTITY (ada));
  append_new (&tracker, AS_ENTITY (set), as_set_list_members (), AS_ENTITY (brook));

  meeting = as_set_add_meeting (set, start);
  track (&tracker, meeting);
  for (guint r = 0; r < g_list_model_get_n_items (as_meeting_get_rounds (meeting)); r++)
    {
      g_autoptr(AsRound) round = g_list_model_get_item (as_meeting_get_rounds (meeting), r);

      track (&tracker, round);
      for (guint s = 0; s < g_list_model_get_n_items (as_round_get_steps (round)); s++)
        {
          g_autoptr(AsStep) step = g_list_model_get_item (as_round_get_steps (round), s);
          track (&tracker, step);
        }
    }
  {
    AsTurn *turn = as_turn_new ();
    AsQuestion *question = as_question_new ();
    AsReflection *reflection = as_reflection_new ();
    AsTimerEvent *event = as_timer_event_new ();

    as_turn_set_start (turn, start);
    as_question_set_text (question, "Why?");
    as_reflection_set_text (reflection, "I listened.");
    as_timer_event_set_at (event, start);
    append_new (&tracker, AS_ENTITY (meeting), as_meeting_list_turns (), AS_ENTITY (turn));
    append_new (&tracker, AS_ENTITY (meeting), as_meeting_list_questions (), AS_ENTITY (question));
    append_new (&tracker, AS_ENTITY (meeting), as_meeting_list_reflections (),
                AS_ENTITY (reflection));
    append_new (&tracker, AS_ENTITY (meeting), as_meeting_list_timer_events (), AS_ENTITY (event));
  }

  as_action_set_owner (action, as_entity_get_id (AS_ENTITY (ada)));
  as_action_set_text (action, "Call the sponsor");
  append_new (&tracker, AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  as_action_change_status (action, AS_ACTION_DOING, start, NULL);
  as_action_change_status (action, AS_ACTION_DONE, start, "Called");
  for (guint i = 0; i < g_list_model_get_n_items (as_action_get_history (action)); i++)
    {
      g_autoptr(AsStatusChange) change = g_list_model_get_item (as_action_get_history (action), i);
      track (&tracker, change);
    }

  /* History that holds entities out of the tree: a removed member, and an
   * undone insertion on the redo side. */
  as_entity_remove_child_item (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (brook));
  {
    AsMember *cy = as_member_new ();

    append_new (&tracker, AS_ENTITY (set), as_set_list_members (), AS_ENTITY (cy));
    g_assert_true (as_undo_stack_undo (undo));
  }
  g_assert_true (as_undo_stack_get_can_undo (undo));
  g_assert_true (as_undo_stack_get_can_redo (undo));
  g_assert_cmpuint (tracker.n, >=, 20);

  g_assert_finalize_object (set);
  for (guint i = 0; i < tracker.n; i++)
    g_assert_null (tracker.slots[i]);
}

static void
test_child_outlives_parent (void)
{
  AsRound *round = as_round_new ();
  g_autoptr(AsStep) step = as_step_new ();

  as_entity_append_child (AS_ENTITY (round), as_round_list_steps (), AS_ENTITY (step));
  g_assert_true (as_entity_get_parent (AS_ENTITY (step)) == AS_ENTITY (round));
  g_assert_finalize_object (round);
  g_assert_null (as_entity_get_parent (AS_ENTITY (step)));
  g_assert_true (as_entity_get_root (AS_ENTITY (step)) == AS_ENTITY (step));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/kinds", test_kinds);
  g_test_add_func ("/entity/ids", test_ids);
  g_test_add_func ("/entity/id-given", test_id_given);
  g_test_add_func ("/entity/reflection", test_reflection);
  g_test_add_func ("/entity/field-value", test_field_value);
  g_test_add_func ("/entity/markup", test_markup_stored_as_typed);
  g_test_add_func ("/entity/extra", test_extra);
  g_test_add_func ("/entity/list/insert", test_insert);
  g_test_add_func ("/entity/list/insert-grandchildren", test_insert_grandchildren);
  g_test_add_func ("/entity/list/remove", test_remove);
  g_test_add_func ("/entity/list/remove-parent-cleared-first", test_remove_parent_cleared_first);
  g_test_add_func ("/entity/list/move", test_move);
  g_test_add_func ("/entity/list/refused", test_insert_refused);
  g_test_add_func ("/entity/document/index", test_document_index);
  g_test_add_func ("/entity/document/make", test_make_document_indexes_tree);
  g_test_add_func ("/entity/document/edited", test_edited);
  g_test_add_func ("/entity/setters-refuse", test_setters_refuse);
  g_test_add_func ("/entity/fit-text", test_fit_text);
  g_test_add_func ("/entity/load/field", test_load_field);
  g_test_add_func ("/entity/load/children", test_load_children);
  g_test_add_func ("/entity/finalize/each-class", test_finalize_each_class);
  g_test_add_func ("/entity/finalize/document-tree", test_finalize_document_tree);
  g_test_add_func ("/entity/finalize/child-outlives-parent", test_child_outlives_parent);

  return g_test_run ();
}
