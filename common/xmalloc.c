/* Allocation helpers that abort on failure, as in OpenSSH and tmux. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "log.h"
#include "xmalloc.h"

/* Allocates size bytes or dies. */
void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		fatal("xmalloc: zero size");
	if ((p = malloc(size)) == NULL)
		fatal("xmalloc: out of memory allocating %zu bytes", size);
	return p;
}

/* Allocates a zeroed array or dies. */
void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		fatal("xcalloc: zero size");
	if ((p = calloc(nmemb, size)) == NULL)
		fatal("xcalloc: out of memory");
	return p;
}

/* Resizes an array, checking the multiplication for overflow. */
void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		fatal("xreallocarray: zero size");
	if (nmemb > SIZE_MAX / size)
		fatal("xreallocarray: overflow");
	if ((p = realloc(ptr, nmemb * size)) == NULL)
		fatal("xreallocarray: out of memory");
	return p;
}

/* Duplicates a string or dies. */
char *
xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		fatal("xstrdup: out of memory");
	return p;
}

/* Duplicates at most n bytes of a string or dies. */
char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	if ((p = strndup(s, n)) == NULL)
		fatal("xstrndup: out of memory");
	return p;
}

/* Formats into a new string or dies. */
int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list	ap;
	int	i;

	va_start(ap, fmt);
	i = vasprintf(ret, fmt, ap);
	va_end(ap);
	if (i < 0 || *ret == NULL)
		fatal("xasprintf: out of memory");
	return i;
}

/* Wipes then frees; for anything that held a secret. */
void
freezero(void *p, size_t len)
{
	if (p == NULL)
		return;
	sodium_memzero(p, len);
	free(p);
}

/* Copies src into dst of size dsize, always terminating. */
size_t
strlcpy(char *dst, const char *src, size_t dsize)
{
	size_t	len = strlen(src);

	if (dsize != 0) {
		size_t n = len >= dsize ? dsize - 1 : len;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* Appends src to dst of size dsize, always terminating. */
size_t
strlcat(char *dst, const char *src, size_t dsize)
{
	size_t	dlen = strnlen(dst, dsize);

	if (dlen == dsize)
		return dlen + strlen(src);
	return dlen + strlcpy(dst + dlen, src, dsize - dlen);
}
