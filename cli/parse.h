/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure parsers and formatters for mvctl: no I/O, no netlink, no globals.
 *
 * Functions returning int return 0 on success or a negative errno:
 *   -EINVAL        malformed input
 *   -ERANGE        well formed number outside the accepted range
 *   -EADDRNOTAVAIL well formed MAC address that is multicast or all-zero
 *                  (parse_mac_unicast() only)
 * Output parameters are written only on success.
 */
#ifndef MVCTL_PARSE_H
#define MVCTL_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAC_LEN		6
#define MAC_STRLEN	18	/* "xx:xx:xx:xx:xx:xx" and its NUL */

/* "xx:xx:xx:xx:xx:xx", exactly two hex digits (any case) per byte. */
int parse_mac(const char *s, uint8_t mac[MAC_LEN]);
/* As parse_mac(), but a multicast or all-zero address is -EADDRNOTAVAIL. */
int parse_mac_unicast(const char *s, uint8_t mac[MAC_LEN]);
/*
 * Why parse_mac_unicast() refused s with err, as one line of text naming s:
 *   invalid MAC address "s"
 *   "s" is a multicast MAC address, not unicast
 *   "s" is the all-zero MAC address, not unicast
 */
void mac_strerror(char *buf, size_t size, const char *s, int err);
/* Lower case "xx:xx:xx:xx:xx:xx". */
void format_mac(const uint8_t mac[MAC_LEN], char buf[MAC_STRLEN]);

/* "private", "vepa", ... -> enum mvlan_mode value. */
int parse_mode(const char *s, uint32_t *mode);
/* enum mvlan_mode value -> name, NULL for a value this tool does not know. */
const char *mode_name(uint32_t mode);

/* "nopromisc", "nodst", "hostbridge" -> MVLAN_F_* bit. */
int parse_flag(const char *s, uint32_t *flag);
/* A single MVLAN_F_* bit -> name, NULL for a bit this tool does not know. */
const char *flag_name(uint32_t flag);

/*
 * The kernel's dev_valid_name(): 1 to IFNAMSIZ - 1 characters, not "." or
 * "..", and none of '/', ':' or white space.
 */
bool valid_ifname(const char *s);

/* Decimal, digits only: no sign, no white space, no trailing junk. */
int parse_u32(const char *s, uint32_t *v);
/* Decimal with an optional leading '-', otherwise as parse_u32(). */
int parse_s32(const char *s, int32_t *v);

/*
 * Splits a line of a batch file into words, in place, as a shell would
 * with simple quoting only: words are separated by blanks (space, \t, \n,
 * \v, \f, \r); '...' and "..." quote everything up to the same quote
 * again, blanks and the other quote included, with no escapes; quoted and
 * unquoted parts next to each other make one word ("a"'b'c is abc, "" is
 * an empty word); a '#' at the start of a word starts a comment that runs
 * to the end of the line.
 *
 * On success *argv is a malloc()ed array of *argc pointers into line,
 * followed by a NULL; the caller frees the array (not the words). Returns
 * 0, -EINVAL for a quote without its closing quote, or -ENOMEM.
 */
int split_args(char *line, char ***argv, int *argc);

#endif /* MVCTL_PARSE_H */
