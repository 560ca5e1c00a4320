/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-participation-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-cache-bin.h"
#include "as-member-tile.h"
#include "as-participation-panel.h"
#include "as-participation.h"
#include "as-settings.h"
#include "as-tick-label.h"
#include "as-ui-util.h"
#include "as-words.h"

struct _AsParticipationPanel
{
  GtkWidget         parent_instance;

  AsTicker         *ticker;
  AsMeetingSession *session;
  AsSettings       *settings;
  gboolean          show_cycle;
  gboolean          interactive;

  /* The members the tiles show (AsMember), bound to the flow box. */
  GListStore       *members;

  GtkWidget        *box;
  GtkWidget        *scope_box;
  GtkToggleButton  *meeting_scope_button;
  GtkToggleButton  *cycle_scope_button;
  AsTickLabel      *balance_label;
  GtkLabel         *silent_label;
  GtkWidget        *exclude_row;
  GtkFlowBox       *tiles_box;
};

G_DEFINE_FINAL_TYPE (AsParticipationPanel, as_participation_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TICKER,
  PROP_SHOW_CYCLE,
  PROP_INTERACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static AsRound *
round_of (AsStep *step)
{
  AsEntity *parent = step ? as_entity_get_parent (AS_ENTITY (step)) : NULL;

  return AS_IS_ROUND (parent) ? AS_ROUND (parent) : NULL;
}

/* Keys 1–9 are for the first nine attendees, in order. */
static guint
key_number (AsParticipationPanel *self,
            const char           *member_id)
{
  const char * const *attendees = as_meeting_session_get_attendees (self->session);

  for (guint a = 0; attendees != NULL && attendees[a] != NULL && a < 9; a++)
    if (g_strcmp0 (attendees[a], member_id) == 0)
      return a + 1;
  return 0;
}

static GtkWidget *
create_tile (gpointer item,
             gpointer user_data)
{
  AsParticipationPanel *self = user_data;
  GtkWidget *tile = as_member_tile_new ();

  as_member_tile_set_member (AS_MEMBER_TILE (tile), item,
                             key_number (self, as_entity_get_id (AS_ENTITY (item))));
  return tile;
}

/* The members the tiles show: the attendees in key order, then for the
 * cycle everyone else who attended a meeting. Changes the list only where
 * it differs, so that most updates touch no tile. */
static void
update_members (AsParticipationPanel *self,
                AsParticipation      *p)
{
  AsSet *set = as_meeting_session_get_set (self->session);
  const char * const *attendees = as_meeting_session_get_attendees (self->session);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  gboolean same;

  for (guint i = 0; attendees != NULL && attendees[i] != NULL; i++)
    {
      AsMember *member = as_set_lookup_member (set, attendees[i]);

      if (member != NULL && g_hash_table_add (seen, (gpointer) attendees[i]))
        g_ptr_array_add (wanted, member);
    }
  if (self->show_cycle)
    for (guint i = 0; i < p->members->len; i++)
      {
        const char *id = g_array_index (p->members, AsAirtime, i).member_id;
        AsMember *member = as_set_lookup_member (set, id);

        if (member != NULL && g_hash_table_add (seen, (gpointer) id))
          g_ptr_array_add (wanted, member);
      }

  same = n == wanted->len;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(AsMember) shown = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      same = shown == g_ptr_array_index (wanted, i);
    }
  if (!same)
    g_list_store_splice (self->members, 0, n, wanted->pdata, wanted->len);
}

static void
refresh (AsParticipationPanel *self)
{
  gboolean exclude = as_settings_get_exclude_presenter (self->settings);
  gboolean cue = as_settings_get_monologue_cue (self->settings);
  AsTimerState state;
  AsStep *step;
  g_autoptr(AsParticipation) p = NULL;
  const char *speaker;
  const char *presenter_out = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *silent = NULL;
  double scale;
  guint n;

  if (self->session == NULL)
    return;

  state = as_meeting_session_get_state (self->session);
  step = as_meeting_session_get_shown_step (self->session);
  speaker = as_meeting_session_get_speaker (self->session);
  p = as_participation_compute (as_meeting_session_get_set (self->session),
                                self->show_cycle ? NULL
                                                 : as_meeting_session_get_meeting (self->session),
                                self->session,
                                exclude ? AS_PARTICIPATION_EXCLUDE_PRESENTER_IN_QUESTIONS
                                        : AS_PARTICIPATION_DEFAULT);
  update_members (self, p);

  /* While the presenter is questioned, what they say does not count. */
  if (exclude && step != NULL && state != AS_TIMER_NOT_STARTED &&
      as_step_get_kind (step) == AS_STEP_QUESTIONS)
    presenter_out = as_round_get_presenter (round_of (step));

  scale = 2 * p->equal_share;
  for (guint i = 0; i < p->members->len; i++)
    scale = MAX (scale, g_array_index (p->members, AsAirtime, i).share);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  for (guint i = 0; i < n; i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->tiles_box, i);
      AsMemberTile *tile;
      const char *id;
      const AsAirtime *a;
      gboolean speaking;

      if (child == NULL)
        break;
      tile = AS_MEMBER_TILE (gtk_flow_box_child_get_child (child));
      id = as_member_tile_get_member_id (tile);
      a = as_participation_lookup (p, id);
      speaking = speaker != NULL && g_strcmp0 (speaker, id) == 0;
      {
        AsMemberTileFigures f = {
          .airtime_ms = a ? a->airtime_ms : 0,
          .turns = a ? a->turns : 0,
          .share = a ? a->share : 0,
          .equal_share = p->equal_share,
          .scale = scale,
          .speaking = speaking,
          .monologue = speaking && cue && as_meeting_session_is_monologue (self->session),
          .turn_ms = speaking ? as_meeting_session_turn_elapsed (self->session) : 0,
          .counted = g_strcmp0 (presenter_out, id) != 0,
        };

        as_member_tile_update (tile, &f);
      }
    }

  balance = as_words_balance_line (p);
  as_tick_label_set_text (self->balance_label, balance);

  if (p->n_silent > 0)
    silent = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not spoken yet",
                                           "%u not spoken yet", p->n_silent), p->n_silent);
  else
    silent = g_strdup (_("Everyone has spoken"));
  as_ui_set_text (self->silent_label, silent);
}

static void
apply_interactive (AsParticipationPanel *self)
{
  as_ui_set_visible (self->scope_box, self->interactive);
  as_ui_set_visible (self->exclude_row, self->interactive);
  /* On the wall the tiles only show: no focus, no clicks. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->tiles_box), self->interactive);
  gtk_widget_set_can_target (GTK_WIDGET (self->tiles_box), self->interactive);
}

/* Callbacks */

static void
on_tile_activated (AsParticipationPanel *self,
                   GtkFlowBoxChild      *child)
{
  AsMemberTile *tile = AS_MEMBER_TILE (gtk_flow_box_child_get_child (child));

  if (!self->interactive)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "meeting.speaker-member", "s",
                              as_member_tile_get_member_id (tile));
}

static void
on_scope_toggled (AsParticipationPanel *self)
{
  as_participation_panel_set_show_cycle (self,
                                         gtk_toggle_button_get_active (self->cycle_scope_button));
}

/* GObject overrides */

static void
as_participation_panel_dispose (GObject *object)
{
  AsParticipationPanel *self = AS_PARTICIPATION_PANEL (object);

  as_participation_panel_set_ticker (self, NULL);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_PARTICIPATION_PANEL);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (as_participation_panel_parent_class)->dispose (object);
}

static void
as_participation_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AsParticipationPanel *self = AS_PARTICIPATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_TICKER:
      g_value_set_object (value, self->ticker);
      break;
    case PROP_SHOW_CYCLE:
      g_value_set_boolean (value, self->show_cycle);
      break;
    case PROP_INTERACTIVE:
      g_value_set_boolean (value, self->interactive);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_participation_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AsParticipationPanel *self = AS_PARTICIPATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_TICKER:
      as_participation_panel_set_ticker (self, g_value_get_object (value));
      break;
    case PROP_SHOW_CYCLE:
      as_participation_panel_set_show_cycle (self, g_value_get_boolean (value));
      break;
    case PROP_INTERACTIVE:
      as_participation_panel_set_interactive (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_participation_panel_class_init (AsParticipationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_participation_panel_dispose;
  object_class->get_property = as_participation_panel_get_property;
  object_class->set_property = as_participation_panel_set_property;

  properties[PROP_TICKER] =
    g_param_spec_object ("ticker", NULL, NULL, AS_TYPE_TICKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CYCLE] =
    g_param_spec_boolean ("show-cycle", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERACTIVE] =
    g_param_spec_boolean ("interactive", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AS_TYPE_CACHE_BIN);
  g_type_ensure (AS_TYPE_MEMBER_TILE);
  g_type_ensure (AS_TYPE_TICK_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-participation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, box);
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, scope_box);
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, meeting_scope_button);
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, cycle_scope_button);
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, balance_label);
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, silent_label);
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, exclude_row);
  gtk_widget_class_bind_template_child (widget_class, AsParticipationPanel, tiles_box);
  gtk_widget_class_bind_template_callback (widget_class, on_tile_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "participationpanel");
}

static void
as_participation_panel_init (AsParticipationPanel *self)
{
  self->interactive = TRUE;
  self->members = g_list_store_new (AS_TYPE_MEMBER);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_flow_box_bind_model (self->tiles_box, G_LIST_MODEL (self->members), create_tile, self, NULL);

  self->settings = g_object_ref (as_settings_get_default ());
  g_signal_connect_object (self->settings, "notify::exclude-presenter-in-questions",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::monologue-cue",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
as_participation_panel_new (AsTicker *ticker,
                            gboolean  interactive)
{
  g_return_val_if_fail (ticker == NULL || AS_IS_TICKER (ticker), NULL);

  return g_object_new (AS_TYPE_PARTICIPATION_PANEL,
                       "ticker", ticker,
                       "interactive", interactive,
                       NULL);
}

AsTicker *
as_participation_panel_get_ticker (AsParticipationPanel *self)
{
  g_return_val_if_fail (AS_IS_PARTICIPATION_PANEL (self), NULL);
  return self->ticker;
}

void
as_participation_panel_set_ticker (AsParticipationPanel *self,
                                   AsTicker             *ticker)
{
  g_return_if_fail (AS_IS_PARTICIPATION_PANEL (self));
  g_return_if_fail (ticker == NULL || AS_IS_TICKER (ticker));

  if (self->ticker == ticker)
    return;
  if (self->ticker != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ticker, self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_clear_object (&self->session);
  g_set_object (&self->ticker, ticker);
  if (self->members != NULL)
    g_list_store_remove_all (self->members);
  if (ticker != NULL)
    {
      self->session = g_object_ref (as_ticker_get_session (ticker));
      g_signal_connect_object (self->session, "changed", G_CALLBACK (refresh), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (ticker, "tick", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKER]);
}

gboolean
as_participation_panel_get_show_cycle (AsParticipationPanel *self)
{
  g_return_val_if_fail (AS_IS_PARTICIPATION_PANEL (self), FALSE);
  return self->show_cycle;
}

void
as_participation_panel_set_show_cycle (AsParticipationPanel *self,
                                       gboolean              show_cycle)
{
  g_return_if_fail (AS_IS_PARTICIPATION_PANEL (self));

  show_cycle = !!show_cycle;
  if (self->show_cycle == show_cycle)
    return;
  self->show_cycle = show_cycle;
  gtk_toggle_button_set_active (show_cycle ? self->cycle_scope_button
                                           : self->meeting_scope_button, TRUE);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CYCLE]);
}

gboolean
as_participation_panel_get_interactive (AsParticipationPanel *self)
{
  g_return_val_if_fail (AS_IS_PARTICIPATION_PANEL (self), FALSE);
  return self->interactive;
}

void
as_participation_panel_set_interactive (AsParticipationPanel *self,
                                        gboolean              interactive)
{
  g_return_if_fail (AS_IS_PARTICIPATION_PANEL (self));

  interactive = !!interactive;
  if (self->interactive == interactive)
    return;
  self->interactive = interactive;
  apply_interactive (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERACTIVE]);
}

GListModel *
as_participation_panel_get_members (AsParticipationPanel *self)
{
  g_return_val_if_fail (AS_IS_PARTICIPATION_PANEL (self), NULL);
  return G_LIST_MODEL (self->members);
}

const char *
as_participation_panel_get_balance_text (AsParticipationPanel *self)
{
  g_return_val_if_fail (AS_IS_PARTICIPATION_PANEL (self), NULL);
  return as_tick_label_get_text (self->balance_label);
}
