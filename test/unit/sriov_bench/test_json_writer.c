/* SPDX-License-Identifier: BSD-3-Clause */
/* JSON writer: escaping, layout, and refusal of malformed documents. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "json_writer.h"

static char *buf;
static size_t buf_len;

static FILE *
mem_open(void)
{
	free(buf);
	buf = NULL;
	return open_memstream(&buf, &buf_len);
}

static void
check_escape(const char *what, const char *in, const char *expected)
{
	FILE *f = mem_open();

	json_write_escaped(f, in);
	fclose(f);
	check_str(what, expected, buf);
}

static void
test_escaping(void)
{
	check_escape("plain text unchanged", "net_null0", "\"net_null0\"");
	check_escape("empty string", "", "\"\"");
	check_escape("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\"");
	check_escape(
		"named control escapes", "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
	check_escape("other control bytes as \\u00XX", "\x01\x1f",
		"\"\\u0001\\u001f\"");
	check_escape("DEL as \\u007f", "\x7f", "\"\\u007f\"");
	check_escape("slash needs no escape", "a/b", "\"a/b\"");
	check_escape("2-byte UTF-8 kept", "caf\xc3\xa9", "\"caf\xc3\xa9\"");
	check_escape("3-byte UTF-8 kept", "\xe2\x82\xac", "\"\xe2\x82\xac\"");
	check_escape("4-byte UTF-8 kept", "\xf0\x9f\x98\x80",
		"\"\xf0\x9f\x98\x80\"");
	check_escape(
		"stray continuation byte replaced", "a\x80z", "\"a\\ufffdz\"");
	check_escape("truncated sequence at the end replaced", "a\xc3",
		"\"a\\ufffd\"");
	check_escape("truncated 3-byte sequence replaced per byte", "\xe2\x82z",
		"\"\\ufffd\\ufffdz\"");
	check_escape(
		"overlong encoding replaced", "\xc0\xaf", "\"\\ufffd\\ufffd\"");
	check_escape("UTF-16 surrogate replaced", "\xed\xa0\x80",
		"\"\\ufffd\\ufffd\\ufffd\"");
	check_escape("code point above U+10FFFF replaced", "\xf4\x90\x80\x80",
		"\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	check_escape("0xff replaced", "\xff", "\"\\ufffd\"");
}

static void
test_document(void)
{
	struct json_writer w;
	FILE *f = mem_open();
	int ret;

	json_init(&w, f);
	json_object_begin(&w);
	json_key(&w, "name");
	json_string(&w, "a\"b");
	json_key(&w, "n");
	json_uint(&w, 18446744073709551615ULL);
	json_key(&w, "neg");
	json_int(&w, -5);
	json_key(&w, "list");
	json_array_begin(&w);
	json_double(&w, 1.5);
	json_double(&w, NAN);
	json_double(&w, INFINITY);
	json_bool(&w, true);
	json_null(&w);
	json_array_end(&w);
	json_key(&w, "empty");
	json_object_begin(&w);
	json_object_end(&w);
	json_key(&w, "none");
	json_array_begin(&w);
	json_array_end(&w);
	json_object_end(&w);
	ret = json_finish(&w);
	fclose(f);
	check_u64("well-formed document finishes with 0", 0, (uint64_t)ret);
	check_str("document text",
		"{\n"
		"  \"name\": \"a\\\"b\",\n"
		"  \"n\": 18446744073709551615,\n"
		"  \"neg\": -5,\n"
		"  \"list\": [\n"
		"    1.5,\n"
		"    null,\n"
		"    null,\n"
		"    true,\n"
		"    null\n"
		"  ],\n"
		"  \"empty\": {},\n"
		"  \"none\": []\n"
		"}\n",
		buf);
}

/* Each misuse must make json_finish fail. */
static void
test_misuse(void)
{
	struct json_writer w;
	FILE *f;

	f = mem_open();
	json_init(&w, f);
	json_object_begin(&w);
	json_uint(&w, 1);
	json_object_end(&w);
	check_u64("value without a key in an object fails", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	json_array_begin(&w);
	json_key(&w, "k");
	json_uint(&w, 1);
	json_array_end(&w);
	check_u64("key inside an array fails", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	json_object_begin(&w);
	json_key(&w, "a");
	json_key(&w, "b");
	json_uint(&w, 1);
	json_object_end(&w);
	check_u64("two keys in a row fail", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	json_object_begin(&w);
	json_key(&w, "a");
	json_object_end(&w);
	check_u64("key without a value fails", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	json_object_begin(&w);
	check_u64("unclosed object fails", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	json_array_begin(&w);
	json_object_end(&w);
	check_u64("mismatched end fails", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	json_uint(&w, 1);
	json_uint(&w, 2);
	check_u64("two top-level values fail", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	check_u64("empty document fails", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	for (int i = 0; i <= JSON_MAX_DEPTH; i++)
		json_array_begin(&w);
	check_u64("nesting deeper than JSON_MAX_DEPTH fails", (uint64_t)-1,
		(uint64_t)json_finish(&w));
	fclose(f);

	f = mem_open();
	json_init(&w, f);
	json_uint(&w, 7);
	check_u64("a bare top-level number is a document", 0,
		(uint64_t)json_finish(&w));
	fclose(f);
	check_str("  written as is", "7\n", buf);
}

int
main(void)
{
	test_escaping();
	test_document();
	test_misuse();
	free(buf);
	return check_exit();
}
