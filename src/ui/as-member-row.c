/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-member-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-colour-dot.h"
#include "as-member-row.h"
#include "as-members-page.h"
#include "as-set.h"

struct _AsMemberRow
{
  AdwActionRow  parent_instance;

  AsMember     *member;
  AsColourDot  *dot;
  GtkWidget    *inactive_label;
  GtkWidget    *menu_button;
};

G_DEFINE_FINAL_TYPE (AsMemberRow, as_member_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MEMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update (AsMemberRow *self)
{
  const char *name = as_member_get_name (self->member);
  const char *role = as_member_get_role (self->member);
  const char *organisation = as_member_get_organisation (self->member);
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;

  if (*role != '\0' && *organisation != '\0')
    /* Translators: a member's role and organisation, "Head of Nursing · Northbridge Trust". */
    subtitle = g_strdup_printf (_("%s · %s"), role, organisation);
  else
    subtitle = g_strdup (*role != '\0' ? role : organisation);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 *name != '\0' ? name : _("Unnamed member"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  as_colour_dot_set_colour (self->dot, as_member_get_colour (self->member));
  gtk_widget_set_visible (self->inactive_label, !as_member_get_active (self->member));

  menu_label = g_strdup_printf (_("Actions for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

static GMenuModel *
make_menu (AsMember *member)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  GVariant *id = g_variant_new_string (as_entity_get_id (AS_ENTITY (member)));

  g_variant_ref_sink (id);
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Edit…"), NULL);
    g_menu_item_set_action_and_target_value (item, "members.edit", id);
    g_menu_append_item (menu, item);
  }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Move _Up"), NULL);
    g_menu_item_set_action_and_target_value (item, "members.move-up", id);
    g_menu_item_set_attribute (item, "accel", "s", "<Alt>Up");
    g_menu_append_item (order, item);
  }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Move _Down"), NULL);
    g_menu_item_set_action_and_target_value (item, "members.move-down", id);
    g_menu_item_set_attribute (item, "accel", "s", "<Alt>Down");
    g_menu_append_item (order, item);
  }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove"), NULL);
    g_menu_item_set_action_and_target_value (item, "members.remove", id);
    g_menu_item_set_attribute (item, "accel", "s", "Delete");
    g_menu_append_item (removal, item);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  g_variant_unref (id);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
on_menu_about_to_show (GtkMenuButton *button,
                       gpointer       user_data)
{
  AsMemberRow *self = AS_MEMBER_ROW (user_data);
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), AS_TYPE_MEMBERS_PAGE);
  AsEntity *set = as_entity_get_parent (AS_ENTITY (self->member));
  GListStore *members;
  guint position, n;

  if (page == NULL || !AS_IS_SET (set))
    return;

  /* The first member cannot move up, nor the last down: say so in the menu
   * about to show, the only one open. */
  members = as_entity_get_list (set, as_set_list_members ());
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  if (!g_list_store_find (members, self->member, &position))
    return;
  gtk_widget_action_set_enabled (page, "members.move-up", position > 0);
  gtk_widget_action_set_enabled (page, "members.move-down", position + 1 < n);
}

/* GObject overrides */

static void
as_member_row_constructed (GObject *object)
{
  AsMemberRow *self = AS_MEMBER_ROW (object);
  g_autoptr(GMenuModel) menu = NULL;

  G_OBJECT_CLASS (as_member_row_parent_class)->constructed (object);

  menu = make_menu (self->member);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button),
                                         on_menu_about_to_show, self, NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "members.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s",
                                    as_entity_get_id (AS_ENTITY (self->member)));

  g_signal_connect_object (self->member, "notify", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
}

static void
as_member_row_dispose (GObject *object)
{
  AsMemberRow *self = AS_MEMBER_ROW (object);

  g_clear_object (&self->member);

  G_OBJECT_CLASS (as_member_row_parent_class)->dispose (object);
}

static void
as_member_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AsMemberRow *self = AS_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_member_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AsMemberRow *self = AS_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      self->member = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_member_row_class_init (AsMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = as_member_row_constructed;
  object_class->dispose = as_member_row_dispose;
  object_class->get_property = as_member_row_get_property;
  object_class->set_property = as_member_row_set_property;

  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, AS_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
as_member_row_init (AsMemberRow *self)
{
  GtkWidget *handle;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "member-row");

  /* Prefixes are packed from the edge inwards: the handle goes first. */
  self->dot = AS_COLOUR_DOT (as_colour_dot_new ());
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->dot));

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "drag-handle");
  gtk_widget_set_tooltip_text (handle, _("Drag to change the order"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), handle);

  self->inactive_label = gtk_label_new (_("Inactive"));
  gtk_widget_set_valign (self->inactive_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->inactive_label, "tag");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->inactive_label);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Member Actions"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->menu_button);
}

GtkWidget *
as_member_row_new (AsMember *member)
{
  AsMemberRow *self;

  g_return_val_if_fail (AS_IS_MEMBER (member), NULL);

  /* Names come from the file and are never markup. "use-markup" is set as
   * the row is made, and the labels filled only once it is made: during
   * construction notifications are held back and delivered in an order that
   * would parse the text as markup before markup is turned off. */
  self = g_object_new (AS_TYPE_MEMBER_ROW,
                       "member", member,
                       "use-markup", FALSE,
                       NULL);
  update (self);
  return GTK_WIDGET (self);
}

AsMember *
as_member_row_get_member (AsMemberRow *self)
{
  g_return_val_if_fail (AS_IS_MEMBER_ROW (self), NULL);
  return self->member;
}
