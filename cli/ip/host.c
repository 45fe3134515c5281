// SPDX-License-Identifier: GPL-2.0
/*
 * Recognising the ip that loads link_mvlan.so: its iproute2 release, read
 * from its own executable, and the functions it exports, found by name.
 * Nothing here calls into ip: it only looks.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"

/* what "ip -V" prints, in every release the plugin knows */
#define IP_V_FORMAT		"ip utility, iproute2-%s"
/* more would not be an ip */
#define RODATA_MAX		(64u << 20)
#define SECTIONS_MAX		4096u

static int read_at(int fd, void *buf, size_t len, off_t off)
{
	ssize_t n = pread(fd, buf, len, off);

	return n == (ssize_t)len ? 0 : -1;
}

/* The .rodata section of the ELF file @fd: malloc()ed, or NULL. */
static char *elf_rodata(int fd, size_t *len)
{
	Elf64_Ehdr eh;
	Elf64_Shdr *sh = NULL, *names;
	char *strtab = NULL, *data = NULL;
	unsigned int i;

	if (read_at(fd, &eh, sizeof(eh), 0) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_shentsize != sizeof(Elf64_Shdr) ||
	    !eh.e_shnum || eh.e_shnum > SECTIONS_MAX ||
	    eh.e_shstrndx >= eh.e_shnum)
		return NULL;

	sh = calloc(eh.e_shnum, sizeof(*sh));
	if (!sh || read_at(fd, sh, eh.e_shnum * sizeof(*sh), eh.e_shoff))
		goto out;
	names = &sh[eh.e_shstrndx];
	if (!names->sh_size || names->sh_size > RODATA_MAX)
		goto out;
	strtab = malloc(names->sh_size + 1);
	if (!strtab || read_at(fd, strtab, names->sh_size, names->sh_offset))
		goto out;
	strtab[names->sh_size] = '\0';

	for (i = 0; i < eh.e_shnum; i++) {
		if (sh[i].sh_type != SHT_PROGBITS ||
		    sh[i].sh_name >= names->sh_size ||
		    strcmp(strtab + sh[i].sh_name, ".rodata"))
			continue;
		if (!sh[i].sh_size || sh[i].sh_size > RODATA_MAX)
			break;
		data = malloc(sh[i].sh_size + 1);
		if (data && read_at(fd, data, sh[i].sh_size, sh[i].sh_offset)) {
			free(data);
			data = NULL;
		}
		if (data) {
			data[sh[i].sh_size] = '\0';
			*len = sh[i].sh_size;
		}
		break;
	}
out:
	free(strtab);
	free(sh);
	return data;
}

/* digits at *s, at most 3 of them: the number, and *s past them */
static int version_number(const char **s, unsigned int *n)
{
	const char *p = *s;
	unsigned int v = 0;

	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p) && p - *s < 3)
		v = v * 10 + (*p++ - '0');
	if (isdigit((unsigned char)*p))
		return -1;
	*s = p;
	*n = v;
	return 0;
}

/*
 * A release version as iproute2's include/version.h has it: "6.1.0", or
 * "v6.1.0-12-gabcdef0" (git describe) in a build from git.
 */
static int parse_version(const char *s, struct ip_version *v)
{
	struct ip_version t;

	if (*s == 'v')
		s++;
	if (version_number(&s, &t.major) || *s++ != '.' ||
	    version_number(&s, &t.minor) || *s++ != '.' ||
	    version_number(&s, &t.patch))
		return -1;
	if (*s && *s != '-')
		return -1;
	for (; *s; s++)
		if (!isgraph((unsigned char)*s))
			return -1;
	*v = t;
	return 0;
}

int ip_version_of(const char *path, const char *name, struct ip_version *v,
		  char *why, size_t size)
{
	struct ip_version found = { 0 }, one;
	size_t len = 0, off, n;
	bool format = false;
	int count = 0, fd;
	char *data;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(why, size, "cannot read %s", name);
		return -1;
	}
	data = elf_rodata(fd, &len);
	close(fd);
	if (!data) {
		snprintf(why, size, "%s has no .rodata to read", name);
		return -1;
	}

	/* the strings of .rodata, one after the other */
	for (off = 0; off < len; off += n + 1) {
		const char *s = data + off;

		n = strlen(s);
		if (!n)
			continue;
		if (!strncmp(s, IP_V_FORMAT, strlen(IP_V_FORMAT)))
			format = true;
		else if (!parse_version(s, &one) &&
			 (!count || memcmp(&one, &found, sizeof(one)))) {
			found = one;
			count++;
		}
	}
	free(data);

	if (!format) {
		snprintf(why, size, "%s is not iproute2's ip", name);
		return -1;
	}
	if (count != 1) {
		snprintf(why, size, "cannot tell the iproute2 release of %s", name);
		return -1;
	}
	*v = found;
	return 0;
}

int ip_version_known(const struct ip_version *v)
{
	unsigned int n = v->major * 1000 + v->minor;

	return n >= IP_KNOWN_FROM_MAJOR * 1000 + IP_KNOWN_FROM_MINOR &&
	       n <= IP_KNOWN_UPTO_MAJOR * 1000 + IP_KNOWN_UPTO_MINOR;
}

/* the functions of struct ip_host, by name, in its order */
#define HOST_FN(name)	{ #name, offsetof(struct ip_host, name) }
static const struct {
	const char	*name;
	size_t		offset;
} host_fns[] = {
	HOST_FN(print_color_string),
	HOST_FN(print_color_int),
	HOST_FN(print_color_luint),
	HOST_FN(print_color_bool),
	HOST_FN(open_json_array),
	HOST_FN(close_json_array),
	HOST_FN(is_json_context),
	HOST_FN(get_u32),
	HOST_FN(get_s32),
	HOST_FN(incomplete_command),
};

int ip_host_recognise(struct ip_host *host, char *why, size_t size)
{
	char reason[256], exe[PATH_MAX] = "/proc/self/exe";
	struct ip_host found;
	struct ip_version v;
	ssize_t n;
	size_t i;

	/* ip looks its link plugins up with this one */
	if (!dlsym(RTLD_DEFAULT, "get_link_kind")) {
		snprintf(why, size,
			 "not loaded by iproute2's ip (no get_link_kind() to be found)");
		return -1;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0)
		exe[n] = '\0';
	if (ip_version_of("/proc/self/exe", exe, &v, reason, sizeof(reason))) {
		snprintf(why, size, "%s", reason);
		return -1;
	}
	if (!ip_version_known(&v)) {
		snprintf(why, size,
			 "iproute2 %u.%u.%u is not a release it knows (%u.%u to %u.%u)",
			 v.major, v.minor, v.patch,
			 IP_KNOWN_FROM_MAJOR, IP_KNOWN_FROM_MINOR,
			 IP_KNOWN_UPTO_MAJOR, IP_KNOWN_UPTO_MINOR);
		return -1;
	}
	for (i = 0; i < sizeof(host_fns) / sizeof(host_fns[0]); i++) {
		void *fn = dlsym(RTLD_DEFAULT, host_fns[i].name);

		if (!fn) {
			snprintf(why, size,
				 "iproute2 %u.%u.%u exports no %s()",
				 v.major, v.minor, v.patch, host_fns[i].name);
			return -1;
		}
		memcpy((char *)&found + host_fns[i].offset, &fn, sizeof(fn));
	}
	*host = found;
	return 0;
}
