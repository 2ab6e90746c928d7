/* Outgoing TCP connections, shared by the client and the test programs. */
#ifndef SUS_NET_H
#define SUS_NET_H

/*
 * Connects to host:port (a service name or number), trying each address
 * in turn, each for at most timeout_ms. Returns a blocking socket with
 * TCP_NODELAY set (requests are small and interactive), or -1; then
 * *gai_err holds a getaddrinfo() error, or 0 when the lookup worked and
 * errno says why no address answered.
 */
int	net_connect(const char *host, const char *port, int timeout_ms,
	    int *gai_err);

#endif
