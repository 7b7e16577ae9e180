/* test-calendar-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-calendar-page"

#include "config.h"

#include <dlfcn.h>
#include <string.h>
#include <gdk/x11/gdkx.h>

#include "cw-calendar-details.h"
#include "cw-calendar-editor.h"
#include "cw-calendar-month-view.h"
#include "cw-calendar-page.h"
#include "cw-calendar-slot-dialog.h"
#include "cw-calendar-week-view.h"
#include "cw-inventory-index.h"
#include "cw-schedule.h"
#include "cw-store-private.h"
#include "cw-test-display.h"
#include "cw-test-fixture.h"
#include "cw-ui-resources.h"

/* The Calendar pane on a small workspace filled through core: a weekly
 * window in Europe/Berlin (Mondays 20:00 to 04:00), a block blackout and
 * two planned works on one CI that overlap, on Monday 16 November 2026.
 * The clock says Wednesday 18 November 2026, 10:00 UTC; the local zone is
 * UTC (TZ in the test environment). The page sits in a plain window with a
 * toast overlay, as the application window holds the panes. */

static AdwApplication *app;
static char *tmpdir;
static char *path;
static gint64 window_id;
static gint64 blackout_id;
static gint64 work_a;
static gint64 work_b;

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
make_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(CwMaintWindow) window = NULL;
  g_autoptr(CwBlackout) blackout = NULL;
  g_autoptr(CwPlannedWork) a = NULL;
  g_autoptr(CwPlannedWork) b = NULL;

  g_assert_no_error (error);
  cw_test_sql (path,
               "INSERT INTO sites (id, code, name, time_zone) VALUES "
               "(1, 'BER', 'Berlin', 'Europe/Berlin'), (2, 'NYC', 'New York', 'America/New_York');"
               "INSERT INTO cis (id, class, name, site_id, updated_at) VALUES "
               "(1, 'server', 'db-ber-01', 1, '2026-01-01T00:00:00Z'),"
               "(2, 'server', 'web-ber-02', 1, '2026-01-01T00:00:00Z'),"
               "(3, 'switch', 'sw-nyc-01', 2, '2026-01-01T00:00:00Z');");
  g_assert_true (cw_inventory_index_add_from (cw_store_get_handle (store), 0, &error));
  g_assert_no_error (error);

  window = cw_maint_window_new ("Monday night", "Europe/Berlin", "2026-11-02T20:00:00", 480);
  window->rrule = g_strdup ("FREQ=WEEKLY;BYDAY=MO");
  cw_scope_free (window->scope);
  window->scope = cw_scope_new_everything ();
  g_assert_true (cw_schedule_add_window (store, window, &error));
  g_assert_no_error (error);
  window_id = window->id;

  blackout = cw_blackout_new ("Payroll freeze", CW_BLACKOUT_BLOCK, utc (2026, 11, 25, 0, 0), utc (2026, 11, 27, 0, 0));
  cw_scope_free (blackout->scope);
  blackout->scope = cw_scope_new_everything ();
  g_assert_true (cw_schedule_add_blackout (store, blackout, &error));
  g_assert_no_error (error);
  blackout_id = blackout->id;

  /* 21:00 and 21:30 UTC (22:00 and 22:30 in Berlin), on db-ber-01. */
  a = cw_planned_work_new ("Patch database", utc (2026, 11, 16, 21, 0), utc (2026, 11, 16, 22, 0));
  cw_planned_work_add_ci (a, 1);
  g_assert_true (cw_schedule_add_work (store, a, &error));
  g_assert_no_error (error);
  work_a = a->id;

  b = cw_planned_work_new ("Replace disk", utc (2026, 11, 16, 21, 30), utc (2026, 11, 16, 22, 30));
  cw_planned_work_add_ci (b, 1);
  g_assert_true (cw_schedule_add_work (store, b, &error));
  g_assert_no_error (error);
  work_b = b->id;
}

static GtkWindow *
new_window (CwCalendarPage **page_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(CwClock) clock = cw_clock_new_fake (now);
  g_autoptr(CwContext) context = NULL;
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *overlay;
  CwCalendarPage *page;

  g_assert_no_error (error);
  context = cw_context_new (store, clock);
  page = g_object_new (CW_TYPE_CALENDAR_PAGE, "context", context, NULL);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  gtk_window_present (GTK_WINDOW (window));
  cw_test_wait_for_draw (window);

  *page_out = page;
  return GTK_WINDOW (window);
}

static void
close_window (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  cw_test_iterate_until (NULL, NULL, 50);
  g_assert_null (window);
}

static gboolean
contains_item (GPtrArray          *items,
               CwCalendarItemKind  kind,
               gint64              id)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind && item->id == id)
        return TRUE;
    }

  return FALSE;
}

static CwCalendarItem *
find_in (GPtrArray          *items,
         CwCalendarItemKind  kind,
         gint64              id)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind && item->id == id)
        return item;
    }

  return NULL;
}

/* Tests */

static void
test_month (void)
{
  CwCalendarPage *page;
  GtkWindow *window = new_window (&page);
  CwCalendarMonthView *month = CW_CALENDAR_MONTH_VIEW (cw_calendar_page_get_view (page, "month"));
  g_autoptr(GPtrArray) monday = NULL;
  g_autoptr(GPtrArray) tuesday = NULL;
  g_autoptr(GPtrArray) sunday = NULL;
  g_autoptr(GPtrArray) freeze = NULL;
  CwCalendarItem *item;
  g_autofree char *text = NULL;

  /* Today's month, with the clock's day selected. */
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 18));
  g_assert_cmpstr (cw_calendar_page_get_title (page), ==, "November 2026");
  g_assert_true (cw_calendar_page_get_visible_view (page) == GTK_WIDGET (month));

  /* Monday 16: both works (before the window) and the window; the window
   * ends on Tuesday at 04:00 Berlin, so it is on Tuesday too, not Sunday. */
  monday = cw_calendar_month_view_get_items_for_day (month, julian (2026, 11, 16));
  tuesday = cw_calendar_month_view_get_items_for_day (month, julian (2026, 11, 17));
  sunday = cw_calendar_month_view_get_items_for_day (month, julian (2026, 11, 15));
  g_assert_true (contains_item (monday, CW_CALENDAR_ITEM_WORK, work_a));
  g_assert_true (contains_item (monday, CW_CALENDAR_ITEM_WORK, work_b));
  g_assert_true (contains_item (monday, CW_CALENDAR_ITEM_WINDOW, window_id));
  g_assert_true (contains_item (tuesday, CW_CALENDAR_ITEM_WINDOW, window_id));
  g_assert_false (contains_item (tuesday, CW_CALENDAR_ITEM_WORK, work_a));
  g_assert_false (contains_item (sunday, CW_CALENDAR_ITEM_WINDOW, window_id));
  /* Planned work comes before windows in a day. */
  g_assert_cmpint (((CwCalendarItem *) g_ptr_array_index (monday, 0))->kind, ==, CW_CALENDAR_ITEM_WORK);
  g_assert_cmpuint (cw_calendar_month_view_get_n_visible (month), >=, 3);

  /* The blackout holds the 25th and 26th only. */
  freeze = cw_calendar_month_view_get_items_for_day (month, julian (2026, 11, 26));
  g_assert_true (contains_item (freeze, CW_CALENDAR_ITEM_BLACKOUT, blackout_id));
  g_ptr_array_unref (freeze);
  freeze = cw_calendar_month_view_get_items_for_day (month, julian (2026, 11, 27));
  g_assert_false (contains_item (freeze, CW_CALENDAR_ITEM_BLACKOUT, blackout_id));

  /* The overlap is an error on both works: their badge. */
  item = find_in (monday, CW_CALENDAR_ITEM_WORK, work_a);
  g_assert_cmpuint (item->n_errors, >=, 1);
  g_assert_cmpuint (find_in (monday, CW_CALENDAR_ITEM_WORK, work_b)->n_errors, >=, 1);

  /* A click opens its details: name, times in UTC, the CI, the conflict. */
  g_signal_emit_by_name (month, "item-activated", item, 10.0, 10.0, 50.0, 18.0);
  g_assert_nonnull (cw_calendar_page_get_details (page));
  text = cw_calendar_details_dup_text (cw_calendar_page_get_details (page));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Patch database"));
  g_assert_nonnull (strstr (text, "21:00"));
  g_assert_nonnull (strstr (text, "db-ber-01"));
  g_assert_nonnull (strstr (text, "Replace disk"));

  /* Enter on a day opens it in the day view. */
  g_signal_emit_by_name (month, "date-activated", (guint) julian (2026, 11, 16));
  g_assert_true (cw_calendar_page_get_visible_view (page) == cw_calendar_page_get_view (page, "day"));
  g_assert_cmpstr (cw_calendar_page_get_title (page), ==, "Monday, 16 November 2026");

  close_window (window);
}

static double
work_top (CwCalendarWeekView *view,
          gint64              id)
{
  graphene_rect_t rect;

  g_assert_true (cw_calendar_week_view_get_item_rect (view, CW_CALENDAR_ITEM_WORK, id, &rect));
  return rect.origin.y;
}

static void
test_week_and_zone (void)
{
  CwCalendarPage *page;
  GtkWindow *window = new_window (&page);
  CwCalendarWeekView *week = CW_CALENDAR_WEEK_VIEW (cw_calendar_page_get_view (page, "week"));
  CwCalendarWeekView *day = CW_CALENDAR_WEEK_VIEW (cw_calendar_page_get_view (page, "day"));
  graphene_rect_t rect;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "week"));
  cw_test_wait_for_draw (GTK_WIDGET (week));
  g_assert_cmpstr (cw_calendar_page_get_title (page), ==, "16 – 22 November 2026");

  /* In UTC the work starts at 21:00. */
  g_assert_cmpfloat_with_epsilon (work_top (week, work_a), cw_calendar_week_view_get_minute_y (week, 21 * 60), 2.0);
  /* Two works side by side. */
  {
    graphene_rect_t ra, rb;

    g_assert_true (cw_calendar_week_view_get_item_rect (week, CW_CALENDAR_ITEM_WORK, work_a, &ra));
    g_assert_true (cw_calendar_week_view_get_item_rect (week, CW_CALENDAR_ITEM_WORK, work_b, &rb));
    g_assert_cmpfloat (ra.origin.x + ra.size.width, <=, rb.origin.x + 0.5);
  }
  /* The window's band starts at 20:00 Berlin, 19:00 UTC. */
  g_assert_true (cw_calendar_week_view_get_item_rect (week, CW_CALENDAR_ITEM_WINDOW, window_id, &rect));
  g_assert_cmpfloat_with_epsilon (rect.origin.y, cw_calendar_week_view_get_minute_y (week, 19 * 60), 2.0);

  /* In Berlin's time it moves an hour down; in New York's, to 16:00. */
  g_assert_true (cw_calendar_page_set_time_zone (page, "Europe/Berlin"));
  cw_test_wait_for_draw (GTK_WIDGET (week));
  g_assert_cmpfloat_with_epsilon (work_top (week, work_a), cw_calendar_week_view_get_minute_y (week, 22 * 60), 2.0);
  g_assert_true (cw_calendar_page_set_time_zone (page, "America/New_York"));
  cw_test_wait_for_draw (GTK_WIDGET (week));
  g_assert_cmpfloat_with_epsilon (work_top (week, work_a), cw_calendar_week_view_get_minute_y (week, 16 * 60), 2.0);
  g_assert_false (cw_calendar_page_set_time_zone (page, "Asia/Tokyo"));

  /* The day view of Monday shows it at the same hour. */
  g_assert_true (cw_calendar_page_set_time_zone (page, "Europe/Berlin"));
  cw_calendar_page_set_date (page, julian (2026, 11, 16));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "day"));
  cw_test_wait_for_draw (GTK_WIDGET (day));
  g_assert_cmpuint (cw_calendar_week_view_get_n_days (day), ==, 1);
  g_assert_cmpfloat_with_epsilon (work_top (day, work_a), cw_calendar_week_view_get_minute_y (day, 22 * 60), 2.0);
  /* The blackout is not on Monday. */
  g_assert_false (cw_calendar_week_view_get_item_rect (day, CW_CALENDAR_ITEM_BLACKOUT, blackout_id, &rect));

  close_window (window);
}

static void
test_navigation (void)
{
  CwCalendarPage *page;
  GtkWindow *window = new_window (&page);
  /* Previous and next move by the visible view's range. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 12, 18));
  g_assert_cmpstr (cw_calendar_page_get_title (page), ==, "December 2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.today", NULL));
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 18));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "week"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.previous", NULL));
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 11));
  g_assert_cmpstr (cw_calendar_page_get_title (page), ==, "9 – 15 November 2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "month"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.today", NULL));

  close_window (window);
}

/* Real key presses through XTest, so the views' and the page's bindings
 * answer (see test-inventory-page.c). */
typedef struct
{
  Display *display;
  int    (*fake_key) (Display *, unsigned int, int, unsigned long);
  guchar (*keysym_to_keycode) (Display *, unsigned long);
  int    (*flush) (Display *);
} Keyboard;

static gboolean
keyboard_init (Keyboard *keyboard)
{
  GdkDisplay *display = gdk_display_get_default ();
  void *xtst, *x11;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;

  xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  x11 = dlopen ("libX11.so.6", RTLD_NOW);
  if (xtst == NULL || x11 == NULL)
    return FALSE;

  keyboard->display = gdk_x11_display_get_xdisplay (display);
  keyboard->fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  keyboard->keysym_to_keycode = dlsym (x11, "XKeysymToKeycode");
  keyboard->flush = dlsym (x11, "XFlush");

  return keyboard->fake_key != NULL && keyboard->keysym_to_keycode != NULL && keyboard->flush != NULL;
}

static void
press_key (Keyboard *keyboard,
           guint     keyval,
           guint     modifier_keyval)
{
  unsigned int modifier = modifier_keyval != 0 ? keyboard->keysym_to_keycode (keyboard->display, modifier_keyval) : 0;
  unsigned int code = keyboard->keysym_to_keycode (keyboard->display, keyval);

  if (modifier != 0)
    keyboard->fake_key (keyboard->display, modifier, TRUE, 0);
  keyboard->fake_key (keyboard->display, code, TRUE, 0);
  keyboard->fake_key (keyboard->display, code, FALSE, 0);
  if (modifier != 0)
    keyboard->fake_key (keyboard->display, modifier, FALSE, 0);
  keyboard->flush (keyboard->display);

  cw_test_iterate_until (NULL, NULL, 200);
}

static void
test_keyboard (void)
{
  Keyboard keyboard = { NULL, };
  CwCalendarPage *page;
  GtkWindow *window;
  GtkWidget *month;

  if (!keyboard_init (&keyboard))
    {
      g_test_skip ("Needs X11 and libXtst to press keys");
      return;
    }

  window = new_window (&page);
  month = cw_calendar_page_get_view (page, "month");
  gtk_widget_grab_focus (month);
  cw_test_iterate_until (NULL, NULL, 200);
  g_assert_true (gtk_widget_has_focus (month));

  press_key (&keyboard, GDK_KEY_Right, 0);
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 19));
  press_key (&keyboard, GDK_KEY_Down, 0);
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 26));
  press_key (&keyboard, GDK_KEY_Down, 0);
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 12, 3));
  g_assert_cmpstr (cw_calendar_page_get_title (page), ==, "December 2026");
  press_key (&keyboard, GDK_KEY_Page_Up, 0);
  g_assert_cmpstr (cw_calendar_page_get_title (page), ==, "November 2026");
  press_key (&keyboard, GDK_KEY_Home, 0);
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 18));
  press_key (&keyboard, GDK_KEY_2, GDK_KEY_Alt_L);
  g_assert_true (cw_calendar_page_get_visible_view (page) == cw_calendar_page_get_view (page, "week"));
  press_key (&keyboard, GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 25));
  press_key (&keyboard, GDK_KEY_Return, 0);
  g_assert_true (cw_calendar_page_get_visible_view (page) == cw_calendar_page_get_view (page, "day"));
  press_key (&keyboard, GDK_KEY_Left, 0);
  g_assert_cmpuint (cw_calendar_page_get_date (page), ==, julian (2026, 11, 24));
  press_key (&keyboard, GDK_KEY_1, GDK_KEY_Alt_L);
  g_assert_true (cw_calendar_page_get_visible_view (page) == month);

  close_window (window);
}

static void
test_drag (void)
{
  CwCalendarPage *page;
  GtkWindow *window = new_window (&page);
  CwCalendarWeekView *week = CW_CALENDAR_WEEK_VIEW (cw_calendar_page_get_view (page, "week"));
  CwCalendarItem *item;
  guint n_errors = 0, n_warnings = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwPlannedWork) moved = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "week"));
  cw_calendar_page_set_date (page, julian (2026, 11, 16));
  item = cw_calendar_page_find_item (page, CW_CALENDAR_ITEM_WORK, work_b);
  g_assert_nonnull (item);
  g_assert_cmpuint (item->n_errors, >=, 1);

  /* Dragged onto the other work's hour: still a conflict, shown live. */
  cw_calendar_week_view_drag_item_to (week, item, utc (2026, 11, 16, 21, 15), &n_errors, &n_warnings);
  g_assert_cmpuint (n_errors, >=, 1);
  /* Two hours later, inside the window and clear of the other work. */
  cw_calendar_week_view_drag_item_to (week, item, utc (2026, 11, 16, 23, 30), &n_errors, &n_warnings);
  g_assert_cmpuint (n_errors, ==, 0);

  /* Dropped: saved, and the conflict is gone from both. */
  cw_calendar_week_view_move_item (week, item, utc (2026, 11, 16, 23, 30));
  store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  moved = cw_schedule_get_work (store, work_b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->start, ==, utc (2026, 11, 16, 23, 30));
  g_assert_cmpint (moved->end, ==, utc (2026, 11, 17, 0, 30));
  item = cw_calendar_page_find_item (page, CW_CALENDAR_ITEM_WORK, work_b);
  g_assert_cmpuint (item->n_errors, ==, 0);
  g_assert_cmpuint (cw_calendar_page_find_item (page, CW_CALENDAR_ITEM_WORK, work_a)->n_errors, ==, 0);

  /* The month view moves it by days, at the same time of day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "month"));
  cw_calendar_month_view_move_item (CW_CALENDAR_MONTH_VIEW (cw_calendar_page_get_view (page, "month")),
                                    cw_calendar_page_find_item (page, CW_CALENDAR_ITEM_WORK, work_b),
                                    julian (2026, 11, 23));
  g_clear_pointer (&moved, cw_planned_work_free);
  moved = cw_schedule_get_work (store, work_b, &error);
  g_assert_cmpint (moved->start, ==, utc (2026, 11, 23, 23, 30));

  /* Back where it was, for the other tests. */
  moved->start = utc (2026, 11, 16, 21, 30);
  moved->end = utc (2026, 11, 16, 22, 30);
  g_assert_true (cw_schedule_update_work (store, moved, &error));
  g_assert_no_error (error);

  close_window (window);
}

static void
test_editor (void)
{
  CwCalendarPage *page;
  GtkWindow *window = new_window (&page);
  CwCalendarEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GPtrArray) windows = NULL;
  CwMaintWindow *created = NULL;

  g_assert_no_error (error);

  /* The menu's New Maintenance Window opens the editor on the selected day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.new-window", NULL));
  editor = CW_CALENDAR_EDITOR (cw_calendar_page_get_dialog (page));
  g_assert_nonnull (editor);
  g_assert_cmpint (cw_calendar_editor_get_kind (editor), ==, CW_CALENDAR_ITEM_WINDOW);

  /* A bad zone is said in words, and nothing is saved. */
  g_assert_true (cw_calendar_editor_set_field (editor, "name", "Thursday BER"));
  g_assert_true (cw_calendar_editor_set_field (editor, "scope-kind", "sites"));
  g_assert_true (cw_calendar_editor_set_field (editor, "scope", "BER"));
  g_assert_true (cw_calendar_editor_set_field (editor, "start", "2026-11-19 01:00"));
  cw_calendar_editor_set_field (editor, "zone", "Mars/Olympus");
  g_assert_true (cw_calendar_editor_set_field (editor, "duration", "120"));
  g_assert_true (cw_calendar_editor_set_field (editor, "repeat", "weekly"));
  g_assert_false (cw_calendar_editor_save (editor));
  g_assert_nonnull (strstr (cw_calendar_editor_get_error (editor), "Mars/Olympus"));

  cw_calendar_editor_set_field (editor, "zone", "Europe/Berlin");
  g_assert_true (cw_calendar_editor_save (editor));

  windows = cw_schedule_list_windows (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < windows->len; i++)
    if (g_str_equal (((CwMaintWindow *) g_ptr_array_index (windows, i))->name, "Thursday BER"))
      created = g_ptr_array_index (windows, i);
  g_assert_nonnull (created);
  g_assert_cmpstr (created->tzid, ==, "Europe/Berlin");
  g_assert_cmpstr (created->rrule, ==, "FREQ=WEEKLY;BYDAY=TH");
  g_assert_cmpuint (created->duration_min, ==, 120);
  g_assert_cmpstr (created->scope->sites[0], ==, "BER");

  /* The page reloaded: Thursday 19 shows it at 00:00 UTC. */
  {
    g_autoptr(GPtrArray) thursday =
      cw_calendar_month_view_get_items_for_day (CW_CALENDAR_MONTH_VIEW (cw_calendar_page_get_view (page, "month")),
                                                julian (2026, 11, 19));

    g_assert_true (contains_item (thursday, CW_CALENDAR_ITEM_WINDOW, created->id));
  }

  /* Planned work by CI name; an unknown name is refused in words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.new-work", NULL));
  editor = CW_CALENDAR_EDITOR (cw_calendar_page_get_dialog (page));
  cw_calendar_editor_set_field (editor, "title", "Upgrade web");
  cw_calendar_editor_set_field (editor, "cis", "web-ber-02, no-such-ci");
  cw_calendar_editor_set_field (editor, "start", "2026-11-19 00:30");
  cw_calendar_editor_set_field (editor, "end", "2026-11-19 01:30");
  g_assert_false (cw_calendar_editor_save (editor));
  g_assert_nonnull (strstr (cw_calendar_editor_get_error (editor), "no-such-ci"));
  cw_calendar_editor_set_field (editor, "cis", "WEB-BER-02");
  g_assert_true (cw_calendar_editor_save (editor));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM planned_work WHERE title = 'Upgrade web'"), ==, 1);

  /* Find a Slot lists slots in windows; choosing one fills New Planned Work. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.find-slot", NULL));
  {
    CwCalendarSlotDialog *slots = CW_CALENDAR_SLOT_DIALOG (cw_calendar_page_get_dialog (page));
    const CwFreeSlot *slot;
    g_autofree char *start = NULL;

    cw_calendar_slot_dialog_set_query (slots, "db-ber-01", NULL, "2026-11-16 19:00");
    g_assert_cmpint (cw_calendar_slot_dialog_search (slots), >=, 1);
    slot = cw_calendar_slot_dialog_get_slot (slots, 0);
    g_assert_cmpint (slot->start, >=, utc (2026, 11, 16, 19, 0));
    cw_calendar_slot_dialog_choose (slots, 0);
    editor = CW_CALENDAR_EDITOR (cw_calendar_page_get_dialog (page));
    g_assert_nonnull (editor);
    start = cw_calendar_editor_dup_field (editor, "start");
    g_assert_cmpstr (start, !=, "");
    g_free (cw_calendar_editor_dup_field (editor, "cis"));
    gtk_window_close (GTK_WINDOW (editor));
  }

  /* Clean up what the other tests do not expect. */
  cw_test_sql (path, "DELETE FROM planned_work WHERE title = 'Upgrade web';");
  g_assert_true (cw_schedule_delete_window (store, created->id, &error));

  close_window (window);
}

static void
take_screenshots (const char *suffix)
{
  CwCalendarPage *page;
  GtkWindow *window = new_window (&page);
  g_autofree char *month_name = g_strdup_printf ("calendar-month-%s.png", suffix);
  g_autofree char *week_name = g_strdup_printf ("calendar-week-%s.png", suffix);
  g_autofree char *day_name = g_strdup_printf ("calendar-day-%s.png", suffix);

  cw_calendar_page_set_time_zone (page, "Europe/Berlin");
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), month_name));

  gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "week");
  cw_calendar_page_set_date (page, julian (2026, 11, 16));
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), week_name));

  gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-view", "s", "day");
  {
    CwCalendarItem *item = cw_calendar_page_find_item (page, CW_CALENDAR_ITEM_WORK, work_a);
    graphene_rect_t rect;
    GtkWidget *day = cw_calendar_page_get_view (page, "day");

    cw_test_wait_for_draw (day);
    g_assert_true (cw_calendar_week_view_get_item_rect (CW_CALENDAR_WEEK_VIEW (day), item->kind, item->id, &rect));
    g_signal_emit_by_name (day, "item-activated", item, (double) rect.origin.x, (double) rect.origin.y,
                           (double) rect.size.width, (double) rect.size.height);
  }
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), day_name));

  close_window (window);
}

static void
test_screenshots (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  take_screenshots ("light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  cw_test_iterate_until (cw_test_style_is_dark, NULL, 2000);
  take_screenshots ("dark");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  cw_test_iterate_until (cw_test_style_is_light, NULL, 2000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!cw_test_display_init (&argc, &argv))
    return 0;

  tmpdir = cw_test_make_tmpdir ();
  path = g_build_filename (tmpdir, "calendar.db", NULL);
  make_workspace ();

  (void) cw_ui_get_resource ();
  app = adw_application_new ("io.github.changeward.Changeward.CalendarTest", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), "/io/github/changeward/Changeward");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/display/calendar/month", test_month);
  g_test_add_func ("/display/calendar/week-and-zone", test_week_and_zone);
  g_test_add_func ("/display/calendar/navigation", test_navigation);
  g_test_add_func ("/display/calendar/keyboard", test_keyboard);
  g_test_add_func ("/display/calendar/drag", test_drag);
  g_test_add_func ("/display/calendar/editor", test_editor);
  g_test_add_func ("/display/calendar/screenshots", test_screenshots);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (path);
  return status;
}
