/* cw-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-context.h"

G_BEGIN_DECLS

#define CW_TYPE_PAGE (cw_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (CwPage, cw_page, CW, PAGE, AdwBin)

struct _CwPageClass
{
  AdwBinClass parent_class;
};

CwContext *cw_page_get_context (CwPage *self);

G_END_DECLS
