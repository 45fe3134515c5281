/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mvctl's error messages: one line on stderr each, "mvctl: ...", with
 * "line N: " after the colon while a batch file runs.
 */
#ifndef MVCTL_ERR_H
#define MVCTL_ERR_H

#define PROG_NAME	"mvctl"

struct mvipc_error;

/* Prints "mvctl: <prefix><message>\n" on stderr. */
void mv_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The line of the batch file in errors from now on; 0 for none. */
void mv_err_set_line(unsigned long line);

/*
 * What failed about device dev, e from the ipc layer: "cannot find device
 * \"<dev>\"" when e says ENODEV, else "cannot <what>: <e's text>", what
 * made of fmt ("show %s", name). The one place that message is made.
 */
void mv_err_dev(struct mvipc_error *e, const char *dev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* MVCTL_ERR_H */
