/* cw-runbook-step-row.h: what the editor's step list draws for one item: a
 * phase heading, or a step with its type, id, title, stream, duration and
 * validation warning.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cw-runbook-step-item.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_STEP_ROW (cw_runbook_step_row_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookStepRow, cw_runbook_step_row, CW, RUNBOOK_STEP_ROW, GtkWidget)

GtkWidget         *cw_runbook_step_row_new          (void);
/* Shows @item (or nothing) and follows its "changed" signal. */
void               cw_runbook_step_row_set_item     (CwRunbookStepRow  *self,
                                                     CwRunbookStepItem *item);
/* The item shown, or NULL. */
CwRunbookStepItem *cw_runbook_step_row_get_item     (CwRunbookStepRow  *self);
void               cw_runbook_step_row_set_editable (CwRunbookStepRow  *self,
                                                     gboolean           editable);

const char        *cw_runbook_step_type_get_icon    (CwStepType         type);
/* "45 min", "2 h", "1 h 30 min". */
char              *cw_runbook_format_minutes        (guint              minutes);

G_END_DECLS
