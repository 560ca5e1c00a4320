/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AS_TYPE_LAZY_PAGE (as_lazy_page_get_type ())
G_DECLARE_FINAL_TYPE (AsLazyPage, as_lazy_page, AS, LAZY_PAGE, AdwBin)

/* Builds the content of a page; user_data is the one given to
 * as_lazy_page_new(). */
typedef GtkWidget *(*AsLazyPageFunc) (gpointer user_data);

/* A page of a view stack that builds its content the first time it is
 * shown (mapped): a window then opens without building, or measuring, the
 * pages it does not show. destroy frees user_data once the content is
 * built, or with the page if it never was. */
GtkWidget *as_lazy_page_new          (AsLazyPageFunc  func,
                                      gpointer        user_data,
                                      GDestroyNotify  destroy);
/* The content, built now if it was not yet. */
GtkWidget *as_lazy_page_ensure_child (AsLazyPage     *self);

G_END_DECLS
