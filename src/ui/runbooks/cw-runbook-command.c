/* cw-runbook-command.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-command"

#include "config.h"

#include <string.h>

#include "cw-runbook-command.h"

/* Quoting only what needs it keeps the usual command readable:
 * "systemctl restart nginx", not "'systemctl' 'restart' 'nginx'". */
static gboolean
is_plain_word (const char *arg)
{
  if (arg[0] == '\0')
    return FALSE;

  for (const char *p = arg; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_-./:=@%+,^~", *p) == NULL)
      return FALSE;

  return TRUE;
}

char *
cw_runbook_command_format (char **argv)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; argv != NULL && argv[i] != NULL; i++)
    {
      if (line->len > 0)
        g_string_append_c (line, ' ');

      if (is_plain_word (argv[i]))
        g_string_append (line, argv[i]);
      else
        {
          g_autofree char *quoted = g_shell_quote (argv[i]);

          g_string_append (line, quoted);
        }
    }

  return g_string_free (line, FALSE);
}

gboolean
cw_runbook_command_parse (const char   *text,
                          char       ***argv,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (argv != NULL, FALSE);

  *argv = NULL;
  if (text == NULL)
    return TRUE;

  if (!g_shell_parse_argv (text, NULL, argv, &local_error))
    {
      if (g_error_matches (local_error, G_SHELL_ERROR, G_SHELL_ERROR_EMPTY_STRING))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
