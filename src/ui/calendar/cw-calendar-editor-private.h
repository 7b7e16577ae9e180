/* cw-calendar-editor-private.h: what the editor's files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-calendar-editor.h"

G_BEGIN_DECLS

struct _CwCalendarEditor
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkLabel           *error_label;
  GtkListBox         *form_list;
  GtkLabel           *intro_label;
  GtkButton          *save_button;
  AdwWindowTitle     *window_title;

  /* Owned */
  CwStore            *store;
  GHashTable         *rows;         /* key → AdwEntryRow or AdwComboRow, borrowed */
  char               *error;
  char               *tzid;         /* the calendar's zone, IANA */
  CwCalendarItemKind  kind;
  gint64              id;
};

/* cw-calendar-editor-fields.c: the form's rows, read back by key */
void       _cw_calendar_editor_set_error      (CwCalendarEditor    *self,
                                               const char          *message);
GtkWidget *_cw_calendar_editor_add_entry      (CwCalendarEditor    *self,
                                               const char          *key,
                                               const char          *title,
                                               const char          *text);
/* @labels and @keys have the same length. */
GtkWidget *_cw_calendar_editor_add_choice     (CwCalendarEditor    *self,
                                               const char          *key,
                                               const char          *title,
                                               const char * const  *labels,
                                               const char * const  *keys);
char      *_cw_calendar_editor_get_field      (CwCalendarEditor    *self,
                                               const char          *key);
gboolean   _cw_calendar_editor_set_field      (CwCalendarEditor    *self,
                                               const char          *key,
                                               const char          *value);
/* Shows the rows the choices made call for. */
void       _cw_calendar_editor_update_rows    (CwCalendarEditor    *self);
/* "YYYY-MM-DD HH:MM" in @tzid ("" or NULL: local). */
char      *_cw_calendar_editor_local_text     (gint64               instant,
                                               const char          *tzid);
/* The field @key as an instant in @tzid; @label names it in errors. */
gboolean   _cw_calendar_editor_parse_local    (CwCalendarEditor    *self,
                                               const char          *key,
                                               const char          *label,
                                               const char          *tzid,
                                               gint64              *instant,
                                               GError             **error);
gboolean   _cw_calendar_editor_parse_count    (CwCalendarEditor    *self,
                                               const char          *key,
                                               const char          *label,
                                               guint               *value,
                                               GError             **error);
void       _cw_calendar_editor_add_zone_rows  (CwCalendarEditor    *self,
                                               const char          *current);
char      *_cw_calendar_editor_get_zone       (CwCalendarEditor    *self);
void       _cw_calendar_editor_add_scope_rows (CwCalendarEditor    *self,
                                               const CwScope       *scope);
CwScope   *_cw_calendar_editor_get_scope      (CwCalendarEditor    *self,
                                               GError             **error);

/* cw-calendar-editor-save.c: the form written to the store */
gboolean   _cw_calendar_editor_save_window    (CwCalendarEditor    *self,
                                               GError             **error);
gboolean   _cw_calendar_editor_save_blackout  (CwCalendarEditor    *self,
                                               GError             **error);
gboolean   _cw_calendar_editor_save_work      (CwCalendarEditor    *self,
                                               GError             **error);

G_END_DECLS
