/* cw-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-page"

#include "config.h"

#include "cw-page.h"

/* The base of every pane in the window's sidebar: it holds the workspace's
 * context, given at construction. */
typedef struct
{
  CwContext *context;
} CwPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CwPage, cw_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cw_page_dispose (GObject *object)
{
  CwPage *self = (CwPage *)object;
  CwPagePrivate *priv = cw_page_get_instance_private (self);

  g_clear_object (&priv->context);

  G_OBJECT_CLASS (cw_page_parent_class)->dispose (object);
}

static void
cw_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CwPage *self = CW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, cw_page_get_context (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CwPage *self = CW_PAGE (object);
  CwPagePrivate *priv = cw_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_page_class_init (CwPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cw_page_dispose;
  object_class->get_property = cw_page_get_property;
  object_class->set_property = cw_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CW_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_page_init (CwPage *self)
{
}

/**
 * cw_page_get_context:
 *
 * Returns: (transfer none): the workspace's context
 */
CwContext *
cw_page_get_context (CwPage *self)
{
  CwPagePrivate *priv = cw_page_get_instance_private (self);

  g_return_val_if_fail (CW_IS_PAGE (self), NULL);

  return priv->context;
}
