/* cw-version.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-version"

#include "config.h"

#include <string.h>

#include "cw-version.h"

/* How a version string is read.
 *
 * The string is cut into runs of digits (numbers) and runs of letters
 * (words); every other byte (".", "-", "(", ")", " ", "_", "+", …) only
 * separates runs. Bytes >= 0x80 count as letters. Each run becomes a token:
 *
 *  - A number compares by value, of any length: leading zeros are dropped,
 *    then the longer number is greater, then the digits decide. So "04" is
 *    4 and "6.10" > "6.9".
 *  - A pre-release word (case-insensitive "dev" < "alpha" < "beta" <
 *    "pre" = "preview" < "rc") sorts before everything else, including the
 *    end of the string: "2.15.0-rc1" < "2.15.0-rc2" < "2.15.0" and
 *    "2.15.0-rc2" < "2.15.0.1".
 *  - Any other word that is followed by a number (after any separators) is
 *    a separator and reads like a dot: the U of "7.0U3", the P of
 *    "9.12.1P3", the R and S of "21.4R3-S5", the E of "15.2(7)E8", the R of
 *    "R81.20", the U of "U30 2.90", "SP 5.11", "FPS01". Hence "7.0U3" reads
 *    as "7.0.3", "7.0" < "7.0U1" < "7.0U3" < "8.0", and "21.4R3" <
 *    "21.4R3-S1" < "22.1R1".
 *  - Any other word (one at the end, or followed only by words) is a suffix
 *    word: it sorts after the end of the string and before a number, and
 *    words compare case-insensitively byte by byte. So "17.9.4" < "17.9.4a"
 *    < "17.9.4b" < "17.9.4.1" < "17.9.5", and "4.28.3F" < "4.28.3M".
 *
 * Two strings compare token by token; a string that runs out reads as an
 * end token, and at one position the ranks are
 *
 *   pre-release word < end of string < suffix word < number
 *
 * This is a total preorder: strings with the same tokens ("7.0U3" and
 * "7.0.3", "01.2" and "1.2", "v1.2" and "1.2") are equivalent. Equivalent
 * but different strings are then told apart by strcmp(), so the comparator
 * is a total order where only equal strings compare 0.
 *
 * Nothing is allocated: both strings are walked in place, once. */

typedef enum
{
  TOKEN_PRE,      /* a pre-release word */
  TOKEN_END,
  TOKEN_WORD,     /* a suffix word */
  TOKEN_NUMBER,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;   /* number: without leading zeros */
  gsize       len;
  int         rank;    /* pre-release words: their rank */
} Token;

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_letter (guchar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static inline gboolean
is_separator (guchar c)
{
  return c != '\0' && !is_digit (c) && !is_letter (c);
}

/* The rank of a pre-release word, or -1. */
static int
pre_release_rank (const char *word,
                  gsize       len)
{
  static const struct { const char *word; int rank; } words[] = {
    { "dev", 0 },
    { "alpha", 1 },
    { "beta", 2 },
    { "pre", 3 },
    { "preview", 3 },
    { "rc", 4 },
  };

  if (len < 2 || len > 7)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strlen (words[i].word) == len &&
          g_ascii_strncasecmp (word, words[i].word, len) == 0)
        return words[i].rank;
    }

  return -1;
}

/* Reads the next token at *cursor and moves past it. */
static void
next_token (const char **cursor,
            Token       *token)
{
  const guchar *p = (const guchar *) *cursor;

  for (;;)
    {
      const guchar *start;

      while (is_separator (*p))
        p++;

      if (*p == '\0')
        {
          token->kind = TOKEN_END;
          token->start = (const char *) p;
          token->len = 0;
          token->rank = 0;
          *cursor = (const char *) p;
          return;
        }

      start = p;

      if (is_digit (*p))
        {
          while (*p == '0' && is_digit (p[1]))
            p++;
          start = p;
          while (is_digit (*p))
            p++;
          token->kind = TOKEN_NUMBER;
          token->start = (const char *) start;
          token->len = p - start;
          token->rank = 0;
          *cursor = (const char *) p;
          return;
        }
      else
        {
          const guchar *after;
          int rank;

          while (is_letter (*p))
            p++;

          rank = pre_release_rank ((const char *) start, p - start);
          if (rank >= 0)
            {
              token->kind = TOKEN_PRE;
              token->start = (const char *) start;
              token->len = p - start;
              token->rank = rank;
              *cursor = (const char *) p;
              return;
            }

          /* A word before a number only separates. */
          after = p;
          while (is_separator (*after))
            after++;
          if (is_digit (*after))
            continue;

          token->kind = TOKEN_WORD;
          token->start = (const char *) start;
          token->len = p - start;
          token->rank = 0;
          *cursor = (const char *) p;
          return;
        }
    }
}

static int
compare_numbers (const Token *a,
                 const Token *b)
{
  int cmp;

  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;

  cmp = memcmp (a->start, b->start, a->len);
  return cmp < 0 ? -1 : cmp > 0 ? 1 : 0;
}

static int
compare_words (const Token *a,
               const Token *b)
{
  gsize len = MIN (a->len, b->len);

  for (gsize i = 0; i < len; i++)
    {
      guchar ca = g_ascii_tolower (a->start[i]);
      guchar cb = g_ascii_tolower (b->start[i]);

      if (ca != cb)
        return ca < cb ? -1 : 1;
    }

  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;

  return 0;
}

static int
compare_tokens (const Token *a,
                const Token *b)
{
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;

  switch (a->kind)
    {
    case TOKEN_PRE:
      if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
      return 0;

    case TOKEN_NUMBER:
      return compare_numbers (a, b);

    case TOKEN_WORD:
      return compare_words (a, b);

    case TOKEN_END:
    default:
      return 0;
    }
}

/* Compares how @a and @b read, without the final byte comparison. */
static int
compare_reading (const char *a,
                 const char *b)
{
  for (;;)
    {
      Token ta;
      Token tb;
      int cmp;

      next_token (&a, &ta);
      next_token (&b, &tb);

      cmp = compare_tokens (&ta, &tb);
      if (cmp != 0)
        return cmp;

      if (ta.kind == TOKEN_END)
        return 0;
    }
}

int
cw_version_compare (const char *a,
                    const char *b)
{
  int cmp;

  if (a == b)
    return 0;
  if (a == NULL)
    return -1;
  if (b == NULL)
    return 1;

  cmp = compare_reading (a, b);
  if (cmp != 0)
    return cmp;

  cmp = strcmp (a, b);
  return cmp < 0 ? -1 : cmp > 0 ? 1 : 0;
}

gboolean
cw_version_equivalent (const char *a,
                       const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return compare_reading (a, b) == 0;
}

int
cw_version_compare_ptr (gconstpointer a,
                        gconstpointer b)
{
  return cw_version_compare (*(const char * const *) a, *(const char * const *) b);
}
