// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl's error messages.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "err.h"
#include "ipc.h"

static unsigned long err_line;

void mv_err_set_line(unsigned long line)
{
	err_line = line;
}

void mv_err(const char *fmt, ...)
{
	va_list ap;

	fputs(PROG_NAME ": ", stderr);
	if (err_line)
		fprintf(stderr, "line %lu: ", err_line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void mv_err_dev(struct mvipc_error *e, const char *dev, const char *fmt, ...)
{
	char what[128];
	va_list ap;

	if (e->err == ENODEV) {
		mv_err("cannot find device \"%s\"", dev);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	mv_err("cannot %s: %s", what, mvipc_strerror(e));
}
