/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-settings"

#include "config.h"

#include "as-settings.h"

struct _AsSettings
{
  GObject    parent_instance;

  GSettings *gsettings;   /* NULL without the schema */
  gboolean   sound_enabled;
  gboolean   monologue_cue;
  gboolean   exclude_presenter;
  char      *projector_monitor;
};

G_DEFINE_FINAL_TYPE (AsSettings, as_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOUND_ENABLED,
  PROP_MONOLOGUE_CUE,
  PROP_EXCLUDE_PRESENTER,
  PROP_PROJECTOR_MONITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GSettings *
gsettings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
set_boolean (AsSettings *self,
             gboolean   *field,
             gboolean    value,
             guint       prop_id)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* GObject overrides */

static void
as_settings_dispose (GObject *object)
{
  AsSettings *self = AS_SETTINGS (object);

  g_clear_object (&self->gsettings);

  G_OBJECT_CLASS (as_settings_parent_class)->dispose (object);
}

static void
as_settings_finalize (GObject *object)
{
  AsSettings *self = AS_SETTINGS (object);

  g_free (self->projector_monitor);

  G_OBJECT_CLASS (as_settings_parent_class)->finalize (object);
}

static void
as_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AsSettings *self = AS_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SOUND_ENABLED:
      g_value_set_boolean (value, self->sound_enabled);
      break;
    case PROP_MONOLOGUE_CUE:
      g_value_set_boolean (value, self->monologue_cue);
      break;
    case PROP_EXCLUDE_PRESENTER:
      g_value_set_boolean (value, self->exclude_presenter);
      break;
    case PROP_PROJECTOR_MONITOR:
      g_value_set_string (value, self->projector_monitor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AsSettings *self = AS_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SOUND_ENABLED:
      set_boolean (self, &self->sound_enabled, g_value_get_boolean (value), prop_id);
      break;
    case PROP_MONOLOGUE_CUE:
      set_boolean (self, &self->monologue_cue, g_value_get_boolean (value), prop_id);
      break;
    case PROP_EXCLUDE_PRESENTER:
      set_boolean (self, &self->exclude_presenter, g_value_get_boolean (value), prop_id);
      break;
    case PROP_PROJECTOR_MONITOR:
      as_settings_set_projector_monitor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_settings_class_init (AsSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = as_settings_dispose;
  object_class->finalize = as_settings_finalize;
  object_class->get_property = as_settings_get_property;
  object_class->set_property = as_settings_set_property;

  /* The defaults are the schema's, for when it is missing. */
  properties[PROP_SOUND_ENABLED] =
    g_param_spec_boolean ("sound-enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONOLOGUE_CUE] =
    g_param_spec_boolean ("monologue-cue", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXCLUDE_PRESENTER] =
    g_param_spec_boolean ("exclude-presenter-in-questions", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECTOR_MONITOR] =
    g_param_spec_string ("projector-monitor", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
as_settings_init (AsSettings *self)
{
  self->sound_enabled = TRUE;
  self->monologue_cue = TRUE;
  self->exclude_presenter = TRUE;
  self->projector_monitor = g_strdup ("");

  if ((self->gsettings = gsettings_new ()) != NULL)
    for (guint i = 1; i < N_PROPS; i++)
      {
        const char *key = g_param_spec_get_name (properties[i]);

        g_settings_bind (self->gsettings, key, self, key, G_SETTINGS_BIND_DEFAULT);
      }
}

/* Public API */

AsSettings *
as_settings_get_default (void)
{
  static AsSettings *settings;

  if (settings == NULL)
    settings = g_object_new (AS_TYPE_SETTINGS, NULL);
  return settings;
}

GSettings *
as_settings_get_gsettings (AsSettings *self)
{
  g_return_val_if_fail (AS_IS_SETTINGS (self), NULL);
  return self->gsettings;
}

gboolean
as_settings_get_sound_enabled (AsSettings *self)
{
  g_return_val_if_fail (AS_IS_SETTINGS (self), FALSE);
  return self->sound_enabled;
}

gboolean
as_settings_get_monologue_cue (AsSettings *self)
{
  g_return_val_if_fail (AS_IS_SETTINGS (self), FALSE);
  return self->monologue_cue;
}

gboolean
as_settings_get_exclude_presenter (AsSettings *self)
{
  g_return_val_if_fail (AS_IS_SETTINGS (self), FALSE);
  return self->exclude_presenter;
}

const char *
as_settings_get_projector_monitor (AsSettings *self)
{
  g_return_val_if_fail (AS_IS_SETTINGS (self), NULL);
  return self->projector_monitor;
}

void
as_settings_set_projector_monitor (AsSettings *self,
                                   const char *monitor)
{
  g_return_if_fail (AS_IS_SETTINGS (self));

  if (monitor == NULL)
    monitor = "";
  if (g_strcmp0 (self->projector_monitor, monitor) == 0)
    return;
  g_free (self->projector_monitor);
  self->projector_monitor = g_strdup (monitor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTOR_MONITOR]);
}

GAction *
as_settings_create_action (AsSettings *self,
                           const char *key)
{
  g_return_val_if_fail (AS_IS_SETTINGS (self), NULL);
  g_return_val_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (self), key) != NULL,
                        NULL);

  return G_ACTION (g_property_action_new (key, self, key));
}
