/* cw-runbook-timeline-private.h: what the timeline's files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook-timeline.h"

G_BEGIN_DECLS

#define LABEL_W     168.0  /* the lane names at the left */
#define AXIS_H      46.0   /* section names, then times, at the top */
#define ROW_H       32.0
#define BAR_H       22.0
#define LANE_PAD    4.0
#define PAD_X       12.0   /* before minute 0 */
#define END_PAD     96.0   /* after the window's end */
#define WHEEL_STEP  48.0
#define ZOOM_STEP   1.5

typedef struct
{
  guint    step;        /* index in runbook->steps and timing->slots */
  guint    lane;
  guint    row;         /* in the lane, when steps of a stream overlap */
  guint    next_start;  /* the next bar's start on the same row, or G_MAXUINT */
  gboolean rollback;
} CwTimelineBar;

typedef struct
{
  double  y;            /* from the top of the plot */
  double  height;
  guint   n_rows;
  GArray *bars;         /* guint indices into bars */
} CwTimelineLane;

struct _CwRunbookTimeline
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  AdwStatusPage   *cycle_page;
  GtkLabel        *totals_label;
  GtkDrawingArea  *canvas;
  GtkScrollbar    *hscrollbar;
  GtkScrollbar    *vscrollbar;

  /* Owned references */
  GtkAdjustment   *hadj;
  GtkAdjustment   *vadj;
  CwRunbook       *runbook;
  CwRunbookTiming *timing;
  GArray          *bars;    /* CwTimelineBar, by start, then lane */
  GArray          *lanes;   /* CwTimelineLane */

  double           zoom;    /* pixels per minute */
  gboolean         fit_pending;
  int              focus;   /* index into bars, or -1 */
  int              hover;
  double           pointer_x;
  double           content_height;
  gboolean         has_validation;
  gboolean         has_rollback;
  guint            scrollbars_idle;
};

static inline char *
format_clock (guint minutes)
{
  return g_strdup_printf ("%u:%02u", minutes / 60, minutes % 60);
}

static inline const CwRunbookStep *
bar_step (CwRunbookTimeline   *self,
          const CwTimelineBar *bar)
{
  return g_ptr_array_index (self->runbook->steps, bar->step);
}

static inline const CwStepSlot *
bar_slot (CwRunbookTimeline   *self,
          const CwTimelineBar *bar)
{
  return &self->timing->slots[bar->step];
}

static inline CwTimelineBar *
bar_at (CwRunbookTimeline *self,
        int                index)
{
  return &g_array_index (self->bars, CwTimelineBar, index);
}

static inline double
time_x (CwRunbookTimeline *self,
        double             minutes)
{
  return LABEL_W + PAD_X + minutes * self->zoom - gtk_adjustment_get_value (self->hadj);
}

void    _cw_runbook_timeline_bar_rect      (CwRunbookTimeline   *self,
                                            const CwTimelineBar *bar,
                                            graphene_rect_t     *rect);
int     _cw_runbook_timeline_hit_test      (CwRunbookTimeline   *self,
                                            double               x,
                                            double               y);
void    _cw_runbook_timeline_set_focus     (CwRunbookTimeline   *self,
                                            int                  index);
void    _cw_runbook_timeline_activate_bar  (CwRunbookTimeline   *self,
                                            int                  index);
void    _cw_runbook_timeline_set_zoom      (CwRunbookTimeline   *self,
                                            double               zoom,
                                            double               anchor_x);
double  _cw_runbook_timeline_zoom_anchor   (CwRunbookTimeline   *self);
char   *_cw_runbook_timeline_describe_bar  (CwRunbookTimeline   *self,
                                            const CwTimelineBar *bar,
                                            gboolean             markup);

/* cw-runbook-timeline-draw.c: the canvas's draw function. */
void    _cw_runbook_timeline_draw          (GtkDrawingArea      *area,
                                            cairo_t             *cr,
                                            int                  width,
                                            int                  height,
                                            gpointer             user_data);
/* cw-runbook-timeline-input.c: pointer, scrolling, keys and tooltips. */
void    _cw_runbook_timeline_input_init    (CwRunbookTimeline   *self);

G_END_DECLS
