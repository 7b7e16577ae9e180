/* cw-inventory-components.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-ci.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The products a CI runs, in the inventory's details: found by the
 * compatibility matrix's rules, or listed by hand (those can be removed),
 * and a popover that lists one more by hand. @changed runs after an edit. */
void       _cw_inventory_components_fill        (GtkListBox *list,
                                                 CwStore    *store,
                                                 CwCi       *ci,
                                                 GCallback   changed,
                                                 gpointer    user_data);
GtkWidget *_cw_inventory_components_add_popover (CwStore    *store,
                                                 gint64      ci_id,
                                                 GCallback   changed,
                                                 gpointer    user_data);

G_END_DECLS
