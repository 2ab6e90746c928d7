/* Allocation helpers that abort on failure, as in OpenSSH and tmux. */
#ifndef SUS_XMALLOC_H
#define SUS_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Wipes then frees; for anything that held a secret. */
void	 freezero(void *, size_t);
/* strlcpy/strlcat as in OpenBSD: always terminate, return wanted length. */
size_t	 strlcpy(char *, const char *, size_t);
size_t	 strlcat(char *, const char *, size_t);

#endif
