/* Private declarations shared by the secure channel's files. */
#ifndef SUS_CHAN_INT_H
#define SUS_CHAN_INT_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct chan_hello;

/*
 * Encodes this side's hello for program version into a new *bp, which the
 * caller frees.
 */
int	chan_hello_encode(const char *version, struct buf **bp);
/* Decodes a peer's hello, which must be consumed exactly. */
int	chan_hello_decode(const uint8_t *, size_t, struct chan_hello *);

#endif
