/* cw-schedule-private.h: what the cw-schedule*.c, cw-recurrence.c,
 * cw-conflicts.c and cw-free-slots.c files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cw-schedule.h"

G_BEGIN_DECLS

#define CW_SCHEDULE_DAY (G_GINT64_CONSTANT (86400))

/* Time zones ---------------------------------------------------------------
 *
 * A "local" value is a wall-clock date-time counted as if it were UTC:
 * seconds from 1970-01-01T00:00:00 of the same calendar. A CwZone caches the
 * offsets it has looked up by day; it is not thread-safe, so each caller
 * makes its own.
 */
typedef struct _CwZone CwZone;

CwZone     *_cw_zone_new              (const char   *tzid);   /* NULL: unknown zone */
void        _cw_zone_free             (CwZone       *zone);
const char *_cw_zone_get_tzid         (CwZone       *zone);
int         _cw_zone_offset_at        (CwZone       *zone,
                                       gint64        instant);
gint64      _cw_zone_local_to_utc     (CwZone       *zone,
                                       gint64        local);
gint64      _cw_zone_utc_to_local     (CwZone       *zone,
                                       gint64        instant);

/* Wall-clock seconds of a calendar date-time; no checks. */
gint64      _cw_local_from_fields     (int           year,
                                       int           month,
                                       int           day,
                                       int           hour,
                                       int           minute,
                                       int           second);
void        _cw_local_to_fields       (gint64        local,
                                       int          *year,
                                       int          *month,
                                       int          *day,
                                       int          *hour,
                                       int          *minute,
                                       int          *second);
/* Parses any accepted form; FALSE with CW_SCHEDULE_ERROR_INVALID_INPUT. */
gboolean    _cw_local_parse           (const char   *text,
                                       gint64       *local,
                                       GError      **error);
/* "YYYY-MM-DDTHH:MM:SS" into @buffer (at least 20 bytes). */
void        _cw_local_format          (gint64        local,
                                       char         *buffer);

/* Recurrence --------------------------------------------------------------- */

/* Checks an RRULE value with libical; FALSE with CW_SCHEDULE_ERROR_BAD_RRULE. */
gboolean    _cw_rrule_check           (const char   *rrule,
                                       GError      **error);
/* Appends to @out (element-type CwOccurrence) the occurrences of @window
 * overlapping [@from, @to), sorted by start. @zone is the window's. */
gboolean    _cw_window_expand_into    (const CwMaintWindow *window,
                                       CwZone       *zone,
                                       gint64        from,
                                       gint64        to,
                                       GArray       *out,
                                       GError      **error);
/* By start, then window id, then recurrence id (CwOccurrence). */
int         _cw_occurrence_compare    (gconstpointer a,
                                       gconstpointer b);
/* The start of the first occurrence and the end of the last (G_MAXINT64 when
 * the rule has no end), for range queries. */
gboolean    _cw_window_span           (const CwMaintWindow *window,
                                       gint64       *first_start,
                                       gint64       *last_end,
                                       GError      **error);

/* The generator for common rule shapes (cw-recurrence-fast.c): NULL when
 * @rule needs libical's iterator. It yields local starts from DTSTART on, in
 * order; COUNT and UNTIL are the caller's. */
struct icalrecurrencetype;
typedef struct _CwFastRule CwFastRule;

CwFastRule *_cw_fast_rule_new         (const struct icalrecurrencetype *rule,
                                       gint64        dtstart_local);
void        _cw_fast_rule_free        (CwFastRule   *fast);
/* Moves to the period holding @local (never back). Not with COUNT. */
void        _cw_fast_rule_skip_to     (CwFastRule   *fast,
                                       gint64        local);
gboolean    _cw_fast_rule_next        (CwFastRule   *fast,
                                       gint64       *local);
/* Tests: TRUE expands every rule with libical's iterator. */
void        _cw_recurrence_set_libical_only (gboolean only);

/* Errors and SQL ------------------------------------------------------------- */

sqlite3_stmt *_cw_schedule_prepare    (CwStore      *store,
                                       const char   *sql,
                                       GError      **error);
gboolean    _cw_schedule_savepoint    (CwStore      *store,
                                       GError      **error);
gboolean    _cw_schedule_release      (CwStore      *store,
                                       GError      **error);
void        _cw_schedule_rollback_to  (CwStore      *store);
char       *_cw_schedule_make_uid     (void);
/* A copy of a column, NULL for NULL. */
char       *_cw_schedule_column_dup   (sqlite3_stmt *stmt,
                                       int           column);

/* Loading. @where is a condition on the item's own table, with ?1 and ?2
 * bound to @a and @b ("id = ?1", "1", "starts_at < ?2 AND ends_at > ?1"). */
GPtrArray  *_cw_schedule_load_windows   (CwStore      *store,
                                         const char   *where,
                                         gint64        a,
                                         gint64        b,
                                         GError      **error);   /* CwMaintWindow, by name */
GPtrArray  *_cw_schedule_load_blackouts (CwStore      *store,
                                         const char   *where,
                                         gint64        a,
                                         gint64        b,
                                         GError      **error);   /* CwBlackout, by start */
GPtrArray  *_cw_schedule_load_works     (CwStore      *store,
                                         const char   *where,
                                         gint64        a,
                                         gint64        b,
                                         GError      **error);   /* CwPlannedWork, by start then id */
/* Fills the scopes of the items of @main_table matching @where; @scopes maps
 * an item's id (gint64*) to its CwScope, whose ->everything the caller set. */
gboolean    _cw_scope_load_all          (CwStore      *store,
                                         const char   *scope_table,
                                         const char   *owner_column,
                                         const char   *main_table,
                                         const char   *where,
                                         gint64        a,
                                         gint64        b,
                                         GHashTable   *scopes,
                                         GError      **error);
/* Writes the scope rows of an item (sites looked up by code, then name;
 * classes and CIs checked), replacing its old ones. */
gboolean    _cw_scope_write             (CwStore      *store,
                                         const char   *scope_table,
                                         const char   *owner_column,
                                         gint64        owner_id,
                                         const CwScope *scope,
                                         GError      **error);
typedef enum
{
  CW_SCHEDULE_ITEM_WINDOW,
  CW_SCHEDULE_ITEM_BLACKOUT,
  CW_SCHEDULE_ITEM_WORK,
} CwScheduleItem;

/* sqlite3_step() expecting DONE (or ROW); sets a store error. */
gboolean    _cw_schedule_step         (CwStore      *store,
                                       sqlite3_stmt *stmt,
                                       const char   *what,
                                       GError      **error);
void        _cw_strv_append           (GStrv        *strv,
                                       const char   *value);
gboolean    _cw_schedule_set_not_found (GError      **error,
                                        CwScheduleItem item,
                                        gint64        id);
/* The id of the item with @uid, 0 when none, -1 on error. */
gint64      _cw_schedule_find_uid     (CwStore      *store,
                                       CwScheduleItem item,
                                       const char   *uid,
                                       GError      **error);
/* The uid to save: @uid, else the stored one of @id (0: a new one). */
char       *_cw_schedule_choose_uid   (CwStore      *store,
                                       CwScheduleItem item,
                                       const char   *uid,
                                       gint64        id,
                                       GError      **error);
/* FALSE with CW_SCHEDULE_ERROR_EXISTS when another item (not @own_id) has @uid. */
gboolean    _cw_schedule_check_uid_free (CwStore    *store,
                                         CwScheduleItem item,
                                         const char *uid,
                                         gint64      own_id,
                                         GError    **error);
gboolean    _cw_schedule_delete_row   (CwStore      *store,
                                       CwScheduleItem item,
                                       gint64        id,
                                       GError      **error);
gboolean    _cw_schedule_check_ci     (CwStore      *store,
                                       gint64        ci_id,
                                       GError      **error);
/* _cw_schedule_prepare() with ?1 and ?2 bound to @a and @b. */
sqlite3_stmt *_cw_schedule_prepare_where (CwStore    *store,
                                          const char *sql,
                                          gint64      a,
                                          gint64      b,
                                          GError    **error);
/* FALSE with "Could not read the calendar" unless @rc is SQLITE_DONE. */
gboolean    _cw_schedule_read_done    (CwStore      *store,
                                       int           rc,
                                       GError      **error);

/* Items by id and uid: @load is one of the _cw_schedule_load_*() above. */
typedef GPtrArray *(*CwScheduleLoadFunc) (CwStore     *store,
                                          const char  *where,
                                          gint64       a,
                                          gint64       b,
                                          GError     **error);
gpointer    _cw_schedule_get_item     (CwStore            *store,
                                       CwScheduleItem      item,
                                       CwScheduleLoadFunc  load,
                                       gint64              id,
                                       GError            **error);
gpointer    _cw_schedule_find_item    (CwStore            *store,
                                       CwScheduleItem      item,
                                       CwScheduleLoadFunc  load,
                                       const char         *uid,
                                       GError            **error);

/* Saving an item's row: ?1 is the id (updates only), ?2 the uid, the rest
 * bound by @bind; then @write_children, all in one savepoint. */
typedef struct
{
  CwScheduleItem  item;
  const char     *insert_sql;
  const char     *update_sql;
  const char     *save_error;      /* translated */
  void          (*bind)           (sqlite3_stmt   *stmt,
                                   gconstpointer   data);
  gboolean      (*write_children) (CwStore        *store,
                                   gconstpointer   data,
                                   GError        **error);
} CwScheduleSave;

/* @id and @uid are the item's fields: @id is set after an insert (0 again
 * when it fails), @uid is filled when it was NULL. */
gboolean    _cw_schedule_save_item    (CwStore               *store,
                                       const CwScheduleSave  *save,
                                       gconstpointer          data,
                                       gint64                *id,
                                       char                 **uid,
                                       gboolean               update,
                                       GError               **error);

/* The index behind conflicts and free slots ------------------------------------ */

typedef struct
{
  gboolean     everything;
  GPtrArray   *sites;      /* interned site codes, not owned */
  GPtrArray   *classes;    /* interned class keys, not owned */
  GArray      *ci_ids;     /* gint64 */
} CwScopeRule;

typedef struct
{
  gint64        id;
  const char   *site;       /* interned site code, or NULL */
  const char   *klass;      /* interned */
  char         *name;
  GArray       *ancestors;  /* gint64: what it runs on or is part of, transitively; NULL until known */
} CwCiInfo;

typedef struct
{
  gint64       id;
  char        *name;
  guint        max_concurrent;
  CwMaintWindow    *window;
  CwScopeRule  scope;
  GArray      *occurrences;     /* CwOccurrence over the index range, sorted; NULL until expanded */
  gint64       max_length;      /* of an occurrence, seconds */
} CwIndexWindow;

typedef struct
{
  gint64          id;
  char           *name;
  CwBlackoutMode  mode;
  gint64          start;
  gint64          end;
  CwScopeRule     scope;
} CwIndexBlackout;

typedef struct
{
  gint64       id;            /* -1: the work being checked when it has no id */
  char        *title;
  gint64       start;
  gint64       end;
  char        *assignee;
  char        *assignee_key;  /* casefolded, or NULL */
  char        *runbook_name;
  guint        runbook_version;
  int          window_needed; /* minutes; 0: no runbook; -1: unknown runbook */
  GArray      *ci_ids;        /* gint64 */
  GArray      *reach;         /* CwReach, sorted by ci; NULL until built */
} CwIndexWork;

/* A CI a planned work touches: one of its own, or what one of them runs on
 * or is part of (transitively). */
typedef struct
{
  gint64 ci;
  gint64 via;   /* the work's own CI that is @ci, or runs on / is part of it */
} CwReach;

typedef struct
{
  GArray      *everything;    /* guint item indices */
  GHashTable  *by_site;       /* interned site code -> GArray of guint */
  GHashTable  *by_class;      /* interned string -> GArray of guint */
  GHashTable  *by_ci;         /* gint64* -> GArray of guint */
} CwScopeIndex;

typedef struct
{
  CwStore      *store;
  gint64        from;          /* the range windows are expanded over */
  gint64        to;
  GPtrArray    *windows;       /* CwIndexWindow */
  GPtrArray    *blackouts;     /* CwIndexBlackout */
  GPtrArray    *works;         /* CwIndexWork, sorted by start then id */
  gint64        max_work_length;
  GHashTable   *cis;           /* gint64* -> CwCiInfo */
  GHashTable   *sites;         /* gint64* site id -> interned code */
  GHashTable   *parents;       /* gint64* -> GArray of gint64: direct runs-on / part-of targets */
  GHashTable   *edges;         /* "source:target" -> relation kind (interned) */
  CwScopeIndex  window_index;
  CwScopeIndex  blackout_index;
  GHashTable   *zones;         /* tzid -> CwZone */
  GHashTable   *runbooks;      /* "name\nversion" -> minutes + 1, or 0 when unknown */
  guint        *stamps;        /* one per window or blackout, for deduplication */
  guint         n_stamps;
  guint         stamp;
} CwScheduleIndex;

CwScheduleIndex  *_cw_schedule_index_new      (CwStore             *store);
CwIndexWork      *_cw_index_work_new          (CwScheduleIndex     *index,
                                               const CwPlannedWork *source,
                                               gint64               id);
void              _cw_index_work_free         (CwIndexWork         *work);
/* By start, then id. */
int               _cw_index_work_compare      (gconstpointer        a,
                                               gconstpointer        b);
void              _cw_scope_rule_init         (CwScopeRule         *rule,
                                               const CwScope       *scope);
void              _cw_scope_index_add         (CwScopeIndex        *scope_index,
                                               const CwScopeRule   *rule,
                                               guint                item);

/* Loads planned works overlapping [@from, @to) (without @ignore_work_id; with
 * @extra, replacing the stored work of its id), their CIs and what those run
 * on or are part of, @extra_ci_ids too, then the windows and blackouts that
 * can reach the span of all of it. */
CwScheduleIndex *_cw_schedule_index_load      (CwStore             *store,
                                               gint64               from,
                                               gint64               to,
                                               const CwPlannedWork *extra,
                                               gint64               ignore_work_id,
                                               const gint64        *extra_ci_ids,
                                               guint                n_extra_ci_ids,
                                               GError             **error);
void              _cw_schedule_index_free     (CwScheduleIndex     *index);
CwCiInfo         *_cw_schedule_index_get_ci   (CwScheduleIndex     *index,
                                               gint64               ci_id);
/* The zone of @tzid, made once per index; NULL with
 * CW_SCHEDULE_ERROR_BAD_TIME_ZONE when unknown. */
CwZone           *_cw_schedule_index_zone     (CwScheduleIndex     *index,
                                               const char          *tzid,
                                               GError             **error);
/* Expands the window once, over the index range. */
GArray           *_cw_schedule_index_occurrences (CwScheduleIndex  *index,
                                                  CwIndexWindow    *window,
                                                  GError          **error);
/* Appends to @out the indices of the items of @scope_index covering @ci, each
 * at most once per stamp (call _cw_schedule_index_next_stamp() first). */
void              _cw_schedule_index_collect  (CwScheduleIndex     *index,
                                               CwScopeIndex        *scope_index,
                                               const CwCiInfo      *ci,
                                               GArray              *out);
void              _cw_schedule_index_next_stamp (CwScheduleIndex   *index);
gboolean          _cw_scope_rule_covers       (const CwScopeRule   *rule,
                                               const CwCiInfo      *ci);
/* The work's reach (built once), and a lookup in it: TRUE when the work
 * touches @ci_id, with *via its own CI concerned (@ci_id itself if own). */
GArray           *_cw_schedule_index_reach    (CwScheduleIndex     *index,
                                               CwIndexWork         *work);
gboolean          _cw_schedule_reach_lookup   (GArray              *reach,
                                               gint64               ci_id,
                                               gint64              *via);
/* The relation kind from @source to its ancestor @target, "runs_on" or
 * "part_of" when direct, NULL when through other CIs. */
const char       *_cw_schedule_index_edge     (CwScheduleIndex     *index,
                                               gint64               source,
                                               gint64               target);
/* Minutes a runbook version needs; FALSE when it cannot be found or timed. */
gboolean          _cw_schedule_index_window_needed (CwScheduleIndex *index,
                                                    const char      *name,
                                                    guint            version,
                                                    guint           *minutes,
                                                    GError         **error);
/* Among the occurrences (sorted by start, none longer than @max_length)
 * holding [@start, @end], the one that ends last; FALSE when none. */
gboolean          _cw_occurrences_find_containing (GArray          *occurrences,
                                                   gint64           max_length,
                                                   gint64           start,
                                                   gint64           end,
                                                   guint           *found);
/* Conflicts: a new one appended to @conflicts (empty id arrays); an id
 * appended unless present; the concurrency check (6). */
CwConflict       *_cw_conflict_add            (GPtrArray           *conflicts,
                                               CwConflictKind       kind,
                                               CwConflictSeverity   severity,
                                               gint64               start,
                                               gint64               end);
void              _cw_ids_add                 (GArray              *ids,
                                               gint64               id);
gboolean          _cw_conflicts_check_concurrency (CwScheduleIndex *index,
                                                   GPtrArray       *conflicts,
                                                   GArray          *candidates,
                                                   GError         **error);
/* Every conflict of the index's works, sorted as cw_schedule_conflicts()
 * returns them; expands the windows it needs. (element-type CwConflict) */
GPtrArray        *_cw_conflicts_run           (CwScheduleIndex     *index,
                                               GError             **error);

/* "sw-01, sw-02 and 3 more", translated */
char             *_cw_schedule_index_ci_names (CwScheduleIndex     *index,
                                               GArray              *ci_ids);

G_END_DECLS
