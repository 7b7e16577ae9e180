/* cw-runbook-step-row.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbook-step-row.h"

/* Built in code rather than from a template, and as little as possible: the
 * list view makes a couple of hundred rows when a runbook opens, and rebinds
 * them, rather than rebuilds them, as the list scrolls. A row builds the
 * layout of a heading or of a step when it first shows one. */

struct _CwRunbookStepRow
{
  GtkWidget          parent_instance;

  /* Children */
  GtkWidget         *heading_box;
  GtkWidget         *phase_label;
  GtkWidget         *summary_label;
  GtkWidget         *add_button;
  GtkWidget         *step_box;
  GtkWidget         *type_image;
  GtkWidget         *title_label;
  GtkWidget         *id_label;
  GtkWidget         *stream_label;
  GtkWidget         *duration_label;
  GtkWidget         *warning_image;

  /* Owned */
  CwRunbookStepItem *item;
  gulong             changed_id;
  gboolean           editable;
};

G_DEFINE_FINAL_TYPE (CwRunbookStepRow, cw_runbook_step_row, GTK_TYPE_WIDGET)

/* Helpers */

static GtkWidget *
make_label (const char *css_class,
            gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

char *
cw_runbook_format_minutes (guint minutes)
{
  if (minutes >= 60 && minutes % 60 == 0)
    /* Translators: a step's duration in whole hours, short */
    return g_strdup_printf (_("%u h"), minutes / 60);
  if (minutes >= 60)
    /* Translators: a step's duration in hours and minutes, short */
    return g_strdup_printf (_("%u h %u min"), minutes / 60, minutes % 60);

  /* Translators: a step's duration in minutes, short */
  return g_strdup_printf (_("%u min"), minutes);
}

/* Built on first use: most rows only ever show steps. */
static void
ensure_heading (CwRunbookStepRow *self)
{
  if (self->heading_box != NULL)
    return;

  /* A phase heading: its name, its totals, and a button to add a step. */
  self->heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->heading_box, "runbook-phase-heading");
  self->phase_label = make_label ("heading", FALSE);
  gtk_widget_set_valign (self->phase_label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (self->heading_box), self->phase_label);
  self->summary_label = make_label ("dim-label", TRUE);
  gtk_widget_add_css_class (self->summary_label, "caption");
  gtk_widget_add_css_class (self->summary_label, "numeric");
  gtk_widget_set_valign (self->summary_label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (self->heading_box), self->summary_label);
  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_add_css_class (self->add_button, "circular");
  gtk_widget_set_visible (self->add_button, self->editable);
  /* The target first: the action takes a phase. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s",
                                    cw_phase_to_string (CW_PHASE_PREPARATION));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "editor.add-step-to");
  gtk_box_append (GTK_BOX (self->heading_box), self->add_button);
  gtk_widget_set_parent (self->heading_box, GTK_WIDGET (self));
}

static void
ensure_step (CwRunbookStepRow *self)
{
  GtkGrid *grid;

  if (self->step_box != NULL)
    return;

  /* A step, in one grid: the type icon; the title over the id and the
   * stream; a warning when validation names it; the duration. */
  self->step_box = gtk_grid_new ();
  grid = GTK_GRID (self->step_box);
  gtk_grid_set_column_spacing (grid, 10);
  gtk_grid_set_row_spacing (grid, 2);
  gtk_widget_add_css_class (self->step_box, "runbook-step");

  self->type_image = gtk_image_new ();
  gtk_widget_add_css_class (self->type_image, "runbook-step-type");
  gtk_grid_attach (grid, self->type_image, 0, 0, 1, 2);

  self->title_label = make_label (NULL, TRUE);
  gtk_grid_attach (grid, self->title_label, 1, 0, 2, 1);
  self->id_label = make_label ("runbook-step-id", FALSE);
  gtk_widget_add_css_class (self->id_label, "caption");
  gtk_widget_add_css_class (self->id_label, "dim-label");
  gtk_grid_attach (grid, self->id_label, 1, 1, 1, 1);
  /* The stream's column takes the spare width: the pill follows the id. */
  self->stream_label = make_label ("runbook-stream", TRUE);
  gtk_widget_set_halign (self->stream_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->stream_label, "caption");
  gtk_grid_attach (grid, self->stream_label, 2, 1, 1, 1);

  self->warning_image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->warning_image, "warning");
  gtk_grid_attach (grid, self->warning_image, 3, 0, 1, 2);

  self->duration_label = make_label ("numeric", FALSE);
  gtk_label_set_xalign (GTK_LABEL (self->duration_label), 1);
  gtk_widget_add_css_class (self->duration_label, "dim-label");
  gtk_grid_attach (grid, self->duration_label, 4, 0, 1, 2);

  gtk_widget_set_parent (self->step_box, GTK_WIDGET (self));
}

static void
update (CwRunbookStepRow *self)
{
  const CwRunbookStep *step;
  g_autofree char *duration = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *add_tooltip = NULL;
  const char *problem;
  const char *type_label;

  step = self->item != NULL ? cw_runbook_step_item_get_step (self->item) : NULL;
  if (self->item != NULL && step == NULL)
    ensure_heading (self);
  else if (step != NULL)
    ensure_step (self);

  if (self->heading_box != NULL)
    gtk_widget_set_visible (self->heading_box, self->item != NULL && step == NULL);
  if (self->step_box != NULL)
    gtk_widget_set_visible (self->step_box, step != NULL);

  if (self->item == NULL)
    return;

  if (step == NULL)
    {
      CwPhase phase = cw_runbook_step_item_get_phase (self->item);
      const char *summary = cw_runbook_step_item_get_summary (self->item);

      gtk_label_set_label (GTK_LABEL (self->phase_label), cw_phase_get_label (phase));
      gtk_label_set_label (GTK_LABEL (self->summary_label), summary != NULL ? summary : "");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s",
                                        cw_phase_to_string (phase));
      /* Translators: a tooltip; %s is a phase such as "Pre-checks" */
      add_tooltip = g_strdup_printf (_("Add a Step to %s"), cw_phase_get_label (phase));
      gtk_widget_set_tooltip_text (self->add_button, add_tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cw_phase_get_label (phase), -1);
      return;
    }

  type_label = cw_step_type_get_label (step->type);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->type_image), cw_runbook_step_type_get_icon (step->type));
  gtk_widget_set_tooltip_text (self->type_image, type_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  type_label, -1);

  if (step->title != NULL && step->title[0] != '\0')
    {
      gtk_label_set_label (GTK_LABEL (self->title_label), step->title);
      gtk_widget_remove_css_class (self->title_label, "dim-label");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (self->title_label), _("Untitled"));
      gtk_widget_add_css_class (self->title_label, "dim-label");
    }

  gtk_label_set_label (GTK_LABEL (self->id_label), step->id != NULL ? step->id : "");
  gtk_label_set_label (GTK_LABEL (self->stream_label), step->stream != NULL ? step->stream : "");
  gtk_widget_set_visible (self->stream_label, step->stream != NULL && step->stream[0] != '\0');

  duration = cw_runbook_format_minutes (step->duration_min);
  gtk_label_set_label (GTK_LABEL (self->duration_label), duration);

  problem = cw_runbook_step_item_get_problem (self->item);
  gtk_widget_set_visible (self->warning_image, problem != NULL);
  gtk_widget_set_tooltip_text (self->warning_image, problem);

  /* Translators: what a screen reader says for a step row: its id, title,
   * type in words, duration and, when there is one, its problem */
  accessible = g_strdup_printf (_("%s, %s, %s, %s%s%s"),
                                step->id != NULL ? step->id : "",
                                step->title != NULL ? step->title : "",
                                type_label, duration,
                                problem != NULL ? ", " : "",
                                problem != NULL ? problem : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* GObject */

static void
cw_runbook_step_row_dispose (GObject *object)
{
  CwRunbookStepRow *self = (CwRunbookStepRow *)object;

  cw_runbook_step_row_set_item (self, NULL);
  g_clear_pointer (&self->heading_box, gtk_widget_unparent);
  g_clear_pointer (&self->step_box, gtk_widget_unparent);

  G_OBJECT_CLASS (cw_runbook_step_row_parent_class)->dispose (object);
}

static void
cw_runbook_step_row_class_init (CwRunbookStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_runbook_step_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "runbook-step-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cw_runbook_step_row_init (CwRunbookStepRow *self)
{
}

/* Public API */

GtkWidget *
cw_runbook_step_row_new (void)
{
  return g_object_new (CW_TYPE_RUNBOOK_STEP_ROW, NULL);
}

CwRunbookStepItem *
cw_runbook_step_row_get_item (CwRunbookStepRow *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_STEP_ROW (self), NULL);

  return self->item;
}

void
cw_runbook_step_row_set_item (CwRunbookStepRow  *self,
                              CwRunbookStepItem *item)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_ROW (self));
  g_return_if_fail (item == NULL || CW_IS_RUNBOOK_STEP_ITEM (item));

  if (self->item == item)
    {
      update (self);
      return;
    }

  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->changed_id = g_signal_connect_object (item, "changed", G_CALLBACK (update), self,
                                                G_CONNECT_SWAPPED);
  update (self);
}

void
cw_runbook_step_row_set_editable (CwRunbookStepRow *self,
                                  gboolean          editable)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_ROW (self));

  self->editable = !!editable;
  if (self->add_button != NULL)
    gtk_widget_set_visible (self->add_button, self->editable);
}

const char *
cw_runbook_step_type_get_icon (CwStepType type)
{
  switch (type)
    {
    case CW_STEP_COMMAND:
      return "utilities-terminal-symbolic";
    case CW_STEP_GATE:
      return "emoji-flags-symbolic";
    case CW_STEP_APPROVAL:
      return "system-users-symbolic";
    case CW_STEP_COMMS:
      return "mail-send-symbolic";
    case CW_STEP_MANUAL:
    case CW_N_STEP_TYPES:
    default:
      return "avatar-default-symbolic";
    }
}
