/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The JSON Schema in data/actionset.schema.json against the model's field
 * tables: every entity class has a definition naming exactly its fields and
 * lists, in file order, with the type, range, default, enum values, required
 * flag and referenced kind of the table. A field added to a class without
 * its schema entry, or a range changed on one side only, fails here.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "as-format.h"
#include "as-model.h"
#include "as-test-util.h"

/* The definitions of value types in the schema; every other definition is an
 * entity, named by its kind. */
static const char * const value_defs[] = {
  "id", "ref", "ref_or_null", "line", "text", "colour", "date", "date_or_null",
  "date_time", "date_time_or_null", "ref_list", NULL,
};

static JsonNode *schema_root;

static JsonObject *
schema (void)
{
  if (schema_root == NULL)
    {
      g_autofree char *path = as_test_data_path ("actionset.schema.json");
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      schema_root = json_parser_steal_root (parser);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (schema_root));
    }
  return json_node_get_object (schema_root);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("the schema lacks “%s”", name);
  return node;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static gboolean
bool_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  return json_node_get_boolean (node);
}

/* The strings of an array member joined with spaces, for comparison. */
static char *
joined_strings (JsonObject *object,
                const char *name)
{
  JsonNode *node = member (object, name);
  JsonArray *array;
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      g_assert_cmpint (json_node_get_value_type (element), ==, G_TYPE_STRING);
      g_string_append_printf (s, "%s%s", i ? " " : "", json_node_get_string (element));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
joined_members (JsonObject *object)
{
  g_autoptr(GList) names = json_object_get_members (object);
  g_autoptr(GString) s = g_string_new (NULL);

  for (GList *l = names; l; l = l->next)
    g_string_append_printf (s, "%s%s", l == names ? "" : " ", (const char *) l->data);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
kind_of_type (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return AS_ENTITY_CLASS (klass)->json_kind;
}

/* Every entity class reachable from the set through child lists. */
static void
collect_types (GType      type,
               GPtrArray *types)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const AsChildList *lists;
  guint n_lists;

  for (guint i = 0; i < types->len; i++)
    if (GPOINTER_TO_SIZE (g_ptr_array_index (types, i)) == type)
      return;
  g_ptr_array_add (types, GSIZE_TO_POINTER (type));

  lists = as_entity_class_get_lists (AS_ENTITY_CLASS (klass), &n_lists);
  for (guint l = 0; l < n_lists; l++)
    collect_types (lists[l].item_type (), types);
}

static void
check_ref (JsonObject *property,
           const char *expected)
{
  g_autofree char *target = g_strconcat ("#/$defs/", expected, NULL);

  g_assert_cmpstr (string_member (property, "$ref"), ==, target);
}

static void
check_field (const AsField *field,
             JsonObject    *property)
{
  gboolean required = (field->flags & AS_FIELD_REQUIRED) != 0;

  g_test_message ("field %s", field->json_name);
  g_assert_nonnull (string_member (property, "title"));

  switch (field->type)
    {
    case AS_FIELD_STRING:
      check_ref (property, "line");
      /* A required one-line text must be present but may be empty, as
       * the reader accepts it: the schema sets no minimum length. */
      g_assert_false (json_object_has_member (property, "minLength"));
      if (!required)
        g_assert_cmpstr (string_member (property, "default"), ==, "");
      break;

    case AS_FIELD_TEXT:
      check_ref (property, "text");
      if (!required)
        g_assert_cmpstr (string_member (property, "default"), ==, "");
      break;

    case AS_FIELD_INT:
      g_assert_cmpstr (string_member (property, "type"), ==, "integer");
      g_assert_cmpint (int_member (property, "minimum"), ==, field->min);
      g_assert_cmpint (int_member (property, "maximum"), ==, field->max);
      g_assert_cmpint (int_member (property, "default"), ==, field->default_int);
      break;

    case AS_FIELD_BOOLEAN:
      g_assert_cmpstr (string_member (property, "type"), ==, "boolean");
      g_assert_cmpint (bool_member (property, "default"), ==, field->default_int != 0);
      break;

    case AS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        g_autoptr(GString) nicks = g_string_new (NULL);
        g_autofree char *listed = joined_strings (property, "enum");

        for (guint i = 0; i < klass->n_values; i++)
          g_string_append_printf (nicks, "%s%s", i ? " " : "", klass->values[i].value_nick);
        g_assert_cmpstr (string_member (property, "type"), ==, "string");
        g_assert_cmpstr (listed, ==, nicks->str);
        g_assert_cmpstr (string_member (property, "default"), ==,
                         as_enum_to_nick (field->enum_type (), field->default_int));
      }
      break;

    case AS_FIELD_DATETIME:
      check_ref (property, required ? "date_time" : "date_time_or_null");
      break;

    case AS_FIELD_DATE:
      check_ref (property, required ? "date" : "date_or_null");
      break;

    case AS_FIELD_REF:
      check_ref (property, required ? "ref" : "ref_or_null");
      g_assert_cmpstr (string_member (property, "x-refers-to"), ==, field->ref_kind);
      break;

    case AS_FIELD_REF_LIST:
      check_ref (property, "ref_list");
      g_assert_cmpstr (string_member (property, "x-refers-to"), ==, field->ref_kind);
      break;

    case AS_FIELD_COLOR:
      check_ref (property, "colour");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_entity (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const char *kind = AS_ENTITY_CLASS (klass)->json_kind;
  JsonObject *def = object_member (object_member (schema (), "$defs"), kind);
  JsonObject *properties = object_member (def, "properties");
  guint n_fields, n_lists;
  const AsField *fields = as_entity_class_get_fields (AS_ENTITY_CLASS (klass), &n_fields);
  const AsChildList *lists = as_entity_class_get_lists (AS_ENTITY_CLASS (klass), &n_lists);
  g_autoptr(GString) names = g_string_new ("id");
  g_autoptr(GString) required = g_string_new ("id");
  g_autofree char *schema_names = joined_members (properties);
  g_autofree char *schema_required = joined_strings (def, "required");

  g_assert_cmpstr (string_member (def, "type"), ==, "object");
  g_assert_nonnull (string_member (def, "title"));
  /* Members this version does not know are kept, so they are allowed. */
  g_assert_true (bool_member (def, "additionalProperties"));

  /* Exactly the fields and lists of the table, in the order of the file. */
  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append_printf (names, " %s", fields[i].json_name);
      if (fields[i].flags & AS_FIELD_REQUIRED)
        g_string_append_printf (required, " %s", fields[i].json_name);
    }
  for (guint l = 0; l < n_lists; l++)
    g_string_append_printf (names, " %s", lists[l].name);
  g_assert_cmpstr (schema_names, ==, names->str);
  g_assert_cmpstr (schema_required, ==, required->str);

  check_ref (object_member (properties, "id"), "id");
  for (guint i = 0; i < n_fields; i++)
    check_field (&fields[i], object_member (properties, fields[i].json_name));

  for (guint l = 0; l < n_lists; l++)
    {
      JsonObject *property = object_member (properties, lists[l].name);

      g_test_message ("list %s", lists[l].name);
      g_assert_cmpstr (string_member (property, "type"), ==, "array");
      check_ref (object_member (property, "items"), kind_of_type (lists[l].item_type ()));
      g_assert_cmpint (int_member (property, "maxItems"), ==, lists[l].max_items);
    }
}

static void
test_root (void)
{
  JsonObject *root = schema ();
  JsonObject *properties = object_member (root, "properties");
  JsonObject *version = object_member (object_member (properties, "format_version"), "properties");
  g_autoptr(GTypeClass) klass = g_type_class_ref (AS_TYPE_SET);
  guint n_fields;
  const AsField *fields = as_entity_class_get_fields (AS_ENTITY_CLASS (klass), &n_fields);
  g_autoptr(GString) required = g_string_new ("format format_version id");
  g_autofree char *schema_required = joined_strings (root, "required");

  g_assert_cmpstr (string_member (root, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");
  g_assert_cmpstr (string_member (root, "$ref"), ==, "#/$defs/set");
  g_assert_cmpstr (string_member (object_member (properties, "format"), "const"), ==,
                   AS_FORMAT_ID);
  g_assert_cmpint (int_member (object_member (version, "major"), "const"), ==, AS_FORMAT_MAJOR);

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].flags & AS_FIELD_REQUIRED)
      g_string_append_printf (required, " %s", fields[i].json_name);
  g_assert_cmpstr (schema_required, ==, required->str);
}

static void
test_limits (void)
{
  JsonObject *defs = object_member (schema (), "$defs");

  g_assert_cmpint (int_member (object_member (defs, "line"), "maxLength"), ==, AS_MAX_LINE);
  g_assert_cmpint (int_member (object_member (defs, "text"), "maxLength"), ==, AS_MAX_STRING);
  /* The reader takes at most AS_MAX_MEMBERS ids in a list of references. */
  g_assert_cmpint (int_member (object_member (defs, "ref_list"), "maxItems"), ==, AS_MAX_MEMBERS);
}

/* No definition is left over from a class that no longer exists. */
static void
test_no_stray_definitions (void)
{
  JsonObject *defs = object_member (schema (), "$defs");
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GList) names = json_object_get_members (defs);

  collect_types (AS_TYPE_SET, types);
  for (GList *l = names; l; l = l->next)
    {
      const char *name = l->data;
      gboolean known = g_strv_contains (value_defs, name);

      for (guint i = 0; !known && i < types->len; i++)
        known = g_strcmp0 (kind_of_type (GPOINTER_TO_SIZE (g_ptr_array_index (types, i))), name) == 0;
      if (!known)
        g_error ("the schema defines “%s”, which is neither a value type nor an entity", name);
    }
  g_assert_cmpuint (json_object_get_size (defs), ==, g_strv_length ((char **) value_defs) + types->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/root", test_root);
  g_test_add_func ("/schema/limits", test_limits);
  g_test_add_func ("/schema/no-stray-definitions", test_no_stray_definitions);

  collect_types (AS_TYPE_SET, types);
  for (guint i = 0; i < types->len; i++)
    {
      GType type = GPOINTER_TO_SIZE (g_ptr_array_index (types, i));
      g_autofree char *name = g_strdup_printf ("/schema/entity/%s", kind_of_type (type));

      g_test_add_data_func (name, g_ptr_array_index (types, i), test_entity);
    }

  status = g_test_run ();
  g_clear_pointer (&schema_root, json_node_unref);
  return status;
}
