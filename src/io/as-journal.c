/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "as-format.h"
#include "as-journal.h"
#include "as-json-scan.h"
#include "as-undo-stack.h"

#define JOURNAL_VERSION 1
#define JOURNAL_SUFFIX  ".journal"
/* A first line longer than this is not the header of one of our journals. */
#define MAX_HEADER      (64 * 1024)
/* Placeholders that let the strict entity reader accept states that are
 * normal while editing (a member not yet named, an action without an owner);
 * the real, empty values are put back after reading. */
#define PLACEHOLDER_TEXT "?"
#define PLACEHOLDER_ID   "00000000-0000-4000-8000-000000000000"
#define PLACEHOLDER_TIME "2000-01-01T00:00:00Z"
#define PLACEHOLDER_DATE "2000-01-01"

struct _AsJournal
{
  GObject      parent_instance;

  AsSet       *set;
  AsUndoStack *undo;
  char        *file_path;   /* of the set file, NULL for a set never saved */
  char        *hash;        /* of that file as read or saved */
  char        *path;        /* of the journal, NULL until the first edit */
  int          fd;          /* open on path and holding its lock, or -1 */
  guint        sync_source;
  guint64      n_written;   /* writes since this object was made */
  guint64      n_synced;    /* writes covered by the last finished sync */
  gboolean     dirty;
  gboolean     failed;      /* a write failed: start afresh at the next edit */
  gboolean     warned;
  gboolean     discarded;
};

G_DEFINE_FINAL_TYPE (AsJournal, as_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int       fd;
  guint64   target;
  GWeakRef  journal;
} SyncData;

typedef struct
{
  char          *id;
  const AsField *field;
} Fix;

static const AsJsonLimits line_limits = {
  AS_MAX_DEPTH, AS_MAX_STRING, AS_MAX_MEMBERS, AS_MAX_ARRAY,
};

/* Helpers */

/* Writes all of text to the journal's descriptor. */
static gboolean
write_text (int            fd,
            const GString *text,
            GError       **error)
{
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (fd, FALSE);

  return g_output_stream_write_all (stream, text->str, text->len, NULL, NULL, error);
}

/* A member of the object of a line, after any before it. */
static void
begin_member (GString    *line,
              const char *name)
{
  if (line->len > 0 && line->str[line->len - 1] != '{')
    g_string_append_c (line, ',');
  as_format_append_string (line, name);
  g_string_append_c (line, ':');
}

static void
append_string_member (GString    *line,
                      const char *name,
                      const char *value)
{
  begin_member (line, name);
  if (value != NULL)
    as_format_append_string (line, value);
  else
    g_string_append (line, "null");
}

static void
append_int_member (GString    *line,
                   const char *name,
                   gint64      value)
{
  begin_member (line, name);
  g_string_append_printf (line, "%" G_GINT64_FORMAT, value);
}

static void
set_dirty (AsJournal *self,
           gboolean   dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
report_failure (AsJournal    *self,
                const char   *what,
                const GError *error)
{
  /* Warn once per run of failures: a full disk should not flood the log. */
  if (self->warned)
    return;
  self->warned = TRUE;
  g_warning ("Could not %s the crash journal %s: %s", what,
             self->path ? self->path : "", error->message);
}

/* Each line is one JSON object, written by the file format's writer, which
 * escapes every control character: a line break in a text cannot end the
 * line. */
static char *
header_line (AsJournal *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *started = as_format_datetime (now);
  GString *line = g_string_new ("{");

  append_int_member (line, "journal", JOURNAL_VERSION);
  append_string_member (line, "file", self->file_path);
  append_string_member (line, "hash", self->hash);
  append_int_member (line, "pid", getpid ());
  append_string_member (line, "started", started);
  append_string_member (line, "title", as_set_get_name (self->set));
  g_string_append (line, "}\n");
  return g_string_free (line, FALSE);
}

/* The set as a file holds it, on one line. */
static void
append_snapshot (GString *line,
                 AsSet   *set)
{
  as_format_append_entity (line, AS_ENTITY (set));
  g_string_append_c (line, '\n');
}

static GString *
edit_line (const AsEdit *edit)
{
  GString *line = g_string_new ("{");
  const char *op;

  switch (edit->kind)
    {
    case AS_EDIT_SET: op = "set"; break;
    case AS_EDIT_INSERT: op = "insert"; break;
    case AS_EDIT_REMOVE: op = "remove"; break;
    case AS_EDIT_MOVE: op = "move"; break;
    default: g_assert_not_reached ();
    }
  append_string_member (line, "op", op);

  if (edit->kind == AS_EDIT_SET)
    {
      append_string_member (line, "id", as_entity_get_id (edit->target));
      append_string_member (line, "field", edit->field->json_name);
      begin_member (line, "value");
      as_format_append_field (line, edit->target, edit->field);
    }
  else
    {
      append_string_member (line, "parent", as_entity_get_id (edit->target));
      append_string_member (line, "list", edit->list->name);
      if (edit->kind == AS_EDIT_MOVE)
        {
          append_int_member (line, "from", edit->position);
          append_int_member (line, "to", edit->position2);
        }
      else
        append_int_member (line, "pos", edit->position);
      if (edit->kind == AS_EDIT_INSERT)
        {
          begin_member (line, "item");
          as_format_append_entity (line, edit->child);
        }
    }
  g_string_append (line, "}\n");
  return line;
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  struct stat st;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }
  /* The journals hold what is said in the set: keep the folder private even
   * when something else made it first. */
  if (stat (folder, &st) == 0 && st.st_uid == geteuid () && (st.st_mode & 077) != 0)
    g_chmod (folder, 0700);
  return TRUE;
}

static void
close_journal (AsJournal *self,
               gboolean   delete)
{
  if (self->fd >= 0)
    {
      /* Unlinked while still locked, so that no other instance can take it
       * for an orphan in between. */
      if (delete && self->path != NULL)
        g_unlink (self->path);
      close (self->fd);
      self->fd = -1;
    }
  g_clear_pointer (&self->path, g_free);
}

/* Writes a new journal: header and snapshot of the set as it is now. Any
 * journal written before is deleted once the new one is complete. */
static gboolean
start_journal (AsJournal  *self,
               GError    **error)
{
  g_autofree char *folder = as_journal_dup_folder ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (id, JOURNAL_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *header = NULL;
  g_autoptr(GString) text = NULL;
  int fd;

  if (!ensure_folder (folder, error))
    return FALSE;

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Another instance looking for orphans may hold the lock for a moment. */
  while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
    ;
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));

  header = header_line (self);
  text = g_string_new (header);
  append_snapshot (text, self->set);
  if (!write_text (fd, text, error))
    {
      g_unlink (path);
      close (fd);
      return FALSE;
    }

  close_journal (self, TRUE);
  self->fd = fd;
  self->path = g_steal_pointer (&path);
  self->failed = FALSE;
  self->warned = FALSE;
  return TRUE;
}

static void
sync_data_free (gpointer data)
{
  SyncData *sync = data;

  if (sync->fd >= 0)
    close (sync->fd);
  g_weak_ref_clear (&sync->journal);
  g_free (sync);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncData *sync = task_data;

  if (fdatasync (sync->fd) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s", g_strerror (saved_errno));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
sync_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncData *sync = g_task_get_task_data (G_TASK (result));
  g_autoptr(AsJournal) self = g_weak_ref_get (&sync->journal);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      report_failure (self, "sync", error);
      return;
    }
  self->n_synced = MAX (self->n_synced, sync->target);
  if (self->n_synced == self->n_written)
    set_dirty (self, FALSE);
}

static gboolean
on_sync_timeout (gpointer user_data)
{
  AsJournal *self = user_data;
  g_autoptr(GTask) task = NULL;
  SyncData *sync;

  self->sync_source = 0;
  if (self->fd < 0)
    return G_SOURCE_REMOVE;

  /* fdatasync can take long on a busy disk; it runs in a thread on a
   * duplicate of the descriptor, while edits go on being written. */
  sync = g_new0 (SyncData, 1);
  sync->fd = dup (self->fd);
  sync->target = self->n_written;
  g_weak_ref_init (&sync->journal, self);
  if (sync->fd < 0)
    {
      sync_data_free (sync);
      return G_SOURCE_REMOVE;
    }

  task = g_task_new (NULL, NULL, sync_done, NULL);
  g_task_set_source_tag (task, on_sync_timeout);
  g_task_set_task_data (task, sync, sync_data_free);
  g_task_run_in_thread (task, sync_thread);
  return G_SOURCE_REMOVE;
}

static void
wrote (AsJournal *self)
{
  self->n_written++;
  set_dirty (self, TRUE);
  /* One timeout for all the edits until it fires: each edit is synced at
   * most AS_JOURNAL_SYNC_MS after it was written. */
  if (self->sync_source == 0)
    {
      self->sync_source = g_timeout_add (AS_JOURNAL_SYNC_MS, on_sync_timeout, self);
      g_source_set_name_by_id (self->sync_source, "[action-set] journal sync");
    }
}

static void
reset (AsJournal *self)
{
  close_journal (self, TRUE);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  self->n_synced = self->n_written;
  self->failed = FALSE;
  set_dirty (self, FALSE);
}

/* The header names the file and its hash: when they change while a journal
 * is written, a new one with the new header takes its place. */
static void
restart (AsJournal *self)
{
  g_autoptr(GError) error = NULL;

  if (self->fd < 0 || self->discarded)
    return;
  if (start_journal (self, &error))
    wrote (self);
  else
    {
      self->failed = TRUE;
      report_failure (self, "write", error);
    }
}

/* Callbacks */

static void
on_edited (AsSet     *set,
           AsEdit    *edit,
           AsJournal *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = NULL;

  if (self->fd < 0 || self->failed)
    {
      /* The snapshot is taken with this edit in place: it stands for every
       * edit so far, this one included. */
      if (!start_journal (self, &error))
        {
          self->failed = TRUE;
          report_failure (self, "write", error);
          return;
        }
      wrote (self);
      return;
    }

  line = edit_line (edit);
  if (!write_text (self->fd, line, &error))
    {
      /* What was written so far stays restorable (a cut-off last line is
       * ignored); the next edit starts a complete journal again. */
      self->failed = TRUE;
      report_failure (self, "write", error);
      return;
    }
  wrote (self);
}

static void
on_modified_changed (AsUndoStack *undo,
                     GParamSpec  *pspec,
                     AsJournal   *self)
{
  if (!as_undo_stack_get_modified (undo))
    reset (self);
}

static void
disconnect (AsJournal *self)
{
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
}

/* GObject overrides */

static void
as_journal_dispose (GObject *object)
{
  AsJournal *self = AS_JOURNAL (object);

  disconnect (self);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  /* Not a discard: the journal stays for the next start to offer. */
  if (self->fd >= 0 && self->dirty && fdatasync (self->fd) != 0)
    g_debug ("Could not sync %s: %s", self->path, g_strerror (errno));
  close_journal (self, FALSE);
  g_clear_object (&self->undo);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (as_journal_parent_class)->dispose (object);
}

static void
as_journal_finalize (GObject *object)
{
  AsJournal *self = AS_JOURNAL (object);

  g_free (self->file_path);
  g_free (self->hash);

  G_OBJECT_CLASS (as_journal_parent_class)->finalize (object);
}

static void
as_journal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AsJournal *self = AS_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_journal_class_init (AsJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = as_journal_dispose;
  object_class->finalize = as_journal_finalize;
  object_class->get_property = as_journal_get_property;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
as_journal_init (AsJournal *self)
{
  self->fd = -1;
}

/* Reading journals */

static JsonNode *
parse_line (const char  *data,
            gsize        length,
            char       **message)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!as_json_scan (data, length, &line_limits, &path, &error))
    {
      *message = g_strdup_printf ("%s: %s", path, error->message);
      return NULL;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      *message = g_strdup (error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      *message = g_strdup (_("expected an object"));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static void
fix_free (gpointer data)
{
  Fix *fix = data;

  g_free (fix->id);
  g_free (fix);
}

/* Gives required fields that are empty or unset a valid placeholder, noting
 * each one so that the empty value can be put back after reading. */
static void
patch_required (JsonObject *object,
                GType       type,
                GPtrArray  *fixes)
{
  AsEntityClass *klass = g_type_class_ref (type);
  const char *id = string_member (object, "id");
  const AsField *fields;
  const AsChildList *lists;
  guint n_fields, n_lists;

  fields = as_entity_class_get_fields (klass, &n_fields);
  lists = as_entity_class_get_lists (klass, &n_lists);

  for (guint i = 0; id != NULL && i < n_fields; i++)
    {
      const AsField *field = &fields[i];
      JsonNode *node = json_object_get_member (object, field->json_name);
      const char *placeholder = NULL;

      if (!(field->flags & AS_FIELD_REQUIRED))
        continue;
      switch (field->type)
        {
        case AS_FIELD_STRING:
          if (node == NULL || g_strcmp0 (string_member (object, field->json_name), "") == 0)
            placeholder = PLACEHOLDER_TEXT;
          break;
        case AS_FIELD_REF:
          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            placeholder = PLACEHOLDER_ID;
          break;
        case AS_FIELD_DATETIME:
          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            placeholder = PLACEHOLDER_TIME;
          break;
        case AS_FIELD_DATE:
          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            placeholder = PLACEHOLDER_DATE;
          break;
        default:
          /* Always written, never empty. */
          break;
        }
      if (placeholder != NULL)
        {
          Fix *fix = g_new0 (Fix, 1);

          fix->id = g_strdup (id);
          fix->field = field;
          g_ptr_array_add (fixes, fix);
          json_object_set_string_member (object, field->json_name, placeholder);
        }
    }

  for (guint l = 0; l < n_lists; l++)
    {
      JsonNode *node = json_object_get_member (object, lists[l].name);
      JsonArray *array;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            patch_required (json_node_get_object (element), lists[l].item_type (), fixes);
        }
    }

  g_type_class_unref (klass);
}

static void
index_entities (AsEntity   *entity,
                GHashTable *index)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  const AsChildList *lists;
  guint n_lists;

  g_hash_table_insert (index, (gpointer) as_entity_get_id (entity), entity);
  lists = as_entity_class_get_lists (klass, &n_lists);
  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);
          index_entities (child, index);
        }
    }
}

/* Reads an entity as the journal recorded it: like the file reader, but
 * accepting required fields left empty, which a set being edited has. */
static AsEntity *
read_entity (GType        type,
             JsonNode    *node,
             const char  *path,
             char       **message)
{
  g_autoptr(GPtrArray) fixes = g_ptr_array_new_with_free_func (fix_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  g_autoptr(AsEntity) entity = NULL;
  g_autoptr(GHashTable) index = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *message = g_strdup_printf (_("%s: expected an object"), path);
      return NULL;
    }
  patch_required (json_node_get_object (node), type, fixes);
  entity = as_format_entity_from_json (type, node, path, problems);
  if (entity == NULL)
    {
      AsProblem *first = g_ptr_array_index (problems, 0);

      *message = g_strdup_printf ("%s: %s", first->path, first->message);
      return NULL;
    }

  if (fixes->len == 0)
    return g_steal_pointer (&entity);

  index = g_hash_table_new (g_str_hash, g_str_equal);
  index_entities (entity, index);
  for (guint i = 0; i < fixes->len; i++)
    {
      Fix *fix = g_ptr_array_index (fixes, i);
      AsEntity *target = g_hash_table_lookup (index, fix->id);
      g_auto(GValue) value = G_VALUE_INIT;

      if (target == NULL)
        continue;
      if (fix->field->type == AS_FIELD_DATETIME)
        g_value_init (&value, G_TYPE_DATE_TIME);
      else
        {
          g_value_init (&value, G_TYPE_STRING);
          if (fix->field->type == AS_FIELD_STRING)
            g_value_set_static_string (&value, "");
        }
      as_entity_load_field (target, fix->field, &value);
    }
  return g_steal_pointer (&entity);
}

static AsSet *
read_snapshot (const char  *data,
               gsize        length,
               char       **message)
{
  g_autoptr(JsonNode) node = parse_line (data, length, message);
  g_autoptr(AsEntity) set = NULL;
  g_autoptr(AsUndoStack) undo = NULL;
  JsonObject *object;
  JsonNode *version;
  gint64 major = -1;

  if (node == NULL)
    return NULL;
  object = json_node_get_object (node);
  if (g_strcmp0 (string_member (object, "format"), AS_FORMAT_ID) != 0)
    {
      *message = g_strdup (_("the snapshot is not a set"));
      return NULL;
    }
  version = json_object_get_member (object, "format_version");
  if (version == NULL || !JSON_NODE_HOLDS_OBJECT (version) ||
      !int_member (json_node_get_object (version), "major", &major))
    {
      *message = g_strdup (_("the snapshot has no format version"));
      return NULL;
    }

  /* A journal left by an older version of the app: the file reader knows
   * how to migrate it. */
  if (major != AS_FORMAT_MAJOR)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, length);
      g_autoptr(GError) error = NULL;
      AsSet *migrated = as_format_read (bytes, NULL, &error);

      if (migrated == NULL)
        *message = g_strdup (error->message);
      return migrated;
    }

  set = read_entity (AS_TYPE_SET, node, "$", message);
  if (set == NULL)
    return NULL;
  undo = as_undo_stack_new ();
  as_entity_make_document (set, undo);
  return AS_SET (g_steal_pointer (&set));
}

static AsEntity *
lookup_member (AsSet       *set,
               JsonObject  *object,
               const char  *name,
               char       **message)
{
  const char *id = string_member (object, name);
  AsEntity *entity;

  if (id == NULL)
    {
      *message = g_strdup_printf (_("“%s” is missing or not a string"), name);
      return NULL;
    }
  entity = as_entity_lookup (AS_ENTITY (set), id);
  if (entity == NULL)
    *message = g_strdup_printf (_("there is no entity with the id %s"), id);
  return entity;
}

static const AsChildList *
lookup_list (AsEntity    *parent,
             JsonObject  *object,
             char       **message)
{
  const char *name = string_member (object, "list");
  const AsChildList *list;

  if (name == NULL)
    {
      *message = g_strdup (_("“list” is missing or not a string"));
      return NULL;
    }
  list = as_entity_find_list (parent, name);
  if (list == NULL)
    *message = g_strdup_printf (_("the entity %s has no list “%s”"), as_entity_get_id (parent), name);
  return list;
}

static gboolean
position_member (JsonObject  *object,
                 const char  *name,
                 guint        limit,
                 guint       *position,
                 char       **message)
{
  gint64 value;

  if (!int_member (object, name, &value))
    {
      *message = g_strdup_printf (_("“%s” is missing or not a whole number"), name);
      return FALSE;
    }
  if (value < 0 || value > limit)
    {
      *message = g_strdup_printf (_("“%s” is %lld, outside 0 to %u"),
                                  name, (long long) value, limit);
      return FALSE;
    }
  *position = (guint) value;
  return TRUE;
}

static gboolean
find_taken_id (AsEntity  *root,
               AsEntity  *entity,
               char     **message)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  const AsChildList *lists;
  guint n_lists;

  if (as_entity_lookup (root, as_entity_get_id (entity)) != NULL)
    {
      *message = g_strdup_printf (_("the id %s is already in the set"), as_entity_get_id (entity));
      return TRUE;
    }
  lists = as_entity_class_get_lists (klass, &n_lists);
  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);

          if (find_taken_id (root, child, message))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
replay_edit (AsSet       *set,
             const char  *data,
             gsize        length,
             char       **message)
{
  g_autoptr(JsonNode) node = parse_line (data, length, message);
  JsonObject *object;
  const char *op;

  if (node == NULL)
    return FALSE;
  object = json_node_get_object (node);
  op = string_member (object, "op");

  if (g_strcmp0 (op, "set") == 0)
    {
      AsEntity *entity = lookup_member (set, object, "id", message);
      const char *name = string_member (object, "field");
      JsonNode *value_node = json_object_get_member (object, "value");
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *problem = NULL;
      const AsField *field;

      if (entity == NULL)
        return FALSE;
      if (name == NULL || (field = as_entity_find_field (entity, name)) == NULL)
        {
          *message = g_strdup_printf (_("the entity %s has no field “%s”"), as_entity_get_id (entity),
                                      name ? name : "");
          return FALSE;
        }
      if (value_node == NULL)
        {
          *message = g_strdup (_("“value” is missing"));
          return FALSE;
        }
      if (!as_format_field_from_json (field, value_node, &value, &problem))
        {
          *message = g_strdup_printf ("%s: %s", name, problem);
          return FALSE;
        }
      as_entity_set_field_value (entity, field, &value);
      return TRUE;
    }

  if (g_strcmp0 (op, "insert") == 0 || g_strcmp0 (op, "remove") == 0 || g_strcmp0 (op, "move") == 0)
    {
      AsEntity *parent = lookup_member (set, object, "parent", message);
      const AsChildList *list;
      guint n, pos, to;

      if (parent == NULL || (list = lookup_list (parent, object, message)) == NULL)
        return FALSE;
      n = g_list_model_get_n_items (G_LIST_MODEL (as_entity_get_list (parent, list)));

      if (op[0] == 'i')
        {
          JsonNode *item_node = json_object_get_member (object, "item");
          g_autoptr(AsEntity) item = NULL;

          if (!position_member (object, "pos", n, &pos, message))
            return FALSE;
          if (item_node == NULL)
            {
              *message = g_strdup (_("“item” is missing"));
              return FALSE;
            }
          if (n >= list->max_items)
            {
              *message = g_strdup_printf (_("the list “%s” is full"), list->name);
              return FALSE;
            }
          item = read_entity (list->item_type (), item_node, "$.item", message);
          if (item == NULL || find_taken_id (AS_ENTITY (set), item, message))
            return FALSE;
          as_entity_insert_child (parent, list, pos, item);
          return TRUE;
        }

      if (n == 0)
        {
          *message = g_strdup_printf (_("the list “%s” is empty"), list->name);
          return FALSE;
        }
      if (op[0] == 'r')
        {
          if (!position_member (object, "pos", n - 1, &pos, message))
            return FALSE;
          as_entity_remove_child (parent, list, pos);
          return TRUE;
        }
      if (!position_member (object, "from", n - 1, &pos, message) ||
          !position_member (object, "to", n - 1, &to, message))
        return FALSE;
      as_entity_move_child (parent, list, pos, to);
      return TRUE;
    }

  *message = g_strdup_printf (_("unknown operation “%s”"), op ? op : "");
  return FALSE;
}

static gboolean
check_header (const char  *data,
              gsize        length,
              JsonNode   **header,
              char       **message)
{
  g_autoptr(JsonNode) node = parse_line (data, length, message);
  gint64 version;

  if (node == NULL)
    return FALSE;
  if (!int_member (json_node_get_object (node), "journal", &version) || version != JOURNAL_VERSION)
    {
      *message = g_strdup (_("not an Action Set journal, or one of a newer version"));
      return FALSE;
    }
  if (header != NULL)
    *header = g_steal_pointer (&node);
  return TRUE;
}

/* Public API */

char *
as_journal_dup_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "action-set", "journal", NULL);
}

AsJournal *
as_journal_new (AsSet *set,
                GFile *file)
{
  AsJournal *self;

  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (AS_TYPE_JOURNAL, NULL);
  self->set = g_object_ref (set);
  self->file_path = file ? g_file_get_path (file) : NULL;
  g_signal_connect (set, "edited", G_CALLBACK (on_edited), self);

  if (as_set_get_undo_stack (set) != NULL)
    {
      self->undo = g_object_ref (as_set_get_undo_stack (set));
      g_signal_connect (self->undo, "notify::modified", G_CALLBACK (on_modified_changed), self);
    }
  return self;
}

void
as_journal_set_file (AsJournal *self,
                     GFile     *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (AS_IS_JOURNAL (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  path = file ? g_file_get_path (file) : NULL;
  if (g_strcmp0 (path, self->file_path) == 0)
    return;
  g_free (self->file_path);
  self->file_path = g_steal_pointer (&path);
  restart (self);
}

void
as_journal_set_hash (AsJournal  *self,
                     const char *hash)
{
  g_return_if_fail (AS_IS_JOURNAL (self));

  if (g_strcmp0 (hash, self->hash) == 0)
    return;
  g_free (self->hash);
  self->hash = g_strdup (hash);
  restart (self);
}

gboolean
as_journal_flush (AsJournal  *self,
                  GError    **error)
{
  g_return_val_if_fail (AS_IS_JOURNAL (self), FALSE);

  if (self->discarded)
    return TRUE;
  if ((self->fd < 0 || self->failed) && self->undo != NULL && as_undo_stack_get_modified (self->undo))
    {
      if (!start_journal (self, error))
        {
          self->failed = TRUE;
          return FALSE;
        }
      wrote (self);
    }
  if (self->fd < 0 || !self->dirty)
    return TRUE;

  if (fdatasync (self->fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", self->path, g_strerror (saved_errno));
      return FALSE;
    }
  g_clear_handle_id (&self->sync_source, g_source_remove);
  self->n_synced = self->n_written;
  set_dirty (self, FALSE);
  return TRUE;
}

gboolean
as_journal_get_dirty (AsJournal *self)
{
  g_return_val_if_fail (AS_IS_JOURNAL (self), FALSE);

  return self->dirty;
}

void
as_journal_reset (AsJournal *self)
{
  g_return_if_fail (AS_IS_JOURNAL (self));

  reset (self);
}

void
as_journal_discard (AsJournal *self)
{
  g_return_if_fail (AS_IS_JOURNAL (self));

  self->discarded = TRUE;
  disconnect (self);
  reset (self);
}

const char *
as_journal_get_path (AsJournal *self)
{
  g_return_val_if_fail (AS_IS_JOURNAL (self), NULL);

  return self->path;
}

void
as_journal_entry_free (AsJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->file_path);
  g_free (entry->title);
  g_free (entry->hash);
  g_clear_pointer (&entry->modified, g_date_time_unref);
  g_free (entry);
}

/* Reads the header and counts the complete lines after it; with
 * only_orphans, returns NULL without an error for a journal that a running
 * instance holds. */
static AsJournalEntry *
read_entry (const char  *path,
            gboolean     only_orphans,
            GError     **error)
{
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *message = NULL;
  g_autofree char *chunk = g_malloc (64 * 1024);
  AsJournalEntry *entry;
  JsonObject *object;
  struct stat st;
  gboolean in_header = TRUE;
  guint n_lines = 0;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a journal of this user"), path);
      return NULL;
    }
  if (only_orphans && flock (fd, LOCK_SH | LOCK_NB) != 0)
    {
      close (fd);
      return NULL;
    }

  for (;;)
    {
      gssize n = read (fd, chunk, 64 * 1024);
      const char *p, *end;

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      end = chunk + n;
      for (p = chunk; p < end; )
        {
          const char *nl = memchr (p, '\n', end - p);

          if (in_header)
            {
              g_string_append_len (header, p, (nl ? nl : end) - p);
              if (header->len > MAX_HEADER)
                break;
            }
          if (nl == NULL)
            break;
          n_lines++;
          in_header = FALSE;
          p = nl + 1;
        }
      if (in_header && header->len > MAX_HEADER)
        break;
    }
  close (fd);

  if (in_header || !check_header (header->str, header->len, &node, &message))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: line 1: %s"), path,
                   message ? message : _("not an Action Set journal"));
      return NULL;
    }
  if (n_lines < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the journal holds no edits"), path);
      return NULL;
    }

  object = json_node_get_object (node);
  entry = g_new0 (AsJournalEntry, 1);
  entry->path = g_strdup (path);
  entry->file_path = g_strdup (string_member (object, "file"));
  entry->hash = g_strdup (string_member (object, "hash"));
  entry->title = g_strdup (string_member (object, "title"));
  if (entry->title == NULL)
    entry->title = g_strdup ("");
  entry->modified = g_date_time_new_from_unix_local (st.st_mtime);
  entry->n_edits = n_lines - 1;
  return entry;
}

AsJournalEntry *
as_journal_read_entry (const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return read_entry (path, FALSE, error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const AsJournalEntry *ea = *(AsJournalEntry * const *) a;
  const AsJournalEntry *eb = *(AsJournalEntry * const *) b;

  return g_date_time_compare (eb->modified, ea->modified);
}

GPtrArray *
as_journal_find_orphans (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) as_journal_entry_free);
  g_autofree char *folder = as_journal_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      AsJournalEntry *entry;

      if (!g_str_has_suffix (name, JOURNAL_SUFFIX) || name[0] == '.')
        continue;
      path = g_build_filename (folder, name, NULL);
      entry = read_entry (path, TRUE, &error);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
      else if (error != NULL)
        g_debug ("Skipping %s", error->message);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

AsSet *
as_journal_restore_bytes (GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *message = NULL;
  g_autoptr(AsSet) set = NULL;
  AsUndoStack *undo = NULL;
  const char *contents, *p, *end;
  gsize length;
  guint line = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  contents = g_bytes_get_data (bytes, &length);
  for (p = contents, end = contents + length; p < end; )
    {
      const char *nl = memchr (p, '\n', end - p);

      /* A last line without its line break was cut off by the crash: the
       * edit it was recording is lost, and nothing after it was written. */
      if (nl == NULL)
        break;
      line++;

      if (line == 1)
        {
          if (!check_header (p, nl - p, NULL, &message))
            break;
        }
      else if (line == 2)
        {
          if ((set = read_snapshot (p, nl - p, &message)) == NULL)
            break;
          undo = as_set_get_undo_stack (set);
          as_undo_stack_suspend (undo);
        }
      else if (!replay_edit (set, p, nl - p, &message))
        break;

      p = nl + 1;
    }

  if (undo != NULL)
    as_undo_stack_resume (undo);

  if (message != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: line %u: %s"), name, line, message);
      return NULL;
    }
  if (set == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the journal holds no edits"), name);
      return NULL;
    }

  as_undo_stack_mark_modified (undo);
  return g_steal_pointer (&set);
}

AsSet *
as_journal_restore (const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (contents, length);
  return as_journal_restore_bytes (bytes, path, error);
}

gboolean
as_journal_delete (const char  *path,
                   GError     **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("%s: the journal belongs to a set open in a running instance"), path);
      return FALSE;
    }
  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}
