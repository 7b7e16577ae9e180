/* cw-ics.h: the maintenance calendar as iCalendar (RFC 5545) files, for
 * Outlook, Google Calendar, Evolution and Changeward itself.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cw-schedule.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* Export
 * ------
 * One VCALENDAR: a VTIMEZONE for every TZID used (made from the system's
 * zone database, covering the years the file needs, with yearly RRULEs where
 * the zone follows a rule), then the windows by name, each followed by its
 * moved occurrences (VEVENTs with RECURRENCE-ID), then the blackouts and the
 * planned work by start. Every VEVENT has its item's stable UID, DTSTAMP,
 * SUMMARY, CATEGORIES and a DESCRIPTION listing the scope, CIs by name,
 * runbook, assignee or mode; X-CHANGEWARD-* properties keep what calendar
 * programs have no field for (kind, mode, scope, concurrency limit, the
 * plain description), so that a file Changeward wrote imports back to the
 * same items. Windows are written in their zone (TZID), or in UTC ("Z")
 * when their zone is UTC; all-day blackouts as dates (VALUE=DATE), the zone
 * of their days in X-CHANGEWARD-TZID; other blackouts and planned work in
 * UTC, or in their zone when they have one.
 * An exdate is an EXDATE; a cancelled occurrence an EXDATE with the
 * parameter X-CHANGEWARD-CANCELLED=TRUE, so other programs leave it out too.
 * RRULEs are written as libical writes them: the same rule, its parts
 * perhaps in another order.
 * Lines are folded at 75 octets and end in CRLF.
 *
 * Import
 * ------
 * VEVENTs become maintenance windows or blackouts, as the caller says;
 * events Changeward exported keep their own kind (X-CHANGEWARD-KIND), and
 * its planned work is skipped. Times:
 * - TZID: an IANA name (prefixes such as Evolution's
 *   "/freeassociation.sourceforge.net/" removed), a Windows zone name as
 *   Outlook writes ("W. Europe Standard Time": Europe/Berlin), the
 *   X-LIC-LOCATION of the file's VTIMEZONE, or an IANA zone whose offsets
 *   match the file's VTIMEZONE through the years concerned; failing all of
 *   these, the file's VTIMEZONE converts the times to UTC and the item is
 *   kept in UTC;
 * - UTC ("Z"): the zone UTC (a blackout: no zone);
 * - floating (no TZID, no "Z") and all-day dates: in the event's
 *   X-CHANGEWARD-TZID (Changeward writes it on all-day blackouts, UTC
 *   included), else in @floating_tzid of the options; when it is NULL, in
 *   the zone of the options' site, else in the calendar's X-WR-TIMEZONE
 *   (Apple Calendar, Google Calendar), else in UTC.
 *   An all-day event runs from midnight of its first
 *   day to midnight after its last, in that zone: the day boundaries of a
 *   blackout, the whole day of a window.
 * The end is DTEND or DURATION (neither: one day for a date, an error for a
 * date-time). RRULE, EXDATE (any number, comma lists too) and RDATE (an
 * added occurrence) are kept for windows; VEVENTs with a RECURRENCE-ID are
 * attached to the event of the same UID in the file, or else to the window
 * of that UID in the workspace, as moved or (STATUS:CANCELLED) cancelled
 * occurrences. Other events with STATUS:CANCELLED are skipped. A repeating
 * blackout with an end (COUNT or UNTIL) becomes one blackout per occurrence,
 * whose UIDs are "UID/recurrence-id"; one without an end is an error.
 *
 * An item whose UID the workspace has already is updated, not added again:
 * importing the same file twice changes nothing. The blackouts of one event
 * are replaced as a whole: those an earlier import of it made that it no
 * longer makes (an occurrence excluded since, a COUNT lowered) are removed. An update keeps what the
 * file does not say: the concurrency limit, and the scope when the options
 * name no site and the file has no X-CHANGEWARD scope. New items get the
 * options' site, else the file's X-CHANGEWARD scope, else everything.
 *
 * Every event is checked before anything is written, and everything is
 * written in one transaction: a file with any problem imports nothing.
 */

#define CW_ICS_ERROR (cw_ics_error_quark ())

/**
 * CwIcsError:
 * @CW_ICS_ERROR_NOT_CALENDAR: the file is empty, not text, or not iCalendar
 * @CW_ICS_ERROR_NO_EVENTS: a calendar without a VEVENT
 * @CW_ICS_ERROR_INVALID: the file has problems; the message lists each on a
 *   line of its own: "line 14 (VEVENT “Sunday window”): DTSTART “20261301”
 *   is not a valid date"
 */
typedef enum
{
  CW_ICS_ERROR_NOT_CALENDAR,
  CW_ICS_ERROR_NO_EVENTS,
  CW_ICS_ERROR_INVALID,
} CwIcsError;

typedef enum
{
  CW_ICS_IMPORT_WINDOWS,
  CW_ICS_IMPORT_BLACKOUTS,
} CwIcsImportKind;

typedef struct
{
  CwIcsImportKind  kind;
  const char      *site;           /* the scope of what is imported: this site (code or name); or NULL */
  gboolean         has_mode;       /* TRUE: @mode for every blackout; FALSE: the file's X-CHANGEWARD-MODE, else block */
  CwBlackoutMode   mode;
  const char      *floating_tzid;  /* the zone of floating times and all-day dates; NULL: @site's, else X-WR-TIMEZONE, else UTC */
} CwIcsImportOptions;

typedef struct
{
  guint  n_windows_added;
  guint  n_windows_updated;
  guint  n_blackouts_added;
  guint  n_blackouts_updated;
  guint  n_cancelled;          /* events with STATUS:CANCELLED skipped */
  guint  n_work_skipped;       /* planned work of a Changeward file, not imported */
  guint  n_blackouts_removed;  /* blackouts of a repeating event it no longer makes */
} CwIcsImportResult;

typedef struct
{
  gint64  from;      /* G_MININT64 and G_MAXINT64: everything. Windows with an */
  gint64  to;        /* occurrence in [from, to), others overlapping it */
  gint64  dtstamp;   /* DTSTAMP of every event, UTC; 0: now */
} CwIcsExportOptions;

typedef struct
{
  guint  n_windows;
  guint  n_blackouts;
  guint  n_works;
  guint  n_time_zones;
} CwIcsExportResult;

GQuark      cw_ics_error_quark          (void);

void        cw_ics_import_options_init  (CwIcsImportOptions       *options);
/* @result may be NULL. On error nothing was written. */
gboolean    cw_ics_import               (CwStore                  *store,
                                         const char               *text,
                                         gssize                    length,
                                         const CwIcsImportOptions *options,
                                         CwIcsImportResult        *result,
                                         GError                  **error);
gboolean    cw_ics_import_file          (CwStore                  *store,
                                         const char               *path,
                                         const CwIcsImportOptions *options,
                                         CwIcsImportResult        *result,
                                         GError                  **error);

void        cw_ics_export_options_init  (CwIcsExportOptions       *options);
/* The calendar text, CRLF line ends. @result may be NULL. */
char       *cw_ics_export               (CwStore                  *store,
                                         const CwIcsExportOptions *options,
                                         CwIcsExportResult        *result,
                                         GError                  **error);

/* Time zone names ------------------------------------------------------------ */

/* The IANA zone of a Windows zone name ("W. Europe Standard Time":
 * "Europe/Berlin"), or NULL. */
const char *cw_ics_windows_zone_to_iana (const char               *windows_name);
/* The IANA zone a TZID names: itself, without a path prefix
 * ("/freeassociation.sourceforge.net/Europe/London": "Europe/London"), or a
 * Windows name's zone; NULL when it names none. */
char       *cw_ics_tzid_to_iana         (const char               *tzid);

G_END_DECLS
