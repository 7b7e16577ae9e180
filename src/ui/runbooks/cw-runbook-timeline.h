/* cw-runbook-timeline.h: a runbook's steps drawn on a time axis, one lane
 * per stream, the critical path highlighted, with the totals above.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_TIMELINE (cw_runbook_timeline_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookTimeline, cw_runbook_timeline, CW, RUNBOOK_TIMELINE, AdwBin)

GtkWidget *cw_runbook_timeline_new          (void);
/* Copies what it needs from @runbook (or NULL to clear). Emits
 * "step-activated" (const char *step_id) when a bar is clicked or activated. */
void       cw_runbook_timeline_set_runbook  (CwRunbookTimeline *self,
                                             const CwRunbook   *runbook);
/* For tests: the bar of @step_id in the timeline's coordinates, as scrolled
 * now, and whether it is on the critical path; FALSE when there is none. */
gboolean   cw_runbook_timeline_get_bar_rect (CwRunbookTimeline *self,
                                             const char        *step_id,
                                             graphene_rect_t   *rect,
                                             gboolean          *critical);

G_END_DECLS
