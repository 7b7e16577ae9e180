/* cw-calendar-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-details.h"
#include "cw-calendar-page-private.h"
#include "cw-inventory.h"

/* The Calendar pane: month, week and day views of maintenance windows,
 * blackouts and planned work, behind one CwCalendarView interface. The page
 * owns the selected day, the zone times are shown in and the items of the
 * range shown; it reads them from the store when the range or the zone
 * changes (a month is a few thousand items at most), and hands the array
 * to the visible view. Dragging planned work checks it against core as it
 * moves and saves it on drop, with Undo. */

G_DEFINE_FINAL_TYPE (CwCalendarPage, cw_calendar_page, CW_TYPE_PAGE)

/* Helpers */

CwStore *
_cw_calendar_page_get_store (CwCalendarPage *self)
{
  CwContext *context = cw_page_get_context (CW_PAGE (self));

  return context != NULL ? cw_context_get_store (context) : NULL;
}

static gint64
get_now (CwCalendarPage *self)
{
  CwContext *context = cw_page_get_context (CW_PAGE (self));

  if (context != NULL && cw_context_get_clock (context) != NULL)
    return cw_clock_get_unix (cw_context_get_clock (context));

  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
_cw_calendar_page_dup_zone_id (CwCalendarPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->zone_dropdown);

  if (self->zone_ids == NULL || selected >= self->zone_ids->len)
    return g_strdup ("");

  return g_strdup (g_ptr_array_index (self->zone_ids, selected));
}

/* The window's toast overlay holds the panes (and a test's own overlay
 * holds the page). */
void
_cw_calendar_page_present_toast (CwCalendarPage *self,
                                 AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
_cw_calendar_page_toast (CwCalendarPage *self,
                         const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  _cw_calendar_page_present_toast (self, adw_toast_new (escaped));
}

void
_cw_calendar_page_show_error (CwCalendarPage *self,
                              const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _cw_calendar_page_present_toast (self, toast);
}

void
_cw_calendar_page_set_dialog (CwCalendarPage *self,
                              GtkWindow      *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

static CwCalendarView *
visible_view (CwCalendarPage *self)
{
  return CW_CALENDAR_VIEW (gtk_stack_get_visible_child (self->view_stack));
}

static void on_details_closed_cb (CwCalendarPage *self,
                                 GtkPopover     *popover);

static void
close_details (CwCalendarPage *self)
{
  GtkPopover *details = self->details;

  if (details == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (details), (gpointer *) &self->details);
  self->details = NULL;
  g_signal_handlers_disconnect_by_func (details, on_details_closed_cb, self);
  gtk_popover_popdown (details);
  gtk_widget_unparent (GTK_WIDGET (details));
}

static gboolean
workspace_is_empty (CwCalendarPage *self)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  static const char * const tables[] = { "maintenance_windows", "blackouts", "planned_work" };

  if (store == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GError) error = NULL;

      if (cw_store_count_table (store, tables[i], &error) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
update_title (CwCalendarPage *self)
{
  g_autofree char *title = cw_calendar_view_dup_title (visible_view (self));

  gtk_label_set_label (self->title_label, title);
}

/* Reads the items of the visible view's range when it is not the one read. */
void
_cw_calendar_page_load_range (CwCalendarPage *self,
                              gboolean        force)
{
  CwCalendarView *view = visible_view (self);
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint32 first;
  guint n_days;
  gint64 from, to;

  update_title (self);
  cw_calendar_view_get_days (view, &first, &n_days);
  from = cw_calendar_day_start (self->zone, first);
  to = cw_calendar_day_start (self->zone, first + n_days);

  if (!force && from == self->loaded_from && to == self->loaded_to && self->items != NULL)
    {
      cw_calendar_view_set_items (view, self->items);
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, workspace_is_empty (self) ? "empty" : "calendar");

  if (store == NULL)
    return;

  items = cw_calendar_items_load (store, from, to, &error);
  if (items == NULL)
    {
      _cw_calendar_page_show_error (self, error);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_calendar_item_unref);
    }

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);
  self->loaded_from = from;
  self->loaded_to = to;
  cw_calendar_view_set_now (view, get_now (self));
  cw_calendar_view_set_items (view, self->items);
}

static void
fill_zones (CwCalendarPage *self)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);
  self->zone_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (labels, _("My Time Zone"));
  g_ptr_array_add (self->zone_ids, g_strdup (""));
  gtk_string_list_append (labels, _("UTC"));
  g_ptr_array_add (self->zone_ids, g_strdup ("UTC"));

  if (store != NULL)
    sites = cw_inventory_list_sites (store, &error);
  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      CwSite *site = g_ptr_array_index (sites, i);
      g_autofree char *label = NULL;

      if (site->time_zone == NULL || !cw_schedule_time_zone_is_valid (site->time_zone))
        continue;
      /* Translators: a choice of time zone: a site's code and its zone, "BER (Europe/Berlin)" */
      label = g_strdup_printf (_("%s (%s)"), site->code, site->time_zone);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->zone_ids, g_strdup (site->time_zone));
    }

  gtk_drop_down_set_model (self->zone_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->zone_dropdown, 0);
}

static void
apply_zone (CwCalendarPage *self)
{
  g_autofree char *id = _cw_calendar_page_dup_zone_id (self);
  GtkWidget *views[] = { GTK_WIDGET (self->month_view), GTK_WIDGET (self->week_view), GTK_WIDGET (self->day_view) };

  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (id[0] == '\0')
    self->zone = g_time_zone_new_local ();
  else
    self->zone = g_time_zone_new_identifier (id);
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    cw_calendar_view_set_time_zone (CW_CALENDAR_VIEW (views[i]), self->zone);
}

static void
go_to_date (CwCalendarPage *self,
            guint32         julian)
{
  close_details (self);
  self->date = julian;
  cw_calendar_view_set_date (visible_view (self), julian);
  _cw_calendar_page_load_range (self, FALSE);
}

/* Callbacks */

static void
on_view_toggled_cb (CwCalendarPage  *self,
                    GtkToggleButton *button)
{
  const char *name;

  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->week_button)
    name = "week";
  else if (button == self->day_button)
    name = "day";
  else
    name = "month";

  close_details (self);
  gtk_stack_set_visible_child_name (self->view_stack, name);
  cw_calendar_view_set_date (visible_view (self), self->date);
  _cw_calendar_page_load_range (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (visible_view (self)));
}

static void
on_zone_selected_cb (CwCalendarPage *self)
{
  if (self->zone_ids == NULL)
    return;

  close_details (self);
  apply_zone (self);
  _cw_calendar_page_load_range (self, TRUE);
}

static void
on_details_closed_cb (CwCalendarPage *self,
                      GtkPopover     *popover)
{
  if (self->details == popover)
    {
      g_object_remove_weak_pointer (G_OBJECT (popover), (gpointer *) &self->details);
      self->details = NULL;
    }
  gtk_widget_unparent (GTK_WIDGET (popover));
}

static void
on_item_activated_cb (CwCalendarPage *self,
                      CwCalendarItem *item,
                      double          x,
                      double          y,
                      double          width,
                      double          height,
                      CwCalendarView *view)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autofree char *zone_id = _cw_calendar_page_dup_zone_id (self);
  GtkPopover *details;
  GdkRectangle rect = { (int) x, (int) y, MAX ((int) width, 1), MAX ((int) height, 1) };

  if (store == NULL)
    return;

  close_details (self);
  details = cw_calendar_details_new (store, item, self->zone, zone_id);
  gtk_widget_set_parent (GTK_WIDGET (details), GTK_WIDGET (view));
  gtk_popover_set_pointing_to (details, &rect);
  g_signal_connect_object (details, "closed", G_CALLBACK (on_details_closed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->details = details;
  g_object_add_weak_pointer (G_OBJECT (details), (gpointer *) &self->details);
  gtk_popover_popup (details);
}

static void
on_date_selected_cb (CwCalendarPage *self,
                     guint           julian,
                     CwCalendarView *view)
{
  close_details (self);
  self->date = julian;
  _cw_calendar_page_load_range (self, FALSE);
}

static void
on_date_activated_cb (CwCalendarPage *self,
                      guint           julian,
                      CwCalendarView *view)
{
  self->date = julian;

  if (view != CW_CALENDAR_VIEW (self->day_view))
    {
      gtk_toggle_button_set_active (self->day_button, TRUE);
      return;
    }

  /* In the day view, Enter opens the day's first planned work. */
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (self->items, i);
      graphene_rect_t rect;

      if (item->kind != CW_CALENDAR_ITEM_WORK ||
          !cw_calendar_week_view_get_item_rect (self->day_view, item->kind, item->id, &rect))
        continue;

      on_item_activated_cb (self, item, rect.origin.x, rect.origin.y, rect.size.width,
                            rect.size.height, view);
      return;
    }
}

/* Public API */

GtkWidget *
cw_calendar_page_get_view (CwCalendarPage *self,
                           const char     *name)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  return gtk_stack_get_child_by_name (self->view_stack, name);
}

GtkWidget *
cw_calendar_page_get_visible_view (CwCalendarPage *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  return GTK_WIDGET (visible_view (self));
}

void
cw_calendar_page_show_view (CwCalendarPage *self,
                            const char     *name)
{
  g_return_if_fail (CW_IS_CALENDAR_PAGE (self));

  if (g_strcmp0 (name, "week") == 0)
    gtk_toggle_button_set_active (self->week_button, TRUE);
  else if (g_strcmp0 (name, "day") == 0)
    gtk_toggle_button_set_active (self->day_button, TRUE);
  else
    gtk_toggle_button_set_active (self->month_button, TRUE);
}

void
cw_calendar_page_set_date (CwCalendarPage *self,
                           guint32         julian)
{
  g_return_if_fail (CW_IS_CALENDAR_PAGE (self));
  g_return_if_fail (g_date_valid_julian (julian));

  go_to_date (self, julian);
}

guint32
cw_calendar_page_get_date (CwCalendarPage *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), 0);

  return self->date;
}

const char *
cw_calendar_page_get_title (CwCalendarPage *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

gboolean
cw_calendar_page_set_time_zone (CwCalendarPage *self,
                                const char     *tzid)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), FALSE);

  for (guint i = 0; self->zone_ids != NULL && i < self->zone_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->zone_ids, i), tzid != NULL ? tzid : "") == 0)
      {
        gtk_drop_down_set_selected (self->zone_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

GTimeZone *
cw_calendar_page_get_time_zone (CwCalendarPage *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  return self->zone;
}

void
cw_calendar_page_reload (CwCalendarPage *self)
{
  g_return_if_fail (CW_IS_CALENDAR_PAGE (self));

  close_details (self);
  _cw_calendar_page_load_range (self, TRUE);
}

GPtrArray *
cw_calendar_page_get_items (CwCalendarPage *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  return self->items;
}

CwCalendarItem *
cw_calendar_page_find_item (CwCalendarPage     *self,
                            CwCalendarItemKind  kind,
                            gint64              id)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (self->items, i);

      if (item->kind == kind && item->id == id)
        return item;
    }

  return NULL;
}

GtkPopover *
cw_calendar_page_get_details (CwCalendarPage *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  return self->details;
}

GtkWindow *
cw_calendar_page_get_dialog (CwCalendarPage *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_PAGE (self), NULL);

  return self->dialog;
}

/* Actions used by the page itself */

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CwCalendarPage *self = CW_CALENDAR_PAGE (widget);

  if (g_str_equal (action_name, "calendar.today"))
    go_to_date (self, cw_calendar_julian_today (self->zone, get_now (self)));
  else
    go_to_date (self, cw_calendar_view_step (visible_view (self), self->date,
                                             g_str_equal (action_name, "calendar.previous") ? -1 : 1));
  gtk_widget_grab_focus (GTK_WIDGET (visible_view (self)));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  cw_calendar_page_show_view (CW_CALENDAR_PAGE (widget), g_variant_get_string (param, NULL));
}

/* GObject */

static void
cw_calendar_page_constructed (GObject *object)
{
  CwCalendarPage *self = (CwCalendarPage *)object;

  G_OBJECT_CLASS (cw_calendar_page_parent_class)->constructed (object);

  fill_zones (self);
  apply_zone (self);
  self->date = cw_calendar_julian_today (self->zone, get_now (self));
  cw_calendar_view_set_date (visible_view (self), self->date);
  _cw_calendar_page_load_range (self, TRUE);
}

static void
cw_calendar_page_dispose (GObject *object)
{
  CwCalendarPage *self = (CwCalendarPage *)object;

  close_details (self);
  _cw_calendar_page_set_dialog (self, NULL);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* The bin's child is a template child: unparent it before the template
   * drops its reference, or the bin's dispose finds it gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_CALENDAR_PAGE);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_calendar_page_parent_class)->dispose (object);
}

static void
cw_calendar_page_finalize (GObject *object)
{
  CwCalendarPage *self = (CwCalendarPage *)object;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->import_site);

  G_OBJECT_CLASS (cw_calendar_page_parent_class)->finalize (object);
}

static void
cw_calendar_page_class_init (CwCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_calendar_page_constructed;
  object_class->dispose = cw_calendar_page_dispose;
  object_class->finalize = cw_calendar_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/calendar/cw-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, week_view);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarPage, day_view);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activated_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.show-view", "s", show_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "calendar.show-view", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "calendar.show-view", "s", "week");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "calendar.show-view", "s", "day");

  _cw_calendar_page_install_actions (widget_class);
  _cw_calendar_page_bind_move_callbacks (widget_class);

  g_type_ensure (CW_TYPE_CALENDAR_MONTH_VIEW);
  g_type_ensure (CW_TYPE_CALENDAR_WEEK_VIEW);
}

static void
cw_calendar_page_init (CwCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
