/*
 * known_servers: pinned server keys, like ssh's known_hosts. One entry a
 * line: "host:port sus-x25519 <base64 key>"; '#' starts a comment; blank
 * lines are ignored; malformed lines are never fatal. A malformed line for
 * the host being checked fails closed: it counts as another key, so a
 * damaged pin gives a mismatch, never a trust-on-first-use prompt.
 */
#ifndef SUS_KNOWN_H
#define SUS_KNOWN_H

#include <stdint.h>

enum known_result {
	KNOWN_MATCH = 0,	/* the host has this key */
	KNOWN_NONE = 1,		/* the host is not in the file */
	KNOWN_MISMATCH = 2	/* the host is there with another key */
};

/*
 * Looks up hostport ("host:port") in the file at path. A missing file is
 * KNOWN_NONE. Returns an enum known_result or a negative error.
 */
int	known_check(const char *path, const char *hostport,
	    const uint8_t key[32]);
/* As known_check() on an in-memory text (for tests and fuzzing). */
int	known_check_text(const char *text, size_t len, const char *hostport,
	    const uint8_t key[32]);
/* Appends an entry, creating the file and its directory (0700) if needed. */
int	known_add(const char *path, const char *hostport,
	    const uint8_t key[32]);

#endif
