/* SPDX-License-Identifier: BSD-3-Clause */
#include <inttypes.h>
#include <math.h>

#include "json_writer.h"

void
json_init(struct json_writer *w, FILE *f)
{
	w->f = f;
	w->depth = 0;
	w->in_object[0] = false;
	w->has_items[0] = false;
	w->key_pending = false;
	w->misuse = false;
}

int
json_finish(struct json_writer *w)
{
	if (w->depth != 0 || !w->has_items[0] || w->key_pending)
		w->misuse = true;
	if (!w->misuse)
		fputc('\n', w->f);
	if (fflush(w->f) != 0 || ferror(w->f))
		return -1;
	return w->misuse ? -1 : 0;
}

static void
json_indent(struct json_writer *w)
{
	unsigned int i;

	fputc('\n', w->f);
	for (i = 0; i < w->depth; i++)
		fputs("  ", w->f);
}

/* Separator and indentation before a value (or key) at this level. */
static void
json_before_item(struct json_writer *w, bool is_key)
{
	if (w->key_pending) {
		if (is_key)
			w->misuse = true;
		w->key_pending = false;
		return;
	}
	if (w->in_object[w->depth] && !is_key)
		w->misuse = true;
	if (w->depth == 0 && w->has_items[0])
		w->misuse = true;
	if (w->has_items[w->depth])
		fputc(',', w->f);
	if (w->depth != 0)
		json_indent(w);
	w->has_items[w->depth] = true;
}

static void
json_open(struct json_writer *w, bool object)
{
	json_before_item(w, false);
	fputc(object ? '{' : '[', w->f);
	if (w->depth == JSON_MAX_DEPTH) {
		w->misuse = true;
		return;
	}
	w->depth++;
	w->in_object[w->depth] = object;
	w->has_items[w->depth] = false;
}

static void
json_close(struct json_writer *w, bool object)
{
	bool had_items;

	if (w->depth == 0 || w->in_object[w->depth] != object ||
		w->key_pending) {
		w->misuse = true;
		return;
	}
	had_items = w->has_items[w->depth];
	w->depth--;
	if (had_items)
		json_indent(w);
	fputc(object ? '}' : ']', w->f);
}

void
json_object_begin(struct json_writer *w)
{
	json_open(w, true);
}

void
json_object_end(struct json_writer *w)
{
	json_close(w, true);
}

void
json_array_begin(struct json_writer *w)
{
	json_open(w, false);
}

void
json_array_end(struct json_writer *w)
{
	json_close(w, false);
}

void
json_key(struct json_writer *w, const char *key)
{
	if (!w->in_object[w->depth])
		w->misuse = true;
	json_before_item(w, true);
	json_write_escaped(w->f, key);
	fputs(": ", w->f);
	w->key_pending = true;
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not valid. */
static unsigned int
utf8_seq_len(const unsigned char *s)
{
	unsigned int len, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	/* Second-byte limits exclude overlong forms, surrogates and
	 * code points above U+10FFFF. */
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

void
json_write_escaped(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	fputc('"', f);
	while (*s != '\0') {
		unsigned char c = *s;

		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\b':
			fputs("\\b", f);
			break;
		case '\f':
			fputs("\\f", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (c < 0x20 || c == 0x7f) {
				fprintf(f, "\\u%04x", c);
			} else if (c < 0x80) {
				fputc(c, f);
			} else {
				unsigned int len = utf8_seq_len(s);

				if (len == 0) {
					fputs("\\ufffd", f);
				} else {
					fwrite(s, 1, len, f);
					s += len - 1;
				}
			}
		}
		s++;
	}
	fputc('"', f);
}

void
json_string(struct json_writer *w, const char *s)
{
	json_before_item(w, false);
	json_write_escaped(w->f, s);
}

void
json_uint(struct json_writer *w, uint64_t v)
{
	json_before_item(w, false);
	fprintf(w->f, "%" PRIu64, v);
}

void
json_int(struct json_writer *w, int64_t v)
{
	json_before_item(w, false);
	fprintf(w->f, "%" PRId64, v);
}

void
json_double(struct json_writer *w, double v)
{
	json_before_item(w, false);
	if (isfinite(v))
		fprintf(w->f, "%.9g", v);
	else
		fputs("null", w->f);
}

void
json_bool(struct json_writer *w, bool v)
{
	json_before_item(w, false);
	fputs(v ? "true" : "false", w->f);
}

void
json_null(struct json_writer *w)
{
	json_before_item(w, false);
	fputs("null", w->f);
}
