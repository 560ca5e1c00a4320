/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-step-strip"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-step-strip.h"
#include "as-tick-label.h"
#include "as-ui-util.h"

/* What a cell holds, kept on its flow box child. */
typedef struct
{
  GtkWidget   *box;
  GtkImage    *icon;
  GtkLabel    *name;
  AsTickLabel *times;
  char        *accessible;
  int          shown_state;   /* -1 before the first update */
} StepCell;

struct _AsStepStrip
{
  GtkWidget         parent_instance;

  AsTicker         *ticker;
  AsMeetingSession *session;
  gpointer          round;    /* the round bound, compared only */

  GtkFlowBox       *flow_box;
};

G_DEFINE_FINAL_TYPE (AsStepStrip, as_step_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TICKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CELL_KEY "as-step-cell"

/* Helpers */

static AsRound *
round_of (AsStep *step)
{
  AsEntity *parent = step ? as_entity_get_parent (AS_ENTITY (step)) : NULL;

  return AS_IS_ROUND (parent) ? AS_ROUND (parent) : NULL;
}

static void
step_cell_free (gpointer data)
{
  StepCell *cell = data;

  g_free (cell->accessible);
  g_free (cell);
}

static GtkWidget *
create_cell (gpointer item,
             gpointer user_data)
{
  StepCell *cell = g_new0 (StepCell, 1);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  cell->shown_state = -1;
  cell->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (cell->box, "step-cell");
  cell->icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_visible (GTK_WIDGET (cell->icon), FALSE);
  cell->name = GTK_LABEL (gtk_label_new (NULL));
  /* Ellipsized, not wrapped: next to the icon, a wrapping label makes the
   * row's height depend on its width, which GTK 4.8 measures
   * inconsistently. The full name is in the cell's tooltip. */
  gtk_label_set_ellipsize (cell->name, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (cell->name, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (cell->name), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (cell->name), "step-cell-name");
  cell->times = AS_TICK_LABEL (as_tick_label_new (NULL));
  as_tick_label_set_ellipsize (cell->times, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (cell->times), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (cell->times), "step-cell-times");

  gtk_box_append (GTK_BOX (top), GTK_WIDGET (cell->icon));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (cell->name));
  gtk_box_append (GTK_BOX (cell->box), top);
  gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->times));
  g_object_set_data_full (G_OBJECT (cell->box), CELL_KEY, cell, step_cell_free);
  return cell->box;
}

static StepCell *
cell_at (AsStepStrip *self,
         guint        index)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow_box, index);

  return child ? g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (child)), CELL_KEY)
               : NULL;
}

static gint64
budget_ms (AsStep *step)
{
  return (gint64) as_step_get_budget_minutes (step) * 60 * 1000;
}

static void
bind_round (AsStepStrip *self,
            AsRound     *round)
{
  GListModel *steps = round ? as_round_get_steps (round) : NULL;
  guint n = steps ? g_list_model_get_n_items (steps) : 0;

  /* One line, the cells of equal width, also when a step is added. */
  if (gtk_flow_box_get_max_children_per_line (self->flow_box) != MAX (n, 1))
    {
      gtk_flow_box_set_min_children_per_line (self->flow_box, MAX (n, 1));
      gtk_flow_box_set_max_children_per_line (self->flow_box, MAX (n, 1));
    }
  if (round == self->round)
    return;
  self->round = round;
  gtk_flow_box_bind_model (self->flow_box, steps, create_cell, NULL, NULL);
}

static void
refresh_full (AsStepStrip *self,
              gboolean     only_times)
{
  static const char * const classes[] = { "done", "current", "upcoming", NULL };
  AsRound *round;
  GListModel *steps;
  guint n;
  int running = -1;

  if (self->session == NULL)
    return;

  round = round_of (as_meeting_session_get_shown_step (self->session));
  bind_round (self, round);
  as_ui_set_visible (GTK_WIDGET (self->flow_box), round != NULL);
  if (round == NULL)
    return;

  steps = as_round_get_steps (round);
  n = g_list_model_get_n_items (steps);
  if (only_times)
    {
      AsStep *current = as_meeting_session_get_current_step (self->session);
      guint position;

      if (current != NULL && g_list_store_find (G_LIST_STORE (steps), current, &position))
        running = position;
    }
  for (guint i = 0; i < n; i++)
    {
      /* As time passes only the running step's cell can change (it turns
       * to "over"): the others change with a transition. */
      if (only_times && (int) i != running)
        continue;

      g_autoptr(AsStep) step = g_list_model_get_item (steps, i);
      StepCell *cell = cell_at (self, i);
      AsTimerState step_state;
      gint64 elapsed;
      g_autofree char *budget = NULL;
      g_autofree char *times = NULL;
      g_autofree char *accessible = NULL;
      const char *name, *css, *icon, *state_word;

      if (cell == NULL)
        continue;
      step_state = as_meeting_session_get_step_state (self->session, step);
      elapsed = as_meeting_session_step_elapsed (self->session, step);
      budget = as_format_timer (budget_ms (step), FALSE);
      name = as_step_kind_to_label (as_step_get_kind (step));

      switch (step_state)
        {
        case AS_TIMER_FINISHED:
          css = "done";
          icon = "object-select-symbolic";
          state_word = _("done");
          break;
        case AS_TIMER_RUNNING:
          css = "current";
          icon = "media-playback-start-symbolic";
          state_word = _("now");
          break;
        case AS_TIMER_PAUSED:
          css = "current";
          icon = "media-playback-pause-symbolic";
          state_word = _("paused");
          break;
        case AS_TIMER_NOT_STARTED:
        default:
          css = "upcoming";
          icon = NULL;
          state_word = _("to come");
          break;
        }

      /* The current step's time is the countdown's: its cell shows its
       * budget and stays still while the countdown runs. */
      if ((step_state == AS_TIMER_NOT_STARTED && elapsed == 0) ||
          step_state == AS_TIMER_RUNNING || step_state == AS_TIMER_PAUSED)
        times = g_strdup (budget);
      else
        {
          g_autofree char *used = as_format_timer (elapsed, FALSE);

          /* Translators: a step's time used of its budget, "04:12 of 05:00". */
          times = g_strdup_printf (_("%s of %s"), used, budget);
        }

      /* On a tick, most cells show what they showed. */
      if (only_times && (int) step_state == cell->shown_state &&
          g_strcmp0 (times, as_tick_label_get_text (cell->times)) == 0)
        continue;
      cell->shown_state = step_state;

      as_ui_set_text (cell->name, name);
      as_ui_set_tooltip (cell->box, name);
      as_tick_label_set_text (cell->times, times);
      as_ui_set_icon (cell->icon, icon);
      as_ui_set_state_class (cell->box, classes, css);
      as_ui_set_class (cell->box, "over", elapsed > budget_ms (step));

      /* Translators: a step of the round for a screen reader, "Questions, now, 04:12 of 20:00". */
      accessible = g_strdup_printf (_("%s, %s, %s"), name, state_word, times);
      as_ui_set_accessible_label (gtk_widget_get_parent (cell->box), &cell->accessible,
                                  accessible);
    }
}

/* Callbacks */

static void
on_changed (AsStepStrip *self)
{
  refresh_full (self, FALSE);
}

static void
on_tick (AsStepStrip *self)
{
  refresh_full (self, TRUE);
}

/* GObject overrides */

static void
as_step_strip_dispose (GObject *object)
{
  AsStepStrip *self = AS_STEP_STRIP (object);

  as_step_strip_set_ticker (self, NULL);
  if (self->flow_box != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->flow_box));
      self->flow_box = NULL;
    }

  G_OBJECT_CLASS (as_step_strip_parent_class)->dispose (object);
}

static void
as_step_strip_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AsStepStrip *self = AS_STEP_STRIP (object);

  switch (prop_id)
    {
    case PROP_TICKER:
      g_value_set_object (value, self->ticker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_step_strip_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AsStepStrip *self = AS_STEP_STRIP (object);

  switch (prop_id)
    {
    case PROP_TICKER:
      as_step_strip_set_ticker (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_step_strip_class_init (AsStepStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_step_strip_dispose;
  object_class->get_property = as_step_strip_get_property;
  object_class->set_property = as_step_strip_set_property;

  properties[PROP_TICKER] =
    g_param_spec_object ("ticker", NULL, NULL, AS_TYPE_TICKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stepstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
as_step_strip_init (AsStepStrip *self)
{
  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->flow_box, TRUE);
  gtk_flow_box_set_column_spacing (self->flow_box, 6);
  gtk_flow_box_set_activate_on_single_click (self->flow_box, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->flow_box), "step-strip");
  gtk_widget_set_parent (GTK_WIDGET (self->flow_box), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Steps of this round"), -1);
}

/* Public API */

GtkWidget *
as_step_strip_new (AsTicker *ticker)
{
  g_return_val_if_fail (ticker == NULL || AS_IS_TICKER (ticker), NULL);

  return g_object_new (AS_TYPE_STEP_STRIP, "ticker", ticker, NULL);
}

AsTicker *
as_step_strip_get_ticker (AsStepStrip *self)
{
  g_return_val_if_fail (AS_IS_STEP_STRIP (self), NULL);
  return self->ticker;
}

void
as_step_strip_set_ticker (AsStepStrip *self,
                          AsTicker    *ticker)
{
  g_return_if_fail (AS_IS_STEP_STRIP (self));
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
  if (ticker != NULL)
    {
      self->session = g_object_ref (as_ticker_get_session (ticker));
      g_signal_connect_object (self->session, "changed", G_CALLBACK (on_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (ticker, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
      refresh_full (self, FALSE);
    }
  else if (self->flow_box != NULL)
    {
      self->round = NULL;
      gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKER]);
}

guint
as_step_strip_get_n_cells (AsStepStrip *self)
{
  guint n = 0;

  g_return_val_if_fail (AS_IS_STEP_STRIP (self), 0);

  while (gtk_flow_box_get_child_at_index (self->flow_box, n) != NULL)
    n++;
  return n;
}

const char *
as_step_strip_get_cell_times (AsStepStrip *self,
                              guint        index)
{
  StepCell *cell;

  g_return_val_if_fail (AS_IS_STEP_STRIP (self), NULL);

  cell = cell_at (self, index);
  return cell ? as_tick_label_get_text (cell->times) : NULL;
}

const char *
as_step_strip_get_cell_accessible (AsStepStrip *self,
                                   guint        index)
{
  StepCell *cell;

  g_return_val_if_fail (AS_IS_STEP_STRIP (self), NULL);

  cell = cell_at (self, index);
  return cell ? cell->accessible : NULL;
}
