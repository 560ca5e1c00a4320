/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * AsEntity is the base of every object in a set document. Each subclass
 * describes its fields in a static table of AsField; from that one table the
 * base class installs the GObject properties, implements get/set with change
 * detection and undo recording, and lets the io layer read and write JSON
 * without a hand-written serializer per class. Child collections (the members
 * of a set, the rounds of a meeting…) are described by AsChildList and held in
 * GListStores that the base class creates and edits.
 *
 * The model does no I/O: json-glib appears here only as the container for the
 * members of a file that this version does not know, which are kept so that
 * they can be written back unchanged.
 */

typedef enum {
  AS_FIELD_STRING,    /* gchar *, one line, never NULL ("" when empty) */
  AS_FIELD_TEXT,      /* gchar *, several lines, never NULL */
  AS_FIELD_INT,       /* gint within [min, max] */
  AS_FIELD_BOOLEAN,   /* gboolean */
  AS_FIELD_ENUM,      /* gint, a value of enum_type; a string nick in JSON */
  AS_FIELD_DATETIME,  /* GDateTime *, may be NULL; ISO 8601 with offset in JSON */
  AS_FIELD_DATE,      /* gchar * "YYYY-MM-DD", may be NULL */
  AS_FIELD_REF,       /* gchar * id of another entity, may be NULL */
  AS_FIELD_REF_LIST,  /* GStrv of ids, never NULL */
  AS_FIELD_COLOR,     /* gchar * "#rrggbb", never NULL */
} AsFieldType;

typedef enum {
  AS_FIELD_REQUIRED = 1 << 0,  /* must be present in a file */
} AsFieldFlags;

typedef struct {
  const char  *name;        /* property name, "planned-minutes"; JSON uses "planned_minutes" */
  const char  *json_name;   /* "planned_minutes" */
  AsFieldType  type;
  gsize        offset;      /* of the storage in the instance struct */
  AsFieldFlags flags;
  gint         min;         /* AS_FIELD_INT range, and the default */
  gint         max;
  gint         default_int; /* AS_FIELD_INT, AS_FIELD_BOOLEAN, AS_FIELD_ENUM */
  GType      (*enum_type) (void);
  const char  *ref_kind;    /* AS_FIELD_REF(_LIST): the kind of entity it points to, "member" */
} AsField;

typedef struct {
  const char *name;         /* "members" (also its JSON name) */
  GType     (*item_type) (void);
  gsize       offset;       /* of the GListStore * in the instance struct */
  guint       max_items;    /* a file with more is refused */
} AsChildList;

/* What a field can hold, as docs/file-format.md describes it. The setters
 * refuse anything else and the file reader checks the same, so that the app
 * never builds a set that it cannot read back. */
#define AS_MAX_STRING  (1024 * 1024)  /* bytes of a text as a file writes it, escapes included */
#define AS_MAX_LINE    4096           /* bytes of a one-line text */
#define AS_MAX_REFS    4096           /* ids in a list of references */

/* The bytes that each byte of a text adds when a file writes it in a JSON
 * string: 1 for the quote, the backslash and the control characters that
 * have a short escape (\b \f \n \r \t), 5 for the others and DEL, which
 * are written as \u00XX. The file writer escapes by this table. */
extern const guint8 as_json_escape_extra[256];

typedef enum {
  AS_FIELD_VALUE_VALID,
  AS_FIELD_VALUE_NOT_UTF8,      /* a text that is not valid UTF-8 */
  AS_FIELD_VALUE_TOO_LONG,      /* longer than AS_MAX_LINE, or AS_MAX_STRING as written */
  AS_FIELD_VALUE_NOT_ONE_LINE,  /* a line break or control character in a one-line text */
  AS_FIELD_VALUE_NOT_A_COLOUR,  /* not "#rrggbb" */
  AS_FIELD_VALUE_NOT_A_DATE,    /* not "YYYY-MM-DD" of a real day */
  AS_FIELD_VALUE_NOT_AN_ID,     /* not a UUID */
  AS_FIELD_VALUE_TOO_MANY,      /* more than AS_MAX_REFS ids */
  AS_FIELD_VALUE_OUT_OF_RANGE,  /* a number outside the field's range, an unknown enum value */
} AsFieldCheck;

/* Checks the text of a field of a string type (line, text, colour, date or
 * reference) as the file reader does, given length bytes of valid UTF-8 that
 * the JSON layer has limited already. */
AsFieldCheck as_field_check_text  (const AsField *field,
                                   const char    *text,
                                   gsize          length);
/* Checks a value of the field's property type as the setters do: the same,
 * and also its encoding and its size as written. */
AsFieldCheck as_field_check_value (const AsField *field,
                                   const GValue  *value);
/* The bytes a text takes in a file as a JSON string, without the quotes. */
gsize        as_text_file_length  (const char    *text);

#define AS_TYPE_ENTITY (as_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (AsEntity, as_entity, AS, ENTITY, GObject)

typedef struct _AsUndoStack AsUndoStack;

typedef enum {
  AS_EDIT_SET,     /* a field changed */
  AS_EDIT_INSERT,  /* a child was inserted into a list */
  AS_EDIT_REMOVE,  /* a child was removed from a list */
  AS_EDIT_MOVE,    /* a child moved within a list */
} AsEditKind;

/* One change to the document, as announced by the root's "edited" signal and
 * recorded by the undo stack and the journal. */
typedef struct {
  AsEditKind         kind;
  AsEntity          *target;      /* the entity changed, or the parent of the list */
  const AsField     *field;       /* AS_EDIT_SET */
  const AsChildList *list;        /* INSERT, REMOVE, MOVE */
  guint              position;    /* INSERT, REMOVE: where; MOVE: from */
  guint              position2;   /* MOVE: to */
  AsEntity          *child;       /* INSERT, REMOVE, MOVE */
} AsEdit;

struct _AsEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char        *json_kind;   /* "member", used in messages and the schema */
  const AsField     *fields;
  guint              n_fields;
  const AsChildList *lists;
  guint              n_lists;
  guint              first_prop_id;
  gpointer           padding[8];
};

void               as_entity_class_set_fields   (AsEntityClass     *klass,
                                                 const char        *json_kind,
                                                 const AsField     *fields,
                                                 guint              n_fields,
                                                 const AsChildList *lists,
                                                 guint              n_lists);

const char        *as_entity_get_id             (AsEntity          *self);
void               as_entity_set_id             (AsEntity          *self,
                                                 const char        *id);
AsEntity          *as_entity_get_parent         (AsEntity          *self);
AsEntity          *as_entity_get_root           (AsEntity          *self);
const char        *as_entity_get_kind           (AsEntity          *self);

/* Reflection, for io and for generic widgets. */
const AsField     *as_entity_class_get_fields   (AsEntityClass     *klass,
                                                 guint             *n_fields);
const AsChildList *as_entity_class_get_lists    (AsEntityClass     *klass,
                                                 guint             *n_lists);
const AsField     *as_entity_find_field         (AsEntity          *self,
                                                 const char        *json_name);
const AsChildList *as_entity_find_list          (AsEntity          *self,
                                                 const char        *name);
GParamSpec        *as_entity_field_pspec        (AsEntity          *self,
                                                 const AsField     *field);
GListStore        *as_entity_get_list           (AsEntity          *self,
                                                 const AsChildList *list);
gpointer           as_entity_field_storage      (AsEntity          *self,
                                                 const AsField     *field);

/* Sets a field through its property, so that the change notifies, is recorded
 * for undo and is announced to the journal. The value must be of the
 * property's type. */
void               as_entity_set_field_value    (AsEntity          *self,
                                                 const AsField     *field,
                                                 const GValue      *value);
void               as_entity_get_field_value    (AsEntity          *self,
                                                 const AsField     *field,
                                                 GValue            *value);

/* The text made fit for the field of the string property named: invalid
 * UTF-8 replaced, control characters of a one-line text made spaces, and
 * cut at a character boundary where it would be too long. For entries and
 * text views, whose user may paste anything; a setter refuses (with a
 * warning) what does not fit. */
char              *as_entity_fit_text           (AsEntity          *self,
                                                 const char        *property,
                                                 const char        *text);

/* For loaders building an entity that is not yet in a document: store a
 * value or append children without notifying or recording anything. */
void               as_entity_load_field         (AsEntity          *self,
                                                 const AsField     *field,
                                                 const GValue      *value);
void               as_entity_load_children      (AsEntity          *self,
                                                 const AsChildList *list,
                                                 AsEntity         **children,
                                                 guint              n_children);

/* Edits of child lists, recorded for undo like field changes. */
void               as_entity_insert_child       (AsEntity          *self,
                                                 const AsChildList *list,
                                                 guint              position,
                                                 AsEntity          *child);
void               as_entity_append_child       (AsEntity          *self,
                                                 const AsChildList *list,
                                                 AsEntity          *child);
void               as_entity_remove_child       (AsEntity          *self,
                                                 const AsChildList *list,
                                                 guint              position);
gboolean           as_entity_remove_child_item  (AsEntity          *self,
                                                 const AsChildList *list,
                                                 AsEntity          *child);
void               as_entity_move_child         (AsEntity          *self,
                                                 const AsChildList *list,
                                                 guint              from,
                                                 guint              to);

/* Documents. A root entity made a document keeps an index of the ids of all
 * entities below it, records edits in its undo stack and announces each edit
 * with the "edited" signal (an AsEdit *), which the journal listens to. */
void               as_entity_make_document      (AsEntity          *self,
                                                 AsUndoStack       *undo);
AsUndoStack       *as_entity_get_undo_stack     (AsEntity          *self);
AsEntity          *as_entity_lookup             (AsEntity          *self,
                                                 const char        *id);
gboolean           as_entity_is_document        (AsEntity          *self);

/* Members of the JSON object this entity was read from that this version
 * does not know; written back unchanged. May be NULL. */
JsonObject        *as_entity_get_extra          (AsEntity          *self);
void               as_entity_set_extra          (AsEntity          *self,
                                                 JsonObject        *extra);

/* A fresh random (version 4) UUID. */
char              *as_new_id                    (void);

/* Field descriptor helpers for subclasses. */
#define AS_FIELD_STR(prop, json, T, member, flags) \
  { prop, json, AS_FIELD_STRING, G_STRUCT_OFFSET (T, member), flags, 0, 0, 0, NULL, NULL }
#define AS_FIELD_TXT(prop, json, T, member, flags) \
  { prop, json, AS_FIELD_TEXT, G_STRUCT_OFFSET (T, member), flags, 0, 0, 0, NULL, NULL }
#define AS_FIELD_NUM(prop, json, T, member, flags, lo, hi, def) \
  { prop, json, AS_FIELD_INT, G_STRUCT_OFFSET (T, member), flags, lo, hi, def, NULL, NULL }
#define AS_FIELD_BOOL(prop, json, T, member, flags, def) \
  { prop, json, AS_FIELD_BOOLEAN, G_STRUCT_OFFSET (T, member), flags, 0, 1, def, NULL, NULL }
#define AS_FIELD_ENUMV(prop, json, T, member, flags, etype, def) \
  { prop, json, AS_FIELD_ENUM, G_STRUCT_OFFSET (T, member), flags, 0, 0, def, etype, NULL }
#define AS_FIELD_TIME(prop, json, T, member, flags) \
  { prop, json, AS_FIELD_DATETIME, G_STRUCT_OFFSET (T, member), flags, 0, 0, 0, NULL, NULL }
#define AS_FIELD_DAY(prop, json, T, member, flags) \
  { prop, json, AS_FIELD_DATE, G_STRUCT_OFFSET (T, member), flags, 0, 0, 0, NULL, NULL }
#define AS_FIELD_REFERENCE(prop, json, T, member, flags, kind) \
  { prop, json, AS_FIELD_REF, G_STRUCT_OFFSET (T, member), flags, 0, 0, 0, NULL, kind }
#define AS_FIELD_REFS(prop, json, T, member, flags, kind) \
  { prop, json, AS_FIELD_REF_LIST, G_STRUCT_OFFSET (T, member), flags, 0, 0, 0, NULL, kind }
#define AS_FIELD_COLOUR(prop, json, T, member, flags) \
  { prop, json, AS_FIELD_COLOR, G_STRUCT_OFFSET (T, member), flags, 0, 0, 0, NULL, NULL }
#define AS_LIST(name, type_func, T, member, max) \
  { name, type_func, G_STRUCT_OFFSET (T, member), max }

G_END_DECLS
