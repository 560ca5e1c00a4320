/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-meeting-row.h"
#include "as-ui-util.h"
#include "as-words.h"

struct _AsMeetingRow
{
  GtkWidget  parent_instance;

  AsMeeting *meeting;

  GtkLabel  *date_label;
  GtkLabel  *detail_label;
  GtkLabel  *state_label;
  GtkLabel  *count_label;
  GtkWidget *run_button;
};

G_DEFINE_FINAL_TYPE (AsMeetingRow, as_meeting_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_classes[] = { "planned", "running", "finished" };

/* Helpers */

static void
update (AsMeetingRow *self)
{
  AsMeeting *m = self->meeting;
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *times = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *rounds = NULL;
  g_autofree char *attendees = NULL;
  g_autofree char *counts = NULL;
  const char *place;
  AsMeetingState state;
  guint n_rounds, n_attendees;

  if (m == NULL)
    return;

  date = as_words_date (as_meeting_get_start (m));
  start = as_words_time (as_meeting_get_start (m));
  end = as_words_time (as_meeting_get_end (m));
  if (*end != '\0')
    /* Translators: the start and end times of a meeting. */
    times = g_strdup_printf (_("%s–%s"), start, end);
  else
    times = g_strdup (start);

  place = as_meeting_get_place (m);
  if (*place != '\0')
    /* Translators: the times and the place of a meeting. */
    detail = g_strdup_printf (_("%s · %s"), times, place);
  else
    detail = g_steal_pointer (&times);

  /* The place comes from the file: set as plain text, never markup. */
  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->detail_label, detail);

  state = as_meeting_get_state (m);
  gtk_label_set_text (self->state_label, as_meeting_state_to_label (state));
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    {
      if (i == (guint) state)
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_classes[i]);
    }

  n_rounds = g_list_model_get_n_items (as_meeting_get_rounds (m));
  n_attendees = g_strv_length ((char **) as_meeting_get_attendees (m));
  rounds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u round", "%u rounds", n_rounds),
                            n_rounds);
  attendees = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u attendee", "%u attendees", n_attendees),
                               n_attendees);
  /* Translators: "5 rounds · 6 attendees". */
  counts = g_strdup_printf (_("%s · %s"), rounds, attendees);
  gtk_label_set_text (self->count_label, counts);

  /* The live meeting screen: to start a planned meeting, or to go back to
   * one that runs; a finished meeting has no live screen to show. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->run_button), "s",
                                    as_entity_get_id (AS_ENTITY (m)));
  /* Named once it has a target: an action with a parameter and no target
   * is a warning. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->run_button), "win.run-meeting");
  gtk_button_set_label (GTK_BUTTON (self->run_button),
                        state == AS_MEETING_RUNNING ? _("Resume Meeting") : _("Run Meeting"));
  gtk_widget_set_tooltip_text (self->run_button,
                               state == AS_MEETING_RUNNING
                               ? _("Show the live screen of this meeting, which is running")
                               : _("Show the live screen of this meeting, to start it"));
  if (state == AS_MEETING_RUNNING)
    gtk_widget_add_css_class (self->run_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->run_button, "suggested-action");
  gtk_widget_set_visible (self->run_button, state != AS_MEETING_FINISHED);
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* GObject overrides */

static void
as_meeting_row_dispose (GObject *object)
{
  AsMeetingRow *self = AS_MEETING_ROW (object);
  GtkWidget *child;

  as_meeting_row_set_meeting (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (as_meeting_row_parent_class)->dispose (object);
}

static void
as_meeting_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AsMeetingRow *self = AS_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AsMeetingRow *self = AS_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      as_meeting_row_set_meeting (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_row_class_init (AsMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_meeting_row_dispose;
  object_class->get_property = as_meeting_row_get_property;
  object_class->set_property = as_meeting_row_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, AS_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingrow");
}

static void
as_meeting_row_init (AsMeetingRow *self)
{
  GtkWidget *main_box, *side_box;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_HORIZONTAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              12);

  main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (main_box, TRUE);
  gtk_widget_set_valign (main_box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (main_box, GTK_WIDGET (self));
  self->date_label = add_label (main_box, "heading", 0.0f);
  self->detail_label = add_label (main_box, "dim-label", 0.0f);

  side_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_valign (side_box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (side_box, GTK_WIDGET (self));
  self->state_label = add_label (side_box, "tag", 1.0f);
  gtk_widget_set_halign (GTK_WIDGET (self->state_label), GTK_ALIGN_END);
  self->count_label = add_label (side_box, "caption", 1.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");

  self->run_button = gtk_button_new ();
  gtk_widget_set_valign (self->run_button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->run_button, GTK_WIDGET (self));
}

GtkWidget *
as_meeting_row_new (void)
{
  return g_object_new (AS_TYPE_MEETING_ROW, NULL);
}

AsMeeting *
as_meeting_row_get_meeting (AsMeetingRow *self)
{
  g_return_val_if_fail (AS_IS_MEETING_ROW (self), NULL);
  return self->meeting;
}

void
as_meeting_row_set_meeting (AsMeetingRow *self,
                            AsMeeting    *meeting)
{
  g_return_if_fail (AS_IS_MEETING_ROW (self));
  g_return_if_fail (meeting == NULL || AS_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;

  if (self->meeting != NULL)
    {
      GListModel *rounds = as_meeting_get_rounds (self->meeting);

      g_signal_handlers_disconnect_by_data (self->meeting, self);
      if (rounds != NULL)
        g_signal_handlers_disconnect_by_data (rounds, self);
    }
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    {
      g_signal_connect_swapped (meeting, "notify", G_CALLBACK (update), self);
      g_signal_connect_swapped (as_meeting_get_rounds (meeting), "items-changed",
                                G_CALLBACK (update), self);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}
