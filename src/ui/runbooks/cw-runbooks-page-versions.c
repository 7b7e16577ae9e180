/* cw-runbooks-page-versions.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbooks-page-versions"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbooks-page-private.h"

/* The versions of the runbook shown: the picker over the editor and the
 * "from" and "to" of the Changes view, with the other views (timeline,
 * changes) kept up to date with the version shown as edited. */

#define VIEWS_DELAY_MS 150

/* Helpers */

char *
_cw_runbooks_page_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date = NULL;

  if (unix_time <= 0 || (date = g_date_time_new_from_unix_local (unix_time)) == NULL)
    return g_strdup ("");

  /* Translators: a date as in "2 Nov 2026"; see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static char *
describe_version (const CwRunbookVersionInfo *info)
{
  g_autofree char *date = NULL;

  if (info->state == CW_RUNBOOK_APPROVED)
    {
      date = _cw_runbooks_page_format_date (info->approved_at);
      /* Translators: a version in the picker: its number, its approver, the date */
      return g_strdup_printf (_("Version %u · Approved by %s, %s"), info->version,
                              info->approver != NULL ? info->approver : "", date);
    }

  if (info->author != NULL && info->author[0] != '\0')
    /* Translators: a version in the picker: its number and its author */
    return g_strdup_printf (_("Version %u · Draft · by %s"), info->version, info->author);

  /* Translators: a version in the picker */
  return g_strdup_printf (_("Version %u · Draft"), info->version);
}

/* What the drop-down's button shows: the person and the date are in the
 * list, and in the state line under the name. */
static char *
describe_version_short (const CwRunbookVersionInfo *info)
{
  if (info->state == CW_RUNBOOK_APPROVED)
    /* Translators: the version shown, on the picker's button */
    return g_strdup_printf (_("Version %u · Approved"), info->version);

  /* Translators: the version shown, on the picker's button */
  return g_strdup_printf (_("Version %u · Draft"), info->version);
}

/* @strings as the items, with @details (or NULL) the text the open list
 * shows for each. */
static void
set_string_list (GtkStringList *list,
                 GPtrArray     *strings,
                 GPtrArray     *details)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, n, (const char * const *) strings->pdata);
  g_ptr_array_set_size (strings, strings->len - 1);

  for (guint i = 0; details != NULL && i < details->len && i < strings->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_object_set_data_full (item, "cw-details", g_strdup (g_ptr_array_index (details, i)), g_free);
    }
}

static void
on_drop_down_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (user_data));
    }
  gtk_list_item_set_child (list_item, label);
}

static void
on_drop_down_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  const char *details = g_object_get_data (G_OBJECT (item), "cw-details");

  /* The open list: each version with who and when. */
  if (user_data != NULL && details != NULL)
    {
      gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), details);
      return;
    }

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

/* The button shows a version's number and state, ellipsized if need be; the
 * list shows each whole, with its people and date. Otherwise the pane could
 * not be narrower than two of them. */
static void
setup_drop_down (GtkDropDown *drop_down,
                 int          max_chars)
{
  GtkListItemFactory *factory;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_drop_down_setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (on_drop_down_bind_cb), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_drop_down_setup_cb), GINT_TO_POINTER (0));
  g_signal_connect (factory, "bind", G_CALLBACK (on_drop_down_bind_cb), GINT_TO_POINTER (1));
  gtk_drop_down_set_list_factory (drop_down, factory);
  g_object_unref (factory);
}

/* Internal API */

/* The version picker and the compare lists from self->versions, each on
 * the version the editor shows (or, for a new draft, where it came from). */
void
_cw_runbooks_page_update_versions (CwRunbooksPage *self)
{
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) compare_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) compare_details = g_ptr_array_new_with_free_func (g_free);
  guint shown = 0;
  guint offset = 0;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint from;
  guint to;

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      const CwRunbookVersionInfo *info = g_ptr_array_index (self->versions, i);

      g_ptr_array_add (labels, describe_version_short (info));
      g_ptr_array_add (details, describe_version (info));
      if (runbook != NULL && info->version == runbook->version)
        selected = i;
    }

  self->filling = TRUE;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = gtk_drop_down_get_selected (self->version_dropdown);
  set_string_list (self->version_model, labels, details);
  if (selected >= labels->len)
    selected = labels->len > 0 ? 0 : GTK_INVALID_LIST_POSITION;
  gtk_drop_down_set_selected (self->version_dropdown, selected);

  /* Compare: the editor's unsaved new draft first, if there is one, then
   * every version; by default from the one before the version shown. */
  g_array_set_size (self->compare, 0);
  if (runbook != NULL && runbook->version == 0)
    {
      g_ptr_array_add (compare_labels, g_strdup (_("New Draft, Not Saved")));
      g_ptr_array_add (compare_details, g_strdup (_("New Draft, Not Saved")));
      g_array_append_val (self->compare, shown);
      offset = 1;
    }
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      const CwRunbookVersionInfo *info = g_ptr_array_index (self->versions, i);

      g_ptr_array_add (compare_labels, describe_version_short (info));
      g_ptr_array_add (compare_details, describe_version (info));
      g_array_append_val (self->compare, info->version);
    }

  if (offset > 0)
    {
      to = 0;
      from = selected != GTK_INVALID_LIST_POSITION ? selected + 1 : MIN (1, self->compare->len - 1);
    }
  else
    {
      to = selected != GTK_INVALID_LIST_POSITION ? selected : 0;
      from = to + 1 < self->compare->len ? to + 1 : to;
    }

  set_string_list (self->from_model, compare_labels, compare_details);
  set_string_list (self->to_model, compare_labels, compare_details);
  if (self->compare->len > 0)
    {
      gtk_drop_down_set_selected (self->from_dropdown, MIN (from, self->compare->len - 1));
      gtk_drop_down_set_selected (self->to_dropdown, MIN (to, self->compare->len - 1));
    }

  self->filling = FALSE;
}

void
_cw_runbooks_page_load_versions (CwRunbooksPage *self)
{
  CwStore *store = _cw_runbooks_page_get_store (self);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  if (store != NULL && self->name != NULL)
    self->versions = cw_runbooks_list_versions (store, self->name, NULL);
}

/* The runbook of @version (0: the editor's own). */
static CwRunbook *
load_compared (CwRunbooksPage *self,
               guint           version)
{
  const CwRunbook *shown = cw_runbook_editor_get_runbook (self->editor);
  CwStore *store = _cw_runbooks_page_get_store (self);

  /* The version the editor shows is compared as edited. */
  if (shown != NULL && (version == 0 || version == shown->version))
    return cw_runbook_copy (shown);

  if (store == NULL || self->name == NULL)
    return NULL;

  return cw_runbooks_load (store, self->name, version, NULL);
}

void
_cw_runbooks_page_update_views (CwRunbooksPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  g_clear_handle_id (&self->views_timeout_id, g_source_remove);

  if (g_strcmp0 (view, "timeline") == 0)
    cw_runbook_timeline_set_runbook (self->timeline, cw_runbook_editor_get_runbook (self->editor));
  else if (g_strcmp0 (view, "changes") == 0)
    {
      guint from = gtk_drop_down_get_selected (self->from_dropdown);
      guint to = gtk_drop_down_get_selected (self->to_dropdown);
      g_autoptr(CwRunbook) old_version = NULL;
      g_autoptr(CwRunbook) new_version = NULL;

      if (from < self->compare->len && to < self->compare->len)
        {
          old_version = load_compared (self, g_array_index (self->compare, guint, from));
          new_version = load_compared (self, g_array_index (self->compare, guint, to));
        }
      cw_runbook_diff_view_set_versions (self->diff_view, old_version, new_version);
    }
}

static gboolean
views_timeout_cb (gpointer user_data)
{
  CwRunbooksPage *self = user_data;

  self->views_timeout_id = 0;
  _cw_runbooks_page_update_views (self);

  return G_SOURCE_REMOVE;
}

void
_cw_runbooks_page_schedule_views (CwRunbooksPage *self)
{
  /* The other views follow the typing after a pause. */
  g_clear_handle_id (&self->views_timeout_id, g_source_remove);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "editor") != 0)
    self->views_timeout_id = g_timeout_add (VIEWS_DELAY_MS, views_timeout_cb, self);
}

void
_cw_runbooks_page_setup_drop_downs (CwRunbooksPage *self)
{
  setup_drop_down (self->version_dropdown, 30);
  setup_drop_down (self->from_dropdown, 24);
  setup_drop_down (self->to_dropdown, 24);
}
