/* main.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "changeward-cli"

#include "config.h"

#include "cw-cli.h"

int
main (int   argc,
      char *argv[])
{
  return cw_cli_main (argc, argv);
}
