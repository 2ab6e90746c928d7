/*
 * Blocking, time-limited socket I/O for a struct chan. Every wait is a
 * poll() against a deadline on the monotonic clock, so a peer that sends
 * half a frame and stops costs us the timeout and nothing more; sends use
 * MSG_NOSIGNAL so a vanished peer is an error code, not a SIGPIPE.
 */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "err.h"

#define CHAN_IO_CHUNK	32768
#define CHAN_IO_FOREVER	INT64_MAX

static int64_t	chan_io_now(void);
static int64_t	chan_io_deadline(int);
static int	chan_io_wait(int, short, int64_t);
static int	chan_io_write(struct chan *, int, int64_t);
static int	chan_io_read(struct chan *, int, int64_t);

/* Milliseconds on the monotonic clock. */
static int64_t
chan_io_now(void)
{
	struct timespec	ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Turns a timeout (negative: none) into an absolute deadline. */
static int64_t
chan_io_deadline(int timeout_ms)
{
	if (timeout_ms < 0)
		return CHAN_IO_FOREVER;
	return chan_io_now() + timeout_ms;
}

/* Waits until fd is ready for events or the deadline passes. */
static int
chan_io_wait(int fd, short events, int64_t deadline)
{
	struct pollfd	pfd;
	int64_t		left;
	int		n, ms;

	for (;;) {
		if (deadline == CHAN_IO_FOREVER)
			ms = -1;
		else {
			left = deadline - chan_io_now();
			if (left <= 0)
				return SUS_ERR_TIMEOUT;
			ms = left > INT32_MAX ? INT32_MAX : (int)left;
		}
		pfd.fd = fd;
		pfd.events = events;
		pfd.revents = 0;
		n = poll(&pfd, 1, ms);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return SUS_ERR_SYSTEM;
		if (n == 0)
			continue;	/* the deadline check above decides */
		if (pfd.revents & POLLNVAL)
			return SUS_ERR_SYSTEM;
		/* Errors and hangups surface from the recv or send. */
		return 0;
	}
}

/* Writes all pending output before the deadline. */
static int
chan_io_write(struct chan *c, int fd, int64_t deadline)
{
	struct buf	*out = chan_output(c);
	ssize_t		 n;
	int		 r;

	while (buf_len(out) > 0) {
		if ((r = chan_io_wait(fd, POLLOUT, deadline)) != 0)
			return r;
		n = send(fd, buf_ptr(out), buf_len(out),
		    MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN ||
			    errno == EWOULDBLOCK)
				continue;
			if (errno == EPIPE || errno == ECONNRESET)
				return SUS_ERR_EOF;
			return SUS_ERR_SYSTEM;
		}
		if ((r = buf_consume(out, (size_t)n)) != 0)
			return r;
	}
	return 0;
}

/* Reads what is available (waiting until the deadline) into the channel. */
static int
chan_io_read(struct chan *c, int fd, int64_t deadline)
{
	uint8_t	buf[CHAN_IO_CHUNK];
	ssize_t	n;
	size_t	off, used;
	int	r;

	for (;;) {
		if ((r = chan_io_wait(fd, POLLIN, deadline)) != 0)
			return r;
		n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
		if (n > 0)
			break;
		if (n == 0)
			return SUS_ERR_EOF;
		if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
			continue;
		if (errno == ECONNRESET)
			return SUS_ERR_EOF;
		return SUS_ERR_SYSTEM;
	}
	/*
	 * The channel stops early only at CHAN_VERIFY; anything left over
	 * then was sent before the server could have seen message 3, and
	 * feeding it again makes the channel refuse it.
	 */
	for (off = 0; off < (size_t)n; off += used) {
		r = chan_input(c, buf + off, (size_t)n - off, &used);
		if (r != 0)
			return r;
		if (used == 0)
			return SUS_ERR_PROTOCOL;
	}
	return 0;
}

/* Writes everything chan_output() holds; fails after timeout_ms. */
int
chan_io_flush(struct chan *c, int fd, int timeout_ms)
{
	return chan_io_write(c, fd, chan_io_deadline(timeout_ms));
}

/*
 * Runs the handshake until the client reaches CHAN_VERIFY or the server
 * CHAN_OPEN. A client still in CHAN_START is started here. A server that
 * refuses the client's major version sends its preamble before returning
 * SUS_ERR_VERSION, so the client can tell the user what it speaks.
 */
int
chan_io_handshake(struct chan *c, int fd, int timeout_ms)
{
	int64_t		deadline = chan_io_deadline(timeout_ms);
	enum chan_state	st;
	int		r;

	if (chan_role(c) == CHAN_CLIENT && chan_state(c) == CHAN_START &&
	    (r = chan_start(c)) != 0)
		return r;
	for (;;) {
		if ((r = chan_io_write(c, fd, deadline)) != 0)
			return r;
		st = chan_state(c);
		if (st == CHAN_VERIFY || st == CHAN_OPEN)
			return 0;
		if (st == CHAN_CLOSED)
			return SUS_ERR_STATE;
		if ((r = chan_io_read(c, fd, deadline)) != 0)
			break;
	}
	if (r == SUS_ERR_VERSION)
		(void)chan_io_write(c, fd, deadline);
	return r;
}

/* Receives one message, waiting at most timeout_ms (-1 forever). */
int
chan_io_recv(struct chan *c, int fd, int timeout_ms, struct chan_msg *m)
{
	int64_t	deadline = chan_io_deadline(timeout_ms);
	int	r;

	/* Our pending output (message 3, say) may be what the peer awaits. */
	if ((r = chan_io_write(c, fd, deadline)) != 0)
		return r;
	for (;;) {
		if (chan_recv(c, m) == 1)
			return 0;
		if (chan_state(c) != CHAN_OPEN)
			return SUS_ERR_STATE;
		if ((r = chan_io_read(c, fd, deadline)) != 0)
			return r;
	}
}

/* Sends a message and flushes it. */
int
chan_io_send(struct chan *c, int fd, int timeout_ms, uint16_t type,
    uint32_t id, const struct buf *body)
{
	int64_t	deadline = chan_io_deadline(timeout_ms);
	int	r;

	if ((r = chan_sendb(c, type, id, body)) != 0)
		return r;
	return chan_io_write(c, fd, deadline);
}
