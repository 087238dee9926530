/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "igb_pf_devargs.h"
#include "igb_pfd_opts.h"

const char pfd_opts_usage[] =
	"usage: igb-pfd [EAL options] -- --pci BDF [--num-vfs N] [--keep-vfs]\n"
	"               [--vf "
	"N,mac=XX:XX:XX:XX:XX:XX,vlan=V,trust=on|off,spoofchk=on|off]...\n";

static int
append(struct pfd_opts *o, const char *fmt, const char *a, const char *b)
{
	size_t len = strlen(o->devargs);
	int n;

	n = snprintf(o->devargs + len, sizeof(o->devargs) - len, fmt, a, b);
	return n < 0 || (size_t)n >= sizeof(o->devargs) - len ? -ENOSPC : 0;
}

/* "N,key=val,key=val" -> ",vfN_key=val,vfN_key=val" */
static int
add_vf(struct pfd_opts *o, const char *spec, char *err, size_t errlen)
{
	char buf[256], *save = NULL, *tok, *vf;

	if (strlen(spec) >= sizeof(buf)) {
		snprintf(err, errlen, "--vf %s: too long", spec);
		return -EINVAL;
	}
	strcpy(buf, spec);
	vf = strtok_r(buf, ",", &save);
	if (vf == NULL || strlen(vf) != 1 || vf[0] < '0' || vf[0] > '6') {
		snprintf(err, errlen, "--vf %s: VF number 0..6 first", spec);
		return -EINVAL;
	}
	tok = strtok_r(NULL, ",", &save);
	if (tok == NULL) {
		snprintf(err, errlen, "--vf %s: no setting", spec);
		return -EINVAL;
	}
	for (; tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		if (strchr(tok, '=') == NULL) {
			snprintf(err, errlen, "--vf %s: '%s' is not KEY=VALUE",
				spec, tok);
			return -EINVAL;
		}
		if (append(o, ",vf%s_%s", vf, tok) != 0) {
			snprintf(err, errlen, "too many settings");
			return -EINVAL;
		}
	}
	return 0;
}

int
pfd_opts_parse(
	int argc, char **argv, struct pfd_opts *o, char *err, size_t errlen)
{
	static const struct option longopts[] = {
		{"pci", required_argument, NULL, 'p'},
		{"num-vfs", required_argument, NULL, 'n'},
		{"keep-vfs", no_argument, NULL, 'k'},
		{"vf", required_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char vfs[PFD_DEVARGS_MAX] = "";
	const char *num = NULL;
	struct igb_pf_devargs da;
	struct pfd_opts tmp;
	int c, keep = 0;
	const char *args;

	memset(o, 0, sizeof(*o));
	memset(&tmp, 0, sizeof(tmp));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			snprintf(o->pci, sizeof(o->pci), "%s", optarg);
			break;
		case 'n':
			num = optarg;
			break;
		case 'k':
			keep = 1;
			break;
		case 'v':
			if (add_vf(&tmp, optarg, err, errlen) != 0)
				return -EINVAL;
			break;
		case 'h':
			return 1;
		default:
			snprintf(err, errlen, "unknown option %s (see --help)",
				argv[optind - 1]);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		snprintf(err, errlen, "unexpected argument %s", argv[optind]);
		return -EINVAL;
	}
	if (o->pci[0] == '\0') {
		snprintf(err, errlen, "--pci BDF is required");
		return -EINVAL;
	}
	snprintf(vfs, sizeof(vfs), "%s", tmp.devargs);
	snprintf(o->devargs, sizeof(o->devargs), "%s", o->pci);
	if ((num != NULL && append(o, ",num_vfs=%s%s", num, "") != 0) ||
		(keep && append(o, ",keep_vfs=on%s%s", "", "") != 0) ||
		append(o, "%s%s", vfs, "") != 0) {
		snprintf(err, errlen, "too many settings");
		return -EINVAL;
	}
	/* Same checks as the PMD will make, before EAL starts. */
	args = strchr(o->devargs, ',');
	if (igb_pf_devargs_parse(
		    args != NULL ? args + 1 : NULL, &da, err, errlen) != 0)
		return -EINVAL;
	o->num_vfs = da.num_vfs;
	return 0;
}
