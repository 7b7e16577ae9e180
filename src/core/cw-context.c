/* cw-context.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-context"

#include "config.h"

#include "cw-context.h"

/* What every pane needs of one open workspace: the store and the clock.
 * Later subsystems (sync, documents, journal) hang off it too. One context
 * per open workspace; no singletons. */
struct _CwContext
{
  GObject   parent_instance;

  CwStore  *store;
  CwClock  *clock;
};

G_DEFINE_FINAL_TYPE (CwContext, cw_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cw_context_dispose (GObject *object)
{
  CwContext *self = (CwContext *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (cw_context_parent_class)->dispose (object);
}

static void
cw_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CwContext *self = CW_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CwContext *self = CW_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_context_constructed (GObject *object)
{
  CwContext *self = (CwContext *)object;

  G_OBJECT_CLASS (cw_context_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = cw_clock_new ();
}

static void
cw_context_class_init (CwContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cw_context_constructed;
  object_class->dispose = cw_context_dispose;
  object_class->get_property = cw_context_get_property;
  object_class->set_property = cw_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CW_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         CW_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_context_init (CwContext *self)
{
}

/**
 * cw_context_new:
 * @store: the open workspace
 * @clock: (nullable): the clock, or %NULL for the real one
 *
 * Returns: (transfer full): a new context
 */
CwContext *
cw_context_new (CwStore *store,
                CwClock *clock)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (clock == NULL || CW_IS_CLOCK (clock), NULL);

  return g_object_new (CW_TYPE_CONTEXT,
                       "store", store,
                       "clock", clock,
                       NULL);
}

/**
 * cw_context_get_store:
 *
 * Returns: (transfer none): the workspace store
 */
CwStore *
cw_context_get_store (CwContext *self)
{
  g_return_val_if_fail (CW_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * cw_context_get_clock:
 *
 * Returns: (transfer none): the clock
 */
CwClock *
cw_context_get_clock (CwContext *self)
{
  g_return_val_if_fail (CW_IS_CONTEXT (self), NULL);

  return self->clock;
}

/**
 * cw_context_dup_title:
 *
 * Returns: (transfer full): the workspace's name for titles: its file name
 *   without the extension
 */
char *
cw_context_dup_title (CwContext *self)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (CW_IS_CONTEXT (self), NULL);

  base = g_filename_display_basename (cw_store_get_path (self->store));
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}
