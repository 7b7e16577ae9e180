/* cw-runbooks-page-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook-diff-view.h"
#include "cw-runbook-editor.h"
#include "cw-runbook-io.h"
#include "cw-runbook-store.h"
#include "cw-runbook-timeline.h"
#include "cw-runbooks-page.h"

G_BEGIN_DECLS

/* The pane is split in four files around this struct: cw-runbooks-page.c
 * (the list, the runbook shown, the header), cw-runbooks-page-versions.c
 * (the version picker, the compared versions, the other views),
 * cw-runbooks-page-actions.c (save, approve, delete, new, and the keys) and
 * cw-runbooks-page-files.c (import and export). */
struct _CwRunbooksPage
{
  CwPage                parent_instance;

  /* Template widgets */
  GtkStack             *main_stack;      /* "empty" or "runbooks"; the bin's child */
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *menu_button;
  GtkListBox           *runbook_list;
  GtkStack             *content_stack;   /* "none" or "runbook" */
  GtkLabel             *name_label;
  GtkLabel             *description_label;
  GtkBox               *state_box;
  GtkImage             *state_icon;
  GtkLabel             *state_label;
  GtkBox               *draft_buttons;   /* Delete Draft, Approve, Save: shown for a draft */
  GtkDropDown          *version_dropdown;
  GtkStringList        *version_model;
  AdwViewStack         *view_stack;
  CwRunbookEditor      *editor;
  CwRunbookTimeline    *timeline;
  GtkDropDown          *from_dropdown;
  GtkStringList        *from_model;
  GtkDropDown          *to_dropdown;
  GtkStringList        *to_model;
  CwRunbookDiffView    *diff_view;

  /* Owned */
  GPtrArray            *infos;           /* CwRunbookInfo in the sidebar */
  GPtrArray            *versions;        /* CwRunbookVersionInfo of the runbook shown, newest first */
  GArray               *compare;         /* guint: the version of each from/to item; 0: the editor's */
  char                 *name;            /* the runbook shown, or NULL */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  /* Borrowed: the dialog open (a weak pointer) */
  GtkWindow            *dialog;

  guint                 views_timeout_id;
  guint                 n_runbooks;      /* in the workspace, whatever the search */
  gboolean              filling;         /* the list or a drop-down is set by code */
  gboolean              importing;
};

/* cw-runbooks-page.c */
CwStore   *_cw_runbooks_page_get_store       (CwRunbooksPage *self);
/* Reads the runbooks again and shows @name (NULL keeps the one shown) at
 * @version (0: the latest). */
void       _cw_runbooks_page_reload          (CwRunbooksPage *self,
                                              const char     *name,
                                              guint           version);
/* The sidebar again, the runbook shown kept as it is. */
void       _cw_runbooks_page_reload_list     (CwRunbooksPage *self);
/* The header, the version drop-downs and the actions, after a save. */
void       _cw_runbooks_page_update          (CwRunbooksPage *self);
void       _cw_runbooks_page_add_toast       (CwRunbooksPage *self,
                                              const char     *message);
void       _cw_runbooks_page_set_dialog      (CwRunbooksPage *self,
                                              GtkWindow      *dialog);
/* Who saves and approves: the user's real name, or login name. */
const char *_cw_runbooks_page_get_user       (void);

/* cw-runbooks-page-versions.c */
char      *_cw_runbooks_page_format_date     (gint64          unix_time);
void       _cw_runbooks_page_setup_drop_downs (CwRunbooksPage *self);
/* self->versions from the store, for the runbook shown. */
void       _cw_runbooks_page_load_versions   (CwRunbooksPage *self);
/* The picker and the compare lists from self->versions. */
void       _cw_runbooks_page_update_versions (CwRunbooksPage *self);
/* The timeline or the changes, whichever is shown, now or after a pause. */
void       _cw_runbooks_page_update_views    (CwRunbooksPage *self);
void       _cw_runbooks_page_schedule_views  (CwRunbooksPage *self);

/* cw-runbooks-page-actions.c */
void       _cw_runbooks_page_class_actions_init (GtkWidgetClass *widget_class);
void       _cw_runbooks_page_actions_init       (CwRunbooksPage *self);
void       _cw_runbooks_page_actions_update     (CwRunbooksPage *self);
void       _cw_runbooks_page_actions_dispose    (CwRunbooksPage *self);
void       _cw_runbooks_page_show_error        (CwRunbooksPage *self,
                                                 const char     *heading,
                                                 const char     *body,
                                                 const char     *details);
/* Saves the editor's draft if it changed; FALSE (and the error shown) when
 * that failed. With @toast, says "Draft saved". */
gboolean   _cw_runbooks_page_save_if_modified   (CwRunbooksPage *self,
                                                 gboolean        toast);

/* cw-runbooks-page-files.c */
void       _cw_runbooks_page_class_files_init   (GtkWidgetClass *widget_class);
void       _cw_runbooks_page_files_dispose      (CwRunbooksPage *self);

/* What the tests look at and drive. */
CwRunbookEditor *cw_runbooks_page_get_editor      (CwRunbooksPage *self);
GtkListBox      *cw_runbooks_page_get_list        (CwRunbooksPage *self);
GtkSearchEntry  *cw_runbooks_page_get_search      (CwRunbooksPage *self);
GtkDropDown     *cw_runbooks_page_get_versions    (CwRunbooksPage *self);
/* The name of the runbook shown, or NULL. */
const char      *cw_runbooks_page_get_shown       (CwRunbooksPage *self);
/* Selects the row of @name in the list (the user's click). */
gboolean         cw_runbooks_page_select          (CwRunbooksPage *self,
                                                   const char     *name);
/* "empty", "none" or "runbook". */
const char      *cw_runbooks_page_get_state       (CwRunbooksPage *self);
/* The dialog the pane opened and that is still open, or NULL. */
GtkWindow       *cw_runbooks_page_get_dialog      (CwRunbooksPage *self);
/* Imports @file (as the file chooser would), done when "importing" is
 * FALSE again; exports the version shown in @format to @file. */
void             cw_runbooks_page_import          (CwRunbooksPage *self,
                                                   GFile          *file);
gboolean         cw_runbooks_page_get_importing   (CwRunbooksPage *self);
gboolean         cw_runbooks_page_export          (CwRunbooksPage *self,
                                                   CwRunbookFormat format,
                                                   GFile          *file);

G_END_DECLS
