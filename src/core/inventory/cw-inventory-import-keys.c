/* cw-inventory-import-keys.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import"

#include "config.h"

#include "cw-inventory-import-private.h"

/* The keys an import matches on, in memory: a slot holds
 * fingerprint << 32 | id, 0 is empty (ids start at 1), and the fingerprint
 * also places the slot, so the table can grow without the keys. Linear
 * probing, at most three quarters full; nothing is ever removed. */

static guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

/* FNV-1a seeded with the kind of key (and the site), mixed, folded to 32 bits. */
guint32
cw_import_fingerprint (guint64     seed,
                       const char *text)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ mix64 (seed);

  for (const guint8 *p = (const guint8 *) text; *p != '\0'; p++)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  return (guint32) (mix64 (h) >> 32);
}

void
cw_import_keys_init (CwImportKeys *keys)
{
  keys->mask = (1 << 16) - 1;
  keys->slots = g_new0 (guint64, keys->mask + 1);
  keys->n = 0;
}

void
cw_import_keys_clear (CwImportKeys *keys)
{
  g_clear_pointer (&keys->slots, g_free);
}

static void
place (CwImportKeys *keys,
       guint64       entry)
{
  gsize i;

  for (i = (entry >> 32) & keys->mask; keys->slots[i] != 0; i = (i + 1) & keys->mask)
    if (keys->slots[i] == entry)
      return;

  keys->slots[i] = entry;
  keys->n++;
}

void
cw_import_keys_add (CwImportKeys *keys,
                    guint32       fp,
                    guint32       id)
{
  g_return_if_fail (id != 0);

  place (keys, ((guint64) fp << 32) | id);

  if (keys->n * 4 >= (keys->mask + 1) * 3)
    {
      guint64 *old = keys->slots;
      gsize old_size = keys->mask + 1;

      keys->mask = old_size * 2 - 1;
      keys->slots = g_new0 (guint64, keys->mask + 1);
      keys->n = 0;
      for (gsize i = 0; i < old_size; i++)
        if (old[i] != 0)
          place (keys, old[i]);
      g_free (old);
    }
}

/* The entries of one fingerprint are all in the run of used slots that
 * starts where it places them. */
guint32
cw_import_keys_next (const CwImportKeys *keys,
                     guint32             fp,
                     gssize             *cursor)
{
  gsize i = *cursor < 0 ? (fp & keys->mask) : (((gsize) *cursor + 1) & keys->mask);

  for (; keys->slots[i] != 0; i = (i + 1) & keys->mask)
    {
      if ((keys->slots[i] >> 32) == fp)
        {
          *cursor = (gssize) i;
          return (guint32) keys->slots[i];
        }
    }

  return 0;
}
