/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-check"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "as-check.h"
#include "as-format.h"

/* Bytes of one output line beyond which it is shortened: a message may
 * quote a value from the file, and a value may be a megabyte long. */
#define MAX_LINE_BYTES 2000

/* Bytes read at a time. */
#define READ_CHUNK (256 * 1024)

/* Appends text with control characters written as escapes, so that what a
 * file puts into a message can neither break the line nor drive the
 * terminal, and cut at a character boundary when it is too long. */
static void
append_sanitized (GString    *out,
                  const char *text)
{
  gsize start = out->len;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (out->len - start >= MAX_LINE_BYTES)
        {
          g_string_append (out, "…");
          return;
        }
      if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
}

static void
add_line (GString    *out,
          const char *display_name,
          const char *json_path,
          const char *message)
{
  g_autofree char *line = NULL;

  if (json_path != NULL)
    line = g_strdup_printf ("%s: %s: %s", display_name, json_path, message);
  else
    line = g_strdup_printf ("%s: %s", display_name, message);

  append_sanitized (out, line);
  g_string_append_c (out, '\n');
}

/* Describes a file that is not a regular file, or returns NULL. */
static const char *
describe_not_regular (mode_t mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    return _("is a folder, not a set file");
  if (S_ISFIFO (mode))
    return _("is a pipe (FIFO), not a set file");
  if (S_ISSOCK (mode))
    return _("is a socket, not a set file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("is a device, not a set file");
  return _("is not a regular file");
}

static char *
too_large_message (void)
{
  return g_strdup_printf (_("the file is larger than %d MB"), AS_MAX_FILE_SIZE / (1024 * 1024));
}

/* Reads a regular file of at most AS_MAX_FILE_SIZE bytes; NULL with a
 * message otherwise. */
static GBytes *
read_checked (const char  *path,
              char       **message)
{
  struct stat st;
  g_autoptr(GByteArray) data = NULL;
  const char *not_regular;
  int fd;
  int saved_errno;

  /* The type first, by name: opening a FIFO for reading would wait for a
   * writer. */
  if (g_stat (path, &st) != 0)
    {
      saved_errno = errno;
      *message = g_strdup_printf (_("cannot open the file: %s"), g_strerror (saved_errno));
      return NULL;
    }
  if ((not_regular = describe_not_regular (st.st_mode)) != NULL)
    {
      *message = g_strdup (not_regular);
      return NULL;
    }
  if (st.st_size > AS_MAX_FILE_SIZE)
    {
      *message = too_large_message ();
      return NULL;
    }

  /* O_NONBLOCK so that, should the file have become a FIFO since, opening
   * it does not wait; the check on the descriptor below then refuses it. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      *message = g_strdup_printf (_("cannot open the file: %s"), g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      *message = g_strdup_printf (_("cannot read the file: %s"), g_strerror (saved_errno));
      close (fd);
      return NULL;
    }
  if ((not_regular = describe_not_regular (st.st_mode)) != NULL)
    {
      *message = g_strdup (not_regular);
      close (fd);
      return NULL;
    }

  data = g_byte_array_sized_new (MIN ((gsize) st.st_size, (gsize) AS_MAX_FILE_SIZE) + 1);
  for (;;)
    {
      guint len = data->len;
      gssize n;

      /* One byte more than the limit may be read, to tell that the file
       * has grown past it since it was measured. */
      g_byte_array_set_size (data, len + MIN ((guint) READ_CHUNK, (guint) AS_MAX_FILE_SIZE + 1 - len));
      n = read (fd, data->data + len, data->len - len);
      if (n < 0 && errno == EINTR)
        {
          g_byte_array_set_size (data, len);
          continue;
        }
      if (n < 0)
        {
          saved_errno = errno;
          *message = g_strdup_printf (_("cannot read the file: %s"), g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      g_byte_array_set_size (data, len + n);
      if (n == 0)
        break;
      if (data->len > AS_MAX_FILE_SIZE)
        {
          *message = too_large_message ();
          close (fd);
          return NULL;
        }
    }
  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
as_check_file (const char *path,
               GString    *out)
{
  g_autofree char *display_name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AsSet) set = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  display_name = g_filename_display_name (path);

  bytes = read_checked (path, &message);
  if (bytes == NULL)
    {
      add_line (out, display_name, NULL, message);
      return FALSE;
    }

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  set = as_format_read (bytes, problems, NULL);
  if (set != NULL)
    return TRUE;

  for (guint i = 0; i < problems->len; i++)
    {
      AsProblem *problem = g_ptr_array_index (problems, i);

      add_line (out, display_name, problem->path, problem->message);
    }
  return FALSE;
}

int
as_check_files (const char * const *paths,
                GString            *out)
{
  gboolean all_valid = TRUE;

  g_return_val_if_fail (out != NULL, 1);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (!as_check_file (paths[i], out))
      all_valid = FALSE;

  return all_valid ? 0 : 1;
}
