/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "as-meeting.h"
#include "as-member.h"
#include "as-set.h"
#include "as-test-util.h"

static void
test_member_name_round_trip (void)
{
  g_autoptr(AsMember) member = as_member_new ();

  g_assert_cmpstr (as_member_get_name (member), ==, "");
  as_member_set_name (member, "Ada");
  g_assert_cmpstr (as_member_get_name (member), ==, "Ada");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/member/name", test_member_name_round_trip);

  return g_test_run ();
}
