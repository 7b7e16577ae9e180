/* cw-ics-private.h: what the cw-ics*.c files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libical/ical.h>

#include "cw-ics.h"
#include "cw-schedule-private.h"

G_BEGIN_DECLS

/* Content lines (cw-ics-lines.c) ----------------------------------------------
 *
 * The importer reads the file's structure itself, so that every problem has
 * a line number (libical keeps none) and every date is checked (libical
 * takes month 13). Values stay as they are in the file, unfolded.
 */
typedef struct
{
  char *name;      /* upper-case */
  char *value;     /* without quotes */
} CwIcsParam;

typedef struct
{
  char      *name;     /* upper-case */
  GPtrArray *params;   /* (element-type CwIcsParam) */
  char      *value;    /* raw, unfolded, still escaped */
  guint      line;     /* the physical line it starts on, from 1 */
} CwIcsProperty;

typedef struct _CwIcsComponent CwIcsComponent;

struct _CwIcsComponent
{
  char           *name;        /* upper-case: "VCALENDAR", "VEVENT", ... */
  guint           line;        /* of its BEGIN */
  GPtrArray      *properties;  /* (element-type CwIcsProperty), in file order */
  GPtrArray      *children;    /* (element-type CwIcsComponent) */
  CwIcsComponent *parent;
};

/* The VCALENDARs of the text, or NULL with CW_ICS_ERROR_NOT_CALENDAR (not
 * iCalendar at all) or CW_ICS_ERROR_INVALID (a broken structure: a line
 * that is not NAME:value, an unmatched BEGIN or END). (element-type
 * CwIcsComponent) */
GPtrArray      *_cw_ics_scan                (const char      *text,
                                             gsize            length,
                                             GError         **error);
void            _cw_ics_component_free      (CwIcsComponent  *component);
CwIcsProperty  *_cw_ics_component_get       (CwIcsComponent  *component,
                                             const char      *name);
const char     *_cw_ics_property_get_param  (CwIcsProperty   *property,
                                             const char      *name);
/* The component as iCalendar text again, for libical. */
void            _cw_ics_component_append_text (CwIcsComponent *component,
                                               GString        *out);
/* A TEXT value unescaped (\\n, \\, \\; \\\\). */
char           *_cw_ics_unescape_text       (const char      *value);
/* "VEVENT “Sunday window”", or its UID, for messages. */
char           *_cw_ics_describe            (CwIcsComponent  *component);

/* One DATE or DATE-TIME value, checked. */
typedef struct
{
  gint64    local;     /* wall-clock seconds (_cw_local_from_fields) */
  gboolean  is_date;
  gboolean  utc;       /* ended in "Z" */
} CwIcsTime;

/* FALSE, with a translated message naming @name, when @value is not a
 * date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS[Z]) that exists;
 * @want_date: 1 a date, 0 a date-time, -1 either. */
gboolean        _cw_ics_parse_time          (const char      *name,
                                             const char      *value,
                                             int              want_date,
                                             CwIcsTime       *time,
                                             char           **message);

/* Problems: "line 14 (VEVENT “Sunday window”): ...", sorted by line and
 * joined into one CW_ICS_ERROR_INVALID error. (element-type CwIcsProblem) */
typedef struct
{
  guint  line;
  char  *text;
} CwIcsProblem;

GPtrArray      *_cw_ics_problems_new        (void);
/* @component: named in the message (NULL: only the line). */
void            _cw_ics_problems_add        (GPtrArray       *problems,
                                             guint            line,
                                             CwIcsComponent  *component,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (4, 5);
void            _cw_ics_problems_add_text   (GPtrArray       *problems,
                                             guint            line,
                                             CwIcsComponent  *component,
                                             const char      *text);
/* FALSE with CW_ICS_ERROR_INVALID listing them when there are any. */
gboolean        _cw_ics_problems_check      (GPtrArray       *problems,
                                             GError         **error);

/* Time zones (cw-ics-zones.c) --------------------------------------------------- */

/* A VTIMEZONE for @tzid covering the local years [@first_year, @last_year]:
 * the offset in force before, each change, and yearly RRULEs where the
 * changes follow one. NULL for an unknown zone. */
icalcomponent  *_cw_ics_build_vtimezone     (const char      *tzid,
                                             int              first_year,
                                             int              last_year);
/* The IANA zone whose UTC offsets equal those of @vtimezone at every month
 * of the years [@first_year, @last_year], from the Windows table's zones;
 * or NULL. */
const char     *_cw_ics_match_vtimezone     (icaltimezone    *vtimezone,
                                             int              first_year,
                                             int              last_year);

/* Export helpers (cw-ics-export-text.c) ----------------------------------------- */

/* The translated DESCRIPTION lines of each kind of item. */
char           *_cw_ics_describe_window     (CwStore         *store,
                                             const CwMaintWindow  *window,
                                             GError         **error);
char           *_cw_ics_describe_blackout   (CwStore         *store,
                                             const CwBlackout *blackout,
                                             GError         **error);
char           *_cw_ics_describe_work       (CwStore         *store,
                                             const CwPlannedWork *work,
                                             GError         **error);
/* The names of CIs by id, in the order of @ci_ids; NULL on error. */
GStrv           _cw_ics_ci_names            (CwStore         *store,
                                             GArray          *ci_ids,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwIcsComponent, _cw_ics_component_free)

G_END_DECLS
