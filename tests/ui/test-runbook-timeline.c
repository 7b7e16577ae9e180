/* test-runbook-timeline.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-runbook-timeline"

#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <string.h>

#include "cw-runbook-diff-view.h"
#include "cw-runbook-timeline.h"
#include "cw-test-display.h"
#include "cw-ui-resources.h"

/* The runbook timeline and the diff view, each in a window of its own: bar
 * geometry against the timing, clicks and keys through the X server, the
 * empty and cycle states, the diff's rows, and screenshots. */

/* Builders */

static CwRunbookStep *
add_step (CwRunbook  *runbook,
          const char *id,
          CwPhase     phase,
          CwStepType  type,
          const char *stream,
          guint       duration,
          const char *predecessors,   /* "a,b", or NULL */
          const char *title)
{
  CwRunbookStep *step = cw_runbook_step_new (id, phase, type, title);

  step->stream = g_strdup (stream);
  step->duration_min = duration;
  if (predecessors != NULL)
    step->predecessors = g_strsplit (predecessors, ",", -1);
  if (type == CW_STEP_COMMAND)
    step->argv = g_strsplit ("true", " ", -1);
  g_ptr_array_add (runbook->steps, step);

  return step;
}

/* a (30) -> b (60) and c (20) in parallel -> gate d; b2 (10) beside b in
 * the same stream; validation v (15) after d; rollback r (45). */
static CwRunbook *
small_runbook (void)
{
  CwRunbook *runbook = cw_runbook_new ("Small");

  runbook->buffer_min = 15;
  add_step (runbook, "a", CW_PHASE_PREPARATION, CW_STEP_MANUAL, "Network", 30, NULL, "Prepare");
  add_step (runbook, "b", CW_PHASE_EXECUTION, CW_STEP_COMMAND, "Network", 60, "a", "Upgrade");
  add_step (runbook, "b2", CW_PHASE_EXECUTION, CW_STEP_MANUAL, "Network", 10, "a", "Watch");
  add_step (runbook, "c", CW_PHASE_EXECUTION, CW_STEP_MANUAL, "Servers", 20, "a", "Drain");
  add_step (runbook, "d", CW_PHASE_EXECUTION, CW_STEP_GATE, NULL, 0, "b,c", "Go or no go");
  add_step (runbook, "v", CW_PHASE_VALIDATION, CW_STEP_MANUAL, "Network", 15, "d", "Verify");
  add_step (runbook, "r", CW_PHASE_ROLLBACK, CW_STEP_COMMAND, "Network", 45, NULL, "Roll back");

  return runbook;
}

/* A switch stack OS upgrade, for the screenshots. */
static CwRunbook *
realistic_runbook (void)
{
  CwRunbook *runbook = cw_runbook_new ("Switch stack OS upgrade");

  runbook->version = 1;
  runbook->buffer_min = 15;
  runbook->description = g_strdup ("Upgrade a two-member switch stack.");
  add_step (runbook, "notify", CW_PHASE_PREPARATION, CW_STEP_COMMS, "Comms", 5, NULL, "Announce the window");
  add_step (runbook, "stage-image", CW_PHASE_PREPARATION, CW_STEP_MANUAL, "Network", 20, NULL, "Stage the OS image");
  add_step (runbook, "check-health", CW_PHASE_PRECHECKS, CW_STEP_COMMAND, "Network", 10, "stage-image", "Check stack health");
  add_step (runbook, "check-apps", CW_PHASE_PRECHECKS, CW_STEP_MANUAL, "Applications", 15, "notify", "Check application health");
  add_step (runbook, "backup", CW_PHASE_BACKUP, CW_STEP_COMMAND, "Network", 10, "check-health", "Back up the configuration");
  add_step (runbook, "verify-backup", CW_PHASE_BACKUP, CW_STEP_MANUAL, "Network", 5, "backup", "Verify the backup");
  add_step (runbook, "go", CW_PHASE_EXECUTION, CW_STEP_GATE, NULL, 0, "verify-backup,check-apps", "Go/no-go");
  add_step (runbook, "member-1", CW_PHASE_EXECUTION, CW_STEP_COMMAND, "Network", 35, "go", "Upgrade member 1");
  add_step (runbook, "member-2", CW_PHASE_EXECUTION, CW_STEP_COMMAND, "Network", 35, "member-1", "Upgrade member 2");
  add_step (runbook, "drain", CW_PHASE_EXECUTION, CW_STEP_MANUAL, "Applications", 15, "go", "Drain application traffic");
  add_step (runbook, "status", CW_PHASE_EXECUTION, CW_STEP_COMMS, "Comms", 5, "member-1", "Send a status update");
  add_step (runbook, "verify-stack", CW_PHASE_VALIDATION, CW_STEP_COMMAND, "Network", 10, "member-2", "Verify the stack");
  add_step (runbook, "smoke", CW_PHASE_VALIDATION, CW_STEP_MANUAL, "Applications", 15, "verify-stack", "Application smoke test");
  add_step (runbook, "sign-off", CW_PHASE_VALIDATION, CW_STEP_APPROVAL, NULL, 5, "smoke", "Sign off");
  add_step (runbook, "rb-boot", CW_PHASE_ROLLBACK, CW_STEP_COMMAND, "Network", 20, NULL, "Boot the previous image");
  add_step (runbook, "rb-verify", CW_PHASE_ROLLBACK, CW_STEP_MANUAL, "Network", 10, "rb-boot", "Verify after rollback");
  add_step (runbook, "rb-notify", CW_PHASE_ROLLBACK, CW_STEP_COMMS, "Comms", 5, "rb-verify", "Announce the rollback");

  return runbook;
}

/* Widget helpers */

static GtkWindow *
new_window (GtkWidget *child,
            int        width,
            int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  cw_test_wait_for_draw (child);

  return window;
}

/* Every label's text under @widget, mapped ones only, joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
labels_of (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static void
assert_has_prefix (const char *text,
                   const char *prefix)
{
  g_autofree char *head = g_strndup (text, strlen (prefix));

  g_assert_cmpstr (head, ==, prefix);
}

static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static graphene_rect_t
bar (CwRunbookTimeline *timeline,
     const char        *id,
     gboolean          *critical)
{
  graphene_rect_t rect;

  g_assert_true (cw_runbook_timeline_get_bar_rect (timeline, id, &rect, critical));
  return rect;
}

static void
on_step_activated_cb (GtkWidget  *widget,
                      const char *step_id,
                      GPtrArray  *activated)
{
  g_ptr_array_add (activated, g_strdup (step_id));
}

/* Real input, through the X server (XTest), looked up at run time. */
typedef struct
{
  Display *display;
  int    (*fake_key) (Display *, unsigned int, int, unsigned long);
  int    (*fake_button) (Display *, unsigned int, int, unsigned long);
  int    (*fake_motion) (Display *, int, int, int, unsigned long);
  guchar (*keysym_to_keycode) (Display *, unsigned long);
  int    (*translate) (Display *, Window, Window, int, int, int *, int *, Window *);
  Window (*root_window) (Display *);
  int    (*flush) (Display *);
} XInput;

static gboolean
xinput_init (XInput *x)
{
  GdkDisplay *display = gdk_display_get_default ();
  void *xtst, *x11;

  if (!GDK_IS_X11_DISPLAY (display) ||
      (xtst = dlopen ("libXtst.so.6", RTLD_NOW)) == NULL ||
      (x11 = dlopen ("libX11.so.6", RTLD_NOW)) == NULL)
    return FALSE;

  x->display = gdk_x11_display_get_xdisplay (display);
  x->fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  x->fake_button = dlsym (xtst, "XTestFakeButtonEvent");
  x->fake_motion = dlsym (xtst, "XTestFakeMotionEvent");
  x->keysym_to_keycode = dlsym (x11, "XKeysymToKeycode");
  x->translate = dlsym (x11, "XTranslateCoordinates");
  x->root_window = dlsym (x11, "XDefaultRootWindow");
  x->flush = dlsym (x11, "XFlush");

  return x->fake_key != NULL && x->fake_button != NULL && x->fake_motion != NULL &&
         x->keysym_to_keycode != NULL && x->translate != NULL && x->root_window != NULL && x->flush != NULL;
}

static void
press_key (XInput   *x,
           guint     keyval,
           gboolean  control)
{
  unsigned int control_code = x->keysym_to_keycode (x->display, GDK_KEY_Control_L);
  unsigned int code = x->keysym_to_keycode (x->display, keyval);

  if (control)
    x->fake_key (x->display, control_code, TRUE, 0);
  x->fake_key (x->display, code, TRUE, 0);
  x->fake_key (x->display, code, FALSE, 0);
  if (control)
    x->fake_key (x->display, control_code, FALSE, 0);
  x->flush (x->display);
  cw_test_iterate_until (NULL, NULL, 200);
}

/* A click at (@px, @py) in @widget's coordinates. */
static void
click (XInput    *x,
       GtkWidget *widget,
       double     px,
       double     py)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double sx, sy;
  int rx, ry;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (px, py), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  x->translate (x->display, gdk_x11_surface_get_xid (gtk_native_get_surface (native)), x->root_window (x->display),
                (int) (point.x + sx), (int) (point.y + sy), &rx, &ry, &child);
  x->fake_motion (x->display, -1, rx, ry, 0);
  x->fake_button (x->display, 1, TRUE, 0);
  x->fake_button (x->display, 1, FALSE, 0);
  x->flush (x->display);
  cw_test_iterate_until (NULL, NULL, 200);
}

/* Tests */

static void
test_geometry (void)
{
  g_autoptr(CwRunbook) runbook = small_runbook ();
  CwRunbookTimeline *timeline = CW_RUNBOOK_TIMELINE (cw_runbook_timeline_new ());
  GtkWindow *window = new_window (GTK_WIDGET (timeline), 1000, 500);
  graphene_rect_t a, b, b2, c, d, v, r;
  gboolean ca, cb, cb2, cc, cd, cv, cr;
  g_autofree char *labels = NULL;

  cw_runbook_timeline_set_runbook (timeline, runbook);
  cw_test_wait_for_draw (GTK_WIDGET (timeline));
  /* The timeline keeps its own copy. */
  g_clear_pointer (&runbook, cw_runbook_free);

  a = bar (timeline, "a", &ca);
  b = bar (timeline, "b", &cb);
  b2 = bar (timeline, "b2", &cb2);
  c = bar (timeline, "c", &cc);
  d = bar (timeline, "d", &cd);
  v = bar (timeline, "v", &cv);
  r = bar (timeline, "r", &cr);
  g_assert_false (cw_runbook_timeline_get_bar_rect (timeline, "nope", NULL, NULL));

  /* A step starts where its predecessor ends; durations scale alike. */
  g_assert_cmpfloat_with_epsilon (b.origin.x, a.origin.x + a.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (b.size.width, 2 * a.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (c.origin.x, b.origin.x, 0.5);
  /* Parallel streams overlap in time, on lanes of their own; two steps of
   * one stream at once go on two rows. */
  g_assert_cmpfloat (c.origin.y, >, b.origin.y);
  g_assert_cmpfloat (b2.origin.y, >, b.origin.y);
  g_assert_cmpfloat (b2.origin.y, <, c.origin.y);
  g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
  /* The gate is a diamond where the longer branch ends. */
  g_assert_cmpfloat (d.size.width, ==, d.size.height);
  g_assert_cmpfloat_with_epsilon (d.origin.x + d.size.width / 2, b.origin.x + b.size.width, 0.5);
  /* Validation follows the plan, rollback follows validation. */
  g_assert_cmpfloat_with_epsilon (v.origin.x, b.origin.x + b.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (r.origin.x, v.origin.x + v.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (r.size.width, 3 * v.size.width, 0.5);

  /* (Whether the gate d, of no duration, ends the critical path is core's
   * call: the timeline only shows what the timing says.) */
  (void) cd;
  g_assert_true (ca && cb);
  g_assert_false (cb2 || cc);
  g_assert_true (cv && cr);

  /* The totals break between each other, not inside one: no-break spaces,
   * here "_", inside each. */
  labels = labels_of (GTK_WIDGET (timeline));
  {
    g_auto(GStrv) parts = g_strsplit (labels, "\u00a0", -1);

    g_free (labels);
    labels = g_strjoinv ("_", parts);
  }
  g_assert_nonnull (strstr (labels, "Critical_path_1_h_30_min · Validation_15_min · Rollback_45_min"
                                    " · Buffer_15_min · Window_needed_2_h_45_min|"));

  gtk_window_destroy (window);
}

static void
test_input (void)
{
  g_autoptr(CwRunbook) runbook = small_runbook ();
  g_autoptr(GPtrArray) activated = g_ptr_array_new_with_free_func (g_free);
  CwRunbookTimeline *timeline = CW_RUNBOOK_TIMELINE (cw_runbook_timeline_new ());
  GtkWindow *window = new_window (GTK_WIDGET (timeline), 1000, 500);
  graphene_rect_t c, b, zoomed;
  XInput x = { NULL, };

  if (!xinput_init (&x))
    {
      gtk_window_destroy (window);
      g_test_skip ("Needs X11 and libXtst to click and press keys");
      return;
    }

  g_signal_connect (timeline, "step-activated", G_CALLBACK (on_step_activated_cb), activated);
  cw_runbook_timeline_set_runbook (timeline, runbook);
  cw_test_wait_for_draw (GTK_WIDGET (timeline));

  /* A click on a bar opens its step; a click beside it, nothing. */
  c = bar (timeline, "c", NULL);
  click (&x, GTK_WIDGET (timeline), c.origin.x + c.size.width / 2, c.origin.y + c.size.height / 2);
  g_assert_cmpuint (activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (activated, 0), ==, "c");
  click (&x, GTK_WIDGET (timeline), c.origin.x + c.size.width + 40, c.origin.y + c.size.height / 2);
  g_assert_cmpuint (activated->len, ==, 1);

  /* The keyboard walks the bars in start order: a, b, b2, c, d, v, r. */
  press_key (&x, GDK_KEY_Home, FALSE);
  press_key (&x, GDK_KEY_Return, FALSE);
  g_assert_cmpstr (g_ptr_array_index (activated, 1), ==, "a");
  press_key (&x, GDK_KEY_Right, FALSE);
  press_key (&x, GDK_KEY_Right, FALSE);
  press_key (&x, GDK_KEY_space, FALSE);
  g_assert_cmpstr (g_ptr_array_index (activated, 2), ==, "b2");
  press_key (&x, GDK_KEY_Left, FALSE);
  press_key (&x, GDK_KEY_Down, FALSE);
  press_key (&x, GDK_KEY_Return, FALSE);
  g_assert_cmpstr (g_ptr_array_index (activated, 3), ==, "c");
  press_key (&x, GDK_KEY_End, FALSE);
  press_key (&x, GDK_KEY_KP_Enter, FALSE);
  g_assert_cmpstr (g_ptr_array_index (activated, 4), ==, "r");
  g_assert_cmpuint (activated->len, ==, 5);

  /* Ctrl+plus and Ctrl+minus zoom by the same factor; Ctrl+0 fits the
   * whole window in view. */
  b = bar (timeline, "b", NULL);
  press_key (&x, GDK_KEY_equal, TRUE);
  zoomed = bar (timeline, "b", NULL);
  g_assert_cmpfloat_with_epsilon (zoomed.size.width, b.size.width * 1.5, 0.5);
  press_key (&x, GDK_KEY_minus, TRUE);
  press_key (&x, GDK_KEY_minus, TRUE);
  zoomed = bar (timeline, "b", NULL);
  g_assert_cmpfloat_with_epsilon (zoomed.size.width, b.size.width / 1.5, 0.5);
  for (guint i = 0; i < 6; i++)
    press_key (&x, GDK_KEY_equal, TRUE);
  zoomed = bar (timeline, "r", NULL);
  g_assert_cmpfloat (zoomed.origin.x + zoomed.size.width, >, gtk_widget_get_width (GTK_WIDGET (timeline)));
  press_key (&x, GDK_KEY_0, TRUE);
  zoomed = bar (timeline, "r", NULL);
  g_assert_cmpfloat (zoomed.origin.x + zoomed.size.width, <, gtk_widget_get_width (GTK_WIDGET (timeline)));
  g_assert_cmpfloat (bar (timeline, "a", NULL).origin.x, >, 0);

  gtk_window_destroy (window);
}

static void
test_states (void)
{
  g_autoptr(CwRunbook) empty = cw_runbook_new ("Empty");
  g_autoptr(CwRunbook) cycle = cw_runbook_new ("Cycle");
  g_autoptr(CwRunbook) fixed = NULL;
  CwRunbookTimeline *timeline = CW_RUNBOOK_TIMELINE (cw_runbook_timeline_new ());
  GtkWindow *window = new_window (GTK_WIDGET (timeline), 800, 500);
  AdwStatusPage *status;

  status = ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (timeline), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Steps");

  cw_runbook_timeline_set_runbook (timeline, empty);
  cw_test_wait_for_draw (GTK_WIDGET (timeline));
  status = ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (timeline), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Steps");
  g_assert_false (cw_runbook_timeline_get_bar_rect (timeline, "x", NULL, NULL));

  add_step (cycle, "kickoff", CW_PHASE_PREPARATION, CW_STEP_MANUAL, NULL, 5, NULL, "Kick-off");
  add_step (cycle, "x", CW_PHASE_EXECUTION, CW_STEP_MANUAL, NULL, 5, "kickoff,y", "X");
  add_step (cycle, "y", CW_PHASE_EXECUTION, CW_STEP_MANUAL, NULL, 5, "x", "Y");
  cw_runbook_timeline_set_runbook (timeline, cycle);
  cw_test_wait_for_draw (GTK_WIDGET (timeline));
  status = ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (timeline), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Timeline Cannot Be Drawn");
  /* It names the steps of the cycle, and only those. */
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "x"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "y"));
  g_assert_null (strstr (adw_status_page_get_description (status), "kickoff"));
  g_assert_false (cw_runbook_timeline_get_bar_rect (timeline, "x", NULL, NULL));

  /* Fixing the cycle brings the timeline back. */
  fixed = cw_runbook_copy (cycle);
  g_clear_pointer (&cw_runbook_find_step (fixed, "x")->predecessors, g_strfreev);
  cw_runbook_timeline_set_runbook (timeline, fixed);
  cw_test_wait_for_draw (GTK_WIDGET (timeline));
  g_assert_null (find_mapped (GTK_WIDGET (timeline), ADW_TYPE_STATUS_PAGE));
  g_assert_true (cw_runbook_timeline_get_bar_rect (timeline, "y", NULL, NULL));

  cw_runbook_timeline_set_runbook (timeline, NULL);
  cw_test_wait_for_draw (GTK_WIDGET (timeline));
  status = ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (timeline), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Steps");

  gtk_window_destroy (window);
}

/* v2 of the realistic runbook: member-1 longer with new instructions,
 * member-3 added after member-2, the status update removed, verify-stack
 * after member-3, and a new description. */
static CwRunbook *
second_version (const CwRunbook *first)
{
  CwRunbook *second = cw_runbook_copy (first);
  CwRunbookStep *step;

  second->version = 2;
  g_free (second->description);
  second->description = g_strdup ("Upgrade a three-member switch stack, one member at a time.");
  step = cw_runbook_find_step (second, "member-1");
  step->duration_min = 40;
  step->instructions = g_strdup ("Run `request platform software install` on member 1.\n\n"
                                 "- Wait for the reload\n- Check `show switch` lists it as *Ready*");
  step = cw_runbook_step_new ("member-3", CW_PHASE_EXECUTION, CW_STEP_COMMAND, "Upgrade member 3");
  step->stream = g_strdup ("Network");
  step->duration_min = 35;
  step->predecessors = g_strsplit ("member-2", ",", -1);
  step->argv = g_strsplit ("ssh stack-1 upgrade member 3", " ", -1);
  g_ptr_array_insert (second->steps, cw_runbook_find_step_index (second, "member-2") + 1, step);
  g_ptr_array_remove_index (second->steps, cw_runbook_find_step_index (second, "status"));
  step = cw_runbook_find_step (second, "verify-stack");
  g_strfreev (step->predecessors);
  step->predecessors = g_strsplit ("member-3", ",", -1);

  return second;
}

static void
test_diff (void)
{
  g_autoptr(CwRunbook) first = realistic_runbook ();
  g_autoptr(CwRunbook) second = second_version (first);
  g_autoptr(GPtrArray) activated = g_ptr_array_new_with_free_func (g_free);
  CwRunbookDiffView *view = CW_RUNBOOK_DIFF_VIEW (cw_runbook_diff_view_new ());
  GtkWindow *window = new_window (GTK_WIDGET (view), 900, 700);
  GtkListBox *list = cw_runbook_diff_view_get_list (view);
  const char *expected[] = {
    "Changed|Runbook|Description|",
    "Changed|member-1|Upgrade member 1|Instructions|Before|None|After|Run `request platform software install`"
    " on member 1.\n\n- Wait for the reload\n- Check `show switch` lists it as *Ready*|Duration|35 min|→|40 min|",
  };
  g_autofree char *labels = NULL;
  AdwStatusPage *status;
  guint n_rows = 0;

  g_signal_connect (view, "step-activated", G_CALLBACK (on_step_activated_cb), activated);

  status = ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Versions to Compare");

  cw_runbook_diff_view_set_versions (view, first, second);
  cw_test_wait_for_draw (GTK_WIDGET (view));
  g_assert_null (find_mapped (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE));

  labels = labels_of (GTK_WIDGET (view));
  assert_has_prefix (labels, "1 step added, 1 removed, 2 changed, the runbook’s details changed|"
                             "From version 1 to version 2|");

  /* Runbook, member-1, member-3 (added), status (removed where it stood,
   * after drain, which did not change), verify-stack. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_rows, ==, 5);

  g_clear_pointer (&labels, g_free);
  labels = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  assert_has_prefix (labels, expected[0]);
  g_assert_nonnull (strstr (labels, "Description|Before|Upgrade a two-member switch stack.|After|Upgrade a three-member"));
  g_clear_pointer (&labels, g_free);
  labels = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  assert_has_prefix (labels, expected[1]);
  g_clear_pointer (&labels, g_free);
  labels = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)));
  assert_has_prefix (labels, "Added|member-3|Upgrade member 3|Execution · Command · 35 min|");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3)));
  g_assert_cmpstr (labels, ==, "Removed|status|Send a status update|Execution · Stakeholder Message · 5 min|");
  g_clear_pointer (&labels, g_free);
  labels = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 4)));
  g_assert_cmpstr (labels, ==, "Changed|verify-stack|Verify the stack|Predecessors|member-2|→|member-3|");

  /* Rows of steps in the new version open them; the runbook's row and a
   * removed step's do not. */
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 3)));
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 3), "activate");
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 2), "activate");
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 1), "activate");
  g_assert_cmpuint (activated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (activated, 0), ==, "member-3");
  g_assert_cmpstr (g_ptr_array_index (activated, 1), ==, "member-1");

  /* Equal content: no differences, even across version numbers. */
  cw_runbook_diff_view_set_versions (view, second, second);
  cw_test_wait_for_draw (GTK_WIDGET (view));
  status = ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Differences");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  cw_runbook_diff_view_set_versions (view, NULL, second);
  cw_test_wait_for_draw (GTK_WIDGET (view));
  status = ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Versions to Compare");

  gtk_window_destroy (window);
}

static void
take_screenshots (const char *style)
{
  g_autoptr(CwRunbook) first = realistic_runbook ();
  g_autoptr(CwRunbook) second = second_version (first);
  CwRunbookTimeline *timeline = CW_RUNBOOK_TIMELINE (cw_runbook_timeline_new ());
  CwRunbookDiffView *view = CW_RUNBOOK_DIFF_VIEW (cw_runbook_diff_view_new ());
  GtkWindow *window = new_window (GTK_WIDGET (timeline), 1100, 480);
  g_autofree char *timeline_name = g_strdup_printf ("runbook-timeline-%s.png", style);
  g_autofree char *focus_name = g_strdup_printf ("runbook-timeline-focus-%s.png", style);
  g_autofree char *diff_name = g_strdup_printf ("runbook-diff-%s.png", style);

  cw_runbook_timeline_set_runbook (timeline, first);
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), timeline_name));

  /* Zoomed in, with the focus ring on a bar. */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL);
  gtk_widget_grab_focus (find_mapped (GTK_WIDGET (timeline), GTK_TYPE_DRAWING_AREA));
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), focus_name));
  gtk_window_destroy (window);

  window = new_window (GTK_WIDGET (view), 900, 760);
  cw_runbook_diff_view_set_versions (view, first, second);
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), diff_name));
  gtk_window_destroy (window);
}

static void
test_screenshots (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cw_test_iterate_until (cw_test_style_is_light, NULL, 2000);
  take_screenshots ("light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  cw_test_iterate_until (cw_test_style_is_dark, NULL, 2000);
  take_screenshots ("dark");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  if (!cw_test_display_init (&argc, &argv))
    return 0;
  adw_init ();
  /* Without the application, nothing else pulls the resources in. */
  (void) cw_ui_get_resource ();

  g_test_add_func ("/display/runbook-timeline/geometry", test_geometry);
  g_test_add_func ("/display/runbook-timeline/input", test_input);
  g_test_add_func ("/display/runbook-timeline/states", test_states);
  g_test_add_func ("/display/runbook-diff/rows", test_diff);
  g_test_add_func ("/display/runbook-diff/screenshots", test_screenshots);

  return g_test_run ();
}
