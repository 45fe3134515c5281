// SPDX-License-Identifier: GPL-2.0
/*
 * Error objects: what failed (msg), why in the kernel's words (details),
 * and the CNI code that tells the runtime what to do about it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cni.h"
#include "ipc.h"

static void vfill(char *buf, size_t size, const char *fmt, va_list ap)
{
	vsnprintf(buf, size, fmt, ap);
}

int cni_fail(struct cni_err *e, unsigned int code, const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	va_start(ap, fmt);
	vfill(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	e->details[0] = '\0';
	return -1;
}

int cni_fail_details(struct cni_err *e, unsigned int code, const char *details,
		     const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	va_start(ap, fmt);
	vfill(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	snprintf(e->details, sizeof(e->details), "%s", details ? details : "");
	return -1;
}

int cni_fail_ipc(struct cni_err *e, const struct mvipc_error *ie,
		 const char *fmt, ...)
{
	char what[CNI_MSG_LEN / 2];
	const char *why;
	va_list ap;

	va_start(ap, fmt);
	vfill(what, sizeof(what), fmt, ap);
	va_end(ap);
	why = ie->desc ? ie->desc : strerror(ie->err);
	/* a dump interrupted by a change, a signal: worth another try */
	e->code = ie->err == EAGAIN || ie->err == EINTR ? CNI_ERR_AGAIN :
		  CNI_ERR_INTERNAL;
	snprintf(e->msg, sizeof(e->msg), "%s: %s", what, why);
	snprintf(e->details, sizeof(e->details), "%s", ie->msg);
	return -1;
}

json_object *cni_err_doc(const struct cni_err *e, const char *version)
{
	json_object *doc = json_object_new_object();

	if (!doc)
		return NULL;
	json_object_object_add(doc, "cniVersion",
			       json_object_new_string(version ? version :
						      cni_versions[CNI_V110]));
	json_object_object_add(doc, "code", json_object_new_int64(e->code));
	json_object_object_add(doc, "msg", json_object_new_string(e->msg));
	if (e->details[0])
		json_object_object_add(doc, "details",
				       json_object_new_string(e->details));
	return doc;
}
