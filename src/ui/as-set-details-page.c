/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-set-details-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-set-details-page.h"
#include "as-ui-util.h"

struct _AsSetDetailsPage
{
  AdwBin         parent_instance;

  AsSet         *set;

  AdwPreferencesPage *page;
  AdwEntryRow   *name_row;
  AdwEntryRow   *facilitator_row;
  GtkTextView   *purpose_view;
  GtkTextView   *ground_rules_view;

  /* Built after the page's first frame (as-set-details-timing.ui). */
  GtkSpinButton *warning_spin;
  GtkSpinButton *monologue_spin;
  GtkSpinButton *report_back_spin;
  GtkSpinButton *present_spin;
  GtkSpinButton *questions_spin;
  GtkSpinButton *reflect_spin;
  GtkSpinButton *commit_spin;
  GtkLabel      *total_label;

  GdkFrameClock *build_clock;     /* until the timing groups are built */
  guint          build_source;
};

G_DEFINE_FINAL_TYPE (AsSetDetailsPage, as_set_details_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update_total (AsSetDetailsPage *self)
{
  int total = 0;
  g_autofree char *text = NULL;

  for (AsStepKind k = AS_STEP_REPORT_BACK; k <= AS_STEP_COMMIT; k++)
    total += as_set_get_step_default (self->set, k);

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d minute a round", "%d minutes a round", total),
                          total);
  gtk_label_set_text (self->total_label, text);
}

static void
bind_entry (AsSetDetailsPage *self,
            AdwEntryRow      *row,
            const char       *property)
{
  as_ui_bind_entry (GTK_EDITABLE (row), AS_ENTITY (self->set), property);
}

static void
bind_spin (AsSetDetailsPage *self,
           GtkSpinButton    *spin,
           const char       *property)
{
  /* The model's ints and the adjustment's doubles convert both ways. */
  g_object_bind_property (self->set, property,
                          gtk_spin_button_get_adjustment (spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
  as_ui_seal_on_focus_leave (GTK_WIDGET (spin), AS_ENTITY (self->set));
}

static void
bind_text (AsSetDetailsPage *self,
           GtkTextView      *view,
           const char       *property)
{
  as_ui_bind_text_view (view, AS_ENTITY (self->set), property);
  as_ui_seal_on_focus_leave (GTK_WIDGET (view), AS_ENTITY (self->set));
}

static GObject *
builder_object (GtkBuilder *builder,
                const char *id)
{
  GObject *object = gtk_builder_get_object (builder, id);

  g_assert (object != NULL);
  return object;
}

static void
build_timing_groups (AsSetDetailsPage *self)
{
  static const char * const budgets[] = {
    "notify::report-back-minutes", "notify::present-minutes", "notify::questions-minutes",
    "notify::reflect-minutes", "notify::commit-minutes",
  };
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/example/ActionSet/as-set-details-timing.ui");

  self->warning_spin = GTK_SPIN_BUTTON (builder_object (builder, "warning_spin"));
  self->monologue_spin = GTK_SPIN_BUTTON (builder_object (builder, "monologue_spin"));
  self->report_back_spin = GTK_SPIN_BUTTON (builder_object (builder, "report_back_spin"));
  self->present_spin = GTK_SPIN_BUTTON (builder_object (builder, "present_spin"));
  self->questions_spin = GTK_SPIN_BUTTON (builder_object (builder, "questions_spin"));
  self->reflect_spin = GTK_SPIN_BUTTON (builder_object (builder, "reflect_spin"));
  self->commit_spin = GTK_SPIN_BUTTON (builder_object (builder, "commit_spin"));
  self->total_label = GTK_LABEL (builder_object (builder, "total_label"));

  bind_spin (self, self->warning_spin, "warning-seconds");
  bind_spin (self, self->monologue_spin, "monologue-seconds");
  bind_spin (self, self->report_back_spin, "report-back-minutes");
  bind_spin (self, self->present_spin, "present-minutes");
  bind_spin (self, self->questions_spin, "questions-minutes");
  bind_spin (self, self->reflect_spin, "reflect-minutes");
  bind_spin (self, self->commit_spin, "commit-minutes");
  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    g_signal_connect_object (self->set, budgets[i], G_CALLBACK (update_total), self,
                             G_CONNECT_SWAPPED);
  update_total (self);

  /* The page holds them from now on; the builder lets them go. */
  adw_preferences_page_add (self->page,
                            ADW_PREFERENCES_GROUP (builder_object (builder, "timing_group")));
  adw_preferences_page_add (self->page,
                            ADW_PREFERENCES_GROUP (builder_object (builder, "budgets_group")));
}

static gboolean
build_timing_idle (gpointer user_data)
{
  AsSetDetailsPage *self = user_data;

  self->build_source = 0;
  build_timing_groups (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_first_frame (GdkFrameClock    *clock,
                      AsSetDetailsPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_first_frame, self);
  g_clear_object (&self->build_clock);
  /* Once the frame is over, rather than in its last phase. */
  self->build_source = g_idle_add (build_timing_idle, self);
}

static void
stop_building (AsSetDetailsPage *self)
{
  if (self->build_clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->build_clock, on_after_first_frame, self);
      g_clear_object (&self->build_clock);
    }
  g_clear_handle_id (&self->build_source, g_source_remove);
}

/* GtkWidget overrides */

/* The timing groups, below the fold in a window of the default size, are
 * built after the page's first frame: a set opens without building,
 * measuring and painting their seven rows and spin buttons first, about
 * 18 ms. */
static void
as_set_details_page_map (GtkWidget *widget)
{
  AsSetDetailsPage *self = AS_SET_DETAILS_PAGE (widget);

  GTK_WIDGET_CLASS (as_set_details_page_parent_class)->map (widget);

  if (self->warning_spin == NULL && self->build_clock == NULL && self->build_source == 0)
    {
      self->build_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      g_signal_connect (self->build_clock, "after-paint",
                        G_CALLBACK (on_after_first_frame), self);
    }
}

static void
as_set_details_page_unmap (GtkWidget *widget)
{
  AsSetDetailsPage *self = AS_SET_DETAILS_PAGE (widget);

  /* Unmapped before its first frame: built after the next one. */
  stop_building (self);

  GTK_WIDGET_CLASS (as_set_details_page_parent_class)->unmap (widget);
}

/* GObject overrides */

static void
as_set_details_page_constructed (GObject *object)
{
  AsSetDetailsPage *self = AS_SET_DETAILS_PAGE (object);

  G_OBJECT_CLASS (as_set_details_page_parent_class)->constructed (object);

  g_assert (self->set != NULL);

  bind_entry (self, self->name_row, "name");
  bind_entry (self, self->facilitator_row, "facilitator");
  bind_text (self, self->purpose_view, "purpose");
  bind_text (self, self->ground_rules_view, "ground-rules");
}

static void
as_set_details_page_dispose (GObject *object)
{
  AsSetDetailsPage *self = AS_SET_DETAILS_PAGE (object);

  stop_building (self);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (as_set_details_page_parent_class)->dispose (object);
}

static void
as_set_details_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AsSetDetailsPage *self = AS_SET_DETAILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_object (value, self->set);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_set_details_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AsSetDetailsPage *self = AS_SET_DETAILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SET:
      self->set = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_set_details_page_class_init (AsSetDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = as_set_details_page_constructed;
  object_class->dispose = as_set_details_page_dispose;
  object_class->get_property = as_set_details_page_get_property;
  object_class->set_property = as_set_details_page_set_property;

  widget_class->map = as_set_details_page_map;
  widget_class->unmap = as_set_details_page_unmap;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-set-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AsSetDetailsPage, page);
  gtk_widget_class_bind_template_child (widget_class, AsSetDetailsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, AsSetDetailsPage, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, AsSetDetailsPage, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, AsSetDetailsPage, ground_rules_view);
}

static void
as_set_details_page_init (AsSetDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
as_set_details_page_new (AsSet *set)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);

  return g_object_new (AS_TYPE_SET_DETAILS_PAGE, "set", set, NULL);
}

AsSet *
as_set_details_page_get_set (AsSetDetailsPage *self)
{
  g_return_val_if_fail (AS_IS_SET_DETAILS_PAGE (self), NULL);
  return self->set;
}

void
as_set_details_page_focus_name (AsSetDetailsPage *self)
{
  g_return_if_fail (AS_IS_SET_DETAILS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
