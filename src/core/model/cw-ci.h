/* cw-ci.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cw-ci-field.h"

G_BEGIN_DECLS

#define CW_TYPE_CI (cw_ci_get_type ())

G_DECLARE_FINAL_TYPE (CwCi, cw_ci, CW, CI, GObject)

/* @values holds CW_CI_N_FIELDS strings (NULL when unset); for
 * CW_CI_FIELD_SITE it is the site's code. */
CwCi       *cw_ci_new              (gint64              id,
                                    const char * const *values,
                                    gint64              site_id,
                                    const char         *site_name,
                                    const char         *updated_at);
gint64      cw_ci_get_id           (CwCi               *self);
const char *cw_ci_get_value        (CwCi               *self,
                                    CwCiField           field);
char       *cw_ci_dup_display      (CwCi               *self,
                                    CwCiField           field);
gint64      cw_ci_get_site_id      (CwCi               *self);
const char *cw_ci_get_site_name    (CwCi               *self);
const char *cw_ci_get_updated_at   (CwCi               *self);

G_END_DECLS
