/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-member-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-colour-dot.h"
#include "as-member-editor.h"
#include "as-ui-util.h"
#include "as-undo-stack.h"

struct _AsMemberEditor
{
  AdwWindow       parent_instance;

  AsSet          *set;
  AsMember       *member;
  gboolean        adding;
  gboolean        updating_colour;
  GPtrArray      *swatches;        /* of GtkToggleButton, in palette order */

  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkWidget      *add_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *organisation_row;
  AdwEntryRow    *sponsor_name_row;
  AdwEntryRow    *sponsor_contact_row;
  GtkTextView    *challenge_view;
  GtkFlowBox     *palette_box;
  GtkColorButton *colour_button;
  GtkSwitch      *active_switch;
};

G_DEFINE_FINAL_TYPE (AsMemberEditor, as_member_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SET,
  PROP_MEMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
name_is_valid (AsMemberEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (as_member_get_name (self->member)));

  return *name != '\0';
}

static void
update_colour (AsMemberEditor *self)
{
  const char *colour = as_member_get_colour (self->member);
  GdkRGBA rgba;

  self->updating_colour = TRUE;
  for (guint i = 0; i < self->swatches->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->swatches, i),
                                  g_ascii_strcasecmp (colour, as_ui_palette_colour (i)) == 0);
  if (gdk_rgba_parse (&rgba, colour))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  self->updating_colour = FALSE;
}

static void
add_member (AsMemberEditor *self)
{
  g_autofree char *name = NULL;

  if (!self->adding || !name_is_valid (self))
    return;

  /* Spaces typed around a name would make it look doubled in lists. */
  name = g_strstrip (g_strdup (as_member_get_name (self->member)));
  as_member_set_name (self->member, name);

  as_set_begin_edit (self->set, _("Add member"));
  as_entity_append_child (AS_ENTITY (self->set), as_set_list_members (),
                          AS_ENTITY (self->member));
  as_set_end_edit (self->set);

  /* From now on this is an ordinary member of the set. */
  self->adding = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Callbacks */

static void
on_name_changed (AsMemberEditor *self)
{
  gtk_widget_set_sensitive (self->add_button, name_is_valid (self));
}

static void
on_add_clicked (AsMemberEditor *self)
{
  add_member (self);
}

static void
on_entry_activated (AsMemberEditor *self)
{
  if (self->adding)
    add_member (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_swatch_toggled (GtkToggleButton *button,
                   AsMemberEditor  *self)
{
  guint index;

  if (self->updating_colour || !gtk_toggle_button_get_active (button))
    return;
  if (g_ptr_array_find (self->swatches, button, &index))
    as_member_set_colour (self->member, as_ui_palette_colour (index));
}

static void
on_colour_set (AsMemberEditor *self)
{
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  if (self->updating_colour)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x",
                         (guint) (CLAMP (rgba.red, 0.0, 1.0) * 255.0 + 0.5),
                         (guint) (CLAMP (rgba.green, 0.0, 1.0) * 255.0 + 0.5),
                         (guint) (CLAMP (rgba.blue, 0.0, 1.0) * 255.0 + 0.5));
  as_member_set_colour (self->member, hex);
}

static void
on_members_changed (AsMemberEditor *self)
{
  /* The member left the set (undo of its addition, or a removal): there is
   * nothing left to edit. */
  if (!self->adding && as_entity_get_parent (AS_ENTITY (self->member)) != AS_ENTITY (self->set))
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
shortcut_undo (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  AsMemberEditor *self = AS_MEMBER_EDITOR (widget);
  AsUndoStack *undo = as_set_get_undo_stack (self->set);

  /* A member being added is not in the set yet: its fields keep their own
   * undo, and the set's history is not for this dialog to walk. */
  if (self->adding || undo == NULL)
    return FALSE;
  if (g_variant_get_boolean (args))
    as_undo_stack_redo (undo);
  else
    as_undo_stack_undo (undo);
  return TRUE;
}

/* GObject overrides */

static void
bind_entry (AsMemberEditor *self,
            AdwEntryRow    *row,
            const char     *property)
{
  as_ui_bind_entry (GTK_EDITABLE (row), AS_ENTITY (self->member), property);
  if (self->adding)
    gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
}

static void
as_member_editor_constructed (GObject *object)
{
  AsMemberEditor *self = AS_MEMBER_EDITOR (object);

  G_OBJECT_CLASS (as_member_editor_parent_class)->constructed (object);

  g_assert (self->set != NULL);

  if (self->member == NULL)
    {
      self->adding = TRUE;
      self->member = as_member_new ();
      as_member_set_colour (self->member, as_ui_next_member_colour (self->set));
    }

  adw_window_title_set_title (self->window_title,
                              self->adding ? _("New Member") : _("Edit Member"));
  gtk_widget_set_visible (self->cancel_button, self->adding);
  gtk_widget_set_visible (self->add_button, self->adding);
  /* Adding asks for a decision (Cancel or Add); editing is live and just
   * closes. */
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !self->adding);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !self->adding);

  bind_entry (self, self->name_row, "name");
  bind_entry (self, self->role_row, "role");
  bind_entry (self, self->organisation_row, "organisation");
  bind_entry (self, self->sponsor_name_row, "sponsor-name");
  bind_entry (self, self->sponsor_contact_row, "sponsor-contact");
  as_ui_bind_text_view (self->challenge_view, AS_ENTITY (self->member), "challenge");
  if (self->adding)
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->challenge_view), TRUE);
  as_ui_seal_on_focus_leave (GTK_WIDGET (self->challenge_view), AS_ENTITY (self->set));
  g_object_bind_property (self->member, "active", self->active_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->member, "notify::name", G_CALLBACK (on_name_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->member, "notify::colour", G_CALLBACK (update_colour), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (as_set_get_members (self->set), "items-changed",
                           G_CALLBACK (on_members_changed), self, G_CONNECT_SWAPPED);
  on_name_changed (self);
  update_colour (self);

  /* A new member starts with the name; an existing one is not put at risk
   * of being typed over. */
  if (self->adding)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
as_member_editor_dispose (GObject *object)
{
  AsMemberEditor *self = AS_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->member);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (as_member_editor_parent_class)->dispose (object);
}

static void
as_member_editor_finalize (GObject *object)
{
  AsMemberEditor *self = AS_MEMBER_EDITOR (object);

  g_ptr_array_unref (self->swatches);

  G_OBJECT_CLASS (as_member_editor_parent_class)->finalize (object);
}

static void
as_member_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AsMemberEditor *self = AS_MEMBER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_object (value, self->set);
      break;
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_member_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AsMemberEditor *self = AS_MEMBER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SET:
      self->set = g_value_dup_object (value);
      break;
    case PROP_MEMBER:
      self->member = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_member_editor_class_init (AsMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = as_member_editor_constructed;
  object_class->dispose = as_member_editor_dispose;
  object_class->finalize = as_member_editor_finalize;
  object_class->get_property = as_member_editor_get_property;
  object_class->set_property = as_member_editor_set_property;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, AS_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, sponsor_name_row);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, sponsor_contact_row);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, challenge_view);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, palette_box);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, colour_button);
  gtk_widget_class_bind_template_child (widget_class, AsMemberEditor, active_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                shortcut_undo, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                shortcut_undo, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                shortcut_undo, "b", TRUE);
}

static void
as_member_editor_init (AsMemberEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->swatches = g_ptr_array_new ();
  for (guint i = 0; i < as_ui_palette_size (); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *dot = as_colour_dot_new ();

      as_colour_dot_set_colour (AS_COLOUR_DOT (dot), as_ui_palette_colour (i));
      gtk_widget_set_size_request (dot, 20, 20);
      gtk_button_set_child (GTK_BUTTON (button), dot);
      gtk_widget_add_css_class (button, "swatch");
      gtk_widget_set_tooltip_text (button, as_ui_palette_name (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, as_ui_palette_name (i),
                                      -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     g_ptr_array_index (self->swatches, 0));
      g_signal_connect (button, "toggled", G_CALLBACK (on_swatch_toggled), self);
      gtk_flow_box_insert (self->palette_box, button, i);
      g_ptr_array_add (self->swatches, button);
    }

  g_signal_connect_swapped (self->colour_button, "color-set", G_CALLBACK (on_colour_set), self);
}

AsMemberEditor *
as_member_editor_new (GtkWindow *parent,
                      AsSet     *set,
                      AsMember  *member)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (member == NULL || AS_IS_MEMBER (member), NULL);

  return g_object_new (AS_TYPE_MEMBER_EDITOR,
                       "transient-for", parent,
                       "set", set,
                       "member", member,
                       NULL);
}

AsMember *
as_member_editor_get_member (AsMemberEditor *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_EDITOR (self), NULL);
  return self->member;
}

gboolean
as_member_editor_get_adding (AsMemberEditor *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_EDITOR (self), FALSE);
  return self->adding;
}
