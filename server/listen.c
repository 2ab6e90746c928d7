/*
 * The parent: listens, limits unauthenticated connections, accepts, forks
 * and reaps. It never reads a byte a peer sent; that happens only in the
 * children, so a hostile peer can at worst kill its own process.
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "log.h"
#include "susd.h"
#include "xmalloc.h"

/* A child still unauthenticated holds the read end of its startup pipe. */
struct child {
	pid_t	pid;
	int	startup_fd;	/* -1 once the child logged in or died */
};

static struct child	*children;
static int		 nchildren;

/* Opens a listening TCP socket on addr:port. */
int
listen_open(const char *addr, int port)
{
	struct addrinfo	 hints, *res, *ai;
	char		 portstr[8];
	int		 fd = -1, on = 1, e;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(portstr, sizeof portstr, "%d", port);
	if ((e = getaddrinfo(addr, portstr, &hints, &res)) != 0) {
		log_error("%s: %s", addr, gai_strerror(e));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
		    ai->ai_protocol);
		if (fd == -1)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, 128) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd == -1)
		log_error("cannot listen on %s port %d: %s", addr, port,
		    strerror(errno));
	return fd;
}

/* Counts children that have not logged in yet. */
static int
listen_startups(void)
{
	int	i, n = 0;

	for (i = 0; i < nchildren; i++) {
		if (children[i].startup_fd != -1)
			n++;
	}
	return n;
}

/* Forgets children that exited. */
static void
listen_reap(void)
{
	pid_t	pid;
	int	status, i;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < nchildren; i++) {
			if (children[i].pid != pid)
				continue;
			if (children[i].startup_fd != -1)
				close(children[i].startup_fd);
			children[i] = children[--nchildren];
			break;
		}
		if (WIFSIGNALED(status))
			log_warn("session process %ld killed by signal %d",
			    (long)pid, WTERMSIG(status));
	}
}

/* Accepts one connection and forks its session process. */
static void
listen_accept(void)
{
	struct sockaddr_storage	 ss;
	socklen_t		 sslen = sizeof ss;
	char			 host[48], serv[8];
	char			 peer[64];
	int			 fd, pfd[2];
	pid_t			 pid;

	fd = accept4(susd.listen_fd, (struct sockaddr *)&ss, &sslen,
	    SOCK_CLOEXEC);
	if (fd == -1) {
		if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
			log_warn("accept: %s", strerror(errno));
		return;
	}
	if (getnameinfo((struct sockaddr *)&ss, sslen, host, sizeof host, serv,
	    sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		strlcpy(peer, "?", sizeof peer);
	else
		snprintf(peer, sizeof peer, "%s:%s", host, serv);
	/* sshd's MaxStartups: refuse before spending a process on it. */
	if (listen_startups() >= susd.conf.max_startups ||
	    nchildren >= susd.conf.max_sessions) {
		log_warn("refusing %s: too many connections", peer);
		close(fd);
		return;
	}
	if (pipe2(pfd, O_CLOEXEC) == -1) {
		log_warn("pipe: %s", strerror(errno));
		close(fd);
		return;
	}
	switch (pid = fork()) {
	case -1:
		log_warn("fork: %s", strerror(errno));
		close(fd);
		close(pfd[0]);
		close(pfd[1]);
		return;
	case 0:
		signal(SIGHUP, SIG_IGN);
		signal(SIGCHLD, SIG_DFL);
		/* A session dies at once on SIGTERM: PostgreSQL rolls back. */
		signal(SIGTERM, SIG_DFL);
		close(susd.listen_fd);
		close(pfd[0]);
		susd_child_close_keeper();
		free(children);
		session_run(fd, peer, pfd[1]);
		_exit(0);
	}
	close(fd);
	close(pfd[1]);
	children = xreallocarray(children, (size_t)nchildren + 1,
	    sizeof *children);
	children[nchildren].pid = pid;
	children[nchildren].startup_fd = pfd[0];
	nchildren++;
}

/* Closes startup pipes whose child logged in (EOF on the read end). */
static void
listen_check_startups(struct pollfd *pfds, int n)
{
	int	i, j;

	for (i = 1; i < n; i++) {
		if ((pfds[i].revents & (POLLIN | POLLHUP)) == 0)
			continue;
		for (j = 0; j < nchildren; j++) {
			if (children[j].startup_fd == pfds[i].fd) {
				close(children[j].startup_fd);
				children[j].startup_fd = -1;
			}
		}
	}
}

/* Accepts and forks until SIGTERM; then waits for sessions to end. */
int
listen_loop(void)
{
	struct pollfd	*pfds = NULL;
	int		 i, n, r;

	while (!susd_got_term) {
		if (susd_got_chld) {
			susd_got_chld = 0;
			listen_reap();
		}
		if (susd_got_hup) {
			susd_got_hup = 0;
			susd_reload();
		}
		pfds = xreallocarray(pfds, (size_t)nchildren + 1, sizeof *pfds);
		pfds[0].fd = susd.listen_fd;
		pfds[0].events = POLLIN;
		n = 1;
		for (i = 0; i < nchildren; i++) {
			if (children[i].startup_fd == -1)
				continue;
			pfds[n].fd = children[i].startup_fd;
			pfds[n].events = POLLIN;
			n++;
		}
		r = poll(pfds, (nfds_t)n, 1000);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			log_error("poll: %s", strerror(errno));
			break;
		}
		listen_check_startups(pfds, n);
		if (pfds[0].revents & POLLIN)
			listen_accept();
	}
	free(pfds);
	close(susd.listen_fd);
	/*
	 * Sessions end at once on SIGTERM (SIG_DFL in the child); PostgreSQL
	 * rolls back whatever they had open, and nothing acknowledged is lost
	 * because a reply is sent only after its commit.
	 */
	for (i = 0; i < nchildren; i++)
		kill(children[i].pid, SIGTERM);
	while (nchildren > 0) {
		pid_t pid = wait(NULL);
		if (pid == -1 && errno != EINTR)
			break;
		for (i = 0; i < nchildren; i++) {
			if (children[i].pid == pid) {
				if (children[i].startup_fd != -1)
					close(children[i].startup_fd);
				children[i] = children[--nchildren];
				break;
			}
		}
	}
	free(children);
	children = NULL;
	return 0;
}
