/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-member-tile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "as-cache-bin.h"
#include "as-colour-dot.h"
#include "as-meeting-session.h"
#include "as-member-tile.h"
#include "as-share-bar.h"
#include "as-tick-label.h"
#include "as-ui-util.h"

struct _AsMemberTile
{
  GtkWidget    parent_instance;

  AsMember    *member;
  guint        number;
  gboolean     speaking;
  char        *accessible_label;
  char        *shown_name;      /* what update_identity last showed */
  char        *shown_colour;
  guint        shown_number;

  /* What the last update showed, to the second and the percent: most tiles
   * show the same from one second to the next. */
  gboolean     shown_valid;
  gint64       shown_airtime_s;
  gint64       shown_turn_s;
  guint        shown_turns;
  int          shown_share;
  gboolean     shown_speaking;
  gboolean     shown_monologue;
  gboolean     shown_counted;

  GtkLabel    *key_label;
  AsColourDot *dot;
  GtkLabel    *name_label;
  GtkWidget   *speaking_badge;
  GtkLabel    *speaking_label;
  AsTickLabel *airtime_label;
  GtkLabel    *turns_label;
  AsTickLabel *share_label;
  AsShareBar  *share_bar;
  GtkImage    *cue_icon;
  AsTickLabel *cue_label;

  AsSnapshotCache *cache;
};

G_DEFINE_FINAL_TYPE (AsMemberTile, as_member_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEMBER,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Whether the name, colour or key changed since last shown. */
static gboolean
update_identity (AsMemberTile *self)
{
  g_autofree char *key = NULL;
  const char *name;

  if (self->member == NULL)
    return FALSE;
  /* Called on every update, once a second: nothing to do unless the member
   * was edited. */
  if (g_strcmp0 (self->shown_name, as_member_get_name (self->member)) == 0 &&
      g_strcmp0 (self->shown_colour, as_member_get_colour (self->member)) == 0 &&
      self->shown_number == self->number)
    return FALSE;
  g_free (self->shown_name);
  self->shown_name = g_strdup (as_member_get_name (self->member));
  g_free (self->shown_colour);
  self->shown_colour = g_strdup (as_member_get_colour (self->member));
  self->shown_number = self->number;

  /* The name comes from the file: plain text, never markup. */
  name = as_member_get_name (self->member);
  as_ui_set_text (self->name_label, *name ? name : _("Unnamed member"));
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->name_label)), name) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
  as_colour_dot_set_colour (self->dot, as_member_get_colour (self->member));
  as_share_bar_set_colour (self->share_bar, as_member_get_colour (self->member));

  key = self->number > 0 ? g_strdup_printf ("%u", self->number % 10) : NULL;
  as_ui_set_text (self->key_label, key ? key : "");
  gtk_widget_set_visible (GTK_WIDGET (self->key_label), key != NULL);
  return TRUE;
}

/* GtkWidget overrides */

/* The tiles of those not speaking stay the same for seconds on end: each is
 * then drawn as one recording (see AsCacheBin). */
static void
as_member_tile_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  as_snapshot_cache_children (AS_MEMBER_TILE (widget)->cache, snapshot);
}

static void
as_member_tile_unmap (GtkWidget *widget)
{
  as_snapshot_cache_stop (AS_MEMBER_TILE (widget)->cache);
  GTK_WIDGET_CLASS (as_member_tile_parent_class)->unmap (widget);
}

/* GObject overrides */

static void
as_member_tile_dispose (GObject *object)
{
  AsMemberTile *self = AS_MEMBER_TILE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_MEMBER_TILE);
  /* GTK 4.8 unparents only the named children of the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->member);
  g_clear_pointer (&self->cache, as_snapshot_cache_free);

  G_OBJECT_CLASS (as_member_tile_parent_class)->dispose (object);
}

static void
as_member_tile_finalize (GObject *object)
{
  AsMemberTile *self = AS_MEMBER_TILE (object);

  g_free (self->accessible_label);
  g_free (self->shown_name);
  g_free (self->shown_colour);

  G_OBJECT_CLASS (as_member_tile_parent_class)->finalize (object);
}

static void
as_member_tile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AsMemberTile *self = AS_MEMBER_TILE (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_member_tile_class_init (AsMemberTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_member_tile_dispose;
  object_class->finalize = as_member_tile_finalize;
  object_class->get_property = as_member_tile_get_property;

  widget_class->snapshot = as_member_tile_snapshot;
  widget_class->unmap = as_member_tile_unmap;

  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, AS_TYPE_MEMBER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, 9, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AS_TYPE_COLOUR_DOT);
  g_type_ensure (AS_TYPE_SHARE_BAR);
  g_type_ensure (AS_TYPE_TICK_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-member-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, key_label);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, dot);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, speaking_badge);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, speaking_label);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, airtime_label);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, turns_label);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, share_label);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, share_bar);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, cue_icon);
  gtk_widget_class_bind_template_child (widget_class, AsMemberTile, cue_label);

  gtk_widget_class_set_css_name (widget_class, "membertile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
as_member_tile_init (AsMemberTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cache = as_snapshot_cache_new (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
as_member_tile_new (void)
{
  return g_object_new (AS_TYPE_MEMBER_TILE, NULL);
}

void
as_member_tile_set_member (AsMemberTile *self,
                           AsMember     *member,
                           guint         number)
{
  g_return_if_fail (AS_IS_MEMBER_TILE (self));
  g_return_if_fail (member == NULL || AS_IS_MEMBER (member));
  g_return_if_fail (number <= 9);

  if (g_set_object (&self->member, member))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER]);
  if (self->number != number)
    {
      self->number = number;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
    }
  if (update_identity (self))
    self->shown_valid = FALSE;
}

AsMember *
as_member_tile_get_member (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), NULL);
  return self->member;
}

const char *
as_member_tile_get_member_id (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), NULL);
  return self->member ? as_entity_get_id (AS_ENTITY (self->member)) : NULL;
}

guint
as_member_tile_get_number (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), 0);
  return self->number;
}

void
as_member_tile_update (AsMemberTile              *self,
                       const AsMemberTileFigures *f)
{
  g_autofree char *airtime = NULL;
  g_autofree char *turns = NULL;
  g_autofree char *share = NULL;
  g_autofree char *cue = NULL;
  g_autofree char *accessible = NULL;
  const char *icon = NULL;
  gboolean silent = f->counted && f->turns == 0 && !f->speaking;
  gboolean monologue = f->speaking && f->monologue;

  g_return_if_fail (AS_IS_MEMBER_TILE (self));

  /* The bar moves by fractions of a percent: it redraws when a pixel moves. */
  as_share_bar_set_values (self->share_bar, f->counted ? f->share : 0,
                           f->equal_share, f->scale);
  if (update_identity (self))
    self->shown_valid = FALSE;
  if (self->shown_valid &&
      self->shown_airtime_s == f->airtime_ms / 1000 &&
      self->shown_turn_s == (f->speaking ? f->turn_ms / 1000 : 0) &&
      self->shown_turns == f->turns &&
      self->shown_share == (int) round (f->share * 100) &&
      self->shown_speaking == f->speaking &&
      self->shown_monologue == monologue &&
      self->shown_counted == f->counted)
    return;
  self->shown_valid = TRUE;
  self->shown_airtime_s = f->airtime_ms / 1000;
  self->shown_turn_s = f->speaking ? f->turn_ms / 1000 : 0;
  self->shown_turns = f->turns;
  self->shown_share = (int) round (f->share * 100);
  self->shown_speaking = f->speaking;
  self->shown_monologue = monologue;
  self->shown_counted = f->counted;

  airtime = as_format_timer (f->airtime_ms, FALSE);
  turns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u turn", "%u turns", f->turns),
                           f->turns);
  /* Translators: a member's share of the airtime, in percent. */
  share = g_strdup_printf (_("%d%%"), (int) round (f->share * 100));
  as_tick_label_set_text (self->airtime_label, airtime);
  as_ui_set_text (self->turns_label, turns);
  as_tick_label_set_text (self->share_label, f->counted ? share : "–");

  if (monologue)
    {
      g_autofree char *turn = as_format_timer (f->turn_ms, FALSE);

      icon = "dialog-warning-symbolic";
      /* Translators: after "Speaking": the speaker has held the floor this long. */
      cue = g_strdup_printf (_("Long turn %s"), turn);
    }
  else if (f->speaking)
    /* After "Speaking": how long this turn has lasted. */
    cue = as_format_timer (f->turn_ms, FALSE);
  else if (!f->counted)
    /* Translators: the presenter during questions, left out of the figures. */
    cue = g_strdup (_("Presenting: not counted"));
  else if (silent)
    {
      icon = "microphone-disabled-symbolic";
      cue = g_strdup (_("Not spoken yet"));
    }
  as_tick_label_set_text (self->cue_label, cue ? cue : "");
  as_ui_set_icon (self->cue_icon, icon);

  gtk_widget_set_visible (self->speaking_badge, f->speaking);
  as_ui_set_class (GTK_WIDGET (self), "speaking", f->speaking);
  as_ui_set_class (GTK_WIDGET (self), "monologue", monologue);
  as_ui_set_class (GTK_WIDGET (self), "silent", silent);
  as_ui_set_class (GTK_WIDGET (self), "excluded", !f->counted);
  self->speaking = f->speaking;

  /* One sentence for a screen reader, updated only when it changes. */
  accessible = g_strdup_printf ("%s%s%s, %s, %s, %s%s%s",
                                gtk_label_get_text (self->name_label),
                                f->speaking ? ", " : "",
                                f->speaking ? gtk_label_get_text (self->speaking_label) : "",
                                airtime, turns, share,
                                cue ? ", " : "", cue ? cue : "");
  if (g_strcmp0 (accessible, self->accessible_label) != 0)
    {
      g_free (self->accessible_label);
      self->accessible_label = g_steal_pointer (&accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                      -1);
    }
}

const char *
as_member_tile_get_airtime_text (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), NULL);
  return as_tick_label_get_text (self->airtime_label);
}

const char *
as_member_tile_get_turns_text (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), NULL);
  return gtk_label_get_text (self->turns_label);
}

const char *
as_member_tile_get_cue_text (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), NULL);
  return as_tick_label_get_text (self->cue_label);
}

gboolean
as_member_tile_get_speaking (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), FALSE);
  return self->speaking;
}

const char *
as_member_tile_get_badge_text (AsMemberTile *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_TILE (self), NULL);
  return gtk_widget_get_visible (self->speaking_badge) ?
         gtk_label_get_text (self->speaking_label) : "";
}
