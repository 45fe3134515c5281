/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny unit test framework. A test case is a block of CHECK()s between
 * case_begin() and case_end(name...), which prints "PASS: name" or
 * "FAIL: name" (the failed checks first, indented). unit_summary() prints
 * "N passed, N failed" and returns the exit status.
 *
 * Single translation unit tests only: the state is static.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;
static bool unit_case_failed;

#define CHECK(cond)							\
	do {								\
		if (!(cond))						\
			unit_check_failed(__FILE__, __LINE__, #cond);	\
	} while (0)

/* Equality of two C strings, showing both when they differ. */
#define CHECK_STR(got, want)						\
	do {								\
		const char *g_ = (got), *w_ = (want);			\
		if (strcmp(g_, w_))					\
			unit_str_failed(__FILE__, __LINE__, g_, w_);	\
	} while (0)

static inline void unit_check_failed(const char *file, int line,
				     const char *what)
{
	printf("  %s:%d: CHECK(%s) failed\n", file, line, what);
	unit_case_failed = true;
}

static inline void unit_str_failed(const char *file, int line,
				   const char *got, const char *want)
{
	printf("  %s:%d: got '%s', want '%s'\n", file, line, got, want);
	unit_case_failed = true;
}

static inline void case_begin(void)
{
	unit_case_failed = false;
}

static inline __attribute__((format(printf, 1, 2)))
void case_end(const char *fmt, ...)
{
	va_list ap;

	fputs(unit_case_failed ? "FAIL: " : "PASS: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (unit_case_failed)
		unit_failed++;
	else
		unit_passed++;
}

/* A test case made of a whole function: RUN(test_foo) */
#define RUN(fn)			\
	do {			\
		case_begin();	\
		fn();		\
		case_end(#fn);	\
	} while (0)

static inline int unit_summary(void)
{
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif /* UNIT_H */
