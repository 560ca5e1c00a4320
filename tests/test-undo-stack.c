/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "as-meeting.h"
#include "as-member.h"
#include "as-set.h"
#include "as-test-util.h"
#include "as-undo-stack.h"

static void
test_undo_set_field (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  as_set_set_name (set, "Tuesday set");
  g_assert_true (as_undo_stack_get_can_undo (undo));
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "");
  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Tuesday set");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/set-field", test_undo_set_field);

  return g_test_run ();
}
