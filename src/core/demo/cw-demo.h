/* cw-demo.h
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

#define CW_DEMO_DEFAULT_SEED 1
#define CW_DEMO_DEFAULT_CIS  5000
#define CW_DEMO_MAX_CIS      5000000

typedef struct
{
  guint64 seed;
  guint   n_cis;
} CwDemoOptions;

void     cw_demo_options_init  (CwDemoOptions        *options);
gboolean cw_demo_populate      (CwStore              *store,
                                CwClock              *clock,
                                const CwDemoOptions  *options,
                                GCancellable         *cancellable,
                                GError              **error);
gboolean cw_demo_create        (const char           *path,
                                const CwDemoOptions  *options,
                                CwClock              *clock,
                                GCancellable         *cancellable,
                                GError              **error);
void     cw_demo_create_async  (const char           *path,
                                const CwDemoOptions  *options,
                                CwClock              *clock,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
gboolean cw_demo_create_finish (GAsyncResult         *result,
                                GError              **error);

G_END_DECLS
