/* cw-schedule.h: the maintenance calendar: maintenance windows, blackouts
 * and planned work, occurrence expansion, conflicts and free slots.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cw-store.h"

G_BEGIN_DECLS

/* Times
 * -----
 * Instants are gint64 Unix seconds, UTC. Half-open intervals: [start, end);
 * two intervals overlap when a.start < b.end && b.start < a.end, so work
 * ending at 02:00 and work starting at 02:00 do not overlap.
 *
 * A maintenance window is wall-clock time in its own IANA time zone (tzid,
 * always required; an importer maps floating times to a zone its caller
 * chooses, UTC when none): its start, its exdates and its overrides are local
 * date-times "YYYY-MM-DDTHH:MM:SS". Functions taking one also accept
 * "YYYY-MM-DD HH:MM[:SS]", "YYYY-MM-DDTHH:MM" and the RFC 5545 form
 * "YYYYMMDDTHHMMSS" (no "Z"), and store the full form.
 *
 * Daylight saving, for a local start L in the window's zone:
 * - L does not exist (clocks spring forward over it, 02:30 on 2026-03-29 in
 *   Europe/Berlin): it is read with the UTC offset in force before the gap,
 *   as RFC 5545 §3.3.5 says, so it starts one gap later in new local time
 *   (02:30 CET = 01:30 UTC = 03:30 CEST);
 * - L happens twice (clocks fall back over it, 02:30 on 2026-10-25 in
 *   Europe/Berlin): the first one, the earlier instant (02:30 CEST = 00:30
 *   UTC).
 * A duration is elapsed time: a 120 minute window at 01:00 on a
 * spring-forward day ends at 04:00 local time; on a fall-back day at 02:00.
 */

#define CW_SCHEDULE_ERROR (cw_schedule_error_quark ())

/**
 * CwScheduleError:
 * @CW_SCHEDULE_ERROR_NOT_FOUND: no window, blackout or planned work of that id
 * @CW_SCHEDULE_ERROR_INVALID_INPUT: an empty name or scope, an end before its
 *   start, a bad local date-time, a zero duration
 * @CW_SCHEDULE_ERROR_BAD_TIME_ZONE: not an IANA time zone known to the system
 * @CW_SCHEDULE_ERROR_BAD_RRULE: the recurrence rule does not parse (the
 *   message carries libical's reason)
 * @CW_SCHEDULE_ERROR_UNKNOWN_CI: no CI of that id
 * @CW_SCHEDULE_ERROR_UNKNOWN_SITE: no site of that code or name
 * @CW_SCHEDULE_ERROR_UNKNOWN_CLASS: not a CI class
 * @CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK: no runbook, or no version, of that
 *   name and number, or its timing cannot be computed
 * @CW_SCHEDULE_ERROR_EXISTS: another item of the same kind has that uid
 */
typedef enum
{
  CW_SCHEDULE_ERROR_NOT_FOUND,
  CW_SCHEDULE_ERROR_INVALID_INPUT,
  CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
  CW_SCHEDULE_ERROR_BAD_RRULE,
  CW_SCHEDULE_ERROR_UNKNOWN_CI,
  CW_SCHEDULE_ERROR_UNKNOWN_SITE,
  CW_SCHEDULE_ERROR_UNKNOWN_CLASS,
  CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK,
  CW_SCHEDULE_ERROR_EXISTS,
} CwScheduleError;

/* Scope --------------------------------------------------------------------
 *
 * What a window or blackout applies to. A CI is covered when @everything is
 * set, or its site is one of @sites, or its class one of @classes, or its id
 * one of @ci_ids (a union). A scope with nothing in it is refused on save.
 */
typedef struct
{
  gboolean  everything;
  GStrv     sites;     /* site codes (read back); codes or names (on save); NULL when none */
  GStrv     classes;   /* CI class keys (cw_ci_classes()); NULL when none */
  GArray   *ci_ids;    /* (element-type gint64); never NULL, may be empty */
} CwScope;

typedef enum
{
  CW_BLACKOUT_BLOCK,   /* planned work inside it is an error */
  CW_BLACKOUT_WARN,    /* ... a warning */
} CwBlackoutMode;

/* An occurrence moved (new start and/or duration) or cancelled. */
typedef struct
{
  char     *recurrence_id;  /* the original local start it replaces */
  gboolean  cancelled;
  char     *start_local;    /* the new local start; NULL when cancelled */
  guint     duration_min;   /* the new duration; 0 keeps the window's */
} CwWindowOverride;

typedef struct
{
  gint64     id;              /* 0 until saved */
  char      *uid;             /* stable, for ICS; "<random>@changeward" made on save when NULL */
  char      *name;
  char      *description;     /* or NULL */
  CwScope   *scope;           /* never NULL */
  char      *tzid;            /* IANA, "Europe/Berlin"; required */
  char      *start_local;     /* DTSTART, local in @tzid */
  guint      duration_min;    /* elapsed minutes, > 0 */
  char      *rrule;           /* RFC 5545 RRULE value ("FREQ=MONTHLY;BYDAY=2SU"), or NULL: once */
  GStrv      exdates;         /* local starts in @tzid left out; NULL when none */
  GPtrArray *overrides;       /* (element-type CwWindowOverride); never NULL */
  guint      max_concurrent;  /* planned works at once in one occurrence; 0: no limit */
} CwMaintWindow;

typedef struct
{
  gint64          id;
  char           *uid;
  char           *name;
  char           *reason;    /* or NULL */
  CwScope        *scope;     /* never NULL */
  CwBlackoutMode  mode;
  gint64          start;     /* UTC */
  gint64          end;
  char           *tzid;      /* the zone it was defined in (all-day boundaries), or NULL: UTC */
  gboolean        all_day;   /* start and end are midnights in @tzid */
} CwBlackout;

typedef struct
{
  gint64  id;
  char   *uid;
  char   *title;
  char   *description;      /* or NULL */
  GArray *ci_ids;           /* (element-type gint64), at least one; never NULL */
  char   *runbook_name;     /* or NULL */
  guint   runbook_version;  /* 0: the latest version when checked */
  gint64  start;            /* UTC */
  gint64  end;
  char   *assignee;         /* a users.username or free text, or NULL; compared case-insensitively */
} CwPlannedWork;

/* One occurrence of a window. Plain data: an array of them needs no clear
 * function. */
typedef struct
{
  gint64    window_id;
  gint64    start;              /* UTC */
  gint64    end;
  char      recurrence_id[20];  /* the original local start, "YYYY-MM-DDTHH:MM:SS" */
  gboolean  moved;              /* an override changed it */
} CwOccurrence;

GQuark          cw_schedule_error_quark        (void);

const char     *cw_blackout_mode_to_string     (CwBlackoutMode   mode);    /* "block", "warn" */
gboolean        cw_blackout_mode_from_string   (const char      *text,
                                                CwBlackoutMode  *mode);
const char     *cw_blackout_mode_get_label     (CwBlackoutMode   mode);    /* translated */

CwScope        *cw_scope_new                   (void);                     /* empty: covers nothing */
CwScope        *cw_scope_new_everything        (void);
CwScope        *cw_scope_copy                  (const CwScope   *scope);
void            cw_scope_free                  (CwScope         *scope);
gboolean        cw_scope_is_empty              (const CwScope   *scope);
/* Pure: @site_code and @ci_class may be NULL. */
gboolean        cw_scope_covers                (const CwScope   *scope,
                                                gint64           ci_id,
                                                const char      *site_code,
                                                const char      *ci_class);
/* Translated, for display: "Everything", "Sites: BER, MUC · Classes: Switch · 3 CIs" */
char           *cw_scope_to_display            (const CwScope   *scope);

CwWindowOverride *cw_window_override_new       (const char      *recurrence_id,
                                                const char      *start_local,   /* NULL: cancelled */
                                                guint            duration_min);
CwWindowOverride *cw_window_override_copy      (const CwWindowOverride *override);
void            cw_window_override_free        (CwWindowOverride *override);

CwMaintWindow  *cw_maint_window_new            (const char      *name,
                                                const char      *tzid,
                                                const char      *start_local,
                                                guint            duration_min);  /* scope: empty */
CwMaintWindow  *cw_maint_window_copy           (const CwMaintWindow *window);
void            cw_maint_window_free           (CwMaintWindow   *window);
/* Everything but the store: name, scope, zone, start, duration, rule,
 * exdates and overrides. Does not look up sites or CIs. */
gboolean        cw_maint_window_check          (const CwMaintWindow *window,
                                                GError         **error);

CwBlackout     *cw_blackout_new                (const char      *name,
                                                CwBlackoutMode   mode,
                                                gint64           start,
                                                gint64           end);           /* scope: empty */
CwBlackout     *cw_blackout_copy               (const CwBlackout *blackout);
void            cw_blackout_free               (CwBlackout      *blackout);

CwPlannedWork  *cw_planned_work_new            (const char      *title,
                                                gint64           start,
                                                gint64           end);
CwPlannedWork  *cw_planned_work_copy           (const CwPlannedWork *work);
void            cw_planned_work_free           (CwPlannedWork   *work);
void            cw_planned_work_add_ci         (CwPlannedWork   *work,
                                                gint64           ci_id);

/* Time helpers --------------------------------------------------------------- */

gboolean        cw_schedule_time_zone_is_valid (const char      *tzid);
/* "YYYY-MM-DDTHH:MM:SS", or NULL with CW_SCHEDULE_ERROR_INVALID_INPUT. */
char           *cw_schedule_normalize_local    (const char      *text,
                                                GError         **error);
/* A local date-time in @tzid to an instant, by the daylight-saving rules
 * above. */
gboolean        cw_schedule_local_to_utc       (const char      *local,
                                                const char      *tzid,
                                                gint64          *instant,
                                                GError         **error);
/* "YYYY-MM-DDTHH:MM:SS" in @tzid (NULL: UTC). */
char           *cw_schedule_utc_to_local       (gint64           instant,
                                                const char      *tzid);
/* For display; @format as g_date_time_format(), NULL: "%Y-%m-%d %H:%M %Z". */
char           *cw_schedule_format_instant     (gint64           instant,
                                                const char      *tzid,
                                                const char      *format);

/* Occurrences ------------------------------------------------------------------ */

/* The occurrences of @window that overlap [@from, @to), sorted by start:
 * the RRULE (parsed by libical) expanded over wall-clock time in the
 * window's zone, minus exdates and cancelled overrides; a moved occurrence
 * appears where it was moved to (an override applies even when its
 * recurrence id is not generated by the rule). COUNT counts occurrences
 * before exdates are removed; a UTC UNTIL is compared with the UTC start, a
 * floating one with the local start, a date UNTIL includes its whole local
 * day. Daily, weekly and monthly rules without BYSETPOS, BYHOUR and the like
 * are generated directly (libical 3.0 iterates through ICU, far too slowly
 * for a year of 2,000 windows); test-recurrence checks them against libical's
 * iterator, which expands every other rule. (element-type CwOccurrence) */
GArray         *cw_maint_window_expand         (const CwMaintWindow *window,
                                                gint64           from,
                                                gint64           to,
                                                GError         **error);
/* Every window's occurrences overlapping [@from, @to), sorted by start then
 * window id. (element-type CwOccurrence) */
GArray         *cw_schedule_list_occurrences   (CwStore         *store,
                                                gint64           from,
                                                gint64           to,
                                                GError         **error);

/* Store -------------------------------------------------------------------------
 *
 * Each change runs in its own SAVEPOINT, so it may be called inside a
 * transaction a caller began with cw_store_begin() (an import saving many
 * items, all or nothing). Adding sets ->id (and ->uid when it was NULL);
 * updating with ->uid NULL keeps the stored uid.
 * Sites in a scope are looked up by code, then name, case-insensitively;
 * CIs and classes are checked. A planned work's runbook must exist
 * (CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK).
 */

gboolean        cw_schedule_add_window         (CwStore         *store,
                                                CwMaintWindow   *window,
                                                GError         **error);
/* Replaces every field, exdates and overrides of the window of ->id. */
gboolean        cw_schedule_update_window      (CwStore         *store,
                                                CwMaintWindow   *window,
                                                GError         **error);
gboolean        cw_schedule_delete_window      (CwStore         *store,
                                                gint64           id,
                                                GError         **error);
CwMaintWindow  *cw_schedule_get_window         (CwStore         *store,
                                                gint64           id,
                                                GError         **error);
/* NULL without an error when none has @uid. */
CwMaintWindow  *cw_schedule_find_window        (CwStore         *store,
                                                const char      *uid,
                                                GError         **error);
/* By name. (element-type CwMaintWindow) */
GPtrArray      *cw_schedule_list_windows       (CwStore         *store,
                                                GError         **error);

gboolean        cw_schedule_add_blackout       (CwStore         *store,
                                                CwBlackout      *blackout,
                                                GError         **error);
gboolean        cw_schedule_update_blackout    (CwStore         *store,
                                                CwBlackout      *blackout,
                                                GError         **error);
gboolean        cw_schedule_delete_blackout    (CwStore         *store,
                                                gint64           id,
                                                GError         **error);
CwBlackout     *cw_schedule_get_blackout       (CwStore         *store,
                                                gint64           id,
                                                GError         **error);
CwBlackout     *cw_schedule_find_blackout      (CwStore         *store,
                                                const char      *uid,
                                                GError         **error);
/* Those overlapping [@from, @to), by start; G_MININT64, G_MAXINT64 for all.
 * (element-type CwBlackout) */
GPtrArray      *cw_schedule_list_blackouts     (CwStore         *store,
                                                gint64           from,
                                                gint64           to,
                                                GError         **error);

gboolean        cw_schedule_add_work           (CwStore         *store,
                                                CwPlannedWork   *work,
                                                GError         **error);
gboolean        cw_schedule_update_work        (CwStore         *store,
                                                CwPlannedWork   *work,
                                                GError         **error);
gboolean        cw_schedule_delete_work        (CwStore         *store,
                                                gint64           id,
                                                GError         **error);
CwPlannedWork  *cw_schedule_get_work           (CwStore         *store,
                                                gint64           id,
                                                GError         **error);
CwPlannedWork  *cw_schedule_find_work          (CwStore         *store,
                                                const char      *uid,
                                                GError         **error);
/* Those overlapping [@from, @to), by start then id; G_MININT64, G_MAXINT64
 * for all. (element-type CwPlannedWork) */
GPtrArray      *cw_schedule_list_work          (CwStore         *store,
                                                gint64           from,
                                                gint64           to,
                                                GError         **error);

/* The window a runbook version needs (critical path + validation + rollback
 * + buffer, cw_runbook_timing()), in minutes; @version 0: the latest. */
gboolean        cw_schedule_get_window_needed  (CwStore         *store,
                                                const char      *runbook_name,
                                                guint            version,
                                                guint           *minutes,
                                                GError         **error);

/* Conflicts -------------------------------------------------------------------- */

typedef enum
{
  CW_CONFLICT_CI_OVERLAP,        /* two planned works overlap on a CI, or on a CI and what it runs on or is part of */
  CW_CONFLICT_BLACKOUT,          /* planned work inside a blackout covering one of its CIs */
  CW_CONFLICT_OUTSIDE_WINDOW,    /* a CI of the work has no window occurrence holding all of it
                                    (a CI no window covers is not held to windows) */
  CW_CONFLICT_WINDOW_TOO_SHORT,  /* the runbook's window needed is longer than the window left from the work's start */
  CW_CONFLICT_WORK_TOO_SHORT,    /* the work is booked for less than its runbook's window needed */
  CW_CONFLICT_ASSIGNEE,          /* one assignee in two overlapping planned works */
  CW_CONFLICT_CONCURRENCY,       /* more planned works at once in an occurrence than its window allows */
  CW_CONFLICT_UNKNOWN_RUNBOOK,   /* the work's runbook (version) is gone or has no timing */
  CW_N_CONFLICT_KINDS,
} CwConflictKind;

typedef enum
{
  CW_CONFLICT_WARNING,
  CW_CONFLICT_ERROR,
} CwConflictSeverity;

/* Severities: BLACKOUT is an error in a block blackout and a warning in a
 * warn one; WORK_TOO_SHORT and UNKNOWN_RUNBOOK are warnings; every other
 * kind is an error. */
typedef struct
{
  CwConflictKind      kind;
  CwConflictSeverity  severity;
  GArray             *work_ids;     /* (element-type gint64), the planned works involved; never NULL */
  gint64              window_id;    /* the window concerned, or 0 */
  gint64              blackout_id;  /* the blackout concerned, or 0 */
  GArray             *ci_ids;       /* (element-type gint64), the CIs involved; never NULL */
  char               *assignee;     /* CW_CONFLICT_ASSIGNEE, or NULL */
  gint64              start;        /* the time concerned (the overlap, the work, ...) */
  gint64              end;
  char               *message;      /* translated; names the works, CIs, window or blackout */
} CwConflict;

const char     *cw_conflict_kind_to_string     (CwConflictKind      kind);      /* "ci-overlap", "blackout", "outside-window", ... */
const char     *cw_conflict_kind_get_label     (CwConflictKind      kind);      /* translated: "Same CI at the same time" */
const char     *cw_conflict_severity_to_string (CwConflictSeverity  severity);  /* "warning", "error" */
void            cw_conflict_free               (CwConflict         *conflict);

/* Every conflict of the planned works that overlap [@from, @to), sorted by
 * start, then kind. (element-type CwConflict) */
GPtrArray      *cw_schedule_conflicts          (CwStore         *store,
                                                gint64           from,
                                                gint64           to,
                                                GError         **error);
/* The conflicts @work would have if saved as it is (the stored work of
 * ->id, if any, is replaced by it): every conflict that involves it, where
 * it is named by its ->id (0 when unsaved). For checking while a work is
 * edited or dragged. (element-type CwConflict) */
GPtrArray      *cw_schedule_check_work         (CwStore             *store,
                                                const CwPlannedWork *work,
                                                GError             **error);

/* A range at once ----------------------------------------------------------------- */

/* What a calendar shows of [@from, @to), read in one read transaction, each
 * window with its scope rows, exdates and overrides read once for both its
 * occurrences and the conflicts. */
typedef struct
{
  GPtrArray *windows;      /* (element-type CwMaintWindow) by name: every window that can reach the
                              range or its planned works (those of @occurrences among them) */
  GArray    *occurrences;  /* (element-type CwOccurrence) as cw_schedule_list_occurrences (@from, @to) */
  GPtrArray *blackouts;    /* (element-type CwBlackout) as cw_schedule_list_blackouts (@from, @to) */
  GPtrArray *works;        /* (element-type CwPlannedWork) as cw_schedule_list_work (@from, @to) */
  GPtrArray *conflicts;    /* (element-type CwConflict) as cw_schedule_conflicts (@from, @to) */
} CwScheduleRange;

CwScheduleRange *cw_schedule_load_range       (CwStore         *store,
                                               gint64           from,
                                               gint64           to,
                                               GError         **error);
void             cw_schedule_range_free       (CwScheduleRange *range);

/* Free slots -------------------------------------------------------------------- */

typedef struct
{
  const gint64 *ci_ids;
  guint         n_ci_ids;          /* at least one */
  const char   *runbook_name;      /* its window needed is the slot's length; or NULL: */
  guint         runbook_version;   /* 0: the latest */
  guint         duration_min;      /* ... the slot's length when there is no runbook */
  gint64        after;             /* slots start at or after it */
  gint64        until;             /* ... and end by it; 0: @after + 366 days */
  guint         n_slots;           /* 0: 5 */
  gint64        ignore_work_id;    /* a planned work being moved, left out; or 0 */
} CwSlotQuery;

typedef struct
{
  gint64    start;              /* UTC */
  gint64    end;                /* start + the window needed */
  gint64    window_id;          /* the window whose occurrence holds it */
  gint64    occurrence_start;
  gint64    occurrence_end;
  gboolean  has_warnings;       /* a warn-mode blackout covers it */
} CwFreeSlot;

/* The first slots, by start, at most one per window occurrence (its earliest
 * free start), that would give a planned work on the CIs no error-level
 * conflict: each CI inside an occurrence of a window covering it, no block
 * blackout, no overlapping planned work on the same CIs or what they run on
 * or are part of, concurrency limits kept. Candidate starts are each
 * occurrence's start (or @after), the ends of the planned works and
 * blackouts in the way, and the starts of the CIs' other occurrences. Only
 * occurrences of windows covering one of the CIs are searched: none when no
 * window covers any of them. CW_SCHEDULE_ERROR_UNKNOWN_CI,
 * _UNKNOWN_RUNBOOK or _INVALID_INPUT (no CI, no duration) on a bad query.
 * (element-type CwFreeSlot) */
GArray         *cw_schedule_free_slots         (CwStore            *store,
                                                const CwSlotQuery  *query,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwScope, cw_scope_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwWindowOverride, cw_window_override_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwMaintWindow, cw_maint_window_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwBlackout, cw_blackout_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwPlannedWork, cw_planned_work_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwConflict, cw_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwScheduleRange, cw_schedule_range_free)

G_END_DECLS
