/* cw-paths.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-paths"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cw-paths.h"

/**
 * cw_paths_default_workspace:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/changeward/workspace.db`
 */
char *
cw_paths_default_workspace (void)
{
  return g_build_filename (g_get_user_data_dir (), "changeward", "workspace.db", NULL);
}

/**
 * cw_paths_demo_workspace:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/changeward/demo.db`
 */
char *
cw_paths_demo_workspace (void)
{
  return g_build_filename (g_get_user_data_dir (), "changeward", "demo.db", NULL);
}

/**
 * cw_paths_resolve_workspace:
 * @option: (nullable): the `--workspace` value
 *
 * The workspace to use: @option, else `CHANGEWARD_WORKSPACE`, else the
 * default workspace. Relative paths are made absolute.
 *
 * Returns: (transfer full): an absolute path
 */
char *
cw_paths_resolve_workspace (const char *option)
{
  const char *env = g_getenv ("CHANGEWARD_WORKSPACE");
  g_autoptr(GFile) file = NULL;

  if (option != NULL && option[0] != '\0')
    file = g_file_new_for_commandline_arg (option);
  else if (env != NULL && env[0] != '\0')
    file = g_file_new_for_commandline_arg (env);
  else
    {
      g_autofree char *path = cw_paths_default_workspace ();
      file = g_file_new_for_path (path);
    }

  return g_file_get_path (file);
}

/**
 * cw_paths_ensure_parent:
 *
 * Creates the folder that will hold @path, if it is missing.
 */
gboolean
cw_paths_ensure_parent (const char  *path,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
