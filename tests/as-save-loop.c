/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "as-file.h"

/*
 * as-save-loop FILE NAME-A NAME-B
 *
 * Loads the set in FILE, then saves it to FILE over and over, its name
 * flipping between NAME-A and NAME-B, so that the file holds one of two
 * versions after every save. It prints "ready" after the first save, so that
 * the kills of test-set-file land in the loop however slow the start (under
 * a sanitizer, say); the test then checks that the file is always one of the
 * two versions, whole.
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;
  AsSet *set;

  if (argc != 4)
    {
      g_printerr ("Usage: %s FILE NAME-A NAME-B\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  set_file = as_set_file_load (file, NULL, &error);
  if (set_file == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  set = as_set_file_get_set (set_file);

  for (guint n = 0; ; n++)
    {
      const char *name = strcmp (as_set_get_name (set), argv[2]) == 0 ? argv[3] : argv[2];

      as_set_set_name (set, name);
      if (!as_set_file_save (set_file, NULL, FALSE, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (n == 0)
        {
          g_print ("ready\n");
          fflush (stdout);
        }
      /* The file monitor and the journal run as they do in the app. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}
