/* cw-ics-import-private.h: what the cw-ics-import*.c files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-ics-private.h"

G_BEGIN_DECLS

/* How a TZID of the file is read (cached per TZID). */
typedef struct
{
  char         *iana;       /* the zone, or NULL: */
  icaltimezone *vtimezone;  /* ... the file's VTIMEZONE converts to UTC; or NULL: unknown */
} CwIcsZoneName;

typedef struct
{
  CwStore                  *store;
  const CwIcsImportOptions *options;
  const char               *text;
  gsize                     length;
  GPtrArray                *calendars;     /* CwIcsComponent */
  GPtrArray                *events;        /* CwIcsComponent, the VEVENTs in file order (not owned) */
  GHashTable               *vtimezones;    /* TZID -> CwIcsComponent (not owned) */
  GHashTable               *zone_names;    /* TZID -> CwIcsZoneName */
  GPtrArray                *problems;
  GPtrArray                *items;         /* CwIcsItem */
  CwIcsImportResult         result;
} CwIcsImport;

/* One window or blackout to write, with the VEVENT it comes from. */
typedef struct
{
  CwIcsComponent *event;
  CwMaintWindow  *window;        /* or NULL */
  CwBlackout     *blackout;      /* or NULL */
  char           *series;        /* a blackout's: the UID of its event, which may repeat */
  gboolean        has_scope;     /* the options or the file said it */
  gboolean        has_max_concurrent;
  gboolean        has_mode;
  gboolean        has_text;      /* description or reason, from the file */
} CwIcsItem;

/* A time of the file, read in its own zone. */
typedef struct
{
  gint64      local;      /* wall-clock seconds in @zone */
  gint64      instant;    /* UTC */
  const char *zone;       /* an IANA name (interned), "UTC" too */
  gboolean    is_date;
  gboolean    floating;   /* no TZID and no "Z" */
} CwIcsWhen;

/* cw-ics-import-times.c */
void        _cw_ics_zone_name_free      (CwIcsZoneName   *name);
/* The zone of floating times and dates in @event. */
const char *_cw_ics_floating_zone       (CwIcsImport     *import,
                                         CwIcsComponent  *event);
/* Reads one value of @property (a list's item) in @event; FALSE after
 * adding a problem. */
gboolean    _cw_ics_read_when           (CwIcsImport     *import,
                                         CwIcsComponent  *event,
                                         CwIcsProperty   *property,
                                         const char      *value,
                                         CwIcsWhen       *when);
/* The end of @event from DTEND or DURATION, or (@has_end FALSE) none; FALSE
 * after adding a problem. */
gboolean    _cw_ics_read_end            (CwIcsImport     *import,
                                         CwIcsComponent  *event,
                                         const CwIcsWhen *start,
                                         CwIcsWhen       *end,
                                         gboolean        *has_end);
/* @when as local time in @tzid. */
gint64      _cw_ics_when_in_zone        (const CwIcsWhen *when,
                                         const char      *tzid);
/* The local start, in @window's zone, that names the occurrence @when
 * means in an EXDATE, RDATE or RECURRENCE-ID: a date in a list of
 * date-times is that day at the time of @start, the window's DTSTART; a
 * date-time in another zone (UTC, as Google writes) is the occurrence of
 * the rule starting at that instant, which on a spring-forward day is the
 * time the rule gave (02:30), not the one the clocks showed (03:30). */
gint64      _cw_ics_occurrence_local    (const CwMaintWindow *window,
                                         const CwIcsWhen     *start,
                                         const CwIcsWhen     *when);
/* "YYYY-MM-DDTHH:MM:SS" */
char       *_cw_ics_format_local        (gint64           local);
/* Whole minutes, rounded up. */
guint       _cw_ics_minutes_between     (gint64           start,
                                         gint64           end);
/* A midnight @days after the date of @local, in @tzid, as an instant. */
gint64      _cw_ics_days_later          (gint64           local,
                                         int              days,
                                         const char      *tzid);

/* cw-ics-import.c */
gboolean    _cw_ics_read_events         (CwIcsImport     *import,
                                         GError         **error);

/* cw-ics-import-check.c: libical marks what it cannot read with
 * X-LIC-ERROR properties; each becomes a problem on its line (values of
 * properties this importer does not read itself). */
void        _cw_ics_check_with_libical  (CwIcsImport     *import);

/* cw-ics-import-save.c */
gboolean    _cw_ics_save                (CwIcsImport     *import,
                                         GError         **error);
void        _cw_ics_item_free           (CwIcsItem       *item);
/* Reads the X-CHANGEWARD scope of @event into a new scope, or NULL when it
 * has none; problems for sites and CIs the workspace lacks. */
CwScope    *_cw_ics_read_scope          (CwIcsImport     *import,
                                         CwIcsComponent  *event);

G_END_DECLS
