/* cw-runbook-diff-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-diff-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbook-diff-view.h"

/* The changes of cw_runbook_diff() as a list with a row per step (the
 * runbook's own fields first, under "Runbook"): an added or removed step
 * says so with an icon and a word; a changed step lists each field that
 * changed, the old value struck through, then the new one. Long text
 * (instructions, criteria, a description) is shown before and after side by
 * side, wrapped and selectable. */

/* Values longer than this, or on several lines, are shown side by side. */
#define SHORT_VALUE 60

struct _CwRunbookDiffView
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *equal_page;
  GtkLabel      *summary_label;
  GtkLabel      *versions_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (CwRunbookDiffView, cw_runbook_diff_view, ADW_TYPE_BIN)

enum {
  STEP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "title", N_("Title") },
    { "phase", N_("Phase") },
    { "stream", N_("Stream") },
    { "type", N_("Type") },
    { "instructions", N_("Instructions") },
    { "duration_min", N_("Duration") },
    { "predecessors", N_("Predecessors") },
    { "acceptance", N_("Acceptance Criteria") },
    { "evidence", N_("Evidence Required") },
    { "command", N_("Command") },
    { "workdir", N_("Working Directory") },
    { "timeout_s", N_("Timeout") },
    { "expected_exit", N_("Expected Exit Code") },
    { "output_regex", N_("Output Must Match") },
    { "position", N_("Position") },
    { "description", N_("Description") },
    { "product", N_("Product") },
    { "ci_class", N_("CI Class") },
    { "buffer_min", N_("Buffer") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].field) == 0)
      return _(labels[i].label);

  return field;
}

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

/* A value as words, or NULL when it is empty. */
static char *
format_value (const char *field,
              const char *value)
{
  CwPhase phase;
  CwStepType type;
  CwEvidence evidence;

  if (value == NULL || *value == '\0')
    return NULL;

  if (g_str_equal (field, "duration_min") || g_str_equal (field, "buffer_min"))
    return format_minutes ((guint) g_ascii_strtoull (value, NULL, 10));
  if (g_str_equal (field, "timeout_s"))
    return g_str_equal (value, "0") ? g_strdup (_("No timeout"))
                                    /* Translators: a timeout in seconds */
                                    : g_strdup_printf (_("%s s"), value);
  if (g_str_equal (field, "phase") && cw_phase_from_string (value, &phase))
    return g_strdup (cw_phase_get_label (phase));
  if (g_str_equal (field, "type") && cw_step_type_from_string (value, &type))
    return g_strdup (cw_step_type_get_label (type));
  if (g_str_equal (field, "evidence") && cw_evidence_from_string (value, &evidence))
    {
      GString *text = g_string_new (NULL);

      if (evidence & CW_EVIDENCE_NOTE)
        g_string_append_printf (text, "%s, ", _("a note"));
      if (evidence & CW_EVIDENCE_OUTPUT)
        g_string_append_printf (text, "%s, ", _("the command’s output"));
      if (evidence & CW_EVIDENCE_FILE)
        g_string_append_printf (text, "%s, ", _("a file"));
      if (text->len == 0)
        return g_string_free (text, TRUE), NULL;
      g_string_truncate (text, text->len - 2);
      return g_string_free (text, FALSE);
    }

  return g_strdup (value);
}

static GtkWidget *
value_label (const char *text,
             gboolean    old,
             gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : _("None"));
  g_autofree char *description = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (!wrap)
    gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (text == NULL || old)
    gtk_widget_add_css_class (label, "dim-label");
  if (old && text != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }
  if (text == NULL)
    gtk_widget_add_css_class (label, "caption");

  /* Translators: the value a field had before, or has after, a change */
  description = g_strdup_printf (old ? _("Before: %s") : _("After: %s"), text != NULL ? text : _("None"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  return label;
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static gboolean
is_long (const char *text)
{
  return text != NULL && (strchr (text, '\n') != NULL || g_utf8_strlen (text, -1) > SHORT_VALUE);
}

/* One line (or, for long text, a block) per changed field. */
static void
add_field (GtkGrid               *grid,
           guint                  line,
           const CwRunbookChange *change)
{
  g_autofree char *old_text = format_value (change->field, change->old_value);
  g_autofree char *new_text = format_value (change->field, change->new_value);
  GtkWidget *name = gtk_label_new (field_label (change->field));
  GtkWidget *values;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_yalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");

  if (is_long (old_text) || is_long (new_text) ||
      g_str_equal (change->field, "instructions") || g_str_equal (change->field, "acceptance") ||
      g_str_equal (change->field, "description"))
    {
      GtkWidget *before = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *after = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

      /* Side by side, wrapped. */
      values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      gtk_box_set_homogeneous (GTK_BOX (values), TRUE);
      gtk_box_append (GTK_BOX (before), caption (C_("a value before a change", "Before")));
      gtk_box_append (GTK_BOX (before), value_label (old_text, TRUE, TRUE));
      gtk_box_append (GTK_BOX (after), caption (C_("a value after a change", "After")));
      gtk_box_append (GTK_BOX (after), value_label (new_text, FALSE, TRUE));
      gtk_box_append (GTK_BOX (values), before);
      gtk_box_append (GTK_BOX (values), after);
    }
  else
    {
      GtkWidget *arrow = gtk_label_new ("→");

      gtk_label_set_yalign (GTK_LABEL (arrow), 0);
      gtk_widget_add_css_class (arrow, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("changed to"), -1);
      values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
      gtk_box_append (GTK_BOX (values), value_label (old_text, TRUE, FALSE));
      gtk_box_append (GTK_BOX (values), arrow);
      gtk_box_append (GTK_BOX (values), value_label (new_text, FALSE, FALSE));
    }

  gtk_widget_set_hexpand (values, TRUE);
  gtk_grid_attach (grid, name, 0, line, 1, 1);
  gtk_grid_attach (grid, values, 1, line, 1, 1);
  gtk_widget_set_visible (GTK_WIDGET (grid), TRUE);
}

/* Phase, type and duration of an added or removed step, in words. */
static char *
step_facts (const CwRunbookStep *step)
{
  g_autofree char *duration = format_minutes (step->duration_min);

  return g_strdup_printf ("%s · %s · %s", cw_phase_get_label (step->phase),
                          cw_step_type_get_label (step->type), duration);
}

static GtkWidget *
new_row (const char          *icon_name,
         const char          *kind,
         const char          *step_id,
         const char          *title,
         const char          *facts,
         gboolean             activatable,
         GtkGrid            **fields)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 9);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *kind_label = gtk_label_new (kind);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (kind_label, "caption-heading");
  gtk_widget_add_css_class (kind_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), kind_label);
  if (step_id != NULL)
    {
      GtkWidget *id_label = gtk_label_new (step_id);

      gtk_widget_add_css_class (id_label, "monospace");
      gtk_box_append (GTK_BOX (header), id_label);
    }
  gtk_box_append (GTK_BOX (header), title_label);
  gtk_box_append (GTK_BOX (box), header);

  if (facts != NULL)
    {
      GtkWidget *facts_label = gtk_label_new (facts);

      gtk_label_set_xalign (GTK_LABEL (facts_label), 0);
      gtk_label_set_wrap (GTK_LABEL (facts_label), TRUE);
      gtk_widget_add_css_class (facts_label, "dim-label");
      gtk_box_append (GTK_BOX (box), facts_label);
    }

  gtk_grid_set_row_spacing (GTK_GRID (grid), 9);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 30);
  /* Shown with its first field. */
  gtk_widget_set_visible (grid, FALSE);
  gtk_box_append (GTK_BOX (box), grid);
  *fields = GTK_GRID (grid);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "step-id", g_strdup (step_id), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable && step_id != NULL);

  return row;
}

static void
clear_list (CwRunbookDiffView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static char *
version_name (const CwRunbook *runbook)
{
  if (runbook->version == 0)
    return g_strdup (_("the unsaved draft"));
  /* Translators: a runbook's version number */
  return g_strdup_printf (_("version %u"), runbook->version);
}

static char *
summary_text (guint    added,
              guint    removed,
              guint    changed,
              gboolean runbook_changed)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean first = TRUE;

  /* "3 steps added, 1 removed, 5 changed": the first part says "steps". */
  if (added > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u step added", "%u steps added", added), added));
  if (removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (parts->len == 0
                                             ? ngettext ("%u step removed", "%u steps removed", removed)
                                             /* Translators: after "3 steps added, " */
                                             : ngettext ("%u removed", "%u removed", removed), removed));
  if (changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (parts->len == 0
                                             ? ngettext ("%u step changed", "%u steps changed", changed)
                                             /* Translators: after "3 steps added, 1 removed, " */
                                             : ngettext ("%u changed", "%u changed", changed), changed));
  first = parts->len == 0;
  if (runbook_changed)
    g_ptr_array_add (parts, g_strdup (first ? _("The runbook’s details changed") : _("the runbook’s details changed")));
  g_ptr_array_add (parts, NULL);

  /* Translators: joins the parts of "3 steps added, 1 removed, 5 changed" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* Callbacks */

static void
on_row_activated_cb (CwRunbookDiffView *self,
                     GtkListBoxRow     *row)
{
  const char *step_id = g_object_get_data (G_OBJECT (row), "step-id");

  if (step_id != NULL)
    g_signal_emit (self, signals[STEP_ACTIVATED], 0, step_id);
}

/* GObject overrides */

static void
cw_runbook_diff_view_dispose (GObject *object)
{
  CwRunbookDiffView *self = CW_RUNBOOK_DIFF_VIEW (object);

  /* The stack is both the bin's child and a template child: the bin lets go
   * of it first, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_RUNBOOK_DIFF_VIEW);

  G_OBJECT_CLASS (cw_runbook_diff_view_parent_class)->dispose (object);
}

static void
cw_runbook_diff_view_class_init (CwRunbookDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_runbook_diff_view_dispose;

  signals[STEP_ACTIVATED] = g_signal_new ("step-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/runbooks/cw-runbook-diff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRunbookDiffView, stack);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookDiffView, equal_page);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookDiffView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookDiffView, versions_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookDiffView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
cw_runbook_diff_view_init (CwRunbookDiffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
cw_runbook_diff_view_new (void)
{
  return g_object_new (CW_TYPE_RUNBOOK_DIFF_VIEW, NULL);
}

void
cw_runbook_diff_view_set_versions (CwRunbookDiffView *self,
                                   const CwRunbook   *old_version,
                                   const CwRunbook   *new_version)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *summary = NULL;
  guint added = 0, removed = 0, changed = 0;
  gboolean runbook_changed = FALSE;
  GtkGrid *fields = NULL;
  const char *group = NULL;   /* the step id of the current group of changes */
  guint line = 0;

  g_return_if_fail (CW_IS_RUNBOOK_DIFF_VIEW (self));

  clear_list (self);
  if (old_version == NULL || new_version == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  old_name = version_name (old_version);
  new_name = version_name (new_version);
  /* Translators: "From version 2 to version 3" */
  versions = g_strdup_printf (_("From %s to %s"), old_name, new_name);
  changes = cw_runbook_diff (old_version, new_version);

  if (changes->len == 0)
    {
      g_autofree char *description = g_strdup_printf ("%s. %s", versions,
                                                      _("Both versions have the same fields and steps."));

      adw_status_page_set_description (self->equal_page, description);
      gtk_stack_set_visible_child_name (self->stack, "equal");
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const CwRunbookChange *change = g_ptr_array_index (changes, i);
      const CwRunbookStep *step;
      g_autofree char *facts = NULL;

      switch (change->kind)
        {
        case CW_RUNBOOK_CHANGE_ADDED:
        case CW_RUNBOOK_CHANGE_REMOVED:
          step = cw_runbook_find_step (change->kind == CW_RUNBOOK_CHANGE_ADDED ? new_version : old_version,
                                       change->step_id);
          facts = step != NULL ? step_facts (step) : NULL;
          if (change->kind == CW_RUNBOOK_CHANGE_ADDED)
            added++;
          else
            removed++;
          gtk_list_box_append (self->list,
                               new_row (change->kind == CW_RUNBOOK_CHANGE_ADDED ? "list-add-symbolic" : "list-remove-symbolic",
                                        change->kind == CW_RUNBOOK_CHANGE_ADDED ? _("Added") : _("Removed"),
                                        change->step_id, step != NULL ? step->title : "", facts,
                                        /* A removed step is not in the new version: nothing to open. */
                                        change->kind == CW_RUNBOOK_CHANGE_ADDED, &fields));
          group = NULL;
          fields = NULL;
          break;

        case CW_RUNBOOK_CHANGE_CHANGED:
          if (fields == NULL || g_strcmp0 (group, change->step_id) != 0)
            {
              step = change->step_id != NULL ? cw_runbook_find_step (new_version, change->step_id) : NULL;
              if (change->step_id != NULL)
                changed++;
              else
                runbook_changed = TRUE;
              gtk_list_box_append (self->list,
                                   new_row (change->step_id != NULL ? "document-edit-symbolic" : "document-properties-symbolic",
                                            _("Changed"), change->step_id,
                                            change->step_id == NULL ? _("Runbook") : step != NULL ? step->title : "",
                                            NULL, TRUE, &fields));
              group = change->step_id;
              line = 0;
            }
          add_field (fields, line++, change);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  summary = summary_text (added, removed, changed, runbook_changed);
  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->versions_label, versions);
  gtk_stack_set_visible_child_name (self->stack, "changes");
}

/* For tests. */
GtkListBox *
cw_runbook_diff_view_get_list (CwRunbookDiffView *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_DIFF_VIEW (self), NULL);

  return self->list;
}
