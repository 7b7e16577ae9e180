/* cw-application.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "cw-application-private.h"
#include "cw-context.h"
#include "cw-paths.h"
#include "cw-ui-resources.h"
#include "cw-window.h"

G_DEFINE_FINAL_TYPE (CwApplication, cw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this workspace file"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  /* Exits as soon as the first window has drawn its first frame: a smoke
   * test and the start-up benchmark's stopwatch. */
  { "exit-after-startup", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { NULL }
};

typedef struct
{
  CwApplication *self;
  char          *path;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_application_release (G_APPLICATION (request->self));
  g_clear_object (&request->self);
  g_free (request->path);
  g_free (request);
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   CwWindow      *window)
{
  /* The benchmark times process start to this frame; skip the teardown. */
  _exit (cw_window_get_context (window) != NULL ? 0 : 1);
}

static void
present_window (CwApplication *self,
                CwWindow      *window)
{
  gtk_window_present (GTK_WINDOW (window));

  if (self->exit_after_startup)
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), window);
    }
}

static CwWindow *
find_window (CwApplication *self,
             const char    *path,
             gboolean       want_context)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      CwContext *context;

      if (!CW_IS_WINDOW (l->data))
        continue;

      context = cw_window_get_context (l->data);
      if (!want_context && context == NULL)
        return l->data;
      if (want_context && context != NULL &&
          g_strcmp0 (cw_store_get_path (cw_context_get_store (context)), path) == 0)
        return l->data;
    }

  return NULL;
}

static void
show_open_error (CwApplication *self,
                 const GError  *error)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  CwWindow *window;
  AdwMessageDialog *dialog;

  /* A window busy with a workspace keeps it; the error comes as a dialog. */
  if (CW_IS_WINDOW (active) && cw_window_get_context (CW_WINDOW (active)) != NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (active,
                                                           _("Could Not Open the Workspace"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = find_window (self, NULL, FALSE);
  if (window == NULL)
    window = cw_window_new (GTK_APPLICATION (self), NULL);

  cw_window_show_error (window, error);
  present_window (self, window);
}

static void
on_store_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OpenRequest *request = user_data;
  CwApplication *self = request->self;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  CwWindow *stale;
  CwWindow *window;

  store = cw_store_open_finish (result, &error);
  if (store == NULL)
    {
      g_debug ("Could not open %s: %s", request->path, error->message);
      show_open_error (self, error);
      open_request_free (request);
      return;
    }

  /* A window that only showed an error gives way to the workspace. */
  stale = find_window (self, NULL, FALSE);

  context = cw_context_new (store, NULL);
  window = cw_window_new (GTK_APPLICATION (self), context);
  present_window (self, window);

  if (stale != NULL)
    gtk_window_destroy (GTK_WINDOW (stale));

  /* Written only when it changes: some settings backends write their file
   * each time, and this is still before the window's first frame. */
  last = g_settings_get_string (self->settings, "last-workspace");
  if (!g_str_equal (last, request->path))
    g_settings_set_string (self->settings, "last-workspace", request->path);

  if (cw_store_get_backup_path (store) != NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The workspace was upgraded; the previous version is kept in %s"),
                                 cw_store_get_backup_path (store));
      cw_window_add_toast (window, message);
    }

  open_request_free (request);
}

/**
 * cw_application_open_workspace:
 * @path: an absolute path
 * @flags: %CW_STORE_OPEN_CREATE_NEW for a new workspace
 *
 * Opens the workspace in a new window, off the main thread, or presents the
 * window that already shows it. Errors are shown to the user.
 */
void
cw_application_open_workspace (CwApplication    *self,
                               const char       *path,
                               CwStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  OpenRequest *request;
  CwWindow *existing;

  g_return_if_fail (CW_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  existing = find_window (self, path, TRUE);
  if (existing != NULL)
    {
      gtk_window_present (GTK_WINDOW (existing));
      return;
    }

  if (!cw_paths_ensure_parent (path, &error))
    {
      show_open_error (self, error);
      return;
    }

  request = g_new0 (OpenRequest, 1);
  request->self = g_object_ref (self);
  request->path = g_strdup (path);

  /* Keeps the application alive until the window exists. */
  g_application_hold (G_APPLICATION (self));
  cw_store_open_async (path, flags, self->cancellable, on_store_opened_cb, request);
}

static char *
choose_workspace (CwApplication           *self,
                  GApplicationCommandLine *command_line,
                  GVariantDict            *options)
{
  const char *option = NULL;
  const char *env;
  g_autofree char *last = NULL;

  if (g_variant_dict_lookup (options, "workspace", "^&ay", &option) && option[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, option);
      return g_file_get_path (file);
    }

  env = g_application_command_line_getenv (command_line, "CHANGEWARD_WORKSPACE");
  if (env != NULL && env[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, env);
      return g_file_get_path (file);
    }

  last = g_settings_get_string (self->settings, "last-workspace");
  if (g_settings_get_boolean (self->settings, "reopen-last-workspace") &&
      last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return cw_paths_default_workspace ();
}

static int
cw_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  CwApplication *self = CW_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "exit-after-startup"))
    self->exit_after_startup = TRUE;

  path = choose_workspace (self, command_line, options);
  cw_application_open_workspace (self, path, CW_STORE_OPEN_DEFAULT);

  return EXIT_SUCCESS;
}

static void
cw_application_activate (GApplication *application)
{
  CwApplication *self = CW_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = cw_paths_default_workspace ();
  cw_application_open_workspace (self, path, CW_STORE_OPEN_DEFAULT);
}

static int
cw_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      printf ("changeward %s\n", PACKAGE_VERSION);
      printf ("GTK %u.%u.%u, libadwaita %u.%u.%u, workspace schema %u\n",
              gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
              adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
              cw_store_get_latest_schema_version ());
      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (cw_application_parent_class)->handle_local_options (application,
                                                                                  options);
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

typedef struct
{
  GtkIconTheme     *icon_theme;
  int               scale;
  GtkTextDirection  direction;
} IconThemeData;

static void
icon_theme_data_free (IconThemeData *data)
{
  g_clear_object (&data->icon_theme);
  g_free (data);
}

/* Looks an icon up as GTK does, so that it is the same (cached) icon, and
 * draws it once, which loads it. GTK loads icons on threads itself: the
 * theme and each icon have locks of their own. */
static void
load_icon (GtkIconTheme     *icon_theme,
           const char       *name,
           int               size,
           int               scale,
           GtkTextDirection  direction)
{
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;

  icon = gtk_icon_theme_lookup_icon (icon_theme, name, NULL, size, scale, direction, 0);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (GDK_PAINTABLE (icon), GDK_SNAPSHOT (snapshot), size, size);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
}

static void
load_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  IconThemeData *data = task_data;
  g_autofree int *sizes = NULL;

  /* Any lookup reads the theme's index first, under the theme's own lock. */
  gtk_icon_theme_has_icon (data->icon_theme, "open-menu-symbolic");

  /* The icons GTK loads on the main thread when it first draws them, not in
   * its own threads as it does for images: the window's icon, which a window
   * renders for the window manager when it is realized (a scalable one at
   * 48 pixels, as GtkWindow does), and the theme's arrows of menu buttons and
   * sorted column headers. Rendering the scalable window icon alone cost the
   * first frame about 5 ms. */
  sizes = gtk_icon_theme_get_icon_sizes (data->icon_theme, APP_ID);
  for (guint i = 0; sizes[i] != 0; i++)
    load_icon (data->icon_theme, APP_ID, sizes[i] == -1 ? 48 : sizes[i], data->scale,
               data->direction);
  load_icon (data->icon_theme, "pan-down-symbolic", 16, data->scale, GTK_TEXT_DIR_NONE);
  load_icon (data->icon_theme, "pan-up-symbolic", 16, data->scale, GTK_TEXT_DIR_NONE);

  g_task_return_boolean (task, TRUE);
}

/* GTK starts reading the icon theme in a thread when the display opens, but
 * the resource paths that GtkApplication and libadwaita add in startup
 * throw that away; the first icon of the window would then read the whole
 * theme again on the main thread. Reading it here, off the main thread, lets
 * it overlap with opening the workspace and building the window. */
static void
load_icon_theme_in_thread (CwApplication *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  IconThemeData *data;

  data = g_new0 (IconThemeData, 1);
  data->icon_theme = g_object_ref (gtk_icon_theme_get_for_display (display));
  monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  data->scale = monitor != NULL ? gdk_monitor_get_scale_factor (monitor) : 1;
  data->direction = gtk_widget_get_default_direction ();

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, load_icon_theme_in_thread);
  g_task_set_task_data (task, data, (GDestroyNotify) icon_theme_data_free);
  g_task_run_in_thread (task, load_icon_theme_thread);
}

static void
cw_application_startup (GApplication *application)
{
  CwApplication *self = CW_APPLICATION (application);
  AdwStyleManager *style_manager;

  G_APPLICATION_CLASS (cw_application_parent_class)->startup (application);

  load_icon_theme_in_thread (self);

  self->settings = g_settings_new (APP_ID);

  style_manager = adw_style_manager_get_default ();
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                style_manager, "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);

  gtk_window_set_default_icon_name (APP_ID);
  _cw_application_actions_init (self);
}

static void
cw_application_shutdown (GApplication *application)
{
  CwApplication *self = CW_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (cw_application_parent_class)->shutdown (application);
}

static void
cw_application_finalize (GObject *object)
{
  CwApplication *self = (CwApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cw_application_parent_class)->finalize (object);
}

static void
cw_application_class_init (CwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Referencing the resource keeps it linked in from the static library. */
  (void) cw_ui_get_resource ();

  object_class->finalize = cw_application_finalize;

  app_class->activate = cw_application_activate;
  app_class->command_line = cw_application_command_line;
  app_class->handle_local_options = cw_application_handle_local_options;
  app_class->startup = cw_application_startup;
  app_class->shutdown = cw_application_shutdown;
}

static void
cw_application_init (CwApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan, approve, execute and document controlled "
                                              "upgrades. Without --workspace, CHANGEWARD_WORKSPACE, "
                                              "the last workspace or the default one is opened."));
}

/**
 * cw_application_new:
 * @flags: extra flags; tests pass %G_APPLICATION_NON_UNIQUE
 */
CwApplication *
cw_application_new (GApplicationFlags flags)
{
  return g_object_new (CW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | flags,
                       NULL);
}

/**
 * cw_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
cw_application_get_settings (CwApplication *self)
{
  g_return_val_if_fail (CW_IS_APPLICATION (self), NULL);

  return self->settings;
}
