/* SPDX-License-Identifier: BSD-3-Clause */
/* One-line error messages into a caller's buffer. */
#ifndef ROGUE_ERRMSG_H
#define ROGUE_ERRMSG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Formats the message into err; returns -1 for the caller to return. */
static inline int __attribute__((format(printf, 3, 4)))
rogue_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

#endif /* ROGUE_ERRMSG_H */
