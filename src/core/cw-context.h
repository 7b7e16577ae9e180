/* cw-context.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-clock.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_CONTEXT (cw_context_get_type ())

G_DECLARE_FINAL_TYPE (CwContext, cw_context, CW, CONTEXT, GObject)

CwContext  *cw_context_new          (CwStore             *store,
                                     CwClock             *clock);
CwStore    *cw_context_get_store    (CwContext           *self);
CwClock    *cw_context_get_clock    (CwContext           *self);
char       *cw_context_dup_title    (CwContext           *self);

G_END_DECLS
