/* cw-application-actions.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-application-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-application-private.h"
#include "cw-demo.h"
#include "cw-paths.h"
#include "cw-preferences-window.h"
#include "cw-window.h"

static void
add_workspace_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (workspaces, _("Changeward Workspaces"));
  gtk_file_filter_add_pattern (workspaces, "*.db");
  gtk_file_filter_add_pattern (workspaces, "*.sqlite");
  gtk_file_filter_add_pattern (workspaces, "*.changeward");
  gtk_file_chooser_add_filter (chooser, workspaces);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        CwApplication   *self)
{
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native))
                    == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        cw_application_open_workspace (self, path,
                                       create ? CW_STORE_OPEN_CREATE_NEW : CW_STORE_OPEN_NO_CREATE);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_file (CwApplication        *self,
             GtkFileChooserAction  action)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *native;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    native = gtk_file_chooser_native_new (_("New Workspace"), parent, action,
                                          _("_Create"), _("_Cancel"));
  else
    native = gtk_file_chooser_native_new (_("Open Workspace"), parent, action,
                                          _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_workspace_filters (GTK_FILE_CHOOSER (native));
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "workspace.db");

  /* The dialog is released in its response handler. */
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_workspace_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  choose_file (CW_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_workspace_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  choose_file (CW_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_OPEN);
}

typedef struct
{
  CwApplication *self;
  char          *path;
} DemoRequest;

static void
on_demo_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DemoRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (cw_demo_create_finish (result, &error) ||
      g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS))
    cw_application_open_workspace (request->self, request->path, CW_STORE_OPEN_NO_CREATE);
  else
    {
      GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (request->self));
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                           _("Could Not Create the Demo Workspace"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_application_release (G_APPLICATION (request->self));
  g_object_unref (request->self);
  g_free (request->path);
  g_free (request);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  CwApplication *self = CW_APPLICATION (user_data);
  g_autofree char *path = cw_paths_demo_workspace ();
  g_autoptr(CwClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *active;
  CwDemoOptions options;
  DemoRequest *request;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      cw_application_open_workspace (self, path, CW_STORE_OPEN_NO_CREATE);
      return;
    }

  if (!cw_paths_ensure_parent (path, &error))
    g_debug ("%s", error->message);  /* the creation below reports it */

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CW_IS_WINDOW (active))
    cw_window_add_toast (CW_WINDOW (active), _("Creating the demo workspace…"));

  request = g_new0 (DemoRequest, 1);
  request->self = g_object_ref (self);
  request->path = g_steal_pointer (&path);

  cw_demo_options_init (&options);
  clock = cw_clock_new ();
  g_application_hold (G_APPLICATION (self));
  cw_demo_create_async (request->path, &options, clock, self->cancellable,
                        on_demo_created_cb, request);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CwApplication *self = CW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  preferences = GTK_WINDOW (cw_preferences_window_new (self->settings));
  gtk_window_set_transient_for (preferences, parent);
  gtk_window_present (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CwApplication *self = CW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Changeward developers", NULL };

  adw_show_about_window (parent,
                         "application-name", "Changeward",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", "The Changeward developers",
                         "developers", developers,
                         "comments", _("Plan, approve, execute and document controlled upgrades "
                                       "of hardware, firmware, software and networks."),
                         "website", "https://github.com/changeward/changeward",
                         "issue-url", "https://github.com/changeward/changeward/issues",
                         "copyright", "© 2026 The Changeward developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CwApplication *self = CW_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing each window lets it remember its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new-workspace", new_workspace_action },
  { "open-workspace", open_workspace_action },
  { "open-demo", open_demo_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

void
_cw_application_actions_init (CwApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new-workspace", { "<Control>n", NULL } },
    { "app.open-workspace", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}
