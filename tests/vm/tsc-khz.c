// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tsc-khz: the host's TSC frequency in kHz, on stdout.
 *
 * Under TCG (without -icount) the guest's TSC is the host's, so the guest
 * can be told its frequency (tsc_early_khz=) instead of calibrating it
 * against the emulated PIT or HPET, which a loaded host gets wrong: a
 * guest that measured 135 MHz for a 2300 MHz TSC ran its clocks 17 times
 * too fast and timed its tests out within seconds.
 *
 * Five 20 ms intervals of CLOCK_MONOTONIC_RAW against the TSC, each pair of
 * reads retried until it took under 10 us; the median. Exit status 1 when
 * no sane measurement came out.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <x86intrin.h>

#define SAMPLES		5
#define INTERVAL_NS	20000000LL

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* A (time, TSC) pair read close together. */
static void pair(int64_t *ns, uint64_t *tsc)
{
	int tries;

	for (tries = 0; tries < 100; tries++) {
		int64_t t0 = now_ns();

		*tsc = __rdtsc();
		*ns = now_ns();
		if (*ns - t0 < 10000)
			break;
	}
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int main(void)
{
	uint64_t khz[SAMPLES];
	int i;

	for (i = 0; i < SAMPLES; i++) {
		struct timespec nap = { 0, INTERVAL_NS };
		uint64_t c0, c1;
		int64_t t0, t1;

		pair(&t0, &c0);
		nanosleep(&nap, NULL);
		pair(&t1, &c1);
		khz[i] = t1 > t0 ? (c1 - c0) * 1000000ULL / (uint64_t)(t1 - t0) : 0;
	}
	qsort(khz, SAMPLES, sizeof(khz[0]), cmp);
	if (khz[SAMPLES / 2] < 100000 || khz[SAMPLES / 2] > 20000000)
		return 1;
	printf("%llu\n", (unsigned long long)khz[SAMPLES / 2]);
	return 0;
}
