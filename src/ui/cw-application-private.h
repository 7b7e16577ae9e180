/* cw-application-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-application.h"

G_BEGIN_DECLS

struct _CwApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  GCancellable   *cancellable;

  guint           exit_after_startup : 1;
};

void _cw_application_actions_init (CwApplication *self);

G_END_DECLS
