/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-entity"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "as-entity.h"
#include "as-undo-stack.h"

#define AS_DEFAULT_COLOR "#3584e4"

typedef struct
{
  AsUndoStack *undo;
  GHashTable  *index;   /* id (owned copy) → AsEntity (borrowed) */
} AsDocument;

typedef struct
{
  char       *id;
  AsEntity   *parent;   /* borrowed: the parent owns us through its list */
  JsonObject *extra;
  AsDocument *doc;      /* only on a document root */
} AsEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AsEntity, as_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

enum {
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

#define STORAGE(self, field) ((gpointer) (((guint8 *) (self)) + (field)->offset))

static AsEntityClass *
owner_class (GParamSpec *pspec)
{
  return AS_ENTITY_CLASS (g_type_class_peek (pspec->owner_type));
}

static const AsField *
field_for_pspec (GParamSpec *pspec,
                 guint       prop_id)
{
  AsEntityClass *klass = owner_class (pspec);

  g_assert (prop_id >= 1 && prop_id <= klass->n_fields);
  return &klass->fields[prop_id - 1];
}

static GParamSpec *
make_pspec (const AsField *f)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (f->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
      return g_param_spec_string (f->name, NULL, NULL, "", flags);
    case AS_FIELD_COLOR:
      return g_param_spec_string (f->name, NULL, NULL, AS_DEFAULT_COLOR, flags);
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      return g_param_spec_string (f->name, NULL, NULL, NULL, flags);
    case AS_FIELD_INT:
      return g_param_spec_int (f->name, NULL, NULL, f->min, f->max, f->default_int, flags);
    case AS_FIELD_BOOLEAN:
      return g_param_spec_boolean (f->name, NULL, NULL, f->default_int != 0, flags);
    case AS_FIELD_ENUM:
      return g_param_spec_enum (f->name, NULL, NULL, f->enum_type (), f->default_int, flags);
    case AS_FIELD_DATETIME:
      return g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_DATE_TIME, flags);
    case AS_FIELD_REF_LIST:
      return g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_STRV, flags);
    default:
      g_assert_not_reached ();
    }
}

/* Field values */

const guint8 as_json_escape_extra[256] = {
  [0x00 ... 0x07] = 5,
  ['\b'] = 1,
  ['\t'] = 1,
  ['\n'] = 1,
  [0x0b] = 5,
  ['\f'] = 1,
  ['\r'] = 1,
  [0x0e ... 0x1f] = 5,
  ['"'] = 1,
  ['\\'] = 1,
  [0x7f] = 5,
};

gsize
as_text_file_length (const char *text)
{
  gsize length = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    length += 1 + as_json_escape_extra[*p];
  return length;
}

static gboolean
has_control_characters (const char *s,
                        gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) s[i] < 0x20)
      return TRUE;
  return FALSE;
}

static gboolean
is_colour (const char *s,
           gsize       length)
{
  if (length != 7 || s[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_date (const char *s,
         gsize       length)
{
  guint y, m, d;
  char tail;

  if (length != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  /* Digits only: sscanf's %u would also take a sign or a space. */
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  if (sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

AsFieldCheck
as_field_check_text (const AsField *field,
                     const char    *text,
                     gsize          length)
{
  switch (field->type)
    {
    case AS_FIELD_STRING:
      if (length > AS_MAX_LINE)
        return AS_FIELD_VALUE_TOO_LONG;
      if (has_control_characters (text, length))
        return AS_FIELD_VALUE_NOT_ONE_LINE;
      return AS_FIELD_VALUE_VALID;
    case AS_FIELD_COLOR:
      return is_colour (text, length) ? AS_FIELD_VALUE_VALID : AS_FIELD_VALUE_NOT_A_COLOUR;
    case AS_FIELD_DATE:
      return is_date (text, length) ? AS_FIELD_VALUE_VALID : AS_FIELD_VALUE_NOT_A_DATE;
    case AS_FIELD_REF:
    case AS_FIELD_REF_LIST:
      return g_uuid_string_is_valid (text) ? AS_FIELD_VALUE_VALID : AS_FIELD_VALUE_NOT_AN_ID;
    case AS_FIELD_TEXT:
    default:
      return AS_FIELD_VALUE_VALID;
    }
}

/* What the JSON layer of the reader checks of every string. */
static AsFieldCheck
check_encoded_text (const AsField *field,
                    const char    *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return AS_FIELD_VALUE_NOT_UTF8;
  if (as_text_file_length (text) > AS_MAX_STRING)
    return AS_FIELD_VALUE_TOO_LONG;
  return as_field_check_text (field, text, strlen (text));
}

AsFieldCheck
as_field_check_value (const AsField *field,
                      const GValue  *value)
{
  switch (field->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      {
        const char *s = g_value_get_string (value);

        /* NULL stands for the default, and an empty date or reference for
         * none. */
        if (s == NULL || (*s == '\0' && (field->type == AS_FIELD_DATE || field->type == AS_FIELD_REF)))
          return AS_FIELD_VALUE_VALID;
        return check_encoded_text (field, s);
      }
    case AS_FIELD_REF_LIST:
      {
        const char * const *ids = g_value_get_boxed (value);
        guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;

        if (n > AS_MAX_REFS)
          return AS_FIELD_VALUE_TOO_MANY;
        for (guint i = 0; i < n; i++)
          if (!g_uuid_string_is_valid (ids[i]))
            return AS_FIELD_VALUE_NOT_AN_ID;
        return AS_FIELD_VALUE_VALID;
      }
    case AS_FIELD_INT:
      {
        gint v = g_value_get_int (value);

        return v >= field->min && v <= field->max ? AS_FIELD_VALUE_VALID : AS_FIELD_VALUE_OUT_OF_RANGE;
      }
    case AS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());

        return g_enum_get_value (klass, g_value_get_enum (value)) != NULL
               ? AS_FIELD_VALUE_VALID : AS_FIELD_VALUE_OUT_OF_RANGE;
      }
    case AS_FIELD_BOOLEAN:
    case AS_FIELD_DATETIME:
    default:
      return AS_FIELD_VALUE_VALID;
    }
}

static const char *
field_check_description (AsFieldCheck check)
{
  switch (check)
    {
    case AS_FIELD_VALUE_NOT_UTF8: return "not valid UTF-8";
    case AS_FIELD_VALUE_TOO_LONG: return "too long for a file";
    case AS_FIELD_VALUE_NOT_ONE_LINE: return "a line break or control character in a one-line text";
    case AS_FIELD_VALUE_NOT_A_COLOUR: return "not a colour like #3584e4";
    case AS_FIELD_VALUE_NOT_A_DATE: return "not a date like 2026-11-21";
    case AS_FIELD_VALUE_NOT_AN_ID: return "not an id";
    case AS_FIELD_VALUE_TOO_MANY: return "too many ids";
    case AS_FIELD_VALUE_OUT_OF_RANGE: return "out of range";
    case AS_FIELD_VALUE_VALID:
    default: return "valid";
    }
}

/* The length of the longest start of text, cut at a character boundary,
 * whose written length is at most max. */
static gsize
fitting_length (const char *text,
                gsize       max_bytes,
                gsize       max_written)
{
  gsize written = 0, end = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      for (const guchar *q = (const guchar *) p; q < (const guchar *) next; q++)
        written += 1 + as_json_escape_extra[*q];
      if ((gsize) (next - text) > max_bytes || written > max_written)
        break;
      end = next - text;
    }
  return end;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint i;

  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

static gboolean
datetime_equal (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  /* Same instant and same offset: 14:00+01:00 and 13:00Z are different text. */
  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static void
read_storage (AsEntity      *self,
              const AsField *f,
              GValue        *value)
{
  gpointer p = STORAGE (self, f);

  switch (f->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      g_value_set_string (value, *(char **) p);
      break;
    case AS_FIELD_INT:
      g_value_set_int (value, *(gint *) p);
      break;
    case AS_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) p);
      break;
    case AS_FIELD_ENUM:
      g_value_set_enum (value, *(gint *) p);
      break;
    case AS_FIELD_DATETIME:
      g_value_set_boxed (value, *(GDateTime **) p);
      break;
    case AS_FIELD_REF_LIST:
      g_value_set_boxed (value, *(char ***) p);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Stores the value; returns FALSE when it equals what is stored already. */
static gboolean
write_storage (AsEntity      *self,
               const AsField *f,
               const GValue  *value)
{
  gpointer p = STORAGE (self, f);

  switch (f->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
      {
        const char *s = g_value_get_string (value);
        char **slot = p;

        if (s == NULL)
          s = f->type == AS_FIELD_COLOR ? AS_DEFAULT_COLOR : "";
        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        *slot = g_strdup (s);
        return TRUE;
      }
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      {
        const char *s = g_value_get_string (value);
        char **slot = p;

        if (s != NULL && *s == '\0')
          s = NULL;
        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        *slot = g_strdup (s);
        return TRUE;
      }
    case AS_FIELD_INT:
    case AS_FIELD_ENUM:
      {
        gint v = f->type == AS_FIELD_INT ? g_value_get_int (value) : g_value_get_enum (value);

        if (*(gint *) p == v)
          return FALSE;
        *(gint *) p = v;
        return TRUE;
      }
    case AS_FIELD_BOOLEAN:
      {
        gboolean v = g_value_get_boolean (value) != FALSE;

        if (*(gboolean *) p == v)
          return FALSE;
        *(gboolean *) p = v;
        return TRUE;
      }
    case AS_FIELD_DATETIME:
      {
        GDateTime *v = g_value_get_boxed (value);
        GDateTime **slot = p;

        if (datetime_equal (*slot, v))
          return FALSE;
        g_clear_pointer (slot, g_date_time_unref);
        *slot = v ? g_date_time_ref (v) : NULL;
        return TRUE;
      }
    case AS_FIELD_REF_LIST:
      {
        const char * const *v = g_value_get_boxed (value);
        char ***slot = p;

        if (strv_equal ((const char * const *) *slot, v))
          return FALSE;
        g_strfreev (*slot);
        *slot = v ? g_strdupv ((char **) v) : g_new0 (char *, 1);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
init_storage (AsEntity      *self,
              const AsField *f)
{
  gpointer p = STORAGE (self, f);

  switch (f->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
      *(char **) p = g_strdup ("");
      break;
    case AS_FIELD_COLOR:
      *(char **) p = g_strdup (AS_DEFAULT_COLOR);
      break;
    case AS_FIELD_REF_LIST:
      *(char ***) p = g_new0 (char *, 1);
      break;
    case AS_FIELD_INT:
    case AS_FIELD_ENUM:
      *(gint *) p = f->default_int;
      break;
    case AS_FIELD_BOOLEAN:
      *(gboolean *) p = f->default_int != 0;
      break;
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
    case AS_FIELD_DATETIME:
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
free_storage (AsEntity      *self,
              const AsField *f)
{
  gpointer p = STORAGE (self, f);

  switch (f->type)
    {
    case AS_FIELD_STRING:
    case AS_FIELD_TEXT:
    case AS_FIELD_COLOR:
    case AS_FIELD_DATE:
    case AS_FIELD_REF:
      g_clear_pointer ((char **) p, g_free);
      break;
    case AS_FIELD_REF_LIST:
      g_clear_pointer ((char ***) p, g_strfreev);
      break;
    case AS_FIELD_DATETIME:
      g_clear_pointer ((GDateTime **) p, g_date_time_unref);
      break;
    case AS_FIELD_INT:
    case AS_FIELD_ENUM:
    case AS_FIELD_BOOLEAN:
      break;
    default:
      g_assert_not_reached ();
    }
}

static AsDocument *
find_document (AsEntity *self)
{
  AsEntity *root = as_entity_get_root (self);
  AsEntityPrivate *rp = as_entity_get_instance_private (root);

  return rp->doc;
}

/* Whether list is one of the lists of self's class. A list of another class
 * has an offset that means nothing in self. */
static gboolean
has_list (AsEntity          *self,
          const AsChildList *list)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_lists; i++)
    if (&klass->lists[i] == list)
      return TRUE;
  return FALSE;
}

static void
index_subtree (AsDocument *doc,
               AsEntity   *entity,
               gboolean    add)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (entity);
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);

  if (add)
    g_hash_table_replace (doc->index, g_strdup (priv->id), entity);
  else if (g_hash_table_lookup (doc->index, priv->id) == entity)
    g_hash_table_remove (doc->index, priv->id);

  for (guint l = 0; l < klass->n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &klass->lists[l]));
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);
          index_subtree (doc, child, add);
        }
    }
}

static void
announce (AsEntity     *self,
          const AsEdit *edit,
          const GValue *old_value)
{
  AsEntity *root = as_entity_get_root (self);
  AsEntityPrivate *rp = as_entity_get_instance_private (root);

  if (rp->doc == NULL)
    return;
  if (rp->doc->undo != NULL)
    as_undo_stack_record (rp->doc->undo, edit, old_value);
  g_signal_emit (root, signals[EDITED], 0, edit);
}

/* GObject overrides */

static void
as_entity_constructed (GObject *object)
{
  AsEntity *self = AS_ENTITY (object);
  AsEntityPrivate *priv = as_entity_get_instance_private (self);
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (self);

  G_OBJECT_CLASS (as_entity_parent_class)->constructed (object);

  if (priv->id == NULL)
    priv->id = as_new_id ();

  for (guint i = 0; i < klass->n_fields; i++)
    init_storage (self, &klass->fields[i]);

  for (guint i = 0; i < klass->n_lists; i++)
    {
      GListStore **slot = STORAGE (self, &klass->lists[i]);
      *slot = g_list_store_new (klass->lists[i].item_type ());
    }
}

static void
as_entity_dispose (GObject *object)
{
  AsEntity *self = AS_ENTITY (object);
  AsEntityPrivate *priv = as_entity_get_instance_private (self);
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (self);

  if (priv->doc != NULL)
    {
      /* The history points at the root without holding it: empty it before
       * the root goes, also when someone else keeps the stack. The index
       * only borrows the entities it finds. */
      if (priv->doc->undo != NULL)
        as_undo_stack_clear (priv->doc->undo);
      g_hash_table_remove_all (priv->doc->index);
    }

  for (guint l = 0; l < klass->n_lists; l++)
    {
      GListStore **slot = STORAGE (self, &klass->lists[l]);

      if (*slot == NULL)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (*slot)); i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (G_LIST_MODEL (*slot), i);
          AsEntityPrivate *cp = as_entity_get_instance_private (child);

          if (cp->parent == self)
            cp->parent = NULL;
        }
      g_clear_object (slot);
    }

  G_OBJECT_CLASS (as_entity_parent_class)->dispose (object);
}

static void
as_entity_finalize (GObject *object)
{
  AsEntity *self = AS_ENTITY (object);
  AsEntityPrivate *priv = as_entity_get_instance_private (self);
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    free_storage (self, &klass->fields[i]);

  if (priv->doc != NULL)
    {
      g_clear_object (&priv->doc->undo);
      g_clear_pointer (&priv->doc->index, g_hash_table_unref);
      g_free (priv->doc);
    }
  g_clear_pointer (&priv->extra, json_object_unref);
  g_free (priv->id);

  G_OBJECT_CLASS (as_entity_parent_class)->finalize (object);
}

static void
as_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AsEntity *self = AS_ENTITY (object);
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  if (pspec->owner_type == AS_TYPE_ENTITY)
    {
      if (prop_id == PROP_ID)
        g_value_set_string (value, priv->id);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  read_storage (self, field_for_pspec (pspec, prop_id), value);
}

static void
as_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AsEntity *self = AS_ENTITY (object);
  AsEntityPrivate *priv = as_entity_get_instance_private (self);
  const AsField *field;
  g_auto(GValue) old_value = G_VALUE_INIT;
  AsFieldCheck check;
  AsEdit edit = { 0 };

  if (pspec->owner_type == AS_TYPE_ENTITY)
    {
      if (prop_id == PROP_ID)
        {
          const char *id = g_value_get_string (value);

          if (id != NULL)
            {
              g_free (priv->id);
              priv->id = g_strdup (id);
            }
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = field_for_pspec (pspec, prop_id);

  /* As GObject refuses a number outside the property's range: what no file
   * could hold is not taken. Entries make what is typed fit beforehand
   * (as_entity_fit_text). */
  check = as_field_check_value (field, value);
  if (check != AS_FIELD_VALUE_VALID)
    {
      g_warning ("%s: value for property '%s' of type '%s' refused: %s", G_STRLOC,
                 pspec->name, G_OBJECT_TYPE_NAME (object), field_check_description (check));
      return;
    }

  g_value_init (&old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  read_storage (self, field, &old_value);

  if (!write_storage (self, field, value))
    return;

  g_object_notify_by_pspec (object, pspec);

  edit.kind = AS_EDIT_SET;
  edit.target = self;
  edit.field = field;
  announce (self, &edit, &old_value);
}

static void
as_entity_class_init (AsEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = as_entity_constructed;
  object_class->dispose = as_entity_dispose;
  object_class->finalize = as_entity_finalize;
  object_class->get_property = as_entity_get_property;
  object_class->set_property = as_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AsEntity::edited:
   * @edit: (type gpointer): the AsEdit that was made
   *
   * Emitted on a document root after each change below it, once the change
   * is in place.
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
as_entity_init (AsEntity *self)
{
}

/* Public API */

void
as_entity_class_set_fields (AsEntityClass     *klass,
                            const char        *json_kind,
                            const AsField     *fields,
                            guint              n_fields,
                            const AsChildList *lists,
                            guint              n_lists)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->json_kind = json_kind;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->lists = lists;
  klass->n_lists = n_lists;

  /* GObject resets get_property and set_property for every class, so each
   * subclass that installs properties must carry its own. */
  object_class->get_property = as_entity_get_property;
  object_class->set_property = as_entity_set_property;

  /* The tables are indexed by each class's FIELD_ and LIST_ enums with
   * designated initializers, and their sizes checked against the enums when
   * compiled; an enum value left without its entry leaves a hole, found
   * here. */
  for (guint i = 0; i < n_fields; i++)
    {
      g_assert (fields[i].name != NULL && fields[i].json_name != NULL);
      g_object_class_install_property (object_class, i + 1, make_pspec (&fields[i]));
    }
  for (guint i = 0; i < n_lists; i++)
    g_assert (lists[i].name != NULL && lists[i].item_type != NULL);
}

const char *
as_entity_get_id (AsEntity *self)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  g_return_val_if_fail (AS_IS_ENTITY (self), NULL);

  return priv->id;
}

/* Only for entities not yet in a document: the loader gives them the id
 * from the file. */
void
as_entity_set_id (AsEntity   *self,
                  const char *id)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  g_return_if_fail (AS_IS_ENTITY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (priv->parent == NULL && priv->doc == NULL);

  g_free (priv->id);
  priv->id = g_strdup (id);
}

AsEntity *
as_entity_get_parent (AsEntity *self)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  g_return_val_if_fail (AS_IS_ENTITY (self), NULL);

  return priv->parent;
}

AsEntity *
as_entity_get_root (AsEntity *self)
{
  g_return_val_if_fail (AS_IS_ENTITY (self), NULL);

  for (;;)
    {
      AsEntityPrivate *priv = as_entity_get_instance_private (self);

      if (priv->parent == NULL)
        return self;
      self = priv->parent;
    }
}

const char *
as_entity_get_kind (AsEntity *self)
{
  g_return_val_if_fail (AS_IS_ENTITY (self), NULL);

  return AS_ENTITY_GET_CLASS (self)->json_kind;
}

const AsField *
as_entity_class_get_fields (AsEntityClass *klass,
                            guint         *n_fields)
{
  *n_fields = klass->n_fields;
  return klass->fields;
}

const AsChildList *
as_entity_class_get_lists (AsEntityClass *klass,
                           guint         *n_lists)
{
  *n_lists = klass->n_lists;
  return klass->lists;
}

const AsField *
as_entity_find_field (AsEntity   *self,
                      const char *json_name)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].json_name, json_name) == 0)
      return &klass->fields[i];
  return NULL;
}

const AsChildList *
as_entity_find_list (AsEntity   *self,
                     const char *name)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_lists; i++)
    if (strcmp (klass->lists[i].name, name) == 0)
      return &klass->lists[i];
  return NULL;
}

GParamSpec *
as_entity_field_pspec (AsEntity      *self,
                       const AsField *field)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (self), field->name);
}

GListStore *
as_entity_get_list (AsEntity          *self,
                    const AsChildList *list)
{
  g_return_val_if_fail (AS_IS_ENTITY (self), NULL);
  g_return_val_if_fail (has_list (self, list), NULL);

  return *(GListStore **) STORAGE (self, list);
}

gpointer
as_entity_field_storage (AsEntity      *self,
                         const AsField *field)
{
  return STORAGE (self, field);
}

void
as_entity_set_field_value (AsEntity      *self,
                           const AsField *field,
                           const GValue  *value)
{
  g_return_if_fail (AS_IS_ENTITY (self));

  g_object_set_property (G_OBJECT (self), field->name, value);
}

void
as_entity_get_field_value (AsEntity      *self,
                           const AsField *field,
                           GValue        *value)
{
  GParamSpec *pspec = as_entity_field_pspec (self, field);

  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  read_storage (self, field, value);
}

char *
as_entity_fit_text (AsEntity   *self,
                    const char *property,
                    const char *text)
{
  GParamSpec *pspec;
  const AsField *field;
  g_autofree char *valid = NULL;
  char *fitted;

  g_return_val_if_fail (AS_IS_ENTITY (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
  g_return_val_if_fail (pspec != NULL && pspec->owner_type != AS_TYPE_ENTITY, NULL);
  field = field_for_pspec (pspec, pspec->param_id);

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  switch (field->type)
    {
    case AS_FIELD_STRING:
      fitted = g_strndup (valid, fitting_length (valid, AS_MAX_LINE, G_MAXSIZE));
      for (guchar *p = (guchar *) fitted; *p != '\0'; p++)
        if (*p < 0x20)
          *p = ' ';
      return fitted;
    case AS_FIELD_TEXT:
      return g_strndup (valid, fitting_length (valid, G_MAXSIZE, AS_MAX_STRING));
    default:
      return g_steal_pointer (&valid);
    }
}

void
as_entity_load_field (AsEntity      *self,
                      const AsField *field,
                      const GValue  *value)
{
  g_return_if_fail (AS_IS_ENTITY (self));
  g_return_if_fail (find_document (self) == NULL);

  write_storage (self, field, value);
}

void
as_entity_load_children (AsEntity          *self,
                         const AsChildList *list,
                         AsEntity         **children,
                         guint              n_children)
{
  GListStore *store;

  g_return_if_fail (AS_IS_ENTITY (self));
  g_return_if_fail (find_document (self) == NULL);
  g_return_if_fail (has_list (self, list));

  /* Check the whole batch before touching anything: a refused batch leaves
   * no child with a parent it is not listed in, and no half-filled store. */
  for (guint i = 0; i < n_children; i++)
    {
      AsEntityPrivate *cp;

      g_return_if_fail (AS_IS_ENTITY (children[i]));
      g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (children[i]), list->item_type ()));
      cp = as_entity_get_instance_private (children[i]);
      g_return_if_fail (cp->parent == NULL && cp->doc == NULL);
    }

  store = as_entity_get_list (self, list);
  for (guint i = 0; i < n_children; i++)
    {
      AsEntityPrivate *cp = as_entity_get_instance_private (children[i]);

      cp->parent = self;
    }
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       (gpointer *) children, n_children);
}

void
as_entity_insert_child (AsEntity          *self,
                        const AsChildList *list,
                        guint              position,
                        AsEntity          *child)
{
  AsEntityPrivate *cp;
  GListStore *store;
  AsDocument *doc;
  AsEdit edit = { 0 };

  g_return_if_fail (AS_IS_ENTITY (self));
  g_return_if_fail (AS_IS_ENTITY (child));
  g_return_if_fail (has_list (self, list));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (child), list->item_type ()));

  cp = as_entity_get_instance_private (child);
  g_return_if_fail (cp->parent == NULL && cp->doc == NULL);

  store = as_entity_get_list (self, list);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));

  cp->parent = self;
  if ((doc = find_document (self)) != NULL)
    index_subtree (doc, child, TRUE);
  g_list_store_insert (store, position, child);

  edit.kind = AS_EDIT_INSERT;
  edit.target = self;
  edit.list = list;
  edit.position = position;
  edit.child = child;
  announce (self, &edit, NULL);
}

void
as_entity_append_child (AsEntity          *self,
                        const AsChildList *list,
                        AsEntity          *child)
{
  as_entity_insert_child (self, list, G_MAXUINT, child);
}

void
as_entity_remove_child (AsEntity          *self,
                        const AsChildList *list,
                        guint              position)
{
  g_autoptr(AsEntity) child = NULL;
  AsEntityPrivate *cp;
  GListStore *store;
  AsDocument *doc;
  AsEdit edit = { 0 };

  g_return_if_fail (AS_IS_ENTITY (self));
  g_return_if_fail (has_list (self, list));

  store = as_entity_get_list (self, list);
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  child = g_list_model_get_item (G_LIST_MODEL (store), position);
  cp = as_entity_get_instance_private (child);

  /* Out of the tree before the list announces it, as insertion puts the
   * child in the tree before. */
  if ((doc = find_document (self)) != NULL)
    index_subtree (doc, child, FALSE);
  cp->parent = NULL;
  g_list_store_remove (store, position);

  edit.kind = AS_EDIT_REMOVE;
  edit.target = self;
  edit.list = list;
  edit.position = position;
  edit.child = child;
  announce (self, &edit, NULL);
}

gboolean
as_entity_remove_child_item (AsEntity          *self,
                             const AsChildList *list,
                             AsEntity          *child)
{
  guint position;

  g_return_val_if_fail (AS_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (has_list (self, list), FALSE);

  if (!g_list_store_find (as_entity_get_list (self, list), child, &position))
    return FALSE;
  as_entity_remove_child (self, list, position);
  return TRUE;
}

void
as_entity_move_child (AsEntity          *self,
                      const AsChildList *list,
                      guint              from,
                      guint              to)
{
  g_autoptr(AsEntity) child = NULL;
  GListStore *store;
  guint n;
  guint first;
  guint span;
  gpointer *items;
  AsEdit edit = { 0 };

  g_return_if_fail (AS_IS_ENTITY (self));
  g_return_if_fail (has_list (self, list));

  store = as_entity_get_list (self, list);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_return_if_fail (from < n);
  to = MIN (to, n - 1);
  if (from == to)
    return;

  /* Rotate the range between the two places in one splice: the list never
   * goes without the child, and a selection can follow it to its new place,
   * which a removal followed by an insertion would lose. */
  first = MIN (from, to);
  span = MAX (from, to) - first + 1;
  items = g_new (gpointer, span);
  for (guint i = 0; i < span; i++)
    items[i] = g_list_model_get_item (G_LIST_MODEL (store), first + i);
  child = g_object_ref (items[from - first]);
  if (from < to)
    memmove (items, items + 1, (span - 1) * sizeof (gpointer));
  else
    memmove (items + 1, items, (span - 1) * sizeof (gpointer));
  items[to - first] = child;
  g_list_store_splice (store, first, span, items, span);
  for (guint i = 0; i < span; i++)
    g_object_unref (items[i]);
  g_free (items);

  edit.kind = AS_EDIT_MOVE;
  edit.target = self;
  edit.list = list;
  edit.position = from;
  edit.position2 = to;
  edit.child = child;
  announce (self, &edit, NULL);
}

void
as_entity_make_document (AsEntity    *self,
                         AsUndoStack *undo)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  g_return_if_fail (AS_IS_ENTITY (self));
  g_return_if_fail (priv->parent == NULL);
  g_return_if_fail (priv->doc == NULL);

  priv->doc = g_new0 (AsDocument, 1);
  priv->doc->undo = undo ? g_object_ref (undo) : NULL;
  priv->doc->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_subtree (priv->doc, self, TRUE);
}

gboolean
as_entity_is_document (AsEntity *self)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  return priv->doc != NULL;
}

AsUndoStack *
as_entity_get_undo_stack (AsEntity *self)
{
  AsDocument *doc = find_document (self);

  return doc ? doc->undo : NULL;
}

AsEntity *
as_entity_lookup (AsEntity   *self,
                  const char *id)
{
  AsDocument *doc;

  g_return_val_if_fail (AS_IS_ENTITY (self), NULL);

  if (id == NULL || (doc = find_document (self)) == NULL)
    return NULL;
  return g_hash_table_lookup (doc->index, id);
}

JsonObject *
as_entity_get_extra (AsEntity *self)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  return priv->extra;
}

void
as_entity_set_extra (AsEntity   *self,
                     JsonObject *extra)
{
  AsEntityPrivate *priv = as_entity_get_instance_private (self);

  if (extra == priv->extra)
    return;
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra ? json_object_ref (extra) : NULL;
}

char *
as_new_id (void)
{
  return g_uuid_string_random ();
}
