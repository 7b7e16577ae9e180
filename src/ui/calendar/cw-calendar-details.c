/* cw-calendar-details.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-details"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-details.h"
#include "cw-calendar-view-private.h"
#include "cw-ci-field.h"
#include "cw-inventory.h"

/* What GNOME Calendar's event popover is for an event: the item's name,
 * its times in the zone shown and in UTC, what it covers, and for planned
 * work its CIs, runbook, assignee and conflicts, each in words. Read from
 * the store when opened. */

#define MAX_CIS_LISTED 8

static char *
format_span (gint64      start,
             gint64      end,
             GTimeZone  *zone)
{
  g_autoptr(GDateTime) a_utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) b_utc = g_date_time_new_from_unix_utc (end);
  g_autoptr(GDateTime) a = g_date_time_to_timezone (a_utc, zone);
  g_autoptr(GDateTime) b = g_date_time_to_timezone (b_utc, zone);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* Translators: the start of an item's time span, a g_date_time_format() format */
  from = g_date_time_format (a, _("%a %-e %b %Y, %H:%M"));
  if (g_date_time_get_year (a) == g_date_time_get_year (b) &&
      g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b))
    /* Translators: the end of a time span on the same day, with the zone */
    to = g_date_time_format (b, _("%H:%M %Z"));
  else
    /* Translators: the end of a time span on another day, with the zone */
    to = g_date_time_format (b, _("%a %-e %b %Y, %H:%M %Z"));

  /* Translators: a time span, "Sat 21 Nov 2026, 09:00 – 11:00 CET" */
  return g_strstrip (g_strdup_printf (_("%s – %s"), g_strstrip (from), g_strstrip (to)));
}

static GtkWidget *
add_row (GtkBox     *box,
         const char *icon_name,
         const char *title,
         const char *text,
         const char *css_class)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;

  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_set_margin_top (icon, 2);
      if (css_class != NULL)
        gtk_widget_add_css_class (icon, css_class);
      gtk_box_append (GTK_BOX (row), icon);
    }

  if (title != NULL)
    {
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (texts), label);
    }

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (texts), label);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (box, row);

  return row;
}

static void
add_times (GtkBox               *box,
           const CwCalendarItem *item,
           GTimeZone            *zone,
           const char           *zone_id)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *local = format_span (item->start, item->end, zone);

  g_autofree char *in_utc = format_span (item->start, item->end, utc);

  add_row (box, "document-open-recent-symbolic", NULL, local, NULL);
  if (g_strcmp0 (local, in_utc) != 0)
    add_row (box, NULL, NULL, in_utc, "dim-label");
}

static void
add_cis (GtkBox       *box,
         CwStore      *store,
         const GArray *ci_ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < ci_ids->len && i < MAX_CIS_LISTED; i++)
    {
      gint64 id = g_array_index (ci_ids, gint64, i);
      g_autoptr(CwCi) ci = cw_inventory_get_ci (store, id, NULL);

      if (names->len > 0)
        g_string_append (names, ", ");
      if (ci != NULL)
        g_string_append (names, cw_ci_get_value (ci, CW_CI_FIELD_NAME));
      else
        g_string_append_printf (names, "#%" G_GINT64_FORMAT, id);
    }
  if (ci_ids->len > MAX_CIS_LISTED)
    {
      guint more = ci_ids->len - MAX_CIS_LISTED;

      g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", more), more);
    }

  add_row (box, "network-server-symbolic", g_dngettext (GETTEXT_PACKAGE, "CI", "CIs", ci_ids->len), names->str, NULL);
}

static void
add_work (GtkBox               *box,
          CwStore              *store,
          const CwCalendarItem *item)
{
  g_autoptr(CwPlannedWork) work = cw_schedule_get_work (store, item->id, NULL);

  if (work == NULL)
    return;

  add_cis (box, store, work->ci_ids);

  if (work->runbook_name != NULL)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      guint minutes = 0;

      if (!cw_schedule_get_window_needed (store, work->runbook_name, work->runbook_version, &minutes, &error))
        text = g_strdup_printf ("%s · %s", work->runbook_name, error->message);
      else if (work->runbook_version > 0)
        /* Translators: a runbook, its version and the time it needs in hours and minutes */
        text = g_strdup_printf (_("%s v%u · needs %u h %02u min"), work->runbook_name,
                                work->runbook_version, minutes / 60, minutes % 60);
      else
        /* Translators: a runbook (its latest version) and the time it needs in hours and minutes */
        text = g_strdup_printf (_("%s, latest · needs %u h %02u min"), work->runbook_name,
                                minutes / 60, minutes % 60);
      add_row (box, "view-list-bullet-symbolic", _("Runbook"), text, NULL);
    }

  if (work->assignee != NULL && work->assignee[0] != '\0')
    add_row (box, "avatar-default-symbolic", _("Assignee"), work->assignee, NULL);
  if (work->description != NULL && work->description[0] != '\0')
    add_row (box, NULL, NULL, work->description, "dim-label");
}

static void
add_window (GtkBox               *box,
            CwStore              *store,
            const CwCalendarItem *item)
{
  g_autoptr(CwMaintWindow) window = cw_schedule_get_window (store, item->id, NULL);
  g_autofree char *scope = NULL;

  if (window == NULL)
    return;

  scope = cw_scope_to_display (window->scope);
  add_row (box, "find-location-symbolic", _("Applies To"), scope, NULL);
  add_row (box, "preferences-system-time-symbolic", _("Time Zone"), window->tzid, NULL);
  if (window->rrule != NULL)
    add_row (box, "view-refresh-symbolic", _("Repeats"), window->rrule, NULL);
  if (window->max_concurrent > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At most %u change at once",
                                                            "At most %u changes at once", window->max_concurrent),
                                               window->max_concurrent);

      add_row (box, NULL, NULL, text, NULL);
    }
  if (window->description != NULL && window->description[0] != '\0')
    add_row (box, NULL, NULL, window->description, "dim-label");
}

static void
add_blackout (GtkBox               *box,
              CwStore              *store,
              const CwCalendarItem *item)
{
  g_autoptr(CwBlackout) blackout = cw_schedule_get_blackout (store, item->id, NULL);
  g_autofree char *scope = NULL;

  if (blackout == NULL)
    return;

  scope = cw_scope_to_display (blackout->scope);
  add_row (box, _cw_calendar_item_icon_name (item), _("Mode"),
           blackout->mode == CW_BLACKOUT_BLOCK ? _("Blocks planned work") : _("Warns about planned work"),
           blackout->mode == CW_BLACKOUT_BLOCK ? "error" : "warning");
  add_row (box, "find-location-symbolic", _("Applies To"), scope, NULL);
  if (blackout->reason != NULL && blackout->reason[0] != '\0')
    add_row (box, NULL, _("Reason"), blackout->reason, NULL);
}

static void
add_conflicts (GtkBox               *box,
               const CwCalendarItem *item)
{
  GtkWidget *heading;
  g_autofree char *text = NULL;

  if (item->conflicts->len == 0)
    {
      if (item->kind == CW_CALENDAR_ITEM_WORK)
        add_row (box, "emblem-ok-symbolic", NULL, _("No conflicts"), "success");
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Conflict", "%u Conflicts", item->conflicts->len),
                          item->conflicts->len);
  heading = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (box, heading);

  for (guint i = 0; i < item->conflicts->len; i++)
    {
      const CwCalendarItemConflict *conflict = g_ptr_array_index (item->conflicts, i);
      gboolean error = conflict->severity == CW_CONFLICT_ERROR;

      add_row (box, error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
               cw_conflict_kind_get_label (conflict->kind), conflict->message,
               error ? "error" : "warning");
    }
}

GtkPopover *
cw_calendar_details_new (CwStore              *store,
                         const CwCalendarItem *item,
                         GTimeZone            *zone,
                         const char           *zone_id)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon, *title, *kind, *titles, *button;
  GVariant *target;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  gtk_widget_add_css_class (popover, "calendar-details");
  gtk_widget_set_size_request (box, 320, -1);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  icon = gtk_image_new_from_icon_name (_cw_calendar_item_icon_name (item));
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_add_css_class (icon, item->kind == CW_CALENDAR_ITEM_BLACKOUT
                                  ? (item->warn_only ? "warning" : "error") : "accent");
  gtk_box_append (GTK_BOX (header), icon);

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  title = gtk_label_new (item->title);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (titles), title);
  kind = gtk_label_new (item->kind == CW_CALENDAR_ITEM_BLACKOUT && item->warn_only
                        ? _("Blackout, warning only") : cw_calendar_item_kind_get_label (item->kind));
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (titles), kind);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (box), header);

  add_times (GTK_BOX (box), item, zone, zone_id);

  switch (item->kind)
    {
    case CW_CALENDAR_ITEM_WORK:
      add_work (GTK_BOX (box), store, item);
      break;
    case CW_CALENDAR_ITEM_WINDOW:
      add_window (GTK_BOX (box), store, item);
      break;
    case CW_CALENDAR_ITEM_BLACKOUT:
      add_blackout (GTK_BOX (box), store, item);
      break;
    default:
      break;
    }

  add_conflicts (GTK_BOX (box), item);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  target = g_variant_new ("(ix)", (int) item->kind, item->id);
  g_variant_ref_sink (target);
  button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.delete-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.edit-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_box_append (GTK_BOX (buttons), button);
  g_variant_unref (target);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_RIGHT);

  return GTK_POPOVER (popover);
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
cw_calendar_details_dup_text (GtkPopover *popover)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_POPOVER (popover), NULL);

  collect_text (gtk_popover_get_child (popover), text);
  return g_string_free (text, FALSE);
}
