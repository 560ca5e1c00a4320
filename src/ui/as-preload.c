/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-preload"

#include "config.h"

#include "as-preload.h"

typedef struct
{
  GFile        *file;
  GCancellable *cancellable;
  GTask        *waiter;     /* the load that took this one over */
  AsSetFile    *doc;        /* loaded and not yet taken over */
  GError       *error;
  gboolean      done;
  gboolean      abandoned;  /* cleared while loading: freed when done */
} Preload;

/* Of Preload: started and not yet taken over. */
static GPtrArray *preloads;

/* Helpers */

static void
preload_free (Preload *preload)
{
  g_clear_object (&preload->file);
  g_clear_object (&preload->cancellable);
  g_clear_object (&preload->waiter);
  g_clear_object (&preload->doc);
  g_clear_error (&preload->error);
  g_free (preload);
}

/* Hands the result over to the load that took this one over. */
static void
preload_complete (Preload *preload)
{
  g_autoptr(GTask) waiter = g_steal_pointer (&preload->waiter);

  if (preload->error != NULL)
    g_task_return_error (waiter, g_steal_pointer (&preload->error));
  else
    g_task_return_pointer (waiter, g_steal_pointer (&preload->doc), g_object_unref);
  preload_free (preload);
}

static Preload *
find_preload (GFile *file)
{
  for (guint i = 0; preloads != NULL && i < preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (preloads, i);

      if (g_file_equal (preload->file, file))
        return preload;
    }
  return NULL;
}

/* Callbacks */

static void
on_preloaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Preload *preload = user_data;

  preload->doc = as_set_file_load_finish (result, &preload->error);
  preload->done = TRUE;

  if (preload->abandoned)
    preload_free (preload);
  else if (preload->waiter != NULL)
    preload_complete (preload);
  /* Otherwise it waits in preloads to be taken over. */
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AsSetFile *doc = as_set_file_load_finish (result, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

/* Public API */

void
as_preload_start (GFile *file)
{
  Preload *preload;

  g_return_if_fail (G_IS_FILE (file));

  if (find_preload (file) != NULL)
    return;
  if (preloads == NULL)
    preloads = g_ptr_array_new ();

  preload = g_new0 (Preload, 1);
  preload->file = g_object_ref (file);
  preload->cancellable = g_cancellable_new ();
  g_ptr_array_add (preloads, preload);
  as_set_file_load_async (file, preload->cancellable, on_preloaded, preload);
}

void
as_preload_clear (void)
{
  g_autoptr(GPtrArray) array = g_steal_pointer (&preloads);

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      Preload *preload = g_ptr_array_index (array, i);

      if (preload->done)
        preload_free (preload);
      else
        {
          preload->abandoned = TRUE;
          g_cancellable_cancel (preload->cancellable);
        }
    }
}

void
as_preload_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Preload *preload;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, as_preload_load_async);

  preload = find_preload (file);
  if (preload == NULL)
    {
      as_set_file_load_async (file, cancellable, on_loaded, g_steal_pointer (&task));
      return;
    }

  /* Taken over once: a later load of the file reads it again. */
  g_ptr_array_remove (preloads, preload);
  preload->waiter = g_steal_pointer (&task);
  if (preload->done)
    preload_complete (preload);
}

AsSetFile *
as_preload_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == as_preload_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
