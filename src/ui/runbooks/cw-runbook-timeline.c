/* cw-runbook-timeline.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbook-timeline-private.h"

/* The timing of core (cw_runbook_timing()) drawn on a time axis: one lane
 * per stream, a bar per step (a diamond for a step of no duration), the
 * critical path in the accent colour with a heavier outline and a line
 * under it, rollback hatched behind a labelled boundary. Steps of a stream
 * that overlap in time go on extra rows of the lane.
 *
 * The canvas is a drawing area the size of what is visible, scrolled by two
 * adjustments of our own: only the bars in view are drawn, so a runbook of
 * thousands of steps draws as fast as a small one, and the lane names and
 * the time axis stay in place while the plot scrolls under them. */

#define MIN_ZOOM    0.05   /* pixels per minute */
#define MAX_ZOOM    40.0
#define FIT_MAX     6.0
#define FIT_MIN     1.5    /* the first fit never goes below: bars keep room for text */

G_DEFINE_FINAL_TYPE (CwRunbookTimeline, cw_runbook_timeline, ADW_TYPE_BIN)

enum {
  STEP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static char *
format_minutes (guint minutes)
{
  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%u min"), minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%u h"), minutes / 60);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%u h %u min"), minutes / 60, minutes % 60);
}

/* Takes @text and gives it back with no-break spaces: a line may break
 * between two totals, never inside one ("2 h | 52 min"). */
static char *
no_break (char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  g_free (text);
  return g_strjoinv ("\u00a0", words);
}

/* The bar's rectangle on the canvas, as scrolled now. */
void
_cw_runbook_timeline_bar_rect (CwRunbookTimeline   *self,
                               const CwTimelineBar *bar,
                               graphene_rect_t     *rect)
{
  const CwStepSlot *slot = bar_slot (self, bar);
  const CwTimelineLane *lane = &g_array_index (self->lanes, CwTimelineLane, bar->lane);
  double y = AXIS_H + lane->y + LANE_PAD + bar->row * ROW_H + (ROW_H - BAR_H) / 2
           - gtk_adjustment_get_value (self->vadj);

  if (slot->end_min == slot->start_min)
    graphene_rect_init (rect, time_x (self, slot->start_min) - BAR_H / 2, y, BAR_H, BAR_H);
  else
    graphene_rect_init (rect, time_x (self, slot->start_min), y,
                        MAX ((slot->end_min - slot->start_min) * self->zoom, 2.0), BAR_H);
}

int
_cw_runbook_timeline_hit_test (CwRunbookTimeline *self,
                               double             x,
                               double             y)
{
  if (self->bars == NULL || x < LABEL_W || y < AXIS_H)
    return -1;

  for (guint l = 0; l < self->lanes->len; l++)
    {
      const CwTimelineLane *lane = &g_array_index (self->lanes, CwTimelineLane, l);

      for (guint i = 0; i < lane->bars->len; i++)
        {
          guint index = g_array_index (lane->bars, guint, i);
          graphene_rect_t rect;

          _cw_runbook_timeline_bar_rect (self, bar_at (self, index), &rect);
          if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
            return index;
        }
    }

  return -1;
}

static double
fit_zoom (CwRunbookTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas)) - LABEL_W - 2 * PAD_X - END_PAD;

  if (self->timing == NULL || self->timing->window_min == 0 || width <= 0)
    return 3.0;

  return CLAMP (width / self->timing->window_min, MIN_ZOOM, FIT_MAX);
}

static void
update_adjustments (CwRunbookTimeline *self)
{
  double page_w = MAX (gtk_widget_get_width (GTK_WIDGET (self->canvas)) - LABEL_W, 1);
  double page_h = MAX (gtk_widget_get_height (GTK_WIDGET (self->canvas)) - AXIS_H, 1);
  double content_w = 2 * PAD_X + END_PAD + (self->timing != NULL ? self->timing->window_min * self->zoom : 0);

  gtk_adjustment_configure (self->hadj,
                            CLAMP (gtk_adjustment_get_value (self->hadj), 0, MAX (content_w - page_w, 0)),
                            0, content_w, WHEEL_STEP, page_w * 0.9, page_w);
  gtk_adjustment_configure (self->vadj,
                            CLAMP (gtk_adjustment_get_value (self->vadj), 0, MAX (self->content_height - page_h, 0)),
                            0, self->content_height, WHEEL_STEP, page_h * 0.9, page_h);
}

/* Keeps the time under @anchor_x (on the canvas) where it is. */
void
_cw_runbook_timeline_set_zoom (CwRunbookTimeline *self,
                               double             zoom,
                               double             anchor_x)
{
  double minutes = (anchor_x - time_x (self, 0)) / self->zoom;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->zoom = zoom;
  update_adjustments (self);
  gtk_adjustment_set_value (self->hadj, LABEL_W + PAD_X + minutes * zoom - anchor_x);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

double
_cw_runbook_timeline_zoom_anchor (CwRunbookTimeline *self)
{
  graphene_rect_t rect;

  if (self->focus >= 0)
    {
      _cw_runbook_timeline_bar_rect (self, bar_at (self, self->focus), &rect);
      if (rect.origin.x >= LABEL_W && rect.origin.x < gtk_widget_get_width (GTK_WIDGET (self->canvas)))
        return rect.origin.x;
    }

  return (LABEL_W + gtk_widget_get_width (GTK_WIDGET (self->canvas))) / 2;
}

char *
_cw_runbook_timeline_describe_bar (CwRunbookTimeline   *self,
                                   const CwTimelineBar *bar,
                                   gboolean             markup)
{
  const CwRunbookStep *step = bar_step (self, bar);
  const CwStepSlot *slot = bar_slot (self, bar);
  g_autofree char *id = g_markup_escape_text (step->id != NULL ? step->id : "", -1);
  g_autofree char *title = g_markup_escape_text (step->title != NULL ? step->title : "", -1);
  g_autofree char *duration = format_minutes (step->duration_min);
  g_autofree char *start = format_clock (slot->start_min);
  g_autofree char *end = format_clock (slot->end_min);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, markup ? "<b>%s</b>  %s\n" : "%s %s. ", id, title);
  /* Translators: a step's type, its duration, then its start and end times */
  g_string_append_printf (text, _("%s · %s, %s–%s"), cw_step_type_get_label (step->type), duration, start, end);
  g_string_append (text, markup ? "\n" : ". ");

  if (step->predecessors != NULL && step->predecessors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", step->predecessors);
      g_autofree char *escaped = g_markup_escape_text (joined, -1);

      /* Translators: the steps a step waits for */
      g_string_append_printf (text, _("After %s"), escaped);
    }
  else
    g_string_append (text, _("No predecessors"));

  if (slot->critical)
    g_string_append_printf (text, "%s%s", markup ? "\n" : ". ",
                            bar->rollback ? _("On the rollback’s longest path") : _("On the critical path"));

  return g_string_free (text, FALSE);
}

void
_cw_runbook_timeline_set_focus (CwRunbookTimeline *self,
                                int                index)
{
  graphene_rect_t rect;
  g_autofree char *description = NULL;
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  if (self->bars == NULL || self->bars->len == 0)
    return;

  self->focus = CLAMP (index, 0, (int) self->bars->len - 1);

  /* Scroll the bar into view, its start first. */
  _cw_runbook_timeline_bar_rect (self, bar_at (self, self->focus), &rect);
  if (rect.origin.x + rect.size.width > width - 8)
    gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj)
                              + MIN (rect.origin.x + rect.size.width - width + 24, rect.origin.x - LABEL_W - 24));
  if (rect.origin.x < LABEL_W + 8)
    gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj) + rect.origin.x - LABEL_W - 24);
  if (rect.origin.y + rect.size.height > height - 4)
    gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) + rect.origin.y + rect.size.height - height + 12);
  if (rect.origin.y < AXIS_H + 4)
    gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) + rect.origin.y - AXIS_H - 12);

  description = _cw_runbook_timeline_describe_bar (self, bar_at (self, self->focus), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

void
_cw_runbook_timeline_activate_bar (CwRunbookTimeline *self,
                                   int                index)
{
  const CwRunbookStep *step;

  if (index < 0 || self->bars == NULL || (guint) index >= self->bars->len)
    return;

  step = bar_step (self, bar_at (self, index));
  g_signal_emit (self, signals[STEP_ACTIVATED], 0, step->id != NULL ? step->id : "");
}

static int
compare_bars (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  CwRunbookTimeline *self = user_data;
  const CwTimelineBar *bar_a = a;
  const CwTimelineBar *bar_b = b;
  const CwStepSlot *slot_a = bar_slot (self, bar_a);
  const CwStepSlot *slot_b = bar_slot (self, bar_b);

  if (slot_a->start_min != slot_b->start_min)
    return slot_a->start_min < slot_b->start_min ? -1 : 1;
  if (bar_a->lane != bar_b->lane)
    return bar_a->lane < bar_b->lane ? -1 : 1;
  return bar_a->step < bar_b->step ? -1 : (bar_a->step > bar_b->step);
}

static void
clear_lane (gpointer data)
{
  CwTimelineLane *lane = data;

  g_clear_pointer (&lane->bars, g_array_unref);
}

/* Bars in start order; each lane's bars packed on rows so none overlap
 * (a step of no duration only clashes with another at the same minute). */
static void
lay_out (CwRunbookTimeline *self)
{
  guint n_lanes = g_strv_length (self->timing->streams);
  double y = 0;

  self->bars = g_array_sized_new (FALSE, TRUE, sizeof (CwTimelineBar), self->timing->n_slots);
  for (guint i = 0; i < self->timing->n_slots; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (self->runbook->steps, i);
      CwTimelineBar bar = { i, self->timing->slots[i].lane, 0, G_MAXUINT, step->phase == CW_PHASE_ROLLBACK };

      g_array_append_val (self->bars, bar);
      self->has_validation |= step->phase == CW_PHASE_VALIDATION;
      self->has_rollback |= step->phase == CW_PHASE_ROLLBACK;
    }
  g_array_sort_with_data (self->bars, compare_bars, self);

  self->lanes = g_array_sized_new (FALSE, TRUE, sizeof (CwTimelineLane), n_lanes);
  g_array_set_clear_func (self->lanes, clear_lane);
  g_array_set_size (self->lanes, n_lanes);
  for (guint l = 0; l < n_lanes; l++)
    g_array_index (self->lanes, CwTimelineLane, l).bars = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->bars->len; i++)
    g_array_append_val (g_array_index (self->lanes, CwTimelineLane, bar_at (self, i)->lane).bars, i);

  for (guint l = 0; l < n_lanes; l++)
    {
      CwTimelineLane *lane = &g_array_index (self->lanes, CwTimelineLane, l);
      g_autoptr(GArray) row_end = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) row_mark = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) row_last = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < lane->bars->len; i++)
        {
          CwTimelineBar *bar = bar_at (self, g_array_index (lane->bars, guint, i));
          const CwStepSlot *slot = bar_slot (self, bar);
          gboolean mark = slot->end_min == slot->start_min;
          guint row = 0;

          while (row < row_end->len &&
                 (mark ? g_array_index (row_mark, guint, row) == slot->start_min + 1
                       : g_array_index (row_end, guint, row) > slot->start_min))
            row++;
          if (row == row_end->len)
            {
              guint zero = 0, none = G_MAXUINT;

              g_array_append_val (row_end, zero);
              g_array_append_val (row_mark, zero);
              g_array_append_val (row_last, none);
            }

          bar->row = row;
          if (g_array_index (row_last, guint, row) != G_MAXUINT)
            bar_at (self, g_array_index (row_last, guint, row))->next_start = slot->start_min;
          g_array_index (row_last, guint, row) = g_array_index (lane->bars, guint, i);
          if (mark)
            g_array_index (row_mark, guint, row) = slot->start_min + 1;
          else
            g_array_index (row_end, guint, row) = MAX (g_array_index (row_end, guint, row), slot->end_min);
        }

      lane->n_rows = MAX (row_end->len, 1);
      lane->y = y;
      lane->height = lane->n_rows * ROW_H + 2 * LANE_PAD;
      y += lane->height;
    }

  self->content_height = y;
}

static void
update_totals (CwRunbookTimeline *self)
{
  const CwRunbookTiming *t = self->timing;
  g_autofree char *critical = format_minutes (t->critical_min);
  g_autofree char *validation = format_minutes (t->validation_min);
  g_autofree char *rollback = format_minutes (t->rollback_min);
  g_autofree char *buffer = format_minutes (t->buffer_min);
  g_autofree char *window = format_minutes (t->window_min);
  /* Translators: the totals above the timeline, joined by " · " */
  g_autofree char *critical_text = no_break (g_strdup_printf (_("Critical path %s"), critical));
  g_autofree char *validation_text = no_break (g_strdup_printf (_("Validation %s"), validation));
  g_autofree char *rollback_text = no_break (g_strdup_printf (_("Rollback %s"), rollback));
  g_autofree char *buffer_text = no_break (g_strdup_printf (_("Buffer %s"), buffer));
  /* Translators: the time a change window must be booked for */
  g_autofree char *window_text = no_break (g_strdup_printf (_("Window needed %s"), window));
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("%s · %s · %s · %s · <b>%s</b>", critical_text, validation_text,
                                    rollback_text, buffer_text, window_text);
  gtk_label_set_markup (self->totals_label, markup);
}

/* Callbacks */

static void
update_scrollbars_cb (gpointer user_data)
{
  CwRunbookTimeline *self = user_data;

  self->scrollbars_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->hscrollbar),
                          gtk_adjustment_get_upper (self->hadj) > gtk_adjustment_get_page_size (self->hadj) + 0.5);
  gtk_widget_set_visible (GTK_WIDGET (self->vscrollbar),
                          gtk_adjustment_get_upper (self->vadj) > gtk_adjustment_get_page_size (self->vadj) + 0.5);
}

static void
on_adjustment_changed_cb (CwRunbookTimeline *self)
{
  /* Not while the canvas is being allocated: showing a scrollbar resizes it. */
  if (self->scrollbars_idle == 0)
    self->scrollbars_idle = g_idle_add_once (update_scrollbars_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_canvas_resize_cb (CwRunbookTimeline *self,
                     int                width,
                     int                height)
{
  if (self->fit_pending && self->timing != NULL && width > LABEL_W)
    {
      self->zoom = CLAMP (fit_zoom (self), FIT_MIN, FIT_MAX);
      self->fit_pending = FALSE;
    }
  update_adjustments (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CwRunbookTimeline *self = CW_RUNBOOK_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    _cw_runbook_timeline_set_zoom (self, self->zoom * ZOOM_STEP, _cw_runbook_timeline_zoom_anchor (self));
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    _cw_runbook_timeline_set_zoom (self, self->zoom / ZOOM_STEP, _cw_runbook_timeline_zoom_anchor (self));
  else
    {
      _cw_runbook_timeline_set_zoom (self, fit_zoom (self), LABEL_W);
      gtk_adjustment_set_value (self->hadj, 0);
    }
}

/* GObject overrides */

static void
cw_runbook_timeline_dispose (GObject *object)
{
  CwRunbookTimeline *self = CW_RUNBOOK_TIMELINE (object);

  g_clear_handle_id (&self->scrollbars_idle, g_source_remove);
  /* The adjustments outlive the canvas by a moment: nothing may reach it. */
  if (self->hadj != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->hadj, self->canvas);
      g_signal_handlers_disconnect_by_data (self->hadj, self);
      g_signal_handlers_disconnect_by_data (self->vadj, self->canvas);
      g_signal_handlers_disconnect_by_data (self->vadj, self);
    }
  /* The stack is both the bin's child and a template child: the bin lets go
   * of it first, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_RUNBOOK_TIMELINE);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->timing, cw_runbook_timing_free);
  g_clear_pointer (&self->runbook, cw_runbook_free);
  g_clear_object (&self->hadj);
  g_clear_object (&self->vadj);

  G_OBJECT_CLASS (cw_runbook_timeline_parent_class)->dispose (object);
}

static void
cw_runbook_timeline_class_init (CwRunbookTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint keyval; const char *action; } zoom_keys[] = {
    { GDK_KEY_plus, "timeline.zoom-in" }, { GDK_KEY_equal, "timeline.zoom-in" },
    { GDK_KEY_KP_Add, "timeline.zoom-in" }, { GDK_KEY_minus, "timeline.zoom-out" },
    { GDK_KEY_KP_Subtract, "timeline.zoom-out" }, { GDK_KEY_0, "timeline.zoom-fit" },
    { GDK_KEY_KP_0, "timeline.zoom-fit" },
  };

  object_class->dispose = cw_runbook_timeline_dispose;

  signals[STEP_ACTIVATED] = g_signal_new ("step-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/runbooks/cw-runbook-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRunbookTimeline, stack);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookTimeline, cycle_page);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookTimeline, totals_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookTimeline, canvas);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookTimeline, hscrollbar);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookTimeline, vscrollbar);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, GDK_CONTROL_MASK,
                                         zoom_keys[i].action, NULL);
}

static void
cw_runbook_timeline_init (CwRunbookTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->zoom = 3.0;
  self->focus = -1;
  self->hover = -1;
  self->hadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->vadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  gtk_scrollbar_set_adjustment (self->hscrollbar, self->hadj);
  gtk_scrollbar_set_adjustment (self->vscrollbar, self->vadj);
  g_signal_connect_swapped (self->hadj, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self->canvas);
  g_signal_connect_swapped (self->vadj, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self->canvas);
  g_signal_connect_swapped (self->hadj, "changed", G_CALLBACK (on_adjustment_changed_cb), self);
  g_signal_connect_swapped (self->vadj, "changed", G_CALLBACK (on_adjustment_changed_cb), self);

  gtk_drawing_area_set_draw_func (self->canvas, _cw_runbook_timeline_draw, self, NULL);
  g_signal_connect_swapped (self->canvas, "resize", G_CALLBACK (on_canvas_resize_cb), self);
  _cw_runbook_timeline_input_init (self);
}

/* Public API */

GtkWidget *
cw_runbook_timeline_new (void)
{
  return g_object_new (CW_TYPE_RUNBOOK_TIMELINE, NULL);
}

void
cw_runbook_timeline_set_runbook (CwRunbookTimeline *self,
                                 const CwRunbook   *runbook)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *focus_id = NULL;
  gboolean first = TRUE;

  g_return_if_fail (CW_IS_RUNBOOK_TIMELINE (self));

  if (self->focus >= 0 && self->bars != NULL)
    focus_id = g_strdup (bar_step (self, bar_at (self, self->focus))->id);
  first = self->timing == NULL;

  self->focus = -1;
  self->hover = -1;
  self->has_validation = self->has_rollback = FALSE;
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->timing, cw_runbook_timing_free);
  g_clear_pointer (&self->runbook, cw_runbook_free);

  if (runbook == NULL || runbook->steps == NULL || runbook->steps->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->runbook = cw_runbook_copy (runbook);
  self->timing = cw_runbook_timing (self->runbook, &error);
  if (self->timing == NULL)
    {
      g_autoptr(GPtrArray) problems = cw_runbook_validate (self->runbook);
      const char *message = error != NULL ? error->message : "";
      g_autofree char *description = NULL;

      for (guint i = 0; i < problems->len; i++)
        if (((CwRunbookProblem *) g_ptr_array_index (problems, i))->kind == CW_PROBLEM_CYCLE)
          {
            message = ((CwRunbookProblem *) g_ptr_array_index (problems, i))->message;
            break;
          }
      description = g_markup_printf_escaped ("%s\n%s", message,
                                             _("The timeline can be drawn once the cycle is removed."));
      adw_status_page_set_description (self->cycle_page, description);
      gtk_stack_set_visible_child_name (self->stack, "cycle");
      return;
    }

  lay_out (self);
  update_totals (self);
  gtk_stack_set_visible_child_name (self->stack, "timeline");

  if (first)
    {
      self->fit_pending = TRUE;
      gtk_adjustment_set_value (self->hadj, 0);
      gtk_adjustment_set_value (self->vadj, 0);
      if (gtk_widget_get_width (GTK_WIDGET (self->canvas)) > LABEL_W)
        on_canvas_resize_cb (self, gtk_widget_get_width (GTK_WIDGET (self->canvas)), 0);
    }
  update_adjustments (self);

  for (guint i = 0; focus_id != NULL && i < self->bars->len; i++)
    if (g_strcmp0 (bar_step (self, bar_at (self, i))->id, focus_id) == 0)
      self->focus = i;

  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* For tests: the bar of @step_id on the timeline, in the timeline's own
 * coordinates, and whether it is on the critical path. */
gboolean
cw_runbook_timeline_get_bar_rect (CwRunbookTimeline *self,
                                  const char        *step_id,
                                  graphene_rect_t   *rect,
                                  gboolean          *critical)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_TIMELINE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);

  for (guint i = 0; self->bars != NULL && i < self->bars->len; i++)
    {
      const CwTimelineBar *bar = bar_at (self, i);
      graphene_rect_t local;

      if (g_strcmp0 (bar_step (self, bar)->id, step_id) != 0)
        continue;

      _cw_runbook_timeline_bar_rect (self, bar, &local);
      if (rect != NULL &&
          !gtk_widget_compute_bounds (GTK_WIDGET (self->canvas), GTK_WIDGET (self), rect))
        graphene_rect_init (rect, 0, 0, 0, 0);
      if (rect != NULL)
        graphene_rect_init (rect, rect->origin.x + local.origin.x, rect->origin.y + local.origin.y,
                            local.size.width, local.size.height);
      if (critical != NULL)
        *critical = bar_slot (self, bar)->critical;
      return TRUE;
    }

  return FALSE;
}
