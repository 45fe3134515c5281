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
/* Lower case "xx:xx:xx:xx:xx:xx". */
void format_mac(const uint8_t mac[MAC_LEN], char buf[MAC_STRLEN]);

/* "private", "vepa", ... -> enum mvlan_mode value. */
int parse_mode(const char *s, uint32_t *mode);
/* enum mvlan_mode value -> name, NULL for a value this tool does not know. */
const char *mode_name(uint32_t mode);

/* "nopromisc", "nodst" -> MVLAN_F_* bit. */
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

#endif /* MVCTL_PARSE_H */
