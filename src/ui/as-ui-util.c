/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-ui-util"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-member.h"
#include "as-ui-util.h"
#include "as-undo-stack.h"

/* Mid-tone shades of the GNOME palette, told apart by hue and readable on
 * both the light and the dark style; the dot's faint ring helps the lighter
 * ones (yellow) on a white background. */
static const struct {
  const char *colour;
  const char *name;
} member_palette[] = {
  { "#3584e4", N_("Blue") },
  { "#26a269", N_("Green") },
  { "#e5a50a", N_("Yellow") },
  { "#c64600", N_("Orange") },
  { "#e01b24", N_("Red") },
  { "#9141ac", N_("Purple") },
  { "#986a44", N_("Brown") },
  { "#2190a4", N_("Teal") },
  { "#c061cb", N_("Pink") },
  { "#6f8396", N_("Slate") },
};

void
as_ui_bind_text_view (GtkTextView *view,
                      AsEntity    *entity,
                      const char  *property)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (AS_IS_ENTITY (entity));

  /* The buffer's "text" property notifies on every change, typing included,
   * and the entity notifies only on a real change, so the two cannot ping
   * pong. The binding goes away with the buffer, which the view owns. */
  buffer = gtk_text_view_get_buffer (view);
  g_object_bind_property (entity, property, buffer, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* One history for the whole set: Ctrl+Z reaches the window's undo
   * instead of a history of this field alone. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
}

typedef struct
{
  GtkEditable *editable;   /* borrowed: the binding dies with it */
  AsEntity    *entity;     /* owned */
  char        *property;
  gboolean     updating;
} EntryBinding;

static void
entry_binding_free (gpointer data)
{
  EntryBinding *binding = data;

  g_signal_handlers_disconnect_by_data (binding->entity, binding);
  g_object_unref (binding->entity);
  g_free (binding->property);
  g_free (binding);
}

static void
on_entity_text_changed (AsEntity     *entity,
                        GParamSpec   *pspec,
                        EntryBinding *binding)
{
  g_autofree char *text = NULL;

  if (binding->updating)
    return;

  g_object_get (entity, binding->property, &text, NULL);
  if (g_strcmp0 (text ? text : "", gtk_editable_get_text (binding->editable)) == 0)
    return;

  /* An undo or a reload: the cursor goes to the end, where the text
   * changed most likely, rather than back to the start. */
  binding->updating = TRUE;
  gtk_editable_set_text (binding->editable, text ? text : "");
  gtk_editable_set_position (binding->editable, -1);
  binding->updating = FALSE;
}

static void
on_editable_changed (GtkEditable  *editable,
                     EntryBinding *binding)
{
  if (binding->updating)
    return;

  binding->updating = TRUE;
  g_object_set (binding->entity, binding->property, gtk_editable_get_text (editable), NULL);
  binding->updating = FALSE;
}

void
as_ui_bind_entry (GtkEditable *editable,
                  AsEntity    *entity,
                  const char  *property)
{
  EntryBinding *binding;
  g_autofree char *signal = NULL;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (AS_IS_ENTITY (entity));

  binding = g_new0 (EntryBinding, 1);
  binding->editable = editable;
  binding->entity = g_object_ref (entity);
  binding->property = g_strdup (property);
  g_object_set_data_full (G_OBJECT (editable), "as-entry-binding", binding, entry_binding_free);

  signal = g_strconcat ("notify::", property, NULL);
  g_signal_connect (entity, signal, G_CALLBACK (on_entity_text_changed), binding);
  g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed), binding);
  on_entity_text_changed (entity, NULL, binding);

  /* One history for the whole set: Ctrl+Z reaches the window's undo
   * instead of a history of this field alone. */
  gtk_editable_set_enable_undo (editable, FALSE);
  as_ui_seal_on_focus_leave (GTK_WIDGET (editable), entity);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                AsEntity                *entity)
{
  AsEntity *root = as_entity_get_root (entity);
  AsUndoStack *undo = as_entity_get_undo_stack (root);

  if (undo != NULL)
    as_undo_stack_seal (undo);
}

void
as_ui_seal_on_focus_leave (GtkWidget *widget,
                           AsEntity  *entity)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (AS_IS_ENTITY (entity));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave), entity, 0);
  gtk_widget_add_controller (widget, controller);
}

const char *
as_ui_set_display_name (AsSet *set)
{
  const char *name = set != NULL ? as_set_get_name (set) : NULL;

  if (name == NULL || *name == '\0')
    return _("Untitled Set");
  return name;
}

guint
as_ui_palette_size (void)
{
  return G_N_ELEMENTS (member_palette);
}

const char *
as_ui_palette_colour (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (member_palette), NULL);
  return member_palette[i].colour;
}

const char *
as_ui_palette_name (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (member_palette), NULL);
  return _(member_palette[i].name);
}

const char *
as_ui_next_member_colour (AsSet *set)
{
  GListModel *members = as_set_get_members (set);
  guint n = g_list_model_get_n_items (members);

  for (guint c = 0; c < G_N_ELEMENTS (member_palette); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(AsMember) member = g_list_model_get_item (members, i);

          used = g_ascii_strcasecmp (as_member_get_colour (member), member_palette[c].colour) == 0;
        }
      if (!used)
        return member_palette[c].colour;
    }

  return member_palette[n % G_N_ELEMENTS (member_palette)].colour;
}

char *
as_ui_figure_shape (const char *text)
{
  char *shape = g_strdup (text ? text : "");

  for (char *p = shape; *p; p++)
    if (g_ascii_isdigit (*p))
      *p = '0';
  return shape;
}

PangoLayout *
as_ui_create_figure_layout (GtkWidget  *widget,
                            const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) own = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

  pango_attr_list_insert (own, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, own);
  return layout;
}

void
as_ui_set_text (GtkLabel   *label,
                const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

void
as_ui_set_class (GtkWidget  *widget,
                 const char *css_class,
                 gboolean    on)
{
  if (!on != !gtk_widget_has_css_class (widget, css_class))
    {
      if (on)
        gtk_widget_add_css_class (widget, css_class);
      else
        gtk_widget_remove_css_class (widget, css_class);
    }
}

void
as_ui_set_state_class (GtkWidget          *widget,
                       const char * const *classes,
                       const char         *on)
{
  for (guint i = 0; classes[i] != NULL; i++)
    as_ui_set_class (widget, classes[i], g_strcmp0 (classes[i], on) == 0);
}

void
as_ui_set_icon (GtkImage   *image,
                const char *icon_name)
{
  if (icon_name != NULL && g_strcmp0 (gtk_image_get_icon_name (image), icon_name) != 0)
    gtk_image_set_from_icon_name (image, icon_name);
  as_ui_set_visible (GTK_WIDGET (image), icon_name != NULL);
}

void
as_ui_set_visible (GtkWidget *widget,
                   gboolean   visible)
{
  if (!gtk_widget_get_visible (widget) != !visible)
    gtk_widget_set_visible (widget, visible);
}

void
as_ui_set_tooltip (GtkWidget  *widget,
                   const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

void
as_ui_set_accessible_label (GtkWidget  *widget,
                            char      **shown,
                            const char *label)
{
  if (g_strcmp0 (*shown, label) == 0)
    return;
  g_free (*shown);
  *shown = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

void
as_ui_load_live_css (void)
{
  static gsize loaded;
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || !g_once_init_enter (&loaded))
    return;
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/org/example/ActionSet/live.css");
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_once_init_leave (&loaded, 1);
}
