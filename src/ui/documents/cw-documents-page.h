/* cw-documents-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_DOCUMENTS_PAGE (cw_documents_page_get_type ())

G_DECLARE_FINAL_TYPE (CwDocumentsPage, cw_documents_page, CW, DOCUMENTS_PAGE, CwPage)

G_END_DECLS
