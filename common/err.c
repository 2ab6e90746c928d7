/* Descriptions of SUS_ERR_* codes for logs. */
#include <stddef.h>

#include "err.h"

static const char *err_strings[] = {
	"success",
	"internal error",
	"out of memory",
	"buffer full",
	"message incomplete",
	"invalid format",
	"string too long",
	"invalid UTF-8",
	"trailing data",
	"decryption failed",
	"handshake failed",
	"invalid public key",
	"nonce exhausted",
	"invalid frame length",
	"protocol violation",
	"protocol version mismatch",
	"message too large",
	"system error",
	"connection closed",
	"timed out",
	"key file permissions too open",
	"server key does not match pin",
	"bad protocol magic",
	"wrong state",
	"invalid key file",
	"not found",
	"configuration error",
	"invalid argument",
	"account no longer usable",
};

/* Returns a short English description of an error code, for logs. */
const char *
sus_strerror(int r)
{
	size_t	i;

	if (r > 0)
		return "unknown error";
	i = (size_t)-r;
	if (i >= sizeof(err_strings) / sizeof(err_strings[0]))
		return "unknown error";
	return err_strings[i];
}
