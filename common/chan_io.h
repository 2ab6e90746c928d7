/* Blocking, time-limited I/O that drives a struct chan over a socket. */
#ifndef SUS_CHAN_IO_H
#define SUS_CHAN_IO_H

#include "chan.h"

/* Writes everything chan_output() holds; fails after timeout_ms. */
int	chan_io_flush(struct chan *, int fd, int timeout_ms);
/*
 * Reads until the channel leaves CHAN_START/CHAN_HS (i.e. reaches
 * CHAN_VERIFY on the client or CHAN_OPEN on the server) or fails. A client
 * still in CHAN_START is started first. A server refusing the client's
 * major version flushes its own preamble before returning SUS_ERR_VERSION.
 * The client then checks the key, calls chan_accept(), and message 3 goes
 * out with the next chan_io_send(), chan_io_recv() or chan_io_flush().
 */
int	chan_io_handshake(struct chan *, int fd, int timeout_ms);
/*
 * Receives one message, waiting at most timeout_ms (-1 forever).
 * Returns 0 and fills *m, or a negative error (SUS_ERR_EOF on close).
 */
int	chan_io_recv(struct chan *, int fd, int timeout_ms, struct chan_msg *);
/* Sends a message and flushes it. */
int	chan_io_send(struct chan *, int fd, int timeout_ms, uint16_t type,
	    uint32_t id, const struct buf *body);

#endif
