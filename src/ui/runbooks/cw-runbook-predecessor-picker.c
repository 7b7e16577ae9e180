/* cw-runbook-predecessor-picker.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-predecessor-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbook-predecessor-picker.h"
#include "cw-runbook-step-row.h"

/* The button's label lists the chosen ids. Its popover lists every other
 * step, by id and title, in a list view (a runbook may have thousands),
 * filtered by a search on both; a check button per step adds or removes it.
 * The picker does not change the step itself: it emits "toggled" and the
 * step details make the edit, so that undo sees it. From the search, Down
 * goes to the steps found and Enter picks the first; Enter or Space on a
 * step picks it or takes it back. */

struct _CwRunbookPredecessorPicker
{
  AdwBin               parent_instance;

  /* Children */
  GtkMenuButton       *button;
  GtkLabel            *button_label;
  GtkSearchEntry      *search_entry;
  GtkListView         *list_view;

  /* Owned */
  GtkStringList       *ids;      /* the other steps' ids, in the runbook's order */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GHashTable          *haystacks; /* id -> "id title", case-folded, for the search */
  char                *needle;   /* the search, case-folded, or NULL */

  /* Borrowed */
  const CwRunbook     *runbook;
  const CwRunbookStep *step;

  gboolean             binding;  /* a row is being bound: its check is no click */
};

G_DEFINE_FINAL_TYPE (CwRunbookPredecessorPicker, cw_runbook_predecessor_picker, ADW_TYPE_BIN)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
is_predecessor (CwRunbookPredecessorPicker *self,
                const char                 *id)
{
  return self->step != NULL && self->step->predecessors != NULL &&
         g_strv_contains ((const char * const *) self->step->predecessors, id);
}

static void
update_label (CwRunbookPredecessorPicker *self)
{
  g_autofree char *text = NULL;

  if (self->step == NULL || self->step->predecessors == NULL || self->step->predecessors[0] == NULL)
    {
      gtk_label_set_label (self->button_label, _("None"));
      gtk_widget_add_css_class (GTK_WIDGET (self->button_label), "dim-label");
      return;
    }

  text = g_strjoinv (", ", self->step->predecessors);
  gtk_label_set_label (self->button_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->button_label), "dim-label");
}

static void
fill_ids (CwRunbookPredecessorPicker *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->ids));

  g_hash_table_remove_all (self->haystacks);
  for (guint i = 0; self->runbook != NULL && i < self->runbook->steps->len; i++)
    {
      const CwRunbookStep *other = g_ptr_array_index (self->runbook->steps, i);
      g_autofree char *text = NULL;

      if (other == self->step || other->id == NULL || other->id[0] == '\0')
        continue;

      g_ptr_array_add (ids, other->id);
      text = g_strdup_printf ("%s %s", other->id, other->title != NULL ? other->title : "");
      g_hash_table_insert (self->haystacks, g_strdup (other->id), g_utf8_casefold (text, -1));
    }
  g_ptr_array_add (ids, NULL);

  gtk_string_list_splice (self->ids, 0, n_old, (const char * const *) ids->pdata);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CwRunbookPredecessorPicker *self = user_data;
  const char *haystack;

  if (self->needle == NULL)
    return TRUE;

  haystack = g_hash_table_lookup (self->haystacks, gtk_string_object_get_string (item));
  return haystack != NULL && strstr (haystack, self->needle) != NULL;
}

/* Callbacks */

static void
on_check_toggled_cb (GtkCheckButton *check,
                     GParamSpec     *pspec,
                     gpointer        user_data)
{
  CwRunbookPredecessorPicker *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (check), "cw-step-id");

  if (self->binding || id == NULL)
    return;

  cw_runbook_predecessor_picker_toggle (self, id, gtk_check_button_get_active (check));
}

static void
on_setup_cb (GtkSignalListItemFactory   *factory,
             GtkListItem                *list_item,
             CwRunbookPredecessorPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), check);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), title);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (text), detail);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  g_signal_connect (check, "notify::active", G_CALLBACK (on_check_toggled_cb), self);
  g_object_set_data (G_OBJECT (box), "cw-check", check);
  g_object_set_data (G_OBJECT (box), "cw-title", title);
  g_object_set_data (G_OBJECT (box), "cw-detail", detail);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory   *factory,
            GtkListItem                *list_item,
            CwRunbookPredecessorPicker *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkCheckButton *check = g_object_get_data (G_OBJECT (box), "cw-check");
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "cw-title");
  GtkLabel *detail = g_object_get_data (G_OBJECT (box), "cw-detail");
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  const CwRunbookStep *step = self->runbook != NULL ? cw_runbook_find_step (self->runbook, id) : NULL;
  g_autofree char *text = NULL;

  g_object_set_data_full (G_OBJECT (check), "cw-step-id", g_strdup (id), g_free);
  self->binding = TRUE;
  gtk_check_button_set_active (check, is_predecessor (self, id));
  self->binding = FALSE;

  gtk_label_set_label (title, step != NULL && step->title != NULL && step->title[0] != '\0'
                              ? step->title : _("Untitled"));
  /* Translators: under a step's title in the predecessor list: its id, then its phase */
  text = g_strdup_printf (_("%s · %s"), id, step != NULL ? cw_phase_get_label (step->phase) : "");
  gtk_label_set_label (detail, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (title), -1);
}

static void
on_activate_cb (CwRunbookPredecessorPicker *self,
                guint                       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  const char *id;

  if (item == NULL)
    return;

  id = gtk_string_object_get_string (item);
  cw_runbook_predecessor_picker_toggle (self, id, !is_predecessor (self, id));
  cw_runbook_predecessor_picker_update (self);
}

static void
on_search_changed_cb (CwRunbookPredecessorPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && text[0] != '\0')
    self->needle = g_utf8_casefold (text, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search picks the first step found, as a click on it. */
static void
on_search_activate_cb (CwRunbookPredecessorPicker *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    on_activate_cb (self, 0);
}

/* Down goes from the search to the steps found. */
static gboolean
on_search_key_pressed_cb (CwRunbookPredecessorPicker *self,
                          guint                       keyval,
                          guint                       keycode,
                          GdkModifierType             state)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

static void
on_popover_show_cb (CwRunbookPredecessorPicker *self)
{
  /* The list is made when it is needed, from the runbook as it is now. */
  fill_ids (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
cw_runbook_predecessor_picker_dispose (GObject *object)
{
  CwRunbookPredecessorPicker *self = (CwRunbookPredecessorPicker *)object;

  self->runbook = NULL;
  self->step = NULL;
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  self->list_view = NULL;

  G_OBJECT_CLASS (cw_runbook_predecessor_picker_parent_class)->dispose (object);
}

static void
cw_runbook_predecessor_picker_finalize (GObject *object)
{
  CwRunbookPredecessorPicker *self = (CwRunbookPredecessorPicker *)object;

  g_clear_object (&self->filtered);
  g_clear_object (&self->ids);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (cw_runbook_predecessor_picker_parent_class)->finalize (object);
}

static void
cw_runbook_predecessor_picker_class_init (CwRunbookPredecessorPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cw_runbook_predecessor_picker_dispose;
  object_class->finalize = cw_runbook_predecessor_picker_finalize;

  /**
   * CwRunbookPredecessorPicker::toggled:
   * @step_id: the step chosen or no longer chosen
   * @active: whether it is chosen now
   */
  signals[TOGGLED] = g_signal_new ("toggled",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
cw_runbook_predecessor_picker_init (CwRunbookPredecessorPicker *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (_("Waits For"));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkEventController *key;

  self->ids = gtk_string_list_new (NULL);
  self->haystacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->ids)),
                                              GTK_FILTER (self->filter));

  self->button_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->button_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->button_label, 18);
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, GTK_WIDGET (self->button_label));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose the steps this one waits for"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search Steps"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search Steps"), -1);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate_cb), self, G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Steps"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_box_append (GTK_BOX (box), scroller);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_add_css_class (popover, "runbook-picker-popover");
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->button, popover);

  update_label (self);
}

/* Public API */

GtkWidget *
cw_runbook_predecessor_picker_new (void)
{
  return g_object_new (CW_TYPE_RUNBOOK_PREDECESSOR_PICKER, NULL);
}

void
cw_runbook_predecessor_picker_set_step (CwRunbookPredecessorPicker *self,
                                        const CwRunbook            *runbook,
                                        const CwRunbookStep        *step)
{
  g_return_if_fail (CW_IS_RUNBOOK_PREDECESSOR_PICKER (self));

  self->runbook = runbook;
  self->step = step;

  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->button))))
    fill_ids (self);
  else
    {
      /* Nothing points into an old runbook while the popover is closed. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ids));

      gtk_string_list_splice (self->ids, 0, n, NULL);
    }

  update_label (self);
}

void
cw_runbook_predecessor_picker_update (CwRunbookPredecessorPicker *self)
{
  g_return_if_fail (CW_IS_RUNBOOK_PREDECESSOR_PICKER (self));

  update_label (self);

  /* Rebinding the rows shown sets their checks from the step. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
cw_runbook_predecessor_picker_toggle (CwRunbookPredecessorPicker *self,
                                      const char                 *step_id,
                                      gboolean                    active)
{
  g_return_if_fail (CW_IS_RUNBOOK_PREDECESSOR_PICKER (self));
  g_return_if_fail (step_id != NULL);

  if (self->step == NULL || is_predecessor (self, step_id) == !!active)
    return;

  g_signal_emit (self, signals[TOGGLED], 0, step_id, !!active);
  update_label (self);
}

GListModel *
cw_runbook_predecessor_picker_get_model (CwRunbookPredecessorPicker *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_PREDECESSOR_PICKER (self), NULL);

  fill_ids (self);

  return G_LIST_MODEL (self->filtered);
}

void
cw_runbook_predecessor_picker_set_search (CwRunbookPredecessorPicker *self,
                                          const char                 *text)
{
  g_return_if_fail (CW_IS_RUNBOOK_PREDECESSOR_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  on_search_changed_cb (self);
}
